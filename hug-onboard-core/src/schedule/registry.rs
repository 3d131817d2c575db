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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Lang};
    use crate::schedule::{
        Basis, BillingCalendar, ClosingDayPolicy, DocumentKind, Roll, SourceKind, YearMonth,
    };

    #[test]
    fn every_rulebook_loads_and_every_prefecture_resolves() {
        let all = Rulebook::registry().expect("the registry loads");
        assert_eq!(all.len(), 47);
        let mut ids: Vec<&str> = all.iter().map(Rulebook::id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 47, "ids are unique");
        for n in 1..=47u8 {
            let code = format!("{n:02}");
            let rb = Rulebook::for_prefecture_code(&code).expect("resolves");
            assert_eq!(rb.prefecture(), Some(code.as_str()));
            let p = Prefecture::from_number(n).unwrap();
            assert!(rb.name_ja().starts_with(p.name_ja()), "{}", rb.name_ja());
            assert!(rb.name_en().starts_with(p.name_en()), "{}", rb.name_en());
            assert!(FILES[usize::from(n) - 1].0.starts_with(&code));
        }
        for bad in ["00", "48", "99", "1", "ab", "", "１３"] {
            assert_eq!(
                Rulebook::for_prefecture_code(bad).unwrap_err().codes(),
                ["rulebook.unknown_prefecture"],
                "{bad:?}"
            );
        }
    }

    #[test]
    fn every_sourced_field_has_a_url_and_exists() {
        let fields = Rulebook::field_paths();
        for rb in Rulebook::registry().unwrap() {
            for (field, src) in rb.sources() {
                assert!(fields.contains(field), "{}: {field}", rb.id());
                assert!(
                    src.url.starts_with("https://") || src.url.starts_with("http://"),
                    "{}: {field}",
                    rb.id()
                );
            }
            for note in rb.notes() {
                assert!(note.url.starts_with("http"), "{}", rb.id());
                if let Some(f) = &note.field {
                    assert!(fields.contains(f), "{}: {f}", rb.id());
                }
            }
        }
    }

    #[test]
    fn the_directory_holds_exactly_the_embedded_files() {
        // Tests may read files; the library never does.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/rulebooks");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".toml"))
            .collect();
        on_disk.sort();
        let embedded: Vec<String> = registry_file_names()
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        assert_eq!(on_disk, embedded);
    }

    #[test]
    fn the_sourced_rules_are_applied() {
        let kyoto = Rulebook::for_prefecture(Prefecture::Kyoto).unwrap();
        assert_eq!(kyoto.payment().roll, Roll::PreviousBusinessDay);
        assert_eq!(kyoto.window().closing_day_policy, ClosingDayPolicy::None);
        assert_eq!(kyoto.document(DocumentKind::PaymentNotice).release_day, 5);
        assert_eq!(
            kyoto
                .source("documents.payment_notice.release_day")
                .unwrap()
                .kind,
            SourceKind::Approximate
        );
        let nagasaki = Rulebook::for_prefecture(Prefecture::Nagasaki).unwrap();
        assert_eq!(nagasaki.window().closing_time.to_string(), "18:00");
        assert_eq!(nagasaki.closing_time_basis(), Basis::Sourced);
        let nagano = Rulebook::for_prefecture(Prefecture::Nagano).unwrap();
        assert_eq!(nagano.document(DocumentKind::PaymentNotice).release_day, 6);
        assert_eq!(
            nagano.document_basis(DocumentKind::ReturnsList),
            Basis::Approximate
        );
        let aomori = Rulebook::for_prefecture(Prefecture::Aomori).unwrap();
        assert_eq!(aomori.certificate().application_cutoff_day, Some(20));
        // Nara's city page is recorded, not applied.
        let nara = Rulebook::for_prefecture(Prefecture::Nara).unwrap();
        assert_eq!(nara.window().closing_day_policy, ClosingDayPolicy::None);
        assert_eq!(nara.notes().len(), 1);
        assert_eq!(nara.window_last_day_basis(), Basis::Unverified);
        // A prefecture with nothing found: the default's values, nothing sourced.
        let iwate = Rulebook::for_prefecture(Prefecture::Iwate).unwrap();
        assert!(!iwate.has_sources());
        assert_eq!(iwate.window(), Rulebook::default().window());
        assert_eq!(
            iwate.label(Lang::Ja),
            "岩手県国保連の規則：既定値（未確認）"
        );
    }

    #[test]
    fn about_the_6th_is_shown_as_such() {
        let cal =
            BillingCalendar::for_facility(&FacilityNumber::parse("2012345678").unwrap()).unwrap();
        let s = cal.schedule(YearMonth::new(2026, 4).unwrap()).unwrap();
        let ev = s.events();
        let notice = ev
            .iter()
            .find(|e| e.document == Some(DocumentKind::PaymentNotice))
            .unwrap();
        assert_eq!(notice.date.to_string(), "2026-06-06");
        assert_eq!(notice.basis, Basis::Approximate);
        assert!(
            notice.describe(Lang::Ja).ends_with("（6日頃）"),
            "{}",
            notice.describe(Lang::Ja)
        );
        assert!(notice.describe(Lang::En).ends_with("(about the 6th)"));
        let m = YearMonth::new(2026, 4).unwrap();
        let opts = crate::schedule::IcalOptions::new(chrono::DateTime::UNIX_EPOCH);
        let ics = cal.to_ical(m, m, &opts).unwrap().replace("\r\n ", "");
        assert!(
            ics.contains("【帳票】支払決定額通知書 2026年4月提供分（6日頃）"),
            "{ics}"
        );
    }

    #[test]
    fn bad_files_are_coded_errors_naming_file_and_field() {
        let cases = [
            ("x = 1\n", "rulebook.syntax", "x"),
            (
                "[window]\nclosing_dai = 10\n",
                "rulebook.syntax",
                "closing_dai",
            ),
            (
                "[window]\nclosing_day = 32\n",
                "rulebook.day_out_of_range",
                "window.closing_day",
            ),
            (
                "[payment]\nday = 0\n",
                "rulebook.day_out_of_range",
                "payment.day",
            ),
            (
                "[window]\nopening_day = 10\nopening_time = \"12:00\"\nclosing_day = 10\nclosing_time = \"09:00\"\n",
                "rulebook.closing_before_opening",
                "window.closing_day / window.closing_time",
            ),
            (
                "[sources]\n\"window.closing_hour\" = { kind = \"stated\", url = \"https://x.jp/\" }\n",
                "rulebook.unknown_field",
                "window.closing_hour",
            ),
            (
                "[sources]\n\"window.closing_day\" = { kind = \"stated\", url = \"\" }\n",
                "rulebook.source_without_url",
                "window.closing_day",
            ),
            (
                "[sources]\n\"window.closing_day\" = { kind = \"about_kaigo\", url = \"https://x.jp/\" }\n",
                "rulebook.syntax",
                "2",
            ),
            ("prefecture = \"48\"\n", "rulebook.unknown_prefecture", "48"),
        ];
        for (text, code, needle) in cases {
            let err = Rulebook::from_toml_file("99-test.toml", text).unwrap_err();
            assert_eq!(err.codes(), [code], "{text}");
            for lang in [Lang::Ja, Lang::En] {
                let m = err.items()[0].message(lang);
                assert!(m.starts_with("99-test.toml: "), "{m}");
                assert!(m.contains(needle), "{m}");
            }
        }
    }

    #[test]
    fn a_file_whose_name_and_prefecture_disagree_is_refused() {
        let text = FILES[25].1; // Kyoto's text
        assert!(load_file("26-kyoto.toml", text).is_ok());
        let err = load_file("27-osaka.toml", text).unwrap_err();
        assert_eq!(err.codes(), ["rulebook.prefecture_mismatch"]);
        assert!(err.items()[0].message(Lang::En).contains("27-osaka.toml"));
        let err = load_file("27-osaka.toml", "id = \"osaka\"\n").unwrap_err();
        assert_eq!(err.codes(), ["rulebook.prefecture_mismatch"]);
    }
}
