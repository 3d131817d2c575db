//! The C ABI's `.p12` entry points on arbitrary bytes: `hug_certificate_open`
//! and `hug_certificate_inspect`, with the password as a C string (right,
//! wrong, or taken from the input: first byte selects; with 3 the password is
//! the bytes up to the first NUL, the file what follows). The handle and its
//! JSON are freed, so LeakSanitizer checks the ownership contract. Real files'
//! 2,048-iteration derivations make each exec slow (~0.3–1 ms): the seeds
//! include the one-iteration `fuzzseed-*.p12` fixtures.
#![no_main]
use std::ffi::{CString, c_char};
use std::ptr;

use hug_onboard::certificate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let (pw, file): (CString, &[u8]) = match sel % 4 {
        0 => (c"TestPass123".to_owned(), rest),
        1 => (c"WrongPass123".to_owned(), rest),
        2 => (c"".to_owned(), rest),
        _ => {
            let cut = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
            let pw = CString::new(&rest[..cut]).unwrap_or_default();
            (pw, rest.get(cut + 1..).unwrap_or(&[]))
        }
    };
    // SAFETY: `file` is valid for `file.len()` bytes, `pw` is NUL-terminated.
    unsafe {
        let mut c = ptr::null_mut();
        let st = if sel & 4 == 0 {
            certificate::hug_certificate_inspect(file.as_ptr(), file.len(), pw.as_ptr(), &mut c)
        } else {
            certificate::hug_certificate_open(file.as_ptr(), file.len(), pw.as_ptr(), &mut c)
        };
        if st == hug_onboard::hug_status::HUG_OK {
            let mut s: *mut c_char = ptr::null_mut();
            certificate::hug_certificate_info_json(c, &mut s);
            hug_onboard::hug_string_free(s);
            s = ptr::null_mut();
            certificate::hug_certificate_findings_json(c, c"1312345678".as_ptr(), &mut s);
            hug_onboard::hug_string_free(s);
        }
        certificate::hug_certificate_free(c);
        hug_onboard::hug_string_free(hug_onboard::hug_last_error_json());
    }
});
