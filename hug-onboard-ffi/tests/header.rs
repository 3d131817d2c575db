//! The committed `include/hug_onboard.h` is exactly what cbindgen generates from
//! this crate, its version macros equal the crate version, every name it declares
//! (function, type, struct/enum tag, enum constant, macro) starts with `hug_`/`HUG_`,
//! and the FFI declaration file `include/hug_onboard_ffi.h` (for PHP's `FFI::cdef` and
//! cffi's `cdef`) is exactly what `ffi_declarations` derives from the header.
//!
//! Regenerate both with `HUG_BLESS_HEADER=1 cargo test -p hug-onboard-ffi --test header`.

use std::path::PathBuf;

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn header_path() -> PathBuf {
    crate_dir().join("../include/hug_onboard.h")
}

fn ffi_path() -> PathBuf {
    crate_dir().join("../include/hug_onboard_ffi.h")
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
    let fresh_ffi = ffi_declarations(&fresh);
    let (path, ffi) = (header_path(), ffi_path());
    if std::env::var_os("HUG_BLESS_HEADER").is_some() {
        std::fs::write(&path, &fresh).expect("write the header");
        std::fs::write(&ffi, &fresh_ffi).expect("write the FFI declarations");
        return;
    }
    for (p, want) in [(&path, &fresh), (&ffi, &fresh_ffi)] {
        let committed = std::fs::read_to_string(p).unwrap_or_default();
        assert!(
            committed == *want,
            "{} is stale: regenerate it with `HUG_BLESS_HEADER=1 cargo test -p hug-onboard-ffi --test header` and commit it",
            p.display()
        );
    }
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

// ---- a small reader for the C that cbindgen writes -----------------------------------

/// The text without its comments (string literals kept; a comment becomes a space).
fn strip_comments(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push(c);
                while let Some(d) = chars.next() {
                    out.push(d);
                    if d == '\\' {
                        if let Some(e) = chars.next() {
                            out.push(e);
                        }
                    } else if d == '"' {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut prev = ' ';
                for d in chars.by_ref() {
                    if d == '\n' {
                        out.push('\n');
                    }
                    if prev == '*' && d == '/' {
                        break;
                    }
                    prev = d;
                }
                out.push(' ');
            }
            '/' if chars.peek() == Some(&'/') => {
                for d in chars.by_ref() {
                    if d == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// What the preprocessor leaves for one compiler: `cplusplus` or C with `stdc_version`.
/// Only the conditions cbindgen writes are understood; any other one fails loudly.
struct Preprocessed {
    /// The lines that remain (no preprocessor line).
    text: String,
    /// Every `#define`d name with its value (all branches), in order.
    defines: Vec<(String, String)>,
}

fn preprocess(src: &str, cplusplus: bool, stdc_version: i64) -> Preprocessed {
    let no_comments = strip_comments(src);
    let mut stack: Vec<(bool, bool)> = Vec::new(); // (this branch taken, parent active)
    let active = |stack: &[(bool, bool)]| stack.last().is_none_or(|&(t, p)| t && p);
    let cond = |c: &str| -> bool {
        match c.trim() {
            "defined(__cplusplus) || __STDC_VERSION__ >= 202311L" => {
                cplusplus || stdc_version >= 202_311
            }
            "__STDC_VERSION__ >= 202311L" => stdc_version >= 202_311,
            other => panic!("unknown preprocessor condition in the header: #if {other}"),
        }
    };
    let mut text = String::new();
    let mut defines = Vec::new();
    for line in no_comments.lines() {
        let t = line.trim_start();
        if let Some(d) = t.strip_prefix('#') {
            let d = d.trim_start();
            let parent = active(&stack);
            if let Some(name) = d.strip_prefix("ifndef ") {
                let taken = match name.trim() {
                    "__cplusplus" => !cplusplus,
                    "HUG_ONBOARD_H" => true,
                    other => panic!("unknown #ifndef {other}"),
                };
                stack.push((taken, parent));
            } else if let Some(name) = d.strip_prefix("ifdef ") {
                let taken = match name.trim() {
                    "__cplusplus" => cplusplus,
                    other => panic!("unknown #ifdef {other}"),
                };
                stack.push((taken, parent));
            } else if let Some(c) = d.strip_prefix("if ") {
                stack.push((cond(c), parent));
            } else if d.starts_with("else") {
                let top = stack.last_mut().expect("#else without #if");
                top.0 = !top.0;
            } else if d.starts_with("endif") {
                stack.pop().expect("#endif without #if");
            } else if let Some(def) = d.strip_prefix("define ") {
                let def = def.trim();
                let (name, value) = def.split_once(' ').unwrap_or((def, ""));
                defines.push((name.to_owned(), value.trim().to_owned()));
            } else if d.starts_with("include ") {
            } else {
                panic!("unknown preprocessor line in the header: {line}");
            }
            continue;
        }
        if active(&stack) {
            text.push_str(line);
            text.push('\n');
        }
    }
    assert!(stack.is_empty(), "unbalanced #if in the header");
    Preprocessed { text, defines }
}

#[derive(Debug, PartialEq)]
enum Tok {
    Ident(String),
    Punct(char),
    Other(String),
}

fn tokens(src: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut chars = src.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c.is_ascii_alphabetic() || c == '_' {
            let mut s = String::new();
            while let Some(&d) = chars.peek() {
                if d.is_ascii_alphanumeric() || d == '_' {
                    s.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(Tok::Ident(s));
        } else if c.is_ascii_digit() || c == '"' || c == '-' {
            let mut s = String::new();
            let quoted = c == '"';
            s.push(c);
            chars.next();
            while let Some(&d) = chars.peek() {
                if quoted {
                    s.push(d);
                    chars.next();
                    if d == '"' {
                        break;
                    }
                } else if d.is_ascii_alphanumeric() || d == '_' {
                    s.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(Tok::Other(s));
        } else {
            out.push(Tok::Punct(c));
            chars.next();
        }
    }
    out
}

/// Every name a C text declares at file scope (functions, typedef names, struct, union
/// and enum tags, enum constants, variables); struct fields and parameters are not
/// declarations at file scope. Fails on a form it does not understand.
fn declared_names(c: &str) -> Vec<String> {
    const TYPE_WORDS: &[&str] = &[
        "typedef",
        "struct",
        "enum",
        "union",
        "const",
        "extern",
        "static",
        "void",
        "char",
        "int",
        "unsigned",
        "signed",
        "long",
        "short",
        "bool",
        "float",
        "double",
        "size_t",
        "int8_t",
        "int16_t",
        "int32_t",
        "int64_t",
        "uint8_t",
        "uint16_t",
        "uint32_t",
        "uint64_t",
        "uintptr_t",
        "intptr_t",
    ];
    let toks = tokens(c);
    let mut names = Vec::new();
    let mut decl: Vec<&Tok> = Vec::new();
    let mut depth = 0usize;
    for t in &toks {
        match t {
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => depth -= 1,
            _ => {}
        }
        if depth == 0 && *t == Tok::Punct(';') {
            names.extend(names_of(&decl, TYPE_WORDS));
            decl.clear();
        } else {
            decl.push(t);
        }
    }
    assert!(decl.is_empty(), "text after the last declaration: {decl:?}");
    names
}

fn names_of(decl: &[&Tok], type_words: &[&str]) -> Vec<String> {
    let ident = |t: &Tok| match t {
        Tok::Ident(s) => Some(s.clone()),
        _ => None,
    };
    let mut names = Vec::new();
    // A tag: struct/enum/union followed by a name.
    for w in decl.windows(2) {
        if let (Tok::Ident(k), Tok::Ident(tag)) = (w[0], w[1])
            && matches!(k.as_str(), "struct" | "enum" | "union")
        {
            // In a parameter list it names a type declared elsewhere: harmless to check too.
            names.push(tag.clone());
        }
    }
    let open = decl.iter().position(|t| **t == Tok::Punct('{'));
    let rest: &[&Tok] = if let Some(open) = open {
        let close = decl
            .iter()
            .rposition(|t| **t == Tok::Punct('}'))
            .expect("a { without }");
        let is_enum = decl[..open]
            .iter()
            .any(|t| matches!(t, Tok::Ident(k) if k == "enum"));
        if is_enum {
            // Enum constants: the first identifier of each comma-separated item.
            let mut first = true;
            for t in &decl[open + 1..close] {
                match t {
                    Tok::Punct(',') => first = true,
                    Tok::Ident(s) if first => {
                        names.push(s.clone());
                        first = false;
                    }
                    _ => first = false,
                }
            }
        }
        &decl[close + 1..]
    } else {
        decl
    };
    if let Some(paren) = rest.iter().position(|t| **t == Tok::Punct('(')) {
        // A function: the identifier just before the parameter list.
        let name = paren
            .checked_sub(1)
            .and_then(|i| ident(rest[i]))
            .unwrap_or_else(|| panic!("not understood: {decl:?}"));
        names.push(name);
    } else if let Some(last) = rest.iter().rev().find_map(|t| ident(t)) {
        // typedef or variable: the last identifier (when it is not a type word).
        if open.is_some() || !type_words.contains(&last.as_str()) {
            names.push(last);
        }
    }
    names.retain(|n| !type_words.contains(&n.as_str()));
    names
}

/// Names of a header that do not start with `hug_`/`HUG_`.
fn unprefixed(header: &str) -> Vec<String> {
    let mut bad = Vec::new();
    for (cplusplus, version) in [(false, 201_112), (false, 202_311)] {
        let p = preprocess(header, cplusplus, version);
        for n in declared_names(&p.text)
            .into_iter()
            .chain(p.defines.into_iter().map(|(n, _)| n))
        {
            let prefixed = n.starts_with("hug_") || n.starts_with("HUG_");
            if !prefixed && !bad.contains(&n) {
                bad.push(n);
            }
        }
    }
    bad
}

#[test]
fn every_declaration_is_prefixed() {
    let h = generate();
    let bad = unprefixed(&h);
    assert!(
        bad.is_empty(),
        "names without the hug_/HUG_ prefix: {bad:?}"
    );
    // The reader sees the whole header: every kind of name is there.
    let p = preprocess(&h, false, 201_112);
    let names = declared_names(&p.text);
    for expected in [
        "hug_status",
        "HUG_OK",
        "hug_date",
        "hug_notice",
        "hug_date_parse",
        "hug_string_free",
    ] {
        assert!(names.iter().any(|n| n == expected), "{expected} not found");
    }
    assert!(names.len() > 150, "only {} names read", names.len());
}

#[test]
fn the_prefix_check_catches_every_kind_of_name() {
    let h = r#"
#ifndef HUG_ONBOARD_H
#define HUG_ONBOARD_H
#define MAX_LEN 5
/* a comment with a name_without_prefix( */
typedef enum hug_e { HUG_A = 0, B_OTHER = 1 } hug_e;
typedef struct point { int32_t x; } hug_point;
typedef struct hug_s hug_s;
typedef int32_t status_t;
enum colour { HUG_RED };
#ifdef __cplusplus
extern "C" {
#endif
hug_s *make_thing(const struct hug_s *p, size_t n);
void hug_ok(void);
extern int hug_counter;
extern int counter;
#ifdef __cplusplus
}
#endif
#endif
"#;
    let mut bad = unprefixed(h);
    bad.sort();
    assert_eq!(
        bad,
        [
            "B_OTHER",
            "MAX_LEN",
            "colour",
            "counter",
            "make_thing",
            "point",
            "status_t"
        ]
    );
}

#[test]
fn every_function_is_documented() {
    let h = generate();
    let lines: Vec<&str> = h.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        if l.contains('(') && !l.starts_with([' ', '#', '/', '*']) && l.trim_end().ends_with(';') {
            let prev = lines[..i]
                .iter()
                .rev()
                .find(|p| !p.trim().is_empty())
                .unwrap();
            assert!(prev.trim_end().ends_with("*/"), "undocumented: {l}");
        }
    }
}

// ---- the FFI declaration file ------------------------------------------------------------

/// The declarations for dynamic FFIs (PHP `FFI::cdef`, Python cffi `cdef`): the header as a
/// C11 compiler sees it, without comments, `#include`s or any preprocessor line; every
/// integer macro becomes an enum constant (which both FFIs expose as `$ffi->NAME` /
/// `lib.NAME`); string macros are left out (`hug_version()` gives the version).
fn ffi_declarations(header: &str) -> String {
    let p = preprocess(header, false, 201_112);
    let mut out = String::from(
        "/*\n * hug_onboard_ffi.h: the declarations of libhug_onboard for dynamic FFIs: PHP's\n \
         * FFI::cdef() and Python cffi's ffi.cdef() take this file unchanged.\n *\n \
         * GENERATED from include/hug_onboard.h by hug-onboard-ffi/tests/header.rs; do not edit.\n \
         * No #include and no preprocessor: the integer macros of the header are enum constants\n \
         * here; HUG_ONBOARD_VERSION (a string) is not: call hug_version(). C programs include\n \
         * hug_onboard.h instead; the documentation is there.\n */\n\n",
    );
    let mut constants = String::new();
    for (name, value) in &p.defines {
        if name == "HUG_ONBOARD_H" || value.starts_with('"') {
            continue;
        }
        let v: i64 = value
            .parse()
            .unwrap_or_else(|_| panic!("#define {name} {value}: not an integer"));
        assert!(
            i32::try_from(v).is_ok(),
            "{name} = {v} does not fit an enum constant"
        );
        constants.push_str(&format!("enum {{ {name} = {v} }};\n"));
    }
    out.push_str(&constants);
    let mut blank = true;
    let mut depth = 0i32;
    for line in p.text.lines() {
        let l = line.trim_end();
        if l.trim().is_empty() {
            // One blank line between file-scope declarations, none inside braces.
            if !blank && depth == 0 {
                out.push('\n');
            }
            blank = true;
        } else {
            depth += l.matches('{').count() as i32 - l.matches('}').count() as i32;
            out.push_str(l);
            out.push('\n');
            blank = false;
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[test]
fn the_ffi_declarations_hold_every_function_and_constant() {
    let h = generate();
    let ffi = ffi_declarations(&h);
    assert!(
        !strip_comments(&ffi).contains('#'),
        "a preprocessor line is left"
    );
    let hp = preprocess(&h, false, 201_112);
    let fp = preprocess(&ffi, false, 201_112);
    assert!(fp.defines.is_empty());
    let ffi_names = declared_names(&fp.text);
    for n in declared_names(&hp.text) {
        assert!(
            ffi_names.contains(&n),
            "{n} missing from the FFI declarations"
        );
    }
    for (n, v) in hp.defines {
        if n != "HUG_ONBOARD_H" && !v.starts_with('"') {
            assert!(ffi_names.contains(&n), "constant {n} missing");
        }
    }
}
