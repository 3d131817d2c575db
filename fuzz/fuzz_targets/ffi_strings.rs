//! The C ABI's functions that take C strings, called as a C program would:
//! NUL-terminated bytes that need not be UTF-8 (invalid UTF-8 must be an
//! error, never a panic or a lossy read). The first byte picks the function;
//! the rest, split at NUL bytes, gives its string arguments. Every handle and
//! string that comes back is freed with its `*_free` function, so ASan and
//! LeakSanitizer see the whole ownership contract.
#![no_main]
use libfuzzer_sys::fuzz_target;

mod cases {
    #![allow(dead_code)]
    include!("../ffi_cases.rs");
}

fuzz_target!(|data: &[u8]| cases::ffi_strings(data));
