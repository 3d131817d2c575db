//! The README's main job: take a sample facility through the whole onboarding
//! guide on the bundled sample data, printing what a user would see.
//!
//! Run: `./scripts/run` (Japanese) or `./scripts/run --lang en`.
//! The sample data lives in `tests/fixtures/` (notices, certificate, states).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use hug_onboard_core::diagnostic::{Diagnostic, Lang};
use hug_onboard_core::notice::RegistrationNotice;
use hug_onboard_core::onboarding::{Evidence, Onboarding, Step};
use hug_onboard_core::password::PasswordPolicy;
use hug_onboard_core::profile::ProfileInput;
use hug_onboard_core::wareki::{self, Style};

struct Out {
    lang: Lang,
}

impl Out {
    fn t<'a>(&self, ja: &'a str, en: &'a str) -> &'a str {
        match self.lang {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
    fn heading(&self, page: &str, ja: &str, en: &str) {
        println!("\n■ {} [{page}]", self.t(ja, en));
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(rel: &str) -> Result<String, String> {
    std::fs::read_to_string(root().join(rel)).map_err(|e| format!("{rel}: {e}"))
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn os_random(buf: &mut [u8]) -> Result<(), String> {
    // The core takes randomness from the caller; an example may read the OS.
    use std::io::Read;
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(buf))
        .map_err(|e| e.to_string())
}

fn main() {
    let lang = parse_lang();
    if let Err(e) = run(&Out { lang }) {
        eprintln!("{e}");
        std::process::exit(1);
    }
}

fn run(o: &Out) -> Result<(), String> {
    let lang = o.lang;
    println!(
        "{}",
        o.t(
            "はぐ HUG 導入支援ツアー — サンプル事業所で手順をひととおり確認します",
            "HUG onboarding tour — a sample facility through every step of the guide"
        )
    );

    // P2: the three documents; the test notice is read from its text.
    o.heading(
        "P2",
        "国保連から届いた書類を確認する",
        "Check the documents from the 国保連",
    );
    let test_notice = RegistrationNotice::parse(&read("tests/fixtures/notices/test_notice.txt")?)
        .map_err(|e| e.message(lang))?;
    for (field, value) in test_notice.public_field_values() {
        if field == hug_onboard_core::notice::NoticeField::Date {
            continue;
        }
        let label = match lang {
            Lang::Ja => field.label(),
            Lang::En => field.name_en(),
        };
        println!("  {label}: {value}");
    }
    println!(
        "  {}",
        o.t(
            "(仮)パスワード: ***（画面には表示しません）",
            "Temporary password: *** (never shown)"
        )
    );
    if let Some(d) = test_notice.date {
        println!(
            "  {} {} = {d}",
            o.t("日付", "Date"),
            wareki::format(d, Style::Long).map_err(|e| e.message(lang))?
        );
    }
    println!("  → {}", test_notice.kind.purpose(lang));

    let mut ob = Onboarding::new(test_notice.facility_number);
    let mut on = date(2019, 6, 5);
    let complete =
        |ob: &mut Onboarding, step: Step, on: NaiveDate, ev: Evidence| -> Result<(), String> {
            ob.complete(step, on, ev).map_err(|e| e.message(lang))?;
            println!("  ✓ {} ({on})", step.title(lang));
            Ok(())
        };
    complete(
        &mut ob,
        Step::ReceiveDocuments,
        on,
        Evidence::notice(&test_notice),
    )?;

    o.heading("P3", "届を提出する", "Submit the 届");
    complete(&mut ob, Step::SubmitTodoke, on, Evidence::None)?;

    o.heading(
        "P4–P6",
        "テストIDでログインし、仮パスワードを変更する",
        "Log in with the test ID and change its temporary password",
    );
    complete(&mut ob, Step::TestLogin, on, Evidence::None)?;
    let policy = PasswordPolicy::test_screen();
    println!("  {}", policy.advice(lang));
    let user_id = test_notice.user_id.as_str();
    for candidate in ["hug2019", "ｈｕｇ－２０１９ｘ", "T131234"] {
        let findings = policy.check(candidate, Some(user_id));
        println!("  {} 「{candidate}」:", o.t("候補", "Candidate"));
        for f in &findings {
            println!("    - [{}] {}", f.code(), f.message(lang));
        }
    }
    let generated = PasswordPolicy::generation()
        .generate_with(12, os_random)
        .map_err(|e| e.message(lang))?;
    println!(
        "  {} ({} {})",
        o.t(
            "おすすめの新しいパスワードを生成しました（両方の画面で使えます）。画面では利用者が「表示」を押したときだけ見せます:",
            "Generated a suggested new password (valid on both screens); the app shows it only when the user asks:"
        ),
        generated.len(),
        o.t("文字 ***", "characters ***")
    );
    let change = policy.check_change(
        user_id,
        test_notice.temporary_password.expose(),
        generated.expose(),
        generated.expose(),
    );
    println!(
        "  {} {}",
        o.t("変更フォームの確認:", "Change form check:"),
        if change.is_empty() { "OK" } else { "NG" }
    );
    complete(&mut ob, Step::ChangeTestPassword, on, Evidence::None)?;

    o.heading(
        "P7–P11",
        "電子証明書の発行申請",
        "Apply for the certificate",
    );
    on = date(2019, 7, 24);
    complete(&mut ob, Step::ApplyCertificate, on, Evidence::None)?;

    o.heading(
        "P17–P21",
        "取込送信V2をインストールして事業所を登録する",
        "Install 取込送信V2 and register the facility",
    );
    complete(
        &mut ob,
        Step::InstallTorikomi,
        on,
        Evidence::Installation {
            pc: "事務所PC".into(),
            certificate: None,
        },
    )?;
    let profile = ProfileInput {
        facility_number: test_notice.facility_number.to_string(),
        name_kana: "ﾎｳｶｺﾞﾄｳﾃﾞｲｻｰﾋﾞｽ ﾊｸﾞｸﾐ ﾁﾖﾀﾞｺｳ".into(),
        name_kanji: test_notice.facility_name.clone().unwrap_or_default(),
        postal_code: "１００－０００１".into(),
        address_kana: "トウキョウト チヨダク チヨダ 1-1".into(),
        address_kanji: test_notice.address.clone().unwrap_or_default(),
        phone: "03-1234-5678".into(),
        fax: "03-1234-5679".into(),
        representative_name_kana: "ヤマダ タロウ".into(),
        representative_name_kanji: "山田 太郎".into(),
        representative_title: "代表取締役".into(),
        email: None,
        password: "0000".into(),
    };
    let checked = profile
        .validate(Some(&test_notice.facility_number))
        .map_err(|e| e.message(lang))?;
    for w in &checked.warnings {
        println!("  ! [{}] {}", w.code(), w.message(lang));
    }
    complete(
        &mut ob,
        Step::RegisterFacility,
        on,
        Evidence::Profile {
            profile: checked.profile,
        },
    )?;

    println!("\n{}", o.t("次にすること:", "What to do next:"));
    for s in ob.next_steps().iter().take(3) {
        println!("  → {} [{}]", s.title(lang), s.guide_page());
    }
    Ok(())
}

fn parse_lang() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    args.windows(2)
        .find(|w| w[0] == "--lang")
        .and_then(|w| Lang::parse(&w[1]))
        .unwrap_or(Lang::Ja)
}
