//! iCalendar (RFC 5545) export of the billing schedule.
//!
//! A small hand-written writer (the format needed is small, and the crates
//! available either read the clock for DTSTAMP or fold by characters instead
//! of octets): CRLF line endings, lines folded at 75 octets without
//! splitting a UTF-8 character, TEXT values escaped (`\\`, `;`, `,`, newline),
//! instants in UTC (`…Z`; JST is UTC+9 all year), all-day events as
//! `VALUE=DATE`. UIDs are derived from the kind, the service month, the
//! rulebook id and an optional scope (e.g. the 事業所番号), so re-importing an
//! export updates the events instead of duplicating them. DTSTAMP is a
//! parameter: the core never reads the clock. No `METHOD`: the file is a
//! calendar to import, not an iTIP message (see [`BillingCalendar::to_ical`]).
//! The export passes libical's strict restriction check and reads the same in
//! ical.js, node-ical and Python's icalendar (`tests/ical_python.rs`).

use std::fmt::Write as _;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use super::{Basis, BillingCalendar, DocumentKind, MonthSchedule, ScheduleError, YearMonth};
use crate::rules::ClaimWindow;

/// Options of [`BillingCalendar::to_ical`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcalOptions {
    /// The DTSTAMP of every event (when the export was made), in UTC.
    pub dtstamp: DateTime<Utc>,
    /// Added to every UID to keep several facilities' calendars apart (e.g.
    /// the 事業所番号); empty for none. Characters other than `A-Z a-z 0-9 - _`
    /// are percent-encoded.
    pub uid_scope: String,
    /// The calendar's display name (written as `NAME` and `X-WR-CALNAME`,
    /// any text: `,`, `;` and `\` are escaped and read back as typed); `None` for
    /// `国保連 請求カレンダー（<rulebook name>）`.
    pub calendar_name: Option<String>,
    /// How long before the window closes its alarm fires, in minutes:
    /// 2,340 by default (39 hours: 09:00 JST on the day before the last day
    /// when the window closes at 24:00).
    pub alarm_minutes_before_close: u32,
    /// Whether to include the documents that exist only if claims were
    /// returned (返戻等一覧表, 支払決定増減表); marked as such in their summary.
    pub include_returns_documents: bool,
}

impl IcalOptions {
    /// Default options with a DTSTAMP.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use hug_onboard_core::schedule::IcalOptions;
    /// let o = IcalOptions::new(Utc.with_ymd_and_hms(2026, 4, 1, 0, 0, 0).unwrap());
    /// assert_eq!(o.alarm_minutes_before_close, 2340);
    /// ```
    pub fn new(dtstamp: DateTime<Utc>) -> IcalOptions {
        IcalOptions {
            dtstamp,
            uid_scope: String::new(),
            calendar_name: None,
            alarm_minutes_before_close: 39 * 60,
            include_returns_documents: true,
        }
    }
}

/// JST (UTC+9, no daylight saving) wall-clock → UTC basic format.
fn utc(jst: NaiveDateTime) -> String {
    (jst - Duration::hours(9))
        .format("%Y%m%dT%H%M%SZ")
        .to_string()
}

fn date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// What a day rests on, for descriptions: the rulebook's basis in Japanese.
fn basis_ja(b: Basis) -> &'static str {
    match b {
        Basis::Sourced => "国保連の規則（出典あり）",
        Basis::Approximate => "国保連の記載は「頃」（概日）",
        Basis::Unverified => "既定値（未確認）",
    }
}

/// Escapes a TEXT value (RFC 5545 3.3.11).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn uid_part(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Appends one content line, folded at 75 octets (continuation lines start
/// with a space, which counts), never inside a UTF-8 character, ending CRLF.
fn line(out: &mut String, content: &str) {
    let mut rest = content;
    let mut limit = 75;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while cut > 0 && !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (head, tail) = rest.split_at(cut);
        out.push_str(head);
        out.push_str("\r\n ");
        rest = tail;
        limit = 74;
    }
}

fn close_label(w: &ClaimWindow) -> String {
    let (day, time) = if w.closes.time() == NaiveTime::MIN {
        (w.last_day(), "24:00".to_owned())
    } else {
        (w.closes.date(), w.closes.format("%H:%M").to_string())
    };
    format!(
        "{}月{}日 {time}",
        chrono::Datelike::month(&day),
        chrono::Datelike::day(&day)
    )
}

struct Writer<'a> {
    out: String,
    opts: &'a IcalOptions,
    suffix: String,
    stamp: String,
}

impl Writer<'_> {
    fn uid(&self, kind: &str, month: YearMonth) -> String {
        format!("{kind}-{month}{}@hug-onboard", self.suffix)
    }

    fn all_day(&mut self, uid: &str, day: NaiveDate, summary: &str, description: &str) {
        let next = day.succ_opt().unwrap_or(day);
        let o = &mut self.out;
        line(o, "BEGIN:VEVENT");
        line(o, &format!("UID:{uid}"));
        line(o, &format!("DTSTAMP:{}", self.stamp));
        line(o, &format!("DTSTART;VALUE=DATE:{}", date(day)));
        line(o, &format!("DTEND;VALUE=DATE:{}", date(next)));
        line(o, &format!("SUMMARY:{}", escape(summary)));
        line(o, &format!("DESCRIPTION:{}", escape(description)));
        line(o, "TRANSP:TRANSPARENT");
        line(o, "END:VEVENT");
    }

    fn month(&mut self, s: &MonthSchedule) {
        let m = s.service_month;
        let label = s.service_month.label_ja();
        // The claim window: a timed event with an alarm before it closes.
        let w = s.window;
        let close = close_label(&w);
        let alarm = w.closes - Duration::minutes(i64::from(self.opts.alarm_minutes_before_close));
        let uid = self.uid("claim-window", m);
        let mut desc = format!(
            "{label}提供分の請求を取込送信V2から送信できる期間です。締切は{close}（日本時間）。締切を過ぎると翌月の請求になります。"
        );
        if s.window_extended {
            desc.push_str("締切日が休日のため翌営業日まで延長されています。");
        }
        if s.provisional {
            desc.push_str("\n（祝日が未確定の年を含むため暫定の日程です）");
        }
        let o = &mut self.out;
        line(o, "BEGIN:VEVENT");
        line(o, &format!("UID:{uid}"));
        line(o, &format!("DTSTAMP:{}", self.stamp));
        line(o, &format!("DTSTART:{}", utc(w.opens)));
        line(o, &format!("DTEND:{}", utc(w.closes)));
        line(
            o,
            &format!(
                "SUMMARY:{}",
                escape(&format!("【請求】{label}提供分の請求期間（締切 {close}）"))
            ),
        );
        line(o, &format!("DESCRIPTION:{}", escape(&desc)));
        line(o, "TRANSP:TRANSPARENT");
        line(o, "BEGIN:VALARM");
        line(o, "ACTION:DISPLAY");
        line(
            o,
            &format!(
                "DESCRIPTION:{}",
                escape(&format!(
                    "{label}提供分の請求締切（{close}）が近づいています"
                ))
            ),
        );
        line(o, &format!("TRIGGER;VALUE=DATE-TIME:{}", utc(alarm)));
        line(o, "END:VALARM");
        line(o, "END:VEVENT");
        // The documents.
        for d in &s.documents {
            if d.only_if_returns && !self.opts.include_returns_documents {
                continue;
            }
            let kind: DocumentKind = d.document;
            let about = if d.basis == Basis::Approximate {
                format!("（{}日頃）", d.date.day())
            } else {
                String::new()
            };
            let summary = if d.only_if_returns {
                format!(
                    "【帳票】{}（返戻があれば）{label}提供分{about}",
                    kind.name_ja()
                )
            } else {
                format!("【帳票】{} {label}提供分{about}", kind.name_ja())
            };
            let wheres: Vec<&str> = d.sources.iter().map(|s| s.name_ja()).collect();
            let desc = format!(
                "{}が公開されます。取得場所: {}。公開日: {}",
                kind.name_ja(),
                wheres.join("、"),
                basis_ja(d.basis)
            );
            let uid = self.uid(&kind.id().replace('_', "-"), m);
            self.all_day(&uid, d.date, &summary, &desc);
        }
        // The payment.
        let p = s.payment;
        let mut desc = format!("{label}提供分の国保連からの入金予定日です。");
        if p.date != p.nominal {
            let way = if p.date < p.nominal {
                "前営業日"
            } else {
                "翌営業日"
            };
            let _ = write!(
                desc,
                "本来の支払日 {} が休日のため{way}になっています。",
                p.nominal.format("%-m月%-d日")
            );
        }
        let _ = write!(desc, "支払日: {}", basis_ja(p.basis));
        let uid = self.uid("payment", m);
        self.all_day(
            &uid,
            p.date,
            &format!("【入金】{label}提供分の支払日"),
            &desc,
        );
    }
}

impl BillingCalendar {
    /// Exports the schedules of the service months `from` to `to` (inclusive)
    /// as an iCalendar (RFC 5545) text: per month a timed event for the claim
    /// window with a display alarm before it closes, an all-day event for each
    /// document release and one for the payment. Summaries are in Japanese.
    ///
    /// # Errors
    ///
    /// Those of [`schedules`](Self::schedules) (`schedule.invalid_range`,
    /// `schedule.range_too_long`, `calendar.out_of_range`).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use hug_onboard_core::schedule::{BillingCalendar, IcalOptions, YearMonth};
    ///
    /// let opts = IcalOptions::new(Utc.with_ymd_and_hms(2026, 4, 1, 0, 0, 0).unwrap());
    /// let m = YearMonth::parse("2026-04")?;
    /// let ics = BillingCalendar::default().to_ical(m, m, &opts)?;
    /// assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    /// assert!(ics.contains("UID:claim-window-2026-04.default@hug-onboard\r\n"));
    /// assert!(ics.contains("DTSTART:20260430T150000Z\r\n")); // 2026-05-01 00:00 JST
    /// assert!(ics.lines().all(|l| l.len() <= 75));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_ical(
        &self,
        from: YearMonth,
        to: YearMonth,
        opts: &IcalOptions,
    ) -> Result<String, ScheduleError> {
        let schedules = self.schedules(from, to)?;
        let mut suffix = format!(".{}", uid_part(self.rulebook.id()));
        if !opts.uid_scope.is_empty() {
            let _ = write!(suffix, ".{}", uid_part(&opts.uid_scope));
        }
        let mut w = Writer {
            out: String::with_capacity(1200 * schedules.len() + 400),
            opts,
            suffix,
            stamp: opts.dtstamp.format("%Y%m%dT%H%M%SZ").to_string(),
        };
        let name = opts
            .calendar_name
            .clone()
            .unwrap_or_else(|| format!("国保連 請求カレンダー（{}）", self.rulebook.name_ja()));
        let o = &mut w.out;
        line(o, "BEGIN:VCALENDAR");
        line(o, "VERSION:2.0");
        line(o, "PRODID:-//hug-onboard//billing calendar//JA");
        line(o, "CALSCALE:GREGORIAN");
        // No METHOD: the file is a calendar to import or subscribe to, not an
        // iTIP scheduling message (RFC 5546). `METHOD:PUBLISH` would make it
        // one, and RFC 5546 3.2.1 then requires an ORGANIZER (a calendar user
        // address) in every VEVENT; there is no such person for the 国保連's
        // dates, and strict parsers (libical's restriction check) reject the
        // file without one. RFC 5545 3.7.2: METHOD is only for such messages.
        //
        // The name twice: NAME (RFC 7986) and X-WR-CALNAME (what Apple and
        // Google Calendar read). Both are TEXT (escaped), and both carry an
        // explicit VALUE=TEXT: parsers that do not know NAME, or treat an X-
        // property as opaque (ical.js, Python icalendar), otherwise show the
        // escape backslashes of a name with `,`, `;` or `\`.
        let name = escape(&name);
        line(o, &format!("NAME;VALUE=TEXT:{name}"));
        line(o, &format!("X-WR-CALNAME;VALUE=TEXT:{name}"));
        line(o, "X-WR-TIMEZONE:Asia/Tokyo");
        for s in &schedules {
            w.month(s);
        }
        line(&mut w.out, "END:VCALENDAR");
        Ok(w.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_counts_octets_and_keeps_characters_whole() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "請求期間あいう,;\\".repeat(20));
        line(&mut out, &long);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines.last(), Some(&""));
        for (i, l) in lines.iter().enumerate().filter(|(_, l)| !l.is_empty()) {
            assert!(l.len() <= 75, "line {i} has {} octets", l.len());
            if i > 0 {
                assert!(l.starts_with(' '));
            }
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
        // exactly 75 octets: no fold
        let mut out = String::new();
        line(&mut out, &"a".repeat(75));
        assert_eq!(out.len(), 77);
        let mut out = String::new();
        line(&mut out, &"a".repeat(76));
        assert_eq!(out, format!("{}\r\n a\r\n", "a".repeat(75)));
    }

    #[test]
    fn escaping() {
        assert_eq!(escape("a,b;c\\d\ne\r\0"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(uid_part("13 12/34"), "13%2012%2F34");
    }
}
