//! OCR tolerance for the registration notice: label matching despite damaged
//! glyphs, stray marks and table borders, Tesseract TSV word boxes grouped into
//! rows, and the glyphs OCR confuses in IDs and passwords.
//!
//! # Label matching
//!
//! A label is matched on a *skeleton*: the line and the label are folded
//! through the OCR look-alike classes (`0 O o`, `1 l I |`, `5 S`, `8 B`,
//! `2 Z`, `ー 一 -`, full-width forms) and white space inside the label is
//! ignored (Tesseract's Japanese model often spaces out kanji). The folded
//! prefix of the line is then compared with each label by edit distance
//! (Levenshtein, one edit = one character inserted, deleted or replaced). A
//! label of up to 3 characters must match exactly, up to 7 characters allows 1
//! edit, longer labels 2 (`証明書` → `症明書`, `(仮)` → `(伯)`, `テストID` →
//! `テストTD` are one edit each). The prefix must end at a boundary (white
//! space, a separator mark, the end of the line, `〒`, or the change from
//! Japanese script to ASCII), and the best label must be **strictly** closer
//! than any other label: a tie (e.g. `事業所番` — one edit from both `事業所番号`
//! and `事業所名`) matches nothing, so a damaged label never lands in the wrong
//! field.
//!
//! # Glyphs OCR confuses
//!
//! In an ID or a password the library cannot know whether `0` is a zero or a
//! capital O: every such glyph is reported (`notice.ocr_confusable`, with its
//! 1-based position) so that HUG asks the user to compare it with the paper
//! before the first login (three wrong passwords lock the ID for 30 minutes).
//! The 事業所番号 is digits only, so a letter that OCR gives in its place
//! (`O` → `0`, `l` → `1`, …) is corrected **and** reported
//! (`notice.ocr_corrected`).
//!
//! # Tesseract TSV
//!
//! `tsv_lines` reads Tesseract's TSV (`tesseract IMAGE - -l jpn tsv`: columns
//! `level page_num block_num par_num line_num word_num left top width height conf
//! text`), keeps the words (level 5), drops words made only of table-border
//! marks, and groups words into visual rows by their vertical overlap —
//! not by Tesseract's own block/line numbers, which follow the table's columns —
//! so each label is paired with the value on its row. Tesseract's word boxes do
//! not tell a real space inside a Japanese name from the gap between two kanji,
//! so words are joined with a space only across a wide gap (more than 0.8 of the
//! row's median word height: the gap between the table's columns) or next to an
//! ASCII letter or digit across a gap of a quarter of that.
//!
//! # Reconciling reads character by character
//!
//! A free-text value (the 事業所名, the address) read several times is
//! reconciled per character (`vote_chars`): each read is aligned with the
//! page's read (the *backbone*) by a Levenshtein alignment (one edit = one
//! character inserted, deleted or replaced; ties broken the same way every
//! time: match or replace, then delete, then insert), and every position of
//! the backbone, and every gap between two positions, takes the option that
//! strictly more reads give than any other; without such a majority the
//! page's character (or no insertion) stays, and the position is reported.
//! So `就労継続支援P玉` with second reads `就労継続支援B型`, `就労練援5型`,
//! `弥労継続支援B型`, `統労続支援B型` gives `就労継続支援B型` although no two
//! whole reads agree. The alignment is our own (40 lines): the reads are a
//! few dozen characters, OCR errors are mostly *substitutions*, which the
//! diff crates (an LCS: insertions and deletions only) do not model, and the
//! sequence-alignment libraries (rust-bio's pairwise and partial-order
//! alignment) would bring a large dependency tree into this pure core for
//! a 40-line dynamic programme.

use super::NoticeField;

/// Edits allowed between a label of `len` characters and what OCR read.
pub(crate) fn max_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The skeleton of a character: its OCR look-alike class representative.
pub(crate) fn fold(c: char) -> char {
    let c = crate::text::halfwidth_ascii_char(c);
    match c {
        '0' | 'O' | 'o' => '0',
        '1' | 'l' | 'I' | '|' | 'i' | '!' | '\u{2502}' => 'I',
        '5' | 'S' | 's' => 'S',
        '8' | 'B' => 'B',
        '2' | 'Z' | 'z' => 'Z',
        'ー' | '一' | '-' | '_' | '\u{2500}' | '\u{2501}' => '-',
        '（' | '(' | '[' | '「' | '〔' => '(',
        '）' | ')' | ']' | '」' | '〕' => ')',
        _ => c,
    }
}

/// Levenshtein distance between two char slices.
pub(crate) fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Marks OCR puts between a label and its value, or reads from table borders.
pub(crate) fn is_stray_mark(c: char) -> bool {
    matches!(
        c,
        '|' | '('
            | ')'
            | '['
            | ']'
            | '.'
            | ','
            | '、'
            | '。'
            | '・'
            | '\''
            | '"'
            | '`'
            | '_'
            | '='
            | '!'
            | ':'
            | ';'
            | '「'
            | '」'
            | '〔'
            | '〕'
            | '-'
            | '~'
            | '丨'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '…'
            | '【'
            | '】'
            | '—'
            | '*'
    ) || is_border(c)
}

/// Box-drawing characters (U+2500–U+257F) and the vertical bars of table borders.
pub(crate) fn is_border(c: char) -> bool {
    matches!(c, '\u{2500}'..='\u{257F}' | '｜' | '¦')
}

/// Is there a boundary between `a` (the last char of a label) and `b` (the next one)?
pub(crate) fn is_boundary(next: Option<char>, last: char) -> bool {
    match next {
        None => true,
        Some(n) => {
            n.is_whitespace()
                || matches!(n, ':' | '：' | '〒' | '|' | '(' | '[' | ']' | '.' | '丨')
                || is_border(n)
                || (!last.is_ascii() && n.is_ascii_alphanumeric())
        }
    }
}

/// A label candidate matched at the start of a line.
#[derive(Clone, Debug)]
pub(crate) struct LabelHit {
    /// Index into the label table.
    pub index: usize,
    /// Edits between the label and what was read.
    pub edits: usize,
    /// The label as read (without inner white space).
    pub read: String,
    /// Byte offset in the line where the label ends.
    pub end: usize,
}

/// Outcome of matching a line against the labels.
#[derive(Clone, Debug)]
pub(crate) enum LabelMatch {
    None,
    Hit(LabelHit),
    /// Two labels equally close: nothing is matched.
    Ambiguous {
        read: String,
    },
}

/// Matches the start of `line` against `labels` (already in their printed form).
/// `tolerant` allows the edits of [`max_edits`]; otherwise only exact skeleton matches.
pub(crate) fn match_label(line: &str, labels: &[&str], tolerant: bool) -> LabelMatch {
    // Non-white characters of the line with their byte offsets (end of char).
    let chars: Vec<(char, usize)> = line
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .map(|(i, c)| (c, i + c.len_utf8()))
        .collect();
    let folded: Vec<char> = chars.iter().map(|(c, _)| fold(*c)).collect();
    // best per label: (edits, m)
    let mut best: Vec<(usize, usize, usize)> = Vec::new(); // (edits, label index, m)
    for (li, label) in labels.iter().enumerate() {
        let lab: Vec<char> = label
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(fold)
            .collect();
        let allowed = if tolerant { max_edits(lab.len()) } else { 0 };
        let lo = lab.len().saturating_sub(allowed).max(1);
        let hi = (lab.len() + allowed).min(folded.len());
        let mut found: Option<(usize, usize)> = None;
        for m in lo..=hi {
            let (last, end) = chars[m - 1];
            let next = line[end..].chars().next();
            if !is_boundary(next, last) {
                continue;
            }
            // A label never ends in a stray mark it could have swallowed from the value side.
            let d = edit_distance(&folded[..m], &lab);
            if d <= allowed {
                let better = match found {
                    None => true,
                    Some((fd, fm)) => {
                        d < fd || (d == fd && m.abs_diff(lab.len()) < fm.abs_diff(lab.len()))
                    }
                };
                if better {
                    found = Some((d, m));
                }
            }
        }
        if let Some((d, m)) = found {
            best.push((d, li, m));
        }
    }
    best.sort();
    let Some(&(d, li, m)) = best.first() else {
        return LabelMatch::None;
    };
    // A label that does not end in a Latin letter or digit, matched with such
    // characters at its end (`(仮)パスワK ari0123`), may have taken the first
    // characters of the value (a password's `K`) as its own damage — or a
    // damaged last kana may read as a letter (`(仮)パスワーF Kari0123`). Where it
    // also matches without them the two cannot be told apart: ambiguous (the
    // row is not taken), quoted without those characters.
    let lab_ends_latin = labels[li]
        .chars()
        .rfind(|c| !c.is_whitespace())
        .map(fold)
        .is_some_and(|c| c.is_ascii_alphanumeric());
    if tolerant && !lab_ends_latin {
        let mut k = m;
        while k > 0 && fold(chars[k - 1].0).is_ascii_alphanumeric() {
            k -= 1;
        }
        if k < m && k > 0 {
            let lab: Vec<char> = labels[li]
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(fold)
                .collect();
            if edit_distance(&folded[..k], &lab) <= max_edits(lab.len()) {
                return LabelMatch::Ambiguous {
                    read: chars[..k].iter().map(|(c, _)| *c).collect(),
                };
            }
        }
    }
    let read: String = chars[..m].iter().map(|(c, _)| *c).collect();
    if let Some(&(d2, li2, _)) = best.get(1)
        && d2 == d
        && !same_field(labels[li], labels[li2])
    {
        return LabelMatch::Ambiguous { read };
    }
    LabelMatch::Hit(LabelHit {
        index: li,
        edits: d,
        read,
        end: chars[m - 1].1,
    })
}

/// Two spellings of the same label (`(仮)パスワード` and `仮パスワード`) never clash.
fn same_field(a: &str, b: &str) -> bool {
    a.ends_with("仮パスワード") && b.ends_with("仮パスワード")
        || a.starts_with("テスト") && b.starts_with("テスト")
}

/// Strips stray marks at the start of a value. Returns the value and the
/// marks removed that touched the value (no white space in between): those
/// could be part of it, so they are reported for an ID or a password.
pub(crate) fn strip_leading_marks(v: &str) -> (&str, Vec<char>) {
    let mut rest = v.trim_start();
    let mut touching = Vec::new();
    while let Some(c) = rest.chars().next() {
        if !(is_stray_mark(c) || c == '：') {
            break;
        }
        let after = &rest[c.len_utf8()..];
        let next = after.chars().next();
        if next.is_some_and(|n| !n.is_whitespace() && !is_stray_mark(n)) {
            touching.push(c);
        }
        rest = after.trim_start();
    }
    (rest, touching)
}

/// Removes table-border tokens at the end of a value (`Kari0123 |`): only
/// marks standing apart, never a mark that touches the value.
pub(crate) fn strip_trailing_borders(v: &str) -> &str {
    let mut v = v.trim_end();
    loop {
        match v.rsplit_once(char::is_whitespace) {
            Some((head, tail)) if !tail.is_empty() && tail.chars().all(is_stray_mark) => {
                v = head.trim_end();
            }
            _ => break,
        }
    }
    v
}

/// The vertical bars of a table's right border, as OCR reads them at a line's end.
pub(crate) const END_BARS: [char; 3] = ['|', '｜', '¦'];

/// Cleans one OCR line: box-drawing characters dropped, border bars at either
/// end removed — except bars at the end that touch a Latin letter or a digit
/// (`T131234|`): such a bar may be a glyph of an ID or a password (`1 l I |`),
/// so it is left for the value's own rule (`classify` removes it from a value
/// and reports it for an ID or a password).
pub(crate) fn clean_line(line: &str) -> String {
    let s: String = line
        .chars()
        .filter(|c| !matches!(c, '\u{2500}'..='\u{257F}'))
        .collect();
    let s = s.trim();
    let s = s.trim_start_matches(|c: char| {
        matches!(c, '|' | '｜' | '¦' | '[' | ']') || c.is_whitespace()
    });
    let s = strip_trailing_borders(s);
    let kept = s.trim_end_matches(END_BARS);
    if kept.ends_with(|c: char| crate::text::halfwidth_ascii_char(c).is_ascii_alphanumeric()) {
        s.trim().to_owned()
    } else {
        kept.trim().to_owned()
    }
}

/// One glyph OCR confuses, with its look-alikes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Confusable {
    /// What the text has.
    pub glyph: &'static str,
    /// Its name in Japanese (数字のゼロ).
    pub name_ja: &'static str,
    /// Its name in English (digit zero).
    pub name_en: &'static str,
    /// The glyphs it is mistaken for.
    pub look_alikes: &'static str,
}

/// The glyphs OCR confuses in IDs and passwords (0/O/o, 1/l/I/|, 5/S, 8/B,
/// 2/Z, rn/m, ー/一/-). One fact, one place: findings, messages and the
/// faces all read this table.
pub const CONFUSABLES: &[Confusable] = &[
    Confusable {
        glyph: "0",
        name_ja: "数字のゼロ",
        name_en: "digit zero",
        look_alikes: "O o",
    },
    Confusable {
        glyph: "O",
        name_ja: "英大文字のオー",
        name_en: "capital letter O",
        look_alikes: "0 o",
    },
    Confusable {
        glyph: "o",
        name_ja: "英小文字のオー",
        name_en: "small letter o",
        look_alikes: "0 O",
    },
    Confusable {
        glyph: "1",
        name_ja: "数字のイチ",
        name_en: "digit one",
        look_alikes: "l I |",
    },
    Confusable {
        glyph: "l",
        name_ja: "英小文字のエル",
        name_en: "small letter L",
        look_alikes: "1 I |",
    },
    Confusable {
        glyph: "I",
        name_ja: "英大文字のアイ",
        name_en: "capital letter I",
        look_alikes: "1 l |",
    },
    Confusable {
        glyph: "|",
        name_ja: "縦棒",
        name_en: "vertical bar",
        look_alikes: "1 l I",
    },
    Confusable {
        glyph: "5",
        name_ja: "数字のゴ",
        name_en: "digit five",
        look_alikes: "S",
    },
    Confusable {
        glyph: "S",
        name_ja: "英大文字のエス",
        name_en: "capital letter S",
        look_alikes: "5",
    },
    Confusable {
        glyph: "8",
        name_ja: "数字のハチ",
        name_en: "digit eight",
        look_alikes: "B",
    },
    Confusable {
        glyph: "B",
        name_ja: "英大文字のビー",
        name_en: "capital letter B",
        look_alikes: "8",
    },
    Confusable {
        glyph: "2",
        name_ja: "数字のニ",
        name_en: "digit two",
        look_alikes: "Z",
    },
    Confusable {
        glyph: "Z",
        name_ja: "英大文字のゼット",
        name_en: "capital letter Z",
        look_alikes: "2",
    },
    Confusable {
        glyph: "rn",
        name_ja: "英小文字のアール＋エヌ",
        name_en: "small letters r + n",
        look_alikes: "m",
    },
    Confusable {
        glyph: "m",
        name_ja: "英小文字のエム",
        name_en: "small letter m",
        look_alikes: "rn",
    },
    Confusable {
        glyph: "-",
        name_ja: "ハイフン",
        name_en: "hyphen",
        look_alikes: "ー 一",
    },
    Confusable {
        glyph: "ー",
        name_ja: "長音符",
        name_en: "long vowel mark",
        look_alikes: "一 -",
    },
    Confusable {
        glyph: "一",
        name_ja: "漢字のイチ",
        name_en: "kanji one",
        look_alikes: "ー -",
    },
];

/// Text OCR read, as a message quotes it: at most [`SHOWN_CHARS`] characters, then `…`
/// (a damaged label or postal code can be a whole line of noise).
///
/// ```
/// use hug_onboard_core::notice::ocr::{shown, SHOWN_CHARS};
/// assert_eq!(shown("テス ト TJD"), "テス ト TJD");
/// assert_eq!(shown(&"#".repeat(5000)).chars().count(), SHOWN_CHARS + 1);
/// ```
pub fn shown(read: &str) -> String {
    match read.char_indices().nth(SHOWN_CHARS) {
        Some((i, _)) => format!("{}…", &read[..i]),
        None => read.to_owned(),
    }
}

/// How many characters of an OCR'd text a message quotes ([`shown`]).
pub const SHOWN_CHARS: usize = 40;

/// The look-alike groups of [`CONFUSABLES`] for a message, each glyph with its
/// look-alikes, joined by `sep`: `0/O/o, 1/l/I/|, 5/S, …` (derived from the table).
///
/// ```
/// use hug_onboard_core::notice::ocr::confusable_groups;
/// let g = confusable_groups(", ");
/// assert!(g.starts_with("0/O/o, 1/l/I/|, 5/S, 8/B, 2/Z, rn/m"), "{g}");
/// ```
pub fn confusable_groups(sep: &str) -> String {
    let mut groups: Vec<Vec<&str>> = Vec::new();
    for c in CONFUSABLES {
        if groups.iter().any(|g| g.contains(&c.glyph)) {
            continue;
        }
        let mut g = vec![c.glyph];
        g.extend(c.look_alikes.split_whitespace());
        groups.push(g);
    }
    groups
        .iter()
        .map(|g| g.join("/"))
        .collect::<Vec<_>>()
        .join(sep)
}

/// The confusable glyphs of `value`: `(1-based character position, entry)`.
///
/// ```
/// use hug_onboard_core::notice::ocr::confusables_in;
/// let found: Vec<_> = confusables_in("Kr0rnQ").iter().map(|(p, c)| (*p, c.glyph)).collect();
/// assert_eq!(found, [(3, "0"), (4, "rn")]);
/// ```
pub fn confusables_in(value: &str) -> Vec<(usize, &'static Confusable)> {
    let chars: Vec<char> = value.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == 'r' && chars.get(i + 1) == Some(&'n') {
            if let Some(c) = CONFUSABLES.iter().find(|c| c.glyph == "rn") {
                out.push((i + 1, c));
            }
            i += 2;
            continue;
        }
        let mut buf = [0u8; 4];
        let g: &str = chars[i].encode_utf8(&mut buf);
        if let Some(c) = CONFUSABLES.iter().find(|c| c.glyph == g) {
            out.push((i + 1, c));
        }
        i += 1;
    }
    out
}

/// Letters OCR gives in place of digits, for a digits-only field.
pub(crate) fn digit_for(c: char) -> Option<char> {
    match c {
        'O' | 'o' | 'D' | 'Q' => Some('0'),
        'l' | 'I' | '|' | 'i' => Some('1'),
        'S' | 's' => Some('5'),
        'B' => Some('8'),
        'Z' | 'z' => Some('2'),
        _ => None,
    }
}

/// A digits-only value with OCR letters replaced: the new value and the
/// corrections `(1-based position, read, digit)`. White space inside is dropped
/// (OCR spaces out digits). `None` when a character is neither a digit nor a
/// known look-alike (the field's own parser reports it).
/// A digit correction: `(1-based position, as read, digit used)`.
pub(crate) type DigitFix = (usize, char, char);

pub(crate) fn correct_digits(v: &str) -> Option<(String, Vec<DigitFix>)> {
    let mut out = String::new();
    let mut fixes = Vec::new();
    for c in crate::text::to_halfwidth_ascii(v)
        .chars()
        .filter(|c| !c.is_whitespace())
    {
        if c.is_ascii_digit() {
            out.push(c);
        } else if let Some(d) = digit_for(c) {
            fixes.push((out.chars().count() + 1, c, d));
            out.push(d);
        } else {
            return None;
        }
    }
    Some((out, fixes))
}

/// A word box of Tesseract's TSV.
#[derive(Clone, Debug)]
struct Word {
    left: i64,
    top: i64,
    width: i64,
    height: i64,
    conf: Option<f64>,
    text: String,
}

/// A word's box in the image Tesseract read, in pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordBox {
    /// Left edge.
    pub left: i64,
    /// Top edge.
    pub top: i64,
    /// Width.
    pub width: i64,
    /// Height.
    pub height: i64,
}

impl WordBox {
    /// The smallest box holding both.
    pub fn union(self, o: WordBox) -> WordBox {
        let (l, t) = (self.left.min(o.left), self.top.min(o.top));
        let r = (self.left + self.width).max(o.left + o.width);
        let b = (self.top + self.height).max(o.top + o.height);
        WordBox {
            left: l,
            top: t,
            width: r - l,
            height: b - t,
        }
    }
}

/// A visual row rebuilt from TSV words: its text and the lowest word confidence.
#[derive(Clone, Debug, PartialEq)]
pub struct TsvLine {
    /// The words joined left to right.
    pub text: String,
    /// The lowest confidence of its words (0–100), when Tesseract gave one.
    pub confidence: Option<u8>,
    /// Each word and its confidence, left to right.
    pub words: Vec<(String, Option<u8>)>,
    /// Each word's box, in the order of `words`.
    pub boxes: Vec<WordBox>,
}

/// The words of a row that make up a value: the last words of the row (the
/// value ends the row), each inside the value (its white space removed), until
/// they hold as many characters as the value — so a label word that also
/// occurs in the value (`所` of `事業所名` in `…事業所こもれび`) is not taken.
fn value_words<'a>(
    words: &'a [(String, Option<u8>)],
    value: &str,
) -> impl Iterator<Item = (usize, &'a (String, Option<u8>))> + 'a {
    let squeezed: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    let need = squeezed.chars().count();
    let mut have = 0;
    let mut from = words.len();
    for (i, (w, _)) in words.iter().enumerate().rev() {
        // A mark removed before the value (`(7c5mG3p`) may be a glyph of it: the word counts.
        let w = w.trim_start_matches(|c| is_stray_mark(c) || c == '：');
        if have >= need || w.is_empty() || !squeezed.contains(w) {
            break;
        }
        have += w.chars().count();
        from = i;
    }
    words.iter().enumerate().skip(from)
}

/// The box of a value read on a row: the union of the boxes of the row's words
/// that lie inside the value (what a second, field-specific OCR pass crops).
pub(crate) fn value_box(
    words: &[(String, Option<u8>)],
    boxes: &[WordBox],
    value: &str,
) -> Option<WordBox> {
    value_words(words, value)
        .filter_map(|(i, _)| boxes.get(i).copied())
        .reduce(WordBox::union)
}

/// The boxes of the two parts of a value read on a row, `head` then `tail`
/// (the postal code after `〒`, and the rest of the address), when the row's
/// words split cleanly between them (no word holds characters of both):
/// `(head box, tail box)`. A word that is only `〒` is left out of the head's
/// box (a digits-only engine would read the mark as a digit).
pub(crate) fn split_value_boxes(
    words: &[(String, Option<u8>)],
    boxes: &[WordBox],
    head: &str,
    tail: &str,
) -> Option<(Option<WordBox>, Option<WordBox>)> {
    let squeeze = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let whole = format!("{head} {tail}");
    let all: Vec<usize> = value_words(words, &whole).map(|(i, _)| i).collect();
    let rest: Vec<usize> = if tail.trim().is_empty() {
        Vec::new()
    } else {
        value_words(words, tail).map(|(i, _)| i).collect()
    };
    if rest.len() > all.len() || !all.ends_with(&rest) {
        return None;
    }
    let head_idx = &all[..all.len() - rest.len()];
    let text = |idx: &[usize]| -> String {
        idx.iter()
            .map(|&i| words[i].0.as_str())
            .collect::<String>()
            .trim_start_matches(|c| is_stray_mark(c) || c == '：')
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    if text(head_idx) != squeeze(head) || text(&rest) != squeeze(tail) {
        return None;
    }
    let union = |idx: &[usize], right: i64| {
        idx.iter()
            .filter(|&&i| words[i].0.trim() != "〒")
            .filter_map(|&i| boxes.get(i).copied().map(|b| (i, b)))
            .filter_map(|(i, b)| {
                // Tesseract sometimes stretches a word's box over the words after it
                // (`〒389-6586` to the end of the address): the head ends where the tail begins.
                let width = b.width.min(right - b.left);
                (width > 0).then(|| without_postal_mark(&words[i].0, WordBox { width, ..b }))
            })
            .reduce(WordBox::union)
    };
    let tail = union(&rest, i64::MAX);
    Some((union(head_idx, tail.map_or(i64::MAX, |t| t.left - 1)), tail))
}

/// A word that starts with `〒` and goes on (`〒885-4517`, one word for
/// Tesseract): its box without the mark, estimated from the characters'
/// widths — `〒` is full-width (two half-width units), the rest of a postal
/// code half-width — less a margin: 0.85 of the mark's advance is cut, which
/// leaves out the mark's ink (about 0.75 of it in the corpus's fonts) and keeps
/// the first digit's. Any other word's box is returned as it is.
fn without_postal_mark(word: &str, b: WordBox) -> WordBox {
    let Some(rest) = word.trim().strip_prefix('〒').filter(|r| !r.is_empty()) else {
        return b;
    };
    let units: i64 = 2 + rest
        .chars()
        .map(|c| if c.is_ascii() { 1 } else { 2 })
        .sum::<i64>();
    let cut = b.width * 17 / (10 * units);
    WordBox {
        left: b.left + cut,
        width: b.width - cut,
        ..b
    }
}

/// The confidence of a value read on a row: the lowest confidence of the row's
/// words that lie inside the value (so a damaged label does not lower it).
pub(crate) fn value_confidence(words: &[(String, Option<u8>)], value: &str) -> Option<u8> {
    value_words(words, value).filter_map(|(_, (_, c))| *c).min()
}

/// Why a TSV could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum TsvError {
    Header(super::TsvReason),
    Row {
        line: usize,
        reason: super::TsvReason,
    },
}

/// Reads Tesseract's TSV into visual rows (see the module doc).
pub(crate) fn tsv_lines(tsv: &str) -> Result<Vec<TsvLine>, TsvError> {
    let mut rows = tsv.lines();
    // A byte-order mark (a TSV saved by a Windows tool) is no part of the first column's name.
    let header = rows.next().unwrap_or("").trim_start_matches('\u{FEFF}');
    let cols: Vec<&str> = header.split('\t').map(str::trim).collect();
    let col = |name: &'static str| {
        cols.iter()
            .position(|c| *c == name)
            .ok_or(TsvError::Header(super::TsvReason::NoColumn { name }))
    };
    let (lv, l, t, w, h, cf, tx) = (
        col("level")?,
        col("left")?,
        col("top")?,
        col("width")?,
        col("height")?,
        col("conf")?,
        col("text")?,
    );
    let mut words = Vec::new();
    for (i, row) in rows.enumerate() {
        if row.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = row.split('\t').collect();
        let lineno = i + 2;
        let num = |k: usize| -> Result<i64, TsvError> {
            f.get(k)
                .and_then(|s| s.trim().parse::<f64>().ok())
                .filter(|x| x.is_finite() && x.abs() < 1e9)
                .map(|x| x as i64)
                .ok_or_else(|| TsvError::Row {
                    line: lineno,
                    reason: super::TsvReason::NotANumber {
                        column: cols[k].to_owned(),
                    },
                })
        };
        if num(lv)? != 5 {
            continue;
        }
        let text = f.get(tx).copied().unwrap_or("").trim().to_owned();
        if text.is_empty()
            || text
                .chars()
                .all(|c| is_stray_mark(c) || c == 'ー' || c == '一')
        {
            continue; // a table border read as a word
        }
        let conf = f
            .get(cf)
            .and_then(|s| s.trim().parse::<f64>().ok())
            .filter(|c| (0.0..=100.0).contains(c));
        let (width, height) = (num(w)?, num(h)?);
        if width < 0 || height <= 0 {
            return Err(TsvError::Row {
                line: lineno,
                reason: super::TsvReason::NoSize,
            });
        }
        words.push(Word {
            left: num(l)?,
            top: num(t)?,
            width,
            height,
            conf,
            text,
        });
    }
    // Rows by vertical overlap: a word joins the row whose vertical band holds its centre.
    words.sort_by_key(|w| (w.top + w.height / 2, w.left));
    let mut bands: Vec<(i64, i64, Vec<Word>)> = Vec::new();
    for w in words {
        let centre = w.top + w.height / 2;
        match bands
            .iter_mut()
            .find(|(top, bottom, _)| centre >= *top && centre <= *bottom)
        {
            Some(b) => b.2.push(w),
            None => bands.push((w.top, w.top + w.height, vec![w])),
        }
    }
    bands.sort_by_key(|b| b.0);
    Ok(bands
        .into_iter()
        .map(|(top, bottom, mut ws)| {
            ws.sort_by_key(|w| w.left);
            let _ = (top, bottom);
            let mut heights: Vec<i64> = ws.iter().map(|w| w.height).collect();
            heights.sort_unstable();
            let em = heights[heights.len() / 2].max(1);
            let mut text = String::new();
            let mut prev: Option<&Word> = None;
            for w in &ws {
                if let Some(p) = prev {
                    let gap = w.left - (p.left + p.width);
                    let ascii_side = p
                        .text
                        .chars()
                        .last()
                        .is_some_and(|c| c.is_ascii_alphanumeric())
                        || w.text
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_ascii_alphanumeric());
                    if gap * 5 > em * 4 || (ascii_side && gap * 4 > em) {
                        text.push(' ');
                    }
                }
                text.push_str(&w.text);
                prev = Some(w);
            }
            let confidence = ws
                .iter()
                .filter_map(|w| w.conf)
                .fold(None, |m: Option<f64>, c| Some(m.map_or(c, |m| m.min(c))))
                .map(|c| c.round().clamp(0.0, 100.0) as u8);
            let words = ws
                .iter()
                .map(|w| {
                    (
                        crate::text::to_halfwidth_ascii(&w.text),
                        w.conf.map(|c| c.round().clamp(0.0, 100.0) as u8),
                    )
                })
                .collect();
            let boxes = ws
                .iter()
                .map(|w| WordBox {
                    left: w.left,
                    top: w.top,
                    width: w.width,
                    height: w.height,
                })
                .collect();
            TsvLine {
                text,
                confidence,
                words,
                boxes,
            }
        })
        .collect())
}

/// The characters a key field's value can hold: the character whitelist of a
/// second OCR pass over the value's cell (an engine told that a 事業所番号 is
/// digits cannot read `O` or `l` there). `None` for the free-text fields.
///
/// * 事業所番号: the ten digits (see [`FacilityNumber`](crate::facility::FacilityNumber));
/// * the postal code after `〒`: the digits and the hyphen
///   ([`PostalCode`](crate::facility::PostalCode): `NNN-NNNN`);
/// * テストID / ID: printable ASCII (the [`UserId`](crate::facility::UserId) rule: the
///   format is not published);
/// * the passwords: half-width letters, digits and the symbols of the portal's
///   password screens ([`ScreenSymbols`](crate::password::ScreenSymbols): the
///   テストID screen's set, which holds the production screen's).
///
/// ```
/// use hug_onboard_core::notice::{NoticeField, ocr::value_charset};
/// assert_eq!(value_charset(NoticeField::FacilityNumber).unwrap(), "0123456789");
/// let pw = value_charset(NoticeField::TemporaryPassword).unwrap();
/// assert!(pw.contains('a') && pw.contains('Z') && pw.contains('7') && pw.contains('#'));
/// assert!(!pw.contains('"') && !pw.contains(' '));
/// assert_eq!(value_charset(NoticeField::PostalCode).unwrap(), "0123456789-");
/// assert!(value_charset(NoticeField::Address).is_none());
/// ```
pub fn value_charset(field: NoticeField) -> Option<String> {
    let alnum = ('A'..='Z').chain('a'..='z').chain('0'..='9');
    match field {
        NoticeField::FacilityNumber => Some(('0'..='9').collect()),
        // NNN-NNNN (the 〒 mark is not part of the value).
        NoticeField::PostalCode => Some(('0'..='9').chain(['-']).collect()),
        NoticeField::UserId => Some((b'!'..=b'~').map(char::from).collect()),
        NoticeField::TemporaryPassword | NoticeField::CertificatePassword => Some(
            alnum
                .chain(crate::password::ScreenSymbols::default().test.chars())
                .collect(),
        ),
        _ => None,
    }
}

/// Which fields must never be silently wrong (the login and the facility).
pub(crate) fn is_key_field(f: NoticeField) -> bool {
    matches!(
        f,
        NoticeField::FacilityNumber
            | NoticeField::UserId
            | NoticeField::TemporaryPassword
            | NoticeField::CertificatePassword
    )
}

/// Longest read (in characters) that [`vote_chars`] aligns; longer reads are
/// compared whole (the alignment is quadratic).
pub(crate) const MAX_ALIGNED_CHARS: usize = 400;

/// One read aligned with the backbone: for each backbone position the read's
/// character there (`None`: the read lacks it), and for each gap `0..=n`
/// (before backbone position `k`) the characters the read has in addition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Aligned {
    pub at: Vec<Option<char>>,
    pub ins: Vec<Vec<char>>,
}

/// Levenshtein alignment of `read` with `backbone` (module doc).
pub(crate) fn align(backbone: &[char], read: &[char]) -> Aligned {
    let (n, m) = (backbone.len(), read.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let sub = d[i - 1][j - 1] + usize::from(backbone[i - 1] != read[j - 1]);
            d[i][j] = sub.min(d[i - 1][j] + 1).min(d[i][j - 1] + 1);
        }
    }
    let mut at = vec![None; n];
    let mut ins = vec![Vec::new(); n + 1];
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        if i > 0
            && j > 0
            && d[i][j] == d[i - 1][j - 1] + usize::from(backbone[i - 1] != read[j - 1])
        {
            at[i - 1] = Some(read[j - 1]);
            i -= 1;
            j -= 1;
        } else if i > 0 && d[i][j] == d[i - 1][j] + 1 {
            i -= 1;
        } else {
            ins[i].push(read[j - 1]);
            j -= 1;
        }
    }
    for v in &mut ins {
        v.reverse();
    }
    Aligned { at, ins }
}

/// The outcome of a per-character vote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CharVote {
    /// The value kept: each character with the backbone position it stands
    /// for (`None`: inserted by the vote).
    pub chars: Vec<(char, Option<usize>)>,
    /// 1-based positions in the value kept where the voters were not unanimous
    /// (a character dropped or added by the vote counts at its neighbour).
    pub disputed: Vec<usize>,
}

/// The option that strictly more voters give than any other, else `fallback`.
fn plurality<T: PartialEq + Clone>(options: &[T], fallback: &T) -> T {
    let mut tally: Vec<(&T, usize)> = Vec::new();
    for o in options {
        match tally.iter_mut().find(|(t, _)| *t == o) {
            Some(t) => t.1 += 1,
            None => tally.push((o, 1)),
        }
    }
    tally.sort_by_key(|(_, k)| std::cmp::Reverse(*k));
    match tally.as_slice() {
        [(v, _)] => (*v).clone(),
        [(v, k), (_, k2), ..] if k > k2 => (*v).clone(),
        _ => fallback.clone(),
    }
}

/// Per-character vote of `reads` aligned with `backbone` (module doc). The
/// backbone votes too when `backbone_votes`; on a tie its option stays.
pub(crate) fn vote_chars(backbone: &[char], reads: &[Vec<char>], backbone_votes: bool) -> CharVote {
    let aligned: Vec<Aligned> = reads.iter().map(|r| align(backbone, r)).collect();
    let n = backbone.len();
    let mut chars: Vec<(char, Option<usize>)> = Vec::new();
    let mut disputed = Vec::new();
    #[allow(clippy::needless_range_loop)]
    // k walks the gaps (0..=n) and the positions (0..n) together
    for k in 0..=n {
        // The gap before backbone position k.
        let mut opts: Vec<Vec<char>> = aligned.iter().map(|a| a.ins[k].clone()).collect();
        if backbone_votes {
            opts.push(Vec::new());
        }
        let won = plurality(&opts, &Vec::new());
        let unanimous = opts.iter().all(|o| *o == won);
        chars.extend(won.iter().map(|c| (*c, None)));
        if !unanimous {
            // At the first character added, else at the character before the gap.
            disputed.push(if won.is_empty() {
                chars.len().max(1)
            } else {
                chars.len() - won.len() + 1
            });
        }
        if k == n {
            break;
        }
        let mut opts: Vec<Option<char>> = aligned.iter().map(|a| a.at[k]).collect();
        if backbone_votes {
            opts.push(Some(backbone[k]));
        }
        let won = plurality(&opts, &Some(backbone[k]));
        let unanimous = opts.iter().all(|o| *o == won);
        if let Some(c) = won {
            chars.push((c, Some(k)));
        }
        if !unanimous {
            disputed.push(chars.len().max(1));
        }
    }
    disputed.sort_unstable();
    disputed.dedup();
    if chars.is_empty() {
        disputed.clear();
    } else {
        disputed.retain(|p| *p <= chars.len());
    }
    CharVote { chars, disputed }
}

#[cfg(test)]
mod tests {
    use super::*;

    const L: &[&str] = &[
        "証明書発行用パスワード",
        "(仮)パスワード",
        "仮パスワード",
        "事業所番号",
        "事業所名",
        "テストID",
        "住所",
        "備考",
        "ID",
    ];

    fn hit(line: &str) -> Option<&'static str> {
        match match_label(line, L, true) {
            LabelMatch::Hit(h) => Some(L[h.index]),
            _ => None,
        }
    }

    #[test]
    fn damaged_labels_match_their_field() {
        assert_eq!(
            hit("症明書発行用パスワード Cert"),
            Some("証明書発行用パスワード")
        );
        assert_eq!(
            hit("直明書発行用パスワード Cert"),
            Some("証明書発行用パスワード")
        );
        assert_eq!(hit("(伯)パスワード Kari"), Some("(仮)パスワード"));
        assert_eq!(hit("テストTD T123"), Some("テストID"));
        assert_eq!(hit("テスト1D T123"), Some("テストID"));
        assert_eq!(hit("事 業 所 番 号 1312345678"), Some("事業所番号"));
        assert_eq!(hit("事業所番弓 1312345678"), Some("事業所番号"));
        assert_eq!(hit("事業所名 はぐ"), Some("事業所名"));
        assert_eq!(hit("1D P123"), Some("ID"));
        assert_eq!(hit("住所〒100-0001"), Some("住所"));
    }

    #[test]
    fn never_the_wrong_field() {
        // One edit from both 事業所番号 and 事業所名: nothing.
        assert!(matches!(
            match_label("事業所番 1312345678", L, true),
            LabelMatch::Ambiguous { .. }
        ));
        // Short labels are exact only.
        assert_eq!(hit("住前 東京都"), None);
        assert_eq!(hit("IO P1"), None);
        // Boilerplate that starts with a label word is no label.
        assert_eq!(
            hit("証明書発行用パスワードは証明書発行申請の際に必要"),
            None
        );
        assert_eq!(hit("ID、仮パスワード及び証明書発行用パスワードは"), None);
        // Too damaged.
        assert_eq!(hit("証明発行パスワ Cert"), None);
        // Strict mode: exact skeletons only.
        assert!(matches!(
            match_label("症明書発行用パスワード x", L, false),
            LabelMatch::None
        ));
    }

    #[test]
    fn marks_and_borders() {
        assert_eq!(strip_leading_marks("| Kari0123"), ("Kari0123", vec![]));
        assert_eq!(strip_leading_marks("(Kari0123"), ("Kari0123", vec!['(']));
        assert_eq!(strip_leading_marks(". : Kari"), ("Kari", vec![]));
        assert_eq!(strip_trailing_borders("Kari0123 | ]"), "Kari0123");
        assert_eq!(strip_trailing_borders("Kari0123|"), "Kari0123|");
        assert_eq!(
            clean_line("│ 事業所番号 │ 1312345678 │"),
            "事業所番号  1312345678"
        );
        assert_eq!(clean_line("| 事業所名 | はぐ |"), "事業所名 | はぐ");
    }

    #[test]
    fn alignment_and_per_character_vote() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        let a = align(&c("就労継続支援"), &c("就労練援"));
        assert_eq!(a.at.iter().filter(|x| x.is_none()).count(), 2);
        assert!(a.ins.iter().all(Vec::is_empty));
        let a = align(&c("ab"), &c("xaby"));
        assert_eq!(a.at, [Some('a'), Some('b')]);
        assert_eq!(a.ins, [vec!['x'], vec![], vec!['y']]);
        // Each position by majority; a character all reads add is added.
        let v = vote_chars(&c("千代田1-}"), &[c("千代田1-1"), c("千代田1-1")], true);
        assert_eq!(
            v.chars.iter().map(|(c, _)| *c).collect::<String>(),
            "千代田1-1"
        );
        assert_eq!(v.disputed, [6]);
        let v = vote_chars(&c("abd"), &[c("abcd"), c("abcd")], true);
        assert_eq!(
            v.chars,
            [('a', Some(0)), ('b', Some(1)), ('c', None), ('d', Some(2))]
        );
        assert_eq!(v.disputed, [3]);
        // A tie keeps the backbone's character (the backbone not voting).
        let v = vote_chars(&c("ab"), &[c("ax"), c("ay")], false);
        assert_eq!(v.chars.iter().map(|(c, _)| *c).collect::<String>(), "ab");
        assert_eq!(v.disputed, [2]);
        // Unanimous: nothing disputed; empty inputs are fine.
        assert!(vote_chars(&c("ab"), &[c("ab")], true).disputed.is_empty());
        assert!(vote_chars(&[], &[], true).chars.is_empty());
    }

    proptest::proptest! {
        /// Any reads: no panic; a unanimous vote changes nothing; every character
        /// kept comes from some read; a position in dispute lies in the value.
        #[test]
        fn per_character_vote_is_total(
            backbone in "[a-c1-]{0,12}",
            reads in proptest::collection::vec("[a-c1-]{0,12}", 0..5),
            votes in proptest::bool::ANY,
        ) {
            let c = |s: &str| s.chars().collect::<Vec<_>>();
            let rs: Vec<Vec<char>> = reads.iter().map(|r| c(r)).collect();
            let v = vote_chars(&c(&backbone), &rs, votes);
            let kept: String = v.chars.iter().map(|(ch, _)| *ch).collect();
            proptest::prop_assert!(v.disputed.iter().all(|p| *p >= 1 && *p <= kept.chars().count().max(1)));
            for ch in kept.chars() {
                proptest::prop_assert!(backbone.contains(ch) || reads.iter().any(|r| r.contains(ch)));
            }
            if reads.iter().all(|r| *r == backbone) {
                proptest::prop_assert_eq!(&kept, &backbone);
                proptest::prop_assert!(v.disputed.is_empty());
            }
        }
    }

    #[test]
    fn digit_corrections() {
        assert_eq!(
            correct_digits("13l2O45678"),
            Some(("1312045678".into(), vec![(3, 'l', '1'), (5, 'O', '0')]))
        );
        assert_eq!(correct_digits("13x"), None);
    }

    #[test]
    fn tsv_rows_pair_labels_with_values() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
1\t1\t0\t0\t0\t0\t0\t0\t1000\t1000\t-1\t\n\
5\t1\t1\t1\t1\t1\t100\t100\t100\t30\t95\t事業\n\
5\t1\t1\t1\t1\t2\t205\t100\t95\t30\t95\t所番号\n\
5\t1\t1\t1\t2\t1\t100\t150\t200\t30\t91\tテストID\n\
5\t1\t2\t1\t1\t1\t400\t102\t200\t30\t88\t1312345678\n\
5\t1\t2\t1\t1\t2\t350\t100\t5\t30\t20\t|\n\
5\t1\t2\t1\t2\t1\t400\t151\t100\t30\t70\tT1312\n";
        let bx = |left, top, width, height| WordBox {
            left,
            top,
            width,
            height,
        };
        let lines = tsv_lines(tsv).unwrap();
        assert_eq!(
            value_box(&lines[0].words, &lines[0].boxes, "1312345678"),
            Some(bx(400, 102, 200, 30))
        );
        // A value ends its row: the label is no value.
        assert_eq!(
            value_box(&lines[0].words, &lines[0].boxes, "事業所番号"),
            None
        );
        // A label word that also occurs in the value is not part of it.
        let words: Vec<(String, Option<u8>)> = ["事業", "所", "名", "多機能型事業", "所こもれび"]
            .iter()
            .map(|w| ((*w).to_owned(), Some(96)))
            .collect();
        let boxes: Vec<WordBox> = (0..5).map(|i| bx(100 * i, 0, 90, 30)).collect();
        assert_eq!(
            value_box(&words, &boxes, "多機能型事業所 こもれび"),
            Some(bx(300, 0, 190, 30))
        );
        let low: Vec<(String, Option<u8>)> =
            vec![("所".into(), Some(10)), ("所名".into(), Some(96))];
        assert_eq!(value_confidence(&low, "所名"), Some(96));
        assert_eq!(
            lines,
            [
                TsvLine {
                    text: "事業所番号 1312345678".into(),
                    confidence: Some(88),
                    words: vec![
                        ("事業".into(), Some(95)),
                        ("所番号".into(), Some(95)),
                        ("1312345678".into(), Some(88))
                    ],
                    boxes: vec![
                        bx(100, 100, 100, 30),
                        bx(205, 100, 95, 30),
                        bx(400, 102, 200, 30)
                    ]
                },
                TsvLine {
                    text: "テストID T1312".into(),
                    confidence: Some(70),
                    words: vec![("テストID".into(), Some(91)), ("T1312".into(), Some(70))],
                    boxes: vec![bx(100, 150, 200, 30), bx(400, 151, 100, 30)]
                },
            ]
        );
        assert!(tsv_lines("a\tb\n").is_err());
        assert!(
            tsv_lines("level\tleft\ttop\twidth\theight\tconf\ttext\n5\tx\t1\t1\t1\t1\tA").is_err()
        );
    }
}
