//! The committed `include/hug_onboard.h` is exactly what cbindgen generates from
//! this crate, and its version macros equal the crate version.
//!
//! Regenerate with `HUG_BLESS_HEADER=1 cargo test -p hug-onboard-ffi --test header`.

use std::path::PathBuf;

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn header_path() -> PathBuf {
    crate_dir().join("../include/hug_onboard.h")
}

fn generate() -> String {
    let config = cbindgen::Config::from_file(crate_dir().join("cbindgen.toml"))
        .expect("cbindgen.toml parses");
    let bindings = cbindgen::Builder::new()
        .with_crate(crate_dir())
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header");
    let mut out = Vec::new();
    bindings.write(&mut out);
    String::from_utf8(out).expect("the header is UTF-8")
}

#[test]
fn header_is_fresh() {
    let fresh = generate();
    let path = header_path();
    if std::env::var_os("HUG_BLESS_HEADER").is_some() {
        std::fs::write(&path, &fresh).expect("write the header");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is stale: regenerate it with `HUG_BLESS_HEADER=1 cargo test -p hug-onboard-ffi --test header` and commit it",
        path.display()
    );
}

fn macro_value(header: &str, name: &str) -> String {
    let prefix = format!("#define {name} ");
    header
        .lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("{name} is not defined in the header"))
        .trim()
        .to_owned()
}

#[test]
fn version_macros_equal_the_crate_version() {
    let h = generate();
    assert_eq!(
        macro_value(&h, "HUG_ONBOARD_VERSION_MAJOR"),
        env!("CARGO_PKG_VERSION_MAJOR")
    );
    assert_eq!(
        macro_value(&h, "HUG_ONBOARD_VERSION_MINOR"),
        env!("CARGO_PKG_VERSION_MINOR")
    );
    assert_eq!(
        macro_value(&h, "HUG_ONBOARD_VERSION_PATCH"),
        env!("CARGO_PKG_VERSION_PATCH")
    );
    assert_eq!(
        macro_value(&h, "HUG_ONBOARD_VERSION"),
        format!("\"{}\"", env!("CARGO_PKG_VERSION"))
    );
    // SAFETY: hug_version returns a static NUL-terminated string.
    let v = unsafe { std::ffi::CStr::from_ptr(hug_onboard::hug_version()) };
    assert_eq!(v.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
}

#[test]
fn every_item_is_documented_and_prefixed() {
    let h = generate();
    // Every function declaration is preceded by a doc comment and starts with hug_.
    let lines: Vec<&str> = h.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        if let Some(open) = l.find('(')
            && !l.starts_with(' ')
            && !l.starts_with('#')
            && !l.starts_with('/')
            && !l.starts_with('*')
            && l.contains(" hug_")
        {
            let name = l[..open].rsplit([' ', '*']).next().unwrap_or("");
            assert!(name.starts_with("hug_"), "unprefixed function: {l}");
            let prev = lines[..i]
                .iter()
                .rev()
                .find(|p| !p.trim().is_empty())
                .unwrap();
            assert!(prev.trim_end().ends_with("*/"), "undocumented: {l}");
        }
        if let Some(rest) = l.strip_prefix("#define ") {
            assert!(rest.starts_with("HUG_"), "unprefixed macro: {l}");
        }
    }
}
