//! The cost of the C boundary: `FacilityNumber::parse` called from Rust against
//! `hug_facility_number_parse` (the extern "C" function, with its boundary:
//! last-error reset, panic guard, NULL and UTF-8 checks, C struct out-param).
//!
//! `cargo bench -p hug-onboard-ffi --bench ffi_overhead` prints ns/call and the
//! ratio; `tests/c/bench-compare` adds the same call made from a C program.
//! Target: the C call costs at most 2x the Rust call.

use std::hint::black_box;
use std::time::Instant;

use hug_onboard::facility::hug_facility_number;
use hug_onboard::hug_status;
use hug_onboard_core::facility::FacilityNumber;

fn time(iters: u64, mut f: impl FnMut()) -> f64 {
    for _ in 0..iters / 10 {
        f();
    }
    let t0 = Instant::now();
    for _ in 0..iters {
        f();
    }
    t0.elapsed().as_nanos() as f64 / iters as f64
}

fn main() {
    let iters: u64 = std::env::args()
        .filter_map(|a| a.parse().ok())
        .next()
        .unwrap_or(2_000_000);
    for (name, text, ctext) in [
        ("ascii", "1312345678", c"1312345678"),
        ("fullwidth", "１３１２３４５６７８", c"１３１２３４５６７８"),
    ] {
        let rust = time(iters, || {
            let n = FacilityNumber::parse(black_box(text)).unwrap();
            black_box(n.prefecture());
        });
        let ffi = time(iters, || {
            let mut out = hug_facility_number {
                digits: [0; 11],
                prefecture: 0,
            };
            // SAFETY: a NUL-terminated literal and a valid out-pointer.
            let s = unsafe {
                hug_onboard::facility::hug_facility_number_parse(
                    black_box(ctext.as_ptr()),
                    &mut out,
                )
            };
            assert_eq!(s, hug_status::HUG_OK);
            black_box(out.prefecture);
        });
        println!("rust FacilityNumber::parse/{name}: {rust:.1} ns/call");
        println!(
            "ffi  hug_facility_number_parse/{name}: {ffi:.1} ns/call (x{:.2})",
            ffi / rust
        );
    }
}
