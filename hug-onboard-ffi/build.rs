//! Gives the shared library a versioned soname on ELF targets: `libhug_onboard.so.0`
//! (the ABI major; bump it with any incompatible ABI change, see README "Installing").
//! `install.sh` installs `libhug_onboard.so.<version>` with the `.so.0` and `.so` links;
//! `tests/c/run` reads the SONAME back with readelf.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let family = std::env::var("CARGO_CFG_TARGET_FAMILY").unwrap_or_default();
    if family == "unix" && os != "macos" && os != "ios" {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libhug_onboard.so.0");
    }
}
