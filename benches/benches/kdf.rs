//! The key-derivation floor of the certificate path: the raw cost of the
//! derivations a .p12 file asks for, with the same RustCrypto primitives the
//! core uses, without any parsing, MAC or decryption.
//!
//! - `p12kdf/<hash>`: one RFC 7292 (PKCS#12) KDF output block at 2,048
//!   iterations, derived as the core does (`certificate/pkcs12.rs`): a MAC
//!   key, or a key or IV of a legacy `pbeWithSHA1And…` bag (a 3DES key needs
//!   two SHA-1 blocks, its IV one; an RC2-40 key one, its IV one).
//! - `pbkdf2_hmac_sha256/2048`: one PBES2 key (AES-128/256: one 32-byte block).
//!
//! benches/README.md adds these up per fixture and compares them with
//! `certificate/*/open` and `inspect`.
//! `cargo bench -p hug-onboard-benches --bench kdf -- --warm-up-time 1 --measurement-time 2`

use criterion::{Criterion, criterion_group, criterion_main};
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha512};
use std::hint::black_box;

/// OpenSSL's default iteration count, used by every fixture.
const ITER: u32 = 2048;

/// RFC 7292 B.2 as the core writes it, for one output block (`v` = the hash's block size).
fn p12_kdf<D: Digest>(v: usize, pass: &[u8], salt: &[u8], id: u8, iter: u32) -> usize {
    let fill = |src: &[u8]| -> Vec<u8> {
        let len = v * src.len().div_ceil(v);
        src.iter().copied().cycle().take(len).collect()
    };
    let mut i = fill(salt);
    i.extend_from_slice(&fill(pass));
    let mut h = D::new();
    h.update(vec![id; v]);
    h.update(&i);
    let mut a = h.finalize();
    for _ in 1..iter {
        a = D::digest(&a);
    }
    a.len()
}

fn bench(c: &mut Criterion) {
    // The password as PKCS#12 hashes it: BMPString with a trailing NUL; an 8-byte salt.
    let pw: Vec<u8> = "TestPass123\0"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    let salt = b"saltsalt";
    let mut g = c.benchmark_group("p12kdf");
    g.bench_function("sha1", |b| {
        b.iter(|| p12_kdf::<Sha1>(64, black_box(&pw), salt, 3, ITER))
    });
    g.bench_function("sha256", |b| {
        b.iter(|| p12_kdf::<Sha256>(64, black_box(&pw), salt, 3, ITER))
    });
    g.bench_function("sha512", |b| {
        b.iter(|| p12_kdf::<Sha512>(128, black_box(&pw), salt, 3, ITER))
    });
    g.finish();
    c.bench_function("pbkdf2_hmac_sha256/2048", |b| {
        let mut out = [0u8; 32];
        b.iter(|| {
            pbkdf2::pbkdf2_hmac::<Sha256>(black_box(b"TestPass123"), salt, ITER, &mut out);
            out[0]
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
