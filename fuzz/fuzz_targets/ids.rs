//! 事業所番号, user IDs (テストID/ID), 郵便番号 and era-free month/instant
//! strings: parse, and on success display-then-parse gives the same value.
#![no_main]
use hug_onboard_core::facility::{FacilityNumber, PostalCode, UserId};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(n) = FacilityNumber::parse(s) {
        assert_eq!(FacilityNumber::parse(&n.to_string()).ok(), Some(n));
        let _ = n.prefecture().name_ja();
    }
    if let Ok(u) = UserId::parse(s) {
        assert_eq!(UserId::parse(&u.to_string()).ok().as_ref(), Some(&u));
    }
    if let Ok(p) = PostalCode::parse(s) {
        assert_eq!(PostalCode::parse(&p.to_string()).ok(), Some(p));
        assert_eq!(PostalCode::parse(p.digits()).ok(), Some(p));
    }
});
