//! The README's main job: take a sample facility through the whole onboarding
//! guide on the bundled sample data, printing what a user would see.
//!
//! Run: `./scripts/run` (Japanese) or `./scripts/run --lang en`; "today" is the
//! real date in Japan unless `--today YYYY-MM-DD` says otherwise (the example
//! reads the clock; the library never does and takes the day as a parameter).
//! Dates print as a Japanese office writes them (`2027年1月15日（金）`), ISO in
//! English; `--wareki` prints 和暦 (`令和9年1月15日（金）`); `--json` prints only
//! the final onboarding state (JSON).
//!
//! The sample facility is `tests/fixtures/walkthrough/sample.json` (embedded below):
//! the notices, certificate files, profile and the day of every step (its `today`
//! is the day the tests pass with `--today`, not a default). The Python command
//! line `hug-onboard walkthrough` reads the same file, and a test
//! (`hug-onboard-py/tests/test_walkthrough_shared.py`) proves both end in the same state.

use std::path::{Path, PathBuf};

use chrono::TimeZone;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use hug_onboard_core::certificate;
use hug_onboard_core::diagnostic::{Diagnostic, Lang};
use hug_onboard_core::notice::RegistrationNotice;
use hug_onboard_core::onboarding::{CertificateEvidence, Evidence, Onboarding, Step};
use hug_onboard_core::password::PasswordPolicy;
use hug_onboard_core::profile::ProfileInput;
use hug_onboard_core::rules::ClaimCalendar;
use hug_onboard_core::schedule::{Basis, IcalOptions, YearMonth};
use hug_onboard_core::wareki::{self, Style};

/// The sample facility's data, shared with the Python walkthrough.
const SAMPLE: &str = include_str!("../../tests/fixtures/walkthrough/sample.json");

/// Prints a line unless `--json` asked for the state only.
macro_rules! say {
    ($o:expr) => {
        if !$o.json {
            emit(format_args!(""))
        }
    };
    ($o:expr, $($arg:tt)*) => {
        if !$o.json {
            emit(format_args!($($arg)*))
        }
    };
}

struct Out {
    lang: Lang,
    json: bool,
    /// `--wareki`: Japanese dates in 和暦.
    wareki: bool,
}

/// The parsed sample (`tests/fixtures/walkthrough/sample.json`).
struct Sample(serde_json::Value);

impl Sample {
    fn load() -> Result<Sample, String> {
        serde_json::from_str(SAMPLE)
            .map(Sample)
            .map_err(|e| format!("sample.json: {e}"))
    }
    fn str(&self, pointer: &str) -> Result<&str, String> {
        self.0
            .pointer(pointer)
            .and_then(|v| v.as_str())
            .ok_or_else(|| format!("sample.json: no string at {pointer}"))
    }
    /// A file the sample names (relative to `tests/fixtures/`).
    fn file(&self, pointer: &str) -> Result<Vec<u8>, String> {
        let rel = self.str(pointer)?;
        std::fs::read(root().join("tests/fixtures").join(rel)).map_err(|e| format!("{rel}: {e}"))
    }
    fn text(&self, pointer: &str) -> Result<String, String> {
        String::from_utf8(self.file(pointer)?).map_err(|e| format!("{pointer}: {e}"))
    }
    /// The day of a step (`/dates/<step id>`).
    fn day(&self, step: Step) -> Result<NaiveDate, String> {
        let s = self.str(&format!("/dates/{}", step.id()))?;
        s.parse()
            .map_err(|e| format!("sample.json dates.{}: {e}", step.id()))
    }
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
        format!("{}{}{close}", self.time(w.opens), self.t(" 〜 ", " to "))
    }
    /// A service month: `（2026年11月提供分）` / ` (services of 2026-11)`.
    fn month(&self, m: YearMonth) -> String {
        match self.lang {
            Lang::Ja => format!("（{}年{}月提供分）", m.year(), m.month()),
            Lang::En => format!(" (services of {m})"),
        }
    }
    /// What a date rests on, said when it is not the 国保連's own stated rule:
    /// ` ［既定値（未確認）］`; nothing for a sourced date, nor when `said_once`
    /// (every date of the list rests on the same basis, said in one line).
    fn basis(&self, b: Basis, said_once: bool) -> String {
        match b {
            Basis::Sourced => String::new(),
            _ if said_once => String::new(),
            b => format!(" {}", self.bracket(b.label(self.lang))),
        }
    }
    /// Says once what every date of a list rests on, when they all rest on the
    /// same basis; returns whether it did (then the lines carry no flag).
    fn basis_once(&self, bases: &[Basis]) -> bool {
        let Some(&first) = bases.first() else {
            return false;
        };
        if bases.iter().any(|&b| b != first) {
            return false;
        }
        if first != Basis::Sourced {
            say!(
                self,
                "  ※ {}{}{}",
                self.t("この一覧の日付はすべて", "Every date below is "),
                self.bracket(first.label(self.lang)),
                self.t(
                    "です。国保連の案内で確かめてください。",
                    ": confirm it with the federation's notices."
                )
            );
        }
        true
    }
    /// `［x］` in Japanese, `[x]` in English.
    fn bracket(&self, x: &str) -> String {
        match self.lang {
            Lang::Ja => format!("［{x}］"),
            Lang::En => format!("[{x}]"),
        }
    }
    /// A paragraph, every line indented as the first.
    fn paragraph(&self, text: &str) {
        for line in text.lines() {
            say!(self, "  {line}");
        }
    }
    fn heading(&self, page: &str, ja: &str, en: &str) {
        if page.is_empty() {
            say!(self, "\n■ {}", self.t(ja, en));
        } else {
            say!(self, "\n■ {} [{page}]", self.t(ja, en));
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn os_random(buf: &mut [u8]) -> Result<(), String> {
    // The core takes randomness from the caller; an example may read the OS.
    use std::io::Read;
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(buf))
        .map_err(|e| e.to_string())
}

/// Writes one line to stdout. A reader that went away (`./scripts/run | head`)
/// ends the walkthrough quietly, as a command line should, instead of a panic.
fn emit(line: std::fmt::Arguments<'_>) {
    use std::io::Write;
    if writeln!(std::io::stdout().lock(), "{line}").is_err() {
        std::process::exit(0);
    }
}

/// The command line: `--lang ja|en`, `--today YYYY-MM-DD`, `--wareki`, `--json`.
struct Args {
    lang: Lang,
    today: Option<NaiveDate>,
    json: bool,
    wareki: bool,
}

/// Parses the options; anything else (an unknown option, a missing or bad
/// value) is a usage error: a bilingual message on stderr and exit status 2.
fn parse_args() -> Args {
    fn usage(ja: &str, en: &str) -> ! {
        eprintln!(
            "[cli.usage] {ja} / {en}\n使い方 / usage: ./scripts/run [--lang ja|en] [--today YYYY-MM-DD] [--wareki] [--json]"
        );
        std::process::exit(2);
    }
    let mut a = Args {
        lang: Lang::Ja,
        today: None,
        json: false,
        wareki: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => a.json = true,
            "--wareki" => a.wareki = true,
            "--lang" => match it.next().as_deref().and_then(Lang::parse) {
                Some(l) => a.lang = l,
                None => usage(
                    "--lang には ja か en を指定してください。",
                    "--lang takes ja or en.",
                ),
            },
            "--today" => {
                let v = it.next().unwrap_or_default();
                let first = hug_onboard_core::calendar::FIRST_YEAR;
                let last = hug_onboard_core::calendar::LAST_YEAR;
                match v.parse::<NaiveDate>() {
                    Ok(d) if (first..=last).contains(&d.year()) => a.today = Some(d),
                    Ok(_) => usage(
                        &format!("--today は{first}年から{last}年までの日付です: {v}"),
                        &format!("--today must be a day of {first} to {last}: {v}"),
                    ),
                    Err(_) => usage(
                        &format!("--today には実在する日付を YYYY-MM-DD で指定してください: {v}"),
                        &format!("--today takes an existing day as YYYY-MM-DD: {v}"),
                    ),
                }
            }
            other => usage(
                &format!("知らないオプションです: {other}"),
                &format!("unknown option: {other}"),
            ),
        }
    }
    a
}

fn main() {
    // The options first: a bad one stops before anything is printed.
    let args = parse_args();
    let out = Out {
        lang: args.lang,
        json: args.json,
        wareki: args.wareki,
    };
    if let Err(e) = run(&out, args.today.unwrap_or_else(real_today)) {
        eprintln!("{e}");
        std::process::exit(1);
    }
}

fn run(o: &Out, today: NaiveDate) -> Result<(), String> {
    let lang = o.lang;
    let sample = Sample::load()?;
    let pc = sample.str("/billing_pc")?.to_owned();
    say!(
        o,
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
    let test_notice =
        RegistrationNotice::parse(&sample.text("/test_notice")?).map_err(|e| e.message(lang))?;
    for (field, value) in test_notice.public_field_values() {
        if field == hug_onboard_core::notice::NoticeField::Date {
            continue;
        }
        let label = match lang {
            Lang::Ja => field.label(),
            Lang::En => field.name_en(),
        };
        say!(o, "  {label}: {value}");
    }
    say!(
        o,
        "  {}",
        o.t(
            "(仮)パスワード: ***（画面には表示しません）",
            "Temporary password: *** (never shown)"
        )
    );
    if let Some(d) = test_notice.date {
        // The notice's 和暦 date as printed on it, and the same day in the output's style.
        say!(
            o,
            "  {} {} = {}",
            o.t("日付", "Date"),
            wareki::format(d, Style::Long).map_err(|e| e.message(lang))?,
            o.date(d)
        );
    }
    say!(o, "  → {}", test_notice.kind.purpose(lang));

    let mut ob = Onboarding::new(test_notice.facility_number);
    // Every step on the sample's day for it (`dates` in sample.json).
    let complete = |ob: &mut Onboarding, step: Step, ev: Evidence| -> Result<(), String> {
        let on = sample.day(step)?;
        ob.complete(step, on, ev).map_err(|e| e.message(lang))?;
        say!(o, "  ✓ {} — {}", step.title(lang), o.date(on));
        Ok(())
    };
    complete(
        &mut ob,
        Step::ReceiveDocuments,
        Evidence::notice(&test_notice),
    )?;

    o.heading("P3", "届を提出する", "Submit the 届");
    complete(&mut ob, Step::SubmitTodoke, Evidence::None)?;

    o.heading(
        "P4–P6",
        "テストIDでログインし、仮パスワードを変更する",
        "Log in with the test ID and change its temporary password",
    );
    complete(&mut ob, Step::TestLogin, Evidence::None)?;
    let policy = PasswordPolicy::test_screen();
    o.paragraph(&policy.advice(lang));
    let user_id = test_notice.user_id.as_str();
    let candidates = sample.0["password_candidates"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for candidate in candidates.iter().filter_map(|c| c.as_str()) {
        let findings = policy.check(candidate, Some(user_id));
        say!(o, "  {} 「{candidate}」:", o.t("候補", "Candidate"));
        for f in &findings {
            say!(o, "    - [{}] {}", f.code(), f.message(lang));
        }
    }
    let generated = PasswordPolicy::generation()
        .generate_with(
            sample.0["generated_password_length"].as_u64().unwrap_or(12) as usize,
            os_random,
        )
        .map_err(|e| e.message(lang))?;
    say!(o,
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
    say!(
        o,
        "  {} {}",
        o.t("変更フォームの確認:", "Change form check:"),
        if change.is_empty() { "OK" } else { "NG" }
    );
    complete(&mut ob, Step::ChangeTestPassword, Evidence::None)?;

    o.heading(
        "P7–P11",
        "電子証明書の発行申請",
        "Apply for the certificate",
    );
    let rules = hug_onboard_core::rules::CertificateRules::default();
    say!(
        o,
        "  {} {}円 / {}{}",
        o.t("発行手数料", "Fee"),
        rules.fee_yen,
        rules.validity_years,
        o.t("年", " years")
    );
    complete(&mut ob, Step::ApplyCertificate, Evidence::None)?;

    o.heading(
        "P11–P16",
        "電子証明書をダウンロードしてインストールする",
        "Download and install the certificate",
    );
    // The sample .p12 resembles the guide's: valid 2023-09-15 → 2026-09-15.
    let p12 = sample.file("/certificate/file")?;
    let cert_password = sample.str("/certificate/password")?;
    match certificate::inspect(&p12, "wrong-password") {
        Err(e) => say!(
            o,
            "  {} → [{}] {}",
            o.t("パスワードを間違えた場合", "With a wrong password"),
            e.code(),
            e.message(lang)
        ),
        Ok(_) => return Err("a wrong password was accepted".into()),
    }
    let info = certificate::inspect(&p12, cert_password)
        .map_err(|e| e.message(lang))?
        .certificate;
    print_certificate(o, &info);
    let evidence = CertificateEvidence::from(&info);
    complete(
        &mut ob,
        Step::CertificateIssued,
        Evidence::Certificate {
            certificate: evidence.clone(),
        },
    )?;
    complete(
        &mut ob,
        Step::InstallCertificate,
        Evidence::Installation {
            pc: pc.clone(),
            certificate: Some(evidence),
        },
    )?;

    o.heading(
        "P17–P21",
        "取込送信V2をインストールして事業所を登録する",
        "Install 取込送信V2 and register the facility",
    );
    complete(
        &mut ob,
        Step::InstallTorikomi,
        Evidence::Installation {
            pc: pc.clone(),
            certificate: None,
        },
    )?;
    // What the user types into 事業所情報保守 (sample.json `profile`).
    let profile: ProfileInput = sample
        .0
        .get("profile")
        .cloned()
        .ok_or("sample.json: no profile")
        .and_then(|v| serde_json::from_value(v).map_err(|_| "sample.json: profile"))?;
    let checked = profile
        .validate(Some(&test_notice.facility_number))
        .map_err(|e| e.message(lang))?;
    for w in &checked.warnings {
        say!(o, "  ! [{}] {}", w.code(), w.message(lang));
    }
    complete(
        &mut ob,
        Step::RegisterFacility,
        Evidence::Profile {
            profile: checked.profile,
        },
    )?;
    complete(&mut ob, Step::ChangeTorikomiPassword, Evidence::None)?;

    o.heading(
        "P22–P23",
        "本番用IDのお知らせと仮パスワードの変更",
        "The production notice and its password",
    );
    let production = RegistrationNotice::parse(&sample.text("/production_notice")?)
        .map_err(|e| e.message(lang))?;
    // The classic mix-up: the test notice handed in where the production one belongs.
    if let Err(e) = ob.clone().complete(
        Step::ReceiveProductionNotice,
        sample.day(Step::ReceiveProductionNotice)?,
        Evidence::notice(&test_notice),
    ) {
        say!(
            o,
            "  {} → [{}] {}",
            o.t(
                "テストIDのお知らせを渡した場合",
                "If the test notice is given"
            ),
            e.code(),
            e.message(lang)
        );
    }
    say!(o, "  → {}", production.kind.purpose(lang));
    complete(
        &mut ob,
        Step::ReceiveProductionNotice,
        Evidence::notice(&production),
    )?;
    complete(&mut ob, Step::ChangeProductionPassword, Evidence::None)?;

    o.heading(
        "P24",
        "メールアドレスの登録（任意）",
        "Register an e-mail address (optional)",
    );
    complete(&mut ob, Step::RegisterEmail, Evidence::None)?;

    // Years later: what HUG's screen shows on the sample "today".
    // The facility's own 国保連 rulebook (from the registry of 47).
    let calendar = ob.own_calendar().map_err(|e| e.message(lang))?;
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
    let wrong = sample.file("/certificate/other_facility_file")?;
    let wrong = certificate::inspect(&wrong, cert_password)
        .map_err(|e| e.message(lang))?
        .certificate;
    if let Err(e) = ob.clone().complete(
        Step::InstallCertificate,
        today,
        Evidence::Installation {
            pc: pc.clone(),
            certificate: Some(CertificateEvidence::from(&wrong)),
        },
    ) {
        say!(
            o,
            "  {} → [{}] {}",
            o.t(
                "別の事業所の証明書ファイルを選んだ場合",
                "If another facility's file is picked"
            ),
            e.code(),
            e.message(lang)
        );
    }
    let renewed = sample.file("/certificate/renewed_file")?;
    let info = certificate::inspect(&renewed, cert_password)
        .map_err(|e| e.message(lang))?
        .certificate;
    print_certificate(o, &info);
    ob.complete(
        Step::InstallCertificate,
        today,
        Evidence::Installation {
            pc: pc.clone(),
            certificate: Some(CertificateEvidence::from(&info)),
        },
    )
    .map_err(|e| e.message(lang))?;
    say!(
        o,
        "  ✓ {} — {}",
        Step::InstallCertificate.title(lang),
        o.date(today)
    );
    print_readiness(o, &ob.readiness(today, &calendar));

    o.heading(
        "P25",
        "今月の請求スケジュール",
        "This month's billing schedule",
    );
    // The services whose claim window is open today or opens next (on 2027-01-08
    // the window of December's services is still open: that one, not January's).
    let service_month = {
        let claim = YearMonth::of(calendar.window_on_or_after(today).opens.date());
        claim.plus(-1).unwrap_or(claim)
    };
    let schedule = calendar
        .schedule(service_month)
        .map_err(|e| e.message(lang))?;
    let window_basis = schedule.window_basis.max(schedule.closing_time_basis);
    let bases: Vec<Basis> = [window_basis, schedule.payment.basis]
        .into_iter()
        .chain(schedule.documents.iter().map(|d| d.basis))
        .collect();
    let once = o.basis_once(&bases);
    say!(
        o,
        "  {}{}: {}{}",
        o.t("請求期間", "Claim window"),
        o.month(schedule.service_month),
        o.window(&schedule.window),
        o.basis(window_basis, once)
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
        say!(
            o,
            "  {} {name}{note} — {src}{}",
            o.date(doc.date),
            o.basis(doc.basis, once)
        );
    }
    say!(
        o,
        "  {} {}{}",
        o.date(schedule.payment.date),
        o.t("支払日", "Payment"),
        o.basis(schedule.payment.basis, once)
    );
    // DTSTAMP: when the file was made, here the start of "today" in Japan.
    let stamp = chrono::FixedOffset::east_opt(9 * 3600)
        .and_then(|jst| {
            jst.from_local_datetime(&today.and_time(chrono::NaiveTime::MIN))
                .single()
        })
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_default();
    let ics = calendar
        .to_ical(
            service_month,
            service_month.plus(2).unwrap_or(service_month),
            &IcalOptions::new(stamp),
        )
        .map_err(|e| e.message(lang))?;
    say!(
        o,
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
    let reminders = ob.reminders(
        today,
        sample.0["reminder_days"].as_u64().unwrap_or(30) as u32,
        &calendar,
    );
    let once = o.basis_once(&reminders.iter().map(|r| r.basis).collect::<Vec<_>>());
    for r in reminders {
        let m = match lang {
            Lang::Ja => &r.message_ja,
            Lang::En => &r.message_en,
        };
        say!(o, "  {} {m}{}", o.date(r.date), o.basis(r.basis, once));
    }
    if o.json {
        emit(format_args!("{}", ob.to_json()));
    }
    Ok(())
}

/// "Today" without `--today`: the real date in Japan (JST = UTC+9, no
/// daylight saving). The example reads the clock; the library never does.
fn real_today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let jst = i64::try_from(secs + 9 * 3600).unwrap_or(0);
    chrono::Utc
        .timestamp_opt(jst, 0)
        .single()
        .map(|t| t.date_naive())
        .unwrap_or_default()
}

fn print_certificate(o: &Out, info: &certificate::CertificateInfo) {
    let join = |v: &[certificate::NameAttribute]| {
        v.iter()
            .map(|a| a.value.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    say!(o, "  {}: {}", o.t("発行者", "Issuer"), join(&info.issuer));
    say!(o, "  {}: {}", o.t("主体者", "Subject"), join(&info.subject));
    say!(
        o,
        "  {}: {} 〜 {}",
        o.t("有効期間（日本時間）", "Valid (JST)"),
        o.date(info.valid_from_jst),
        o.date(info.valid_to_jst)
    );
    if let Some(n) = info.facility_number {
        say!(
            o,
            "  {}: {n}",
            o.t("証明書の事業所番号", "Facility number in the certificate")
        );
    }
    say!(o, "  SHA-256: {}", info.fingerprint_sha256);
}

fn print_readiness(o: &Out, r: &hug_onboard_core::onboarding::Readiness) {
    let lang = o.lang;
    say!(
        o,
        "  {} {}",
        o.t("規則:", "Rules:"),
        o.t(&r.rulebook.label_ja, &r.rulebook.label_en)
    );
    say!(
        o,
        "  {} {} — {} {}",
        o.t("今日", "Today"),
        o.date(r.today),
        if r.window.opens.date() <= r.today {
            o.t("受付中の請求期間", "claim window open now")
        } else {
            o.t("次の請求期間", "next claim window")
        },
        o.window(&r.window)
    );
    say!(
        o,
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
        say!(o, "  {mark} [{}] {}", f.code(), f.message(lang));
    }
    for (i, a) in r.next_actions.iter().enumerate() {
        let m = match lang {
            Lang::Ja => &a.message_ja,
            Lang::En => &a.message_en,
        };
        say!(o, "  {}. {m}", i + 1);
    }
}
