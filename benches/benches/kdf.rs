//! The key-derivation floor of the certificate path: the raw cost of the
//! derivations a .p12 file asks for, measured with the same RustCrypto
//! primitives the core uses, without any parsing or decryption.
//!
//! - `p12kdf_chain/<hash>`: one RFC 7292 (PKCS#12) KDF output block at 2,048
//!   iterations = hashing the previous digest 2,048 times (a MAC key, or a key
//!   or IV of a legacy `pbeWithSHA1And…` bag; 3DES keys need two SHA-1 blocks).
//! - `pbkdf2_hmac_sha256/2048`: one PBES2 key (AES-128/256, one 32-byte block).
//!
//! benches/README.md adds these up per fixture and compares them with
//! `certificate/*/open` and `inspect`.
//! `cargo bench -p hug-onboard-benches --bench kdf -- --warm-up-time 1 --measurement-time 2`

use criterion::{Criterion, criterion_group, criterion_main};
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha512};
use std::hint::black_box;

const ITER: u32 = 2048;

fn chain<D: Digest>(seed: &[u8]) -> usize {
    let mut a = D::digest(seed);
    for _ in 1..ITER {
        a = D::digest(&a);
    }
    a.len()
}

fn bench(c: &mut Criterion) {
    let seed = [0x5au8; 128]; // D || salt || password blocks, as the KDF hashes first
    let mut g = c.benchmark_group("p12kdf_chain");
    g.bench_function("sha1", |b| b.iter(|| chain::<Sha1>(black_box(&seed))));
    g.bench_function("sha256", |b| b.iter(|| chain::<Sha256>(black_box(&seed))));
    g.bench_function("sha512", |b| b.iter(|| chain::<Sha512>(black_box(&seed))));
    g.finish();
    c.bench_function("pbkdf2_hmac_sha256/2048", |b| {
        let mut out = [0u8; 32];
        b.iter(|| {
            pbkdf2::pbkdf2_hmac::<Sha256>(black_box(b"TestPass123"), b"saltsalt", ITER, &mut out);
            out[0]
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
