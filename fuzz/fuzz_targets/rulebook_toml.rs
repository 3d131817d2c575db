//! The `rulebook_toml` fuzz target. Its body and oracles are `rulebook_toml` in `fuzz/core_cases.rs`,
//! shared with the replay test `hug-onboard-core/tests/fuzz_regressions.rs`.
#![no_main]
use libfuzzer_sys::fuzz_target;

mod cases {
    #![allow(dead_code)]
    include!("../core_cases.rs");
}

fuzz_target!(|data: &[u8]| cases::rulebook_toml(data));
