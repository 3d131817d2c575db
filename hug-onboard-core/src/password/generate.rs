//! Generation: a password both screens accept, from a caller-supplied random source.

use zeroize::Zeroizing;

use super::{LOOK_ALIKES, PasswordError, PasswordPolicy, RandomReason};
use crate::secret::Secret;

impl PasswordPolicy {
    /// The range of lengths [`generate_with`](Self::generate_with) accepts: within this
    /// policy *and* both screens (8–16), and at least 2 (a letter and a
    /// digit). `None` when no length fits (a custom policy with `min_len >
    /// max_len`, say).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::password::PasswordPolicy;
    /// assert_eq!(PasswordPolicy::generation().generate_lengths(), Some((8, 16)));
    /// ```
    pub fn generate_lengths(&self) -> Option<(usize, usize)> {
        let screens = [
            PasswordPolicy::test_screen(),
            PasswordPolicy::production_screen(),
        ];
        let min = screens
            .iter()
            .map(|p| p.min_len)
            .chain([self.min_len, 2])
            .max()
            .unwrap_or(2);
        let max = screens
            .iter()
            .map(|p| p.max_len)
            .chain([self.max_len])
            .min()
            .unwrap_or(0);
        (min <= max).then_some((min, max))
    }

    /// The error for a length [`generate_with`](Self::generate_with) does not
    /// make (`password.generate_length`, naming the range of
    /// [`generate_lengths`](Self::generate_lengths), or the policy's own when no
    /// length fits): `requested` as the caller gave it, which may be beyond what
    /// a `usize` holds (a binding's `-1` or `10**22`).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::diagnostic::{Diagnostic, Lang};
    /// use hug_onboard_core::password::PasswordPolicy;
    /// let e = PasswordPolicy::generation().length_refused("-1");
    /// assert_eq!(e.code(), "password.generate_length");
    /// assert_eq!(e.message(Lang::En), "Cannot generate a password of -1 characters; ask for 8 to 16.");
    /// ```
    pub fn length_refused(&self, requested: impl std::fmt::Display) -> PasswordError {
        let (min, max) = self
            .generate_lengths()
            .unwrap_or((self.min_len, self.max_len));
        PasswordError::GenerateLength {
            requested: requested.to_string(),
            min,
            max,
        }
    }

    /// The characters [`generate_with`](Self::generate_with) draws from: letters, digits
    /// 2–9 and this policy's symbols that both screens accept, minus
    /// [`LOOK_ALIKES`], in a fixed order.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::password::PasswordPolicy;
    /// let a = PasswordPolicy::test_screen().generation_alphabet();
    /// assert!(!a.contains('0') && !a.contains('O') && !a.contains('~'));
    /// assert!(a.contains('A') && a.contains('9') && a.contains('#'));
    /// ```
    pub fn generation_alphabet(&self) -> String {
        let (letters, digits, symbols) = self.generation_sets();
        let mut s: String = letters.into_iter().collect();
        s.extend(digits);
        s.extend(symbols);
        s
    }

    fn generation_sets(&self) -> (Vec<char>, Vec<char>, Vec<char>) {
        let ok = |c: &char| !LOOK_ALIKES.contains(*c);
        let letters = ('a'..='z').chain('A'..='Z').filter(ok).collect();
        let digits = ('0'..='9').filter(ok).collect();
        let mut symbols: Vec<char> = self
            .screens
            .common()
            .chars()
            .filter(|c| self.symbols.contains(*c))
            .filter(ok)
            .collect();
        symbols.dedup();
        (letters, digits, symbols)
    }

    /// Generates a password of `length` characters from the random bytes
    /// that `fill` supplies (it must fill the whole buffer or return an error
    /// message). Pass a CSPRNG — e.g. `getrandom::fill` — in production: the
    /// core reads no operating-system source itself (it has no `libc` in its
    /// dependency tree); the C and Python faces pass the OS generator.
    ///
    /// The result passes this policy, the テストID screen and the production
    /// screen, by construction: it holds at least one letter and one digit,
    /// draws every character from [`generation_alphabet`](Self::generation_alphabet)
    /// (no look-alikes, only symbols both screens accept) by unbiased
    /// rejection sampling, and the positions are shuffled (Fisher–Yates).
    /// It is checked once more before it is returned.
    ///
    /// # Errors
    ///
    /// `password.generate_length` when `length` is outside
    /// [`generate_lengths`](Self::generate_lengths) (8–16 for the built-in
    /// profiles); `password.random_unavailable` when `fill` fails, or when it
    /// keeps returning bytes that rejection sampling must discard (1 000 in a
    /// row); `password.generate_failed` never (an internal guard).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::diagnostic::Diagnostic;
    /// use hug_onboard_core::password::PasswordPolicy;
    ///
    /// let p = PasswordPolicy::generation();
    /// let mut counter = 0u8;
    /// let pw = p.generate_with(8, |buf| {
    ///     for b in buf.iter_mut() { *b = counter; counter = counter.wrapping_add(37); }
    ///     Ok(())
    /// })?;
    /// assert!(p.is_acceptable(pw.expose(), None));
    ///
    /// let err = p.generate_with(8, |_| Err("no entropy".into())).unwrap_err();
    /// assert_eq!(err.code(), "password.random_unavailable");
    /// # Ok::<(), hug_onboard_core::password::PasswordError>(())
    /// ```
    pub fn generate_with<F>(&self, length: usize, fill: F) -> Result<Secret, PasswordError>
    where
        F: FnMut(&mut [u8]) -> Result<(), String>,
    {
        let Some((min, max)) = self.generate_lengths() else {
            return Err(self.length_refused(length));
        };
        if length < min || length > max {
            return Err(self.length_refused(length));
        }
        let (letters, digits, symbols) = self.generation_sets();
        let mut all = letters.clone();
        all.extend(&digits);
        all.extend(&symbols);

        let mut rng = Sampler::new(fill);
        let mut chars: Zeroizing<Vec<char>> = Zeroizing::new(Vec::with_capacity(length));
        chars.push(pick(&mut rng, &letters)?);
        chars.push(pick(&mut rng, &digits)?);
        while chars.len() < length {
            chars.push(pick(&mut rng, &all)?);
        }
        // Fisher–Yates: the letter and the digit end up anywhere.
        for i in (1..chars.len()).rev() {
            let j = rng.below(i + 1)?;
            chars.swap(i, j);
        }
        let mut s = String::with_capacity(length);
        s.extend(chars.iter());
        let secret = Secret::new(s);
        let passes = |p: &PasswordPolicy| p.check(secret.expose(), None).is_empty();
        // Both screens as this policy's data describes them.
        let screen = |symbols: &str| PasswordPolicy {
            symbols: symbols.to_owned(),
            ..self.clone()
        };
        if passes(self)
            && passes(&screen(&self.screens.test))
            && passes(&screen(&self.screens.production))
        {
            Ok(secret)
        } else {
            Err(PasswordError::GenerateFailed)
        }
    }
}

fn pick<F>(rng: &mut Sampler<F>, set: &[char]) -> Result<char, PasswordError>
where
    F: FnMut(&mut [u8]) -> Result<(), String>,
{
    let i = rng.below(set.len())?;
    set.get(i).copied().ok_or(PasswordError::GenerateFailed)
}

/// Unbiased sampling of small ranges from a byte source.
pub(super) struct Sampler<F> {
    fill: F,
    buf: Zeroizing<[u8; 64]>,
    pos: usize,
}

/// Rejected bytes in a row after which the source is declared broken.
const MAX_REJECTIONS: usize = 1000;

impl<F> Sampler<F>
where
    F: FnMut(&mut [u8]) -> Result<(), String>,
{
    pub(super) fn new(fill: F) -> Self {
        Sampler {
            fill,
            buf: Zeroizing::new([0; 64]),
            pos: 64,
        }
    }

    fn byte(&mut self) -> Result<u8, PasswordError> {
        if self.pos >= self.buf.len() {
            (self.fill)(&mut self.buf[..]).map_err(|detail| PasswordError::RandomUnavailable {
                reason: RandomReason::SourceFailed { detail },
            })?;
            self.pos = 0;
        }
        let b = self.buf.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        Ok(b)
    }

    /// A uniform index in `0..n`, for `1 <= n <= 256`.
    pub(super) fn below(&mut self, n: usize) -> Result<usize, PasswordError> {
        if n == 0 || n > 256 {
            return Err(PasswordError::GenerateFailed);
        }
        // Accept bytes below the largest multiple of n that fits in 256.
        let zone = 256 - 256 % n;
        for _ in 0..MAX_REJECTIONS {
            let b = usize::from(self.byte()?);
            if b < zone {
                return Ok(b % n);
            }
        }
        Err(PasswordError::RandomUnavailable {
            reason: RandomReason::UnusableBytes,
        })
    }
}
