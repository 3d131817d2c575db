//! `_native._literals()`: every string value the runtime gives (or accepts) for
//! each `Literal` alias of the stubs, produced by the same functions the
//! classes use. `tests/test_stubs.py` checks that each stub alias lists
//! exactly these values, so a new variant in the core cannot leave a stub
//! behind (a new variant also stops this file compiling until it is listed:
//! see [`variants!`]).

use chrono::NaiveDate;
use hug_onboard_core::calendar::YearStatus;
use hug_onboard_core::certificate::{Honorific, RenewalFinding, Stage, StatusKind};
use hug_onboard_core::diagnostic::{ErrorKind, Severity};
use hug_onboard_core::notice::NoticeKind;
use hug_onboard_core::onboarding::Step;
use hug_onboard_core::schedule::{Basis, DocumentKind, DocumentSource, EventKind};
use hug_onboard_core::wareki::{PartialDate, Style};
use pyo3::prelude::*;

/// Every variant of a field-less enum, as an array. The match makes the list
/// exhaustive: a variant added in the core is a compile error here until it
/// is added to the list (and then to the stub's alias, which the test checks).
macro_rules! variants {
    ($ty:ty { $($v:ident),+ $(,)? }) => {{
        #[allow(dead_code)]
        fn exhaustive(x: $ty) {
            match x {
                $(<$ty>::$v)|+ => {}
            }
        }
        [$(<$ty>::$v),+]
    }};
}

/// What `format_wareki(style=...)` accepts: the names `Style::parse` reads back (the stub's
/// `WarekiStyle` and the message naming the styles both derive from it).
pub fn style_names() -> Vec<&'static str> {
    variants!(Style {
        Long,
        LongNumeric,
        Short
    })
    .map(|s| match s {
        Style::Long => "long",
        Style::LongNumeric => "long_numeric",
        Style::Short => "short",
    })
    .into_iter()
    .filter(|name| Style::parse(name).is_some())
    .collect()
}

/// Alias name → its values, in the order of the core's declarations.
#[pyfunction]
pub fn _literals() -> Vec<(&'static str, Vec<&'static str>)> {
    let day = NaiveDate::from_ymd_opt(2019, 5, 1).unwrap_or_default();
    vec![
        (
            "Severity",
            variants!(Severity {
                Info,
                Warning,
                Error
            })
            .map(Severity::as_str)
            .to_vec(),
        ),
        // The core keeps this list itself (the enum is non-exhaustive).
        (
            "ErrorKind",
            ErrorKind::ALL.iter().map(|k| k.as_str()).collect(),
        ),
        (
            "StatusKind",
            variants!(StatusKind {
                NotYetValid,
                Valid,
                RenewalDue,
                Urgent,
                Expired
            })
            .map(crate::certificate::status_kind)
            .to_vec(),
        ),
        (
            "RenewalFinding",
            variants!(RenewalFinding {
                NotYet,
                ApplyNow,
                ApplyByPassed,
                Expired
            })
            .map(crate::certificate::renewal_finding)
            .to_vec(),
        ),
        (
            "Basis",
            variants!(Basis {
                Sourced,
                Approximate,
                Unverified
            })
            .map(Basis::id)
            .to_vec(),
        ),
        (
            "DocumentKind",
            DocumentKind::all().iter().map(|d| d.id()).collect(),
        ),
        (
            "DocumentSource",
            variants!(DocumentSource {
                PortalInquiryList,
                TransmitHistory
            })
            .map(crate::schedule::source_id)
            .to_vec(),
        ),
        (
            "EventKind",
            variants!(EventKind {
                WindowOpens,
                WindowLastDay,
                DocumentRelease,
                Payment
            })
            .map(crate::schedule::event_kind)
            .to_vec(),
        ),
        (
            "LifecycleStage",
            variants!(Stage {
                NotApplied,
                EstimateMade,
                Applied,
                Issued,
                Downloaded,
                Installed,
                Expired
            })
            .map(crate::lifecycle::stage_id)
            .to_vec(),
        ),
        (
            "Honorific",
            variants!(Honorific { Sama, Onchu })
                .map(Honorific::as_str)
                .to_vec(),
        ),
        ("WarekiStyle", style_names()),
        (
            "NoticeKind",
            variants!(NoticeKind { Test, Production })
                .map(NoticeKind::as_str)
                .to_vec(),
        ),
        ("StepId", Step::ALL.iter().map(|s| s.id()).collect()),
        (
            "PartialDate.kind",
            [
                PartialDate::Date { date: day },
                PartialDate::YearMonth {
                    year: 2019,
                    month: 5,
                },
                PartialDate::Year { year: 2019 },
            ]
            .iter()
            .map(crate::wareki::partial_kind)
            .collect(),
        ),
        (
            "JapaneseCalendar.year_status",
            variants!(YearStatus {
                Announced,
                Provisional
            })
            .map(crate::calendar::year_status_id)
            .to_vec(),
        ),
    ]
}
