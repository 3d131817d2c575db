//! The registry of the 47 国保連 rulebooks: one TOML file per 国保連 in
//! `hug-onboard-core/rulebooks/` (`26-kyoto.toml`), embedded at build time with
//! `include_str!` (the core reads no file at run time), read once on first use.
//!
//! Each file overrides only what a source states for the 国保連's 障害 claims,
//! and names its source per field under `[sources]`; every other field is the
//! default and counts as unverified. Statements about 介護 or from a city's page
//! are kept under `[[notes]]` and never applied. See `rulebooks/README.md` for
//! the format and how to add a source.

use std::sync::OnceLock;

use crate::diagnostic::Problems;
use crate::facility::{FacilityNumber, Prefecture};

use super::{Rulebook, RulebookError};

macro_rules! registry_files {
    ($($file:literal)*) => {
        /// The registry files, in prefecture-code order: (file name, text).
        const FILES: &[(&str, &str)] = &[
            $(($file, include_str!(concat!("../../rulebooks/", $file))),)*
        ];
    };
}

registry_files! {
    "01-hokkaido.toml" "02-aomori.toml" "03-iwate.toml" "04-miyagi.toml" "05-akita.toml"
    "06-yamagata.toml" "07-fukushima.toml" "08-ibaraki.toml" "09-tochigi.toml" "10-gunma.toml"
    "11-saitama.toml" "12-chiba.toml" "13-tokyo.toml" "14-kanagawa.toml" "15-niigata.toml"
    "16-toyama.toml" "17-ishikawa.toml" "18-fukui.toml" "19-yamanashi.toml" "20-nagano.toml"
    "21-gifu.toml" "22-shizuoka.toml" "23-aichi.toml" "24-mie.toml" "25-shiga.toml"
    "26-kyoto.toml" "27-osaka.toml" "28-hyogo.toml" "29-nara.toml" "30-wakayama.toml"
    "31-tottori.toml" "32-shimane.toml" "33-okayama.toml" "34-hiroshima.toml" "35-yamaguchi.toml"
    "36-tokushima.toml" "37-kagawa.toml" "38-ehime.toml" "39-kochi.toml" "40-fukuoka.toml"
    "41-saga.toml" "42-nagasaki.toml" "43-kumamoto.toml" "44-oita.toml" "45-miyazaki.toml"
    "46-kagoshima.toml" "47-okinawa.toml"
}

/// The names of the embedded registry files, in prefecture-code order.
///
/// ```
/// let f = hug_onboard_core::schedule::registry_file_names();
/// assert_eq!((f.len(), f[25]), (47, "26-kyoto.toml"));
/// ```
pub fn registry_file_names() -> Vec<&'static str> {
    FILES.iter().map(|(name, _)| *name).collect()
}

type Loaded = Result<Vec<Rulebook>, Problems<RulebookError>>;

fn load_all() -> Loaded {
    let mut books = Vec::with_capacity(FILES.len());
    let mut problems = Vec::new();
    for (name, text) in FILES {
        match load_file(name, text) {
            Ok(rb) => books.push(rb),
            Err(p) => problems.extend(p.into_items()),
        }
    }
    match Problems::new(problems) {
        Some(p) => Err(p),
        None => Ok(books),
    }
}

/// Reads one registry file: a rulebook whose `prefecture` must match the
/// two digits its file name starts with. Every problem names the file.
fn load_file(name: &str, text: &str) -> Result<Rulebook, Problems<RulebookError>> {
    let rb = Rulebook::from_toml_file(name, text)?;
    let expected = name.get(..2).and_then(Prefecture::from_code);
    let declared = rb.prefecture().and_then(Prefecture::from_code);
    if expected.is_none() || declared != expected {
        return Err(Problems::one(RulebookError::InFile {
            file: name.to_owned(),
            problem: Box::new(RulebookError::PrefectureMismatch {
                file: name.to_owned(),
                declared: rb.prefecture().unwrap_or_default().to_owned(),
            }),
        }));
    }
    Ok(rb)
}

fn registry() -> &'static Loaded {
    static REGISTRY: OnceLock<Loaded> = OnceLock::new();
    REGISTRY.get_or_init(load_all)
}

impl Rulebook {
    /// Reads a rulebook file in TOML, every problem naming the file
    /// (`26-kyoto.toml: window.closing_day = 32 is not a day 1-31`); the code
    /// of each problem is its own (`rulebook.day_out_of_range`).
    ///
    /// # Errors
    ///
    /// As [`from_toml`](Self::from_toml), each wrapped with the file name.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::{Lang, diagnostic::Diagnostic, schedule::Rulebook};
    /// let err = Rulebook::from_toml_file("99-x.toml", "[window]\nclosing_day = 32\n").unwrap_err();
    /// assert_eq!(err.codes(), ["rulebook.day_out_of_range"]);
    /// assert!(err.items()[0].message(Lang::En).starts_with("99-x.toml: window.closing_day = 32"));
    /// ```
    pub fn from_toml_file(file: &str, text: &str) -> Result<Rulebook, Problems<RulebookError>> {
        Rulebook::from_toml(text).map_err(|p| {
            let items = p
                .into_items()
                .into_iter()
                .map(|e| RulebookError::InFile {
                    file: file.to_owned(),
                    problem: Box::new(e),
                })
                .collect();
            Problems::new(items).unwrap_or_else(|| unreachable!("non-empty"))
        })
    }

    /// The 47 rulebooks of the registry, in prefecture-code order.
    ///
    /// # Errors
    ///
    /// Every problem of every embedded file, each naming its file (the
    /// registry's own tests make sure there is none).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::schedule::Rulebook;
    /// let all = Rulebook::registry()?;
    /// assert_eq!(all.len(), 47);
    /// assert_eq!(all[41].id(), "nagasaki");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn registry() -> Result<&'static [Rulebook], Problems<RulebookError>> {
        registry().as_ref().map(Vec::as_slice).map_err(Clone::clone)
    }

    /// The rulebook of a prefecture's 国保連.
    ///
    /// # Errors
    ///
    /// Those of [`registry`](Self::registry).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::{facility::Prefecture, schedule::{Roll, Rulebook}};
    /// let kyoto = Rulebook::for_prefecture(Prefecture::Kyoto)?;
    /// assert_eq!(kyoto.payment().roll, Roll::PreviousBusinessDay);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_prefecture(
        prefecture: Prefecture,
    ) -> Result<&'static Rulebook, Problems<RulebookError>> {
        let all = Rulebook::registry()?;
        all.get(usize::from(prefecture.number()) - 1)
            .filter(|r| r.prefecture() == Some(prefecture.code().as_str()))
            .ok_or_else(|| {
                Problems::one(RulebookError::UnknownPrefecture {
                    code: prefecture.code(),
                })
            })
    }

    /// The rulebook of the 国保連 with this two-digit prefecture code (`"26"`).
    ///
    /// # Errors
    ///
    /// `rulebook.unknown_prefecture` unless the code is `01`–`47`; those of
    /// [`registry`](Self::registry).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::schedule::Rulebook;
    /// assert_eq!(Rulebook::for_prefecture_code("42")?.window().closing_time.to_string(), "18:00");
    /// assert_eq!(Rulebook::for_prefecture_code("48").unwrap_err().codes(), ["rulebook.unknown_prefecture"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_prefecture_code(code: &str) -> Result<&'static Rulebook, Problems<RulebookError>> {
        let p = Prefecture::from_code(code.trim()).ok_or_else(|| {
            Problems::one(RulebookError::UnknownPrefecture {
                code: code.chars().take(64).collect(),
            })
        })?;
        Rulebook::for_prefecture(p)
    }

    /// The rulebook of the facility's own 国保連 (the prefecture in digits 1–2
    /// of its 事業所番号; a number outside 01–47 is already refused by
    /// [`FacilityNumber::parse`]).
    ///
    /// # Errors
    ///
    /// Those of [`registry`](Self::registry).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::{facility::FacilityNumber, schedule::Rulebook};
    /// let n = FacilityNumber::parse("2612345678")?;
    /// assert_eq!(Rulebook::for_facility(&n)?.id(), "kyoto");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_facility(
        facility: &FacilityNumber,
    ) -> Result<&'static Rulebook, Problems<RulebookError>> {
        Rulebook::for_prefecture(facility.prefecture())
    }
}
