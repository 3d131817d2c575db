//! Calendar benches: one holiday lookup (target ≤ 50 ns), one month's
//! schedule, a 10-year iCalendar export.
//!
//! Run: `cargo bench -p hug-onboard-benches --bench calendar`

use std::hint::black_box;
use std::time::Duration;

use chrono::{NaiveDate, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use hug_onboard_core::calendar;
use hug_onboard_core::schedule::{BillingCalendar, IcalOptions, YearMonth};

fn benches(c: &mut Criterion) {
    let day = NaiveDate::from_ymd_opt(2026, 5, 6).unwrap_or_default();
    let _ = calendar::is_holiday(day); // build the table once
    c.bench_function("calendar/is_holiday", |b| {
        b.iter(|| calendar::is_holiday(black_box(day)))
    });
    let days: Vec<NaiveDate> = (0..365)
        .filter_map(|i| NaiveDate::from_yo_opt(2026, i + 1))
        .collect();
    c.bench_function("calendar/is_holiday x365 (a whole year)", |b| {
        b.iter(|| {
            days.iter()
                .filter(|d| calendar::is_holiday(**d).unwrap_or(false))
                .count()
        })
    });
    let cal = BillingCalendar::default();
    let month = YearMonth::new(2026, 4).unwrap();
    c.bench_function("schedule/one month", |b| {
        b.iter(|| cal.schedule(black_box(month)))
    });
    let opts = IcalOptions::new(Utc.with_ymd_and_hms(2026, 4, 1, 0, 0, 0).unwrap());
    let from = YearMonth::new(2026, 1).unwrap();
    let to = YearMonth::new(2035, 12).unwrap();
    c.bench_function("ical/10-year export (120 months)", |b| {
        b.iter(|| cal.to_ical(black_box(from), black_box(to), &opts))
    });
}

criterion_group! {
    name = calendar_benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    targets = benches
}
criterion_main!(calendar_benches);
