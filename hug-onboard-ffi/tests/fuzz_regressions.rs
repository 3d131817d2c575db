//! Replays every input under `tests/fuzz-regressions/ffi_strings/` and
//! `tests/fuzz-regressions/ffi_p12/` through the C ABI fuzz targets' own
//! bodies (`fuzz/ffi_cases.rs`), so that a crash the fuzzer once found stays
//! fixed in the normal `cargo test`.

mod cases {
    #![allow(dead_code, unsafe_op_in_unsafe_fn)]
    include!("../../fuzz/ffi_cases.rs");
}

use std::path::PathBuf;

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fuzz-regressions")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut files: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
    files.sort();
    for f in &files {
        eprintln!("replaying {}", f.display());
        run(&std::fs::read(f).unwrap());
    }
    files.len()
}

#[test]
fn every_checked_in_ffi_fuzz_input_passes() {
    let n = replay("ffi_strings", cases::ffi_strings) + replay("ffi_p12", cases::ffi_p12);
    eprintln!("{n} C ABI fuzz regression inputs replayed");
}

#[test]
fn every_string_entry_point_survives_edge_cases() {
    let long = "１".repeat(10_000);
    let inputs: [&[u8]; 7] = [
        b"",
        b" ",
        b"\xff\xfe",
        b"\xe3\x81",
        b"a\0b",
        b"\xef\xbb\xbf",
        long.as_bytes(),
    ];
    for sel in 0u8..24 {
        for input in inputs {
            let mut data = vec![sel];
            data.extend_from_slice(input);
            cases::ffi_strings(&data);
        }
    }
    for sel in 0u8..8 {
        cases::ffi_p12(&[sel]);
        cases::ffi_p12(&[sel, 0x30, 0x80, 0x00, 0x00]);
    }
}
