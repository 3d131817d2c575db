//! The C ABI's `.p12` entry points on arbitrary bytes: `hug_certificate_open`
//! and `hug_certificate_inspect`, with the password as a C string (right,
//! wrong, or taken from the input: first byte selects; with 3 the password is
//! the bytes up to the first NUL, the file what follows). The handle and its
//! JSON are freed, so LeakSanitizer checks the ownership contract. Real files'
//! 2,048-iteration derivations make each exec slow (~0.3–1 ms): the seeds
//! include the one-iteration `fuzzseed-*.p12` fixtures.
#![no_main]
use libfuzzer_sys::fuzz_target;

mod cases {
    #![allow(dead_code)]
    include!("../ffi_cases.rs");
}

fuzz_target!(|data: &[u8]| cases::ffi_p12(data));
