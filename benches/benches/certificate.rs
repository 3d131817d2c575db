//! Opening .p12 fixtures: full open (MAC, certificate bags, key bag) against
//! inspect-only (key bag skipped), per fixture.
//! `cargo bench -p hug-onboard-benches --bench certificate -- --warm-up-time 1 --measurement-time 2`

use criterion::{Criterion, criterion_group, criterion_main};
use hug_onboard_benches::fixture;
use hug_onboard_core::certificate;
use std::hint::black_box;

const FIXTURES: &[(&str, &str)] = &[
    ("guide-openssl3.p12", "TestPass123"),
    ("guide-legacy.p12", "TestPass123"),
    ("guide-3des.p12", "TestPass123"),
    ("guide-aes128-sha1mac.p12", "TestPass123"),
    ("guide-sha512mac.p12", "TestPass123"),
    ("guide-nomac.p12", "TestPass123"),
    ("guide-ber.p12", "TestPass123"),
    ("guide-japanese-password.p12", "証明書パスワード"),
    ("bmp-legacy.p12", "TestPass123"),
    ("ec-openssl3.p12", "TestPass123"),
];

fn bench(c: &mut Criterion) {
    for (name, pw) in FIXTURES {
        let bytes = fixture(name);
        let mut g = c.benchmark_group(name.trim_end_matches(".p12"));
        g.bench_function("open", |b| {
            b.iter(|| {
                certificate::open(black_box(&bytes), pw).map(|o| o.info.certificate.serial_hex)
            })
        });
        g.bench_function("inspect", |b| {
            b.iter(|| certificate::inspect(black_box(&bytes), pw).map(|i| i.certificate.serial_hex))
        });
        g.finish();
    }
    let bytes = fixture("guide-openssl3.p12");
    c.bench_function("wrong_password/openssl3", |b| {
        b.iter(|| certificate::inspect(black_box(&bytes), "wrong").is_err())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
