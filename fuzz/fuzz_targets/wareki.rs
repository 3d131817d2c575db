//! 和暦 strings: `wareki::parse` and `parse_date` (strict and lenient), and an
//! era table from JSON. Every date that parses formats in every style, and
//! each formatted string parses back to the same date.
#![no_main]
use hug_onboard_core::wareki::{self, EraTable, ParseOptions, Style};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let _ = wareki::parse(s);
    let lenient = ParseOptions {
        lenient: true,
        ..ParseOptions::default()
    };
    let _ = wareki::parse_with(s, &lenient);
    let _ = wareki::parse_date_with(s, &lenient);
    if let Ok(d) = wareki::parse_date(s) {
        for style in [Style::Long, Style::LongNumeric, Style::Short] {
            if let Ok(f) = wareki::format(d, style) {
                assert_eq!(wareki::parse_date(&f).ok(), Some(d), "{s:?} -> {f:?}");
            }
        }
    }
    if let Ok(table) = EraTable::from_json(s) {
        let opts = ParseOptions {
            table: &table,
            lenient: false,
        };
        let _ = wareki::parse_with("令和元年6月3日", &opts);
    }
});
