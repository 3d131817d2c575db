//! The README's main job: walk a sample facility through the onboarding guide
//! on the bundled sample data, printing what a user would see.
//!
//! Run: `./scripts/run` (Japanese) or `./scripts/run --lang en`.

use hug_onboard_core::diagnostic::{Diagnostic, Lang};
use hug_onboard_core::facility::FacilityNumber;

fn main() {
    let lang = parse_lang();
    let n = match FacilityNumber::parse("１３１２３４５６７８") {
        Ok(n) => n,
        Err(e) => {
            eprintln!("{}", e.message(lang));
            std::process::exit(1);
        }
    };
    match lang {
        Lang::Ja => println!("事業所番号 {n}（{}）", n.prefecture().name_ja()),
        Lang::En => println!("Facility number {n} ({})", n.prefecture().name_en()),
    }
}

fn parse_lang() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    args.windows(2)
        .find(|w| w[0] == "--lang")
        .and_then(|w| Lang::parse(&w[1]))
        .unwrap_or(Lang::Ja)
}
