//! The README's main job: take a sample facility through the whole onboarding
//! guide on the bundled sample data, printing what a user would see.
//!
//! Run: `./scripts/run` (Japanese) or `./scripts/run --lang en`; "today" is the
//! real date in Japan unless `--today YYYY-MM-DD` says otherwise (the example
//! reads the clock; the library never does and takes the day as a parameter).
//! Dates print as a Japanese office writes them (`2027年1月15日（金）`), ISO in
//! English; `--wareki` prints 和暦 (`令和9年1月15日（金）`).
//! The sample data lives in `tests/fixtures/` (notices, certificate, states).

use std::path::{Path, PathBuf};

use chrono::TimeZone;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use hug_onboard_core::certificate;
use hug_onboard_core::diagnostic::{Diagnostic, Lang};
use hug_onboard_core::notice::RegistrationNotice;
use hug_onboard_core::onboarding::{CertificateEvidence, Evidence, Onboarding, Step};
use hug_onboard_core::password::PasswordPolicy;
use hug_onboard_core::profile::ProfileInput;
use hug_onboard_core::schedule::{IcalOptions, YearMonth};
use hug_onboard_core::wareki::{self, Style};

/// The sample certificates' password (the fixtures' 証明書発行用パスワード).
const CERT_PASSWORD: &str = "TestPass123";

struct Out {
    lang: Lang,
    /// `--wareki`: Japanese dates in 和暦.
    wareki: bool,
}

impl Out {
    fn t<'a>(&self, ja: &'a str, en: &'a str) -> &'a str {
        match self.lang {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
    /// The one date style of the output: `2027年1月15日（金）` (or 和暦 with
    /// `--wareki`, from the core's formatter) in Japanese, ISO in English.
    fn date(&self, d: NaiveDate) -> String {
        if self.lang == Lang::En {
            return d.to_string();
        }
        let day = if self.wareki {
            wareki::format(d, Style::Long).unwrap_or_else(|_| d.to_string())
        } else {
            format!("{}年{}月{}日", d.year(), d.month(), d.day())
        };
        let wd = ["月", "火", "水", "木", "金", "土", "日"];
        let i = d.weekday().num_days_from_monday() as usize;
        format!("{day}（{}）", wd.get(i).copied().unwrap_or(""))
    }
    /// A JST wall-clock time in the same style: `2026年12月1日（火）0:00`.
    fn time(&self, t: NaiveDateTime) -> String {
        match self.lang {
            Lang::En => format!("{} {}", self.date(t.date()), t.format("%H:%M")),
            Lang::Ja => format!("{}{}:{:02}", self.date(t.date()), t.hour(), t.minute()),
        }
    }
    /// A claim window `opens 〜 closes`; a window closing at midnight ends
    /// "24:00" on its last day, as the 国保連 writes it.
    fn window(&self, w: &hug_onboard_core::rules::ClaimWindow) -> String {
        let close = if w.closes.time() == chrono::NaiveTime::MIN {
            match self.lang {
                Lang::En => format!("{} 24:00", self.date(w.last_day())),
                Lang::Ja => format!("{}24:00", self.date(w.last_day())),
            }
        } else {
            self.time(w.closes)
        };
        format!("{} 〜 {close}", self.time(w.opens))
    }
    fn heading(&self, page: &str, ja: &str, en: &str) {
        if page.is_empty() {
            println!("\n■ {}", self.t(ja, en));
        } else {
            println!("\n■ {} [{page}]", self.t(ja, en));
        }
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
    let wareki = std::env::args().any(|a| a == "--wareki");
    if let Err(e) = run(&Out { lang, wareki }) {
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
        // The notice's 和暦 date as printed on it, and the same day in the output's style.
        println!(
            "  {} {} = {}",
            o.t("日付", "Date"),
            wareki::format(d, Style::Long).map_err(|e| e.message(lang))?,
            o.date(d)
        );
    }
    println!("  → {}", test_notice.kind.purpose(lang));

    let mut ob = Onboarding::new(test_notice.facility_number);
    let mut on = date(2023, 9, 1);
    let complete =
        |ob: &mut Onboarding, step: Step, on: NaiveDate, ev: Evidence| -> Result<(), String> {
            ob.complete(step, on, ev).map_err(|e| e.message(lang))?;
            println!("  ✓ {} — {}", step.title(lang), o.date(on));
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
    on = date(2023, 9, 12);
    let rules = hug_onboard_core::rules::CertificateRules::default();
    println!(
        "  {} {}円 / {}{}",
        o.t("発行手数料", "Fee"),
        rules.fee_yen,
        rules.validity_years,
        o.t("年", " years")
    );
    complete(&mut ob, Step::ApplyCertificate, on, Evidence::None)?;

    o.heading(
        "P11–P16",
        "電子証明書をダウンロードしてインストールする",
        "Download and install the certificate",
    );
    // The sample .p12 resembles the guide's: valid 2023-09-15 → 2026-09-15.
    let p12 = std::fs::read(root().join("tests/fixtures/guide-openssl3.p12"))
        .map_err(|e| e.to_string())?;
    match certificate::inspect(&p12, "wrong-password") {
        Err(e) => println!(
            "  {} → [{}] {}",
            o.t("パスワードを間違えた場合", "With a wrong password"),
            e.code(),
            e.message(lang)
        ),
        Ok(_) => return Err("a wrong password was accepted".into()),
    }
    let info = certificate::inspect(&p12, CERT_PASSWORD)
        .map_err(|e| e.message(lang))?
        .certificate;
    print_certificate(o, &info);
    let evidence = CertificateEvidence::from(&info);
    complete(
        &mut ob,
        Step::CertificateIssued,
        date(2023, 9, 15),
        Evidence::Certificate {
            certificate: evidence.clone(),
        },
    )?;
    complete(
        &mut ob,
        Step::InstallCertificate,
        date(2023, 9, 18),
        Evidence::Installation {
            pc: "事務所PC".into(),
            certificate: Some(evidence),
        },
    )?;

    o.heading(
        "P17–P21",
        "取込送信V2をインストールして事業所を登録する",
        "Install 取込送信V2 and register the facility",
    );
    on = date(2023, 9, 18);
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
    complete(&mut ob, Step::ChangeTorikomiPassword, on, Evidence::None)?;

    o.heading(
        "P22–P23",
        "本番用IDのお知らせと仮パスワードの変更",
        "The production notice and its password",
    );
    let production =
        RegistrationNotice::parse(&read("tests/fixtures/notices/production_notice.txt")?)
            .map_err(|e| e.message(lang))?;
    // The classic mix-up: the test notice handed in where the production one belongs.
    if let Err(e) = ob.clone().complete(
        Step::ReceiveProductionNotice,
        on,
        Evidence::notice(&test_notice),
    ) {
        println!(
            "  {} → [{}] {}",
            o.t(
                "テストIDのお知らせを渡した場合",
                "If the test notice is given"
            ),
            e.code(),
            e.message(lang)
        );
    }
    println!("  → {}", production.kind.purpose(lang));
    complete(
        &mut ob,
        Step::ReceiveProductionNotice,
        date(2023, 9, 20),
        Evidence::notice(&production),
    )?;
    complete(
        &mut ob,
        Step::ChangeProductionPassword,
        date(2023, 9, 20),
        Evidence::None,
    )?;

    o.heading(
        "P24",
        "メールアドレスの登録（任意）",
        "Register an e-mail address (optional)",
    );
    complete(
        &mut ob,
        Step::RegisterEmail,
        date(2023, 9, 20),
        Evidence::None,
    )?;

    // Years later: what HUG's screen shows on the sample "today".
    // The facility's own 国保連 rulebook (from the registry of 47).
    let calendar = ob.own_calendar().map_err(|e| e.message(lang))?;
    let today = sample_today();
    o.heading(
        "P25–P26",
        "請求できるか（今日の状況）",
        "Can the facility bill? (today)",
    );
    print_readiness(o, &ob.readiness(today, &calendar));

    o.heading(
        "P12–P16",
        "電子証明書を更新した場合",
        "After renewing the certificate",
    );
    // First the classic mistake: another facility's file.
    let wrong = std::fs::read(root().join("tests/fixtures/valid-openssl3.p12"))
        .map_err(|e| e.to_string())?;
    let wrong = certificate::inspect(&wrong, CERT_PASSWORD)
        .map_err(|e| e.message(lang))?
        .certificate;
    if let Err(e) = ob.clone().complete(
        Step::InstallCertificate,
        today,
        Evidence::Installation {
            pc: "事務所PC".into(),
            certificate: Some(CertificateEvidence::from(&wrong)),
        },
    ) {
        println!(
            "  {} → [{}] {}",
            o.t(
                "別の事業所の証明書ファイルを選んだ場合",
                "If another facility's file is picked"
            ),
            e.code(),
            e.message(lang)
        );
    }
    let renewed = std::fs::read(root().join("tests/fixtures/renewed-openssl3.p12"))
        .map_err(|e| e.to_string())?;
    let info = certificate::inspect(&renewed, CERT_PASSWORD)
        .map_err(|e| e.message(lang))?
        .certificate;
    print_certificate(o, &info);
    complete(
        &mut ob,
        Step::InstallCertificate,
        today,
        Evidence::Installation {
            pc: "事務所PC".into(),
            certificate: Some(CertificateEvidence::from(&info)),
        },
    )?;
    print_readiness(o, &ob.readiness(today, &calendar));

    o.heading(
        "P25",
        "今月の請求スケジュール",
        "This month's billing schedule",
    );
    let service_month = YearMonth::of(today);
    let schedule = calendar
        .schedule(service_month)
        .map_err(|e| e.message(lang))?;
    println!(
        "  {} {}: {}",
        o.t("請求期間", "Claim window"),
        schedule.service_month,
        o.window(&schedule.window)
    );
    for doc in &schedule.documents {
        let (name, src) = match lang {
            Lang::Ja => (
                doc.document.name_ja(),
                doc.sources
                    .iter()
                    .map(|s| s.name_ja())
                    .collect::<Vec<_>>()
                    .join("・"),
            ),
            Lang::En => (
                doc.document.name_en(),
                doc.sources
                    .iter()
                    .map(|s| s.name_en())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        };
        let note = if doc.only_if_returns {
            o.t("（返戻があれば）", " (only if there were returns)")
        } else {
            ""
        };
        println!("  {} {name}{note} — {src}", o.date(doc.date));
    }
    println!(
        "  {} {}",
        o.date(schedule.payment.date),
        o.t("支払日", "Payment")
    );
    let stamp = chrono::Utc
        .with_ymd_and_hms(2026, 11, 25, 0, 0, 0)
        .single()
        .unwrap_or_default();
    let ics = calendar
        .to_ical(
            service_month,
            service_month.plus(2).unwrap_or(service_month),
            &IcalOptions::new(stamp),
        )
        .map_err(|e| e.message(lang))?;
    println!(
        "  {} {} {}",
        o.t("iCalendar（カレンダー登録用）:", "iCalendar export:"),
        ics.matches("BEGIN:VEVENT").count(),
        o.t("件の予定", "events")
    );

    o.heading(
        "",
        "これから30日のお知らせ",
        "Reminders for the next 30 days",
    );
    for r in ob.reminders(today, 30, &calendar) {
        let m = match lang {
            Lang::Ja => &r.message_ja,
            Lang::En => &r.message_en,
        };
        println!("  {} {m}", o.date(r.date));
    }
    Ok(())
}

/// "Today": `--today YYYY-MM-DD`, else the real date in Japan (JST = UTC+9,
/// no daylight saving). The example reads the clock; the library never does.
fn sample_today() -> NaiveDate {
    let args: Vec<String> = std::env::args().collect();
    if let Some(w) = args.windows(2).find(|w| w[0] == "--today") {
        match w[1].parse() {
            Ok(d) => return d,
            Err(_) => {
                eprintln!(
                    "--today: YYYY-MM-DD の形式で指定してください / expected YYYY-MM-DD: {}",
                    w[1]
                );
                std::process::exit(2);
            }
        }
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let jst_days = i64::try_from((secs + 9 * 3600) / 86_400).unwrap_or(0);
    date(1970, 1, 1) + chrono::Duration::days(jst_days)
}

fn print_certificate(o: &Out, info: &certificate::CertificateInfo) {
    let join = |v: &[certificate::NameAttribute]| {
        v.iter()
            .map(|a| a.value.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!("  {}: {}", o.t("発行者", "Issuer"), join(&info.issuer));
    println!("  {}: {}", o.t("主体者", "Subject"), join(&info.subject));
    println!(
        "  {}: {} 〜 {}",
        o.t("有効期間（日本時間）", "Valid (JST)"),
        o.date(info.valid_from_jst),
        o.date(info.valid_to_jst)
    );
    if let Some(n) = info.facility_number {
        println!(
            "  {}: {n}",
            o.t("証明書の事業所番号", "Facility number in the certificate")
        );
    }
    println!("  SHA-256: {}", info.fingerprint_sha256);
}

fn print_readiness(o: &Out, r: &hug_onboard_core::onboarding::Readiness) {
    let lang = o.lang;
    println!(
        "  {} {}",
        o.t("規則:", "Rules:"),
        o.t(&r.rulebook.label_ja, &r.rulebook.label_en)
    );
    println!(
        "  {} {} — {} {}",
        o.t("今日", "Today"),
        o.date(r.today),
        o.t("次の請求期間", "next claim window"),
        o.window(&r.window)
    );
    println!(
        "  {}",
        if r.can_bill {
            o.t("◎ 請求できます", "◎ Ready to bill")
        } else {
            o.t("× まだ請求できません", "× Cannot bill yet")
        }
    );
    for f in &r.findings {
        let mark = match f.severity {
            hug_onboard_core::Severity::Error => "×",
            hug_onboard_core::Severity::Warning => "!",
            hug_onboard_core::Severity::Info => "・",
        };
        println!("  {mark} [{}] {}", f.code(), f.message(lang));
    }
    for (i, a) in r.next_actions.iter().enumerate() {
        let m = match lang {
            Lang::Ja => &a.message_ja,
            Lang::En => &a.message_en,
        };
        println!("  {}. {m}", i + 1);
    }
}

fn parse_lang() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    args.windows(2)
        .find(|w| w[0] == "--lang")
        .and_then(|w| Lang::parse(&w[1]))
        .unwrap_or(Lang::Ja)
}
