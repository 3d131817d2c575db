//! Every exported function is structurally inside the panic boundary, and a caught
//! panic prints nothing while other panics keep the host's hook.
//!
//! The structural check parses every source file of this crate with `syn` and fails on
//! any `extern "C" fn` whose whole body is not one boundary call:
//! - `ffi_boundary!({ ... })` (status-returning functions: clears and sets the last error), or
//! - `guard(FALLBACK, || ...)` or `guard(FALLBACK, some_fn)` (also spelled `error::guard`,
//!   `crate::error::guard`; functions returning a plain value), where FALLBACK is a constant expression (a literal, a path,
//!   `()`, `-1`, `std::ptr::null()`/`null_mut()`) so that nothing runs outside the catch.
//!
//! Nothing else may precede or follow the call. The set of functions found must equal the
//! set declared in `include/hug_onboard.h`, so a file the walk missed fails too.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use syn::{Expr, ImplItem, Item, Stmt};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// A constant fallback: evaluating it cannot panic or run library code.
fn is_constant_fallback(e: &Expr) -> bool {
    match e {
        Expr::Lit(_) | Expr::Path(_) => true,
        Expr::Tuple(t) => t.elems.is_empty(),
        Expr::Unary(u) => matches!(u.op, syn::UnOp::Neg(_)) && matches!(*u.expr, Expr::Lit(_)),
        Expr::Call(c) => {
            c.args.is_empty()
                && matches!(&*c.func, Expr::Path(p)
                    if p.path.segments.last().is_some_and(|s| s.ident == "null" || s.ident == "null_mut"))
        }
        _ => false,
    }
}

fn path_ends_with(p: &syn::Path, name: &str) -> bool {
    p.segments.last().is_some_and(|s| s.ident == name)
}

/// Why `body` is not exactly one boundary call (None when it is).
fn boundary_problem(block: &syn::Block) -> Option<String> {
    let [stmt] = block.stmts.as_slice() else {
        return Some(format!(
            "the body has {} statements; it must be exactly one boundary call",
            block.stmts.len()
        ));
    };
    let expr = match stmt {
        Stmt::Expr(e, None) => e,
        Stmt::Macro(m) if m.semi_token.is_none() => {
            return if path_ends_with(&m.mac.path, "ffi_boundary") {
                None
            } else {
                Some("the body is a macro other than ffi_boundary!".into())
            };
        }
        _ => return Some("the body is not one tail expression".into()),
    };
    match expr {
        Expr::Macro(m) if path_ends_with(&m.mac.path, "ffi_boundary") => None,
        Expr::Call(c) => {
            let Expr::Path(f) = &*c.func else {
                return Some("the body calls something other than guard".into());
            };
            if !path_ends_with(&f.path, "guard") {
                return Some("the body calls something other than guard".into());
            }
            let args: Vec<&Expr> = c.args.iter().collect();
            match args.as_slice() {
                [fallback, Expr::Closure(_) | Expr::Path(_)] if is_constant_fallback(fallback) => {
                    None
                }
                [_, Expr::Closure(_) | Expr::Path(_)] => {
                    Some("guard's fallback is not a constant expression".into())
                }
                _ => Some("guard must take (fallback, closure)".into()),
            }
        }
        _ => Some("the body is not ffi_boundary!(..) or guard(..)".into()),
    }
}

fn is_extern_c(sig: &syn::Signature) -> bool {
    sig.abi.as_ref().is_some_and(|a| {
        a.name
            .as_ref()
            .is_none_or(|n| n.value() == "C" || n.value() == "C-unwind")
    })
}

/// Every `extern "C" fn` of a source file: (name, problem if any).
fn check_source(src: &str) -> Vec<(String, Option<String>)> {
    fn walk(items: &[Item], out: &mut Vec<(String, Option<String>)>) {
        for item in items {
            match item {
                Item::Fn(f) if is_extern_c(&f.sig) => {
                    out.push((f.sig.ident.to_string(), boundary_problem(&f.block)));
                }
                Item::Mod(m) => {
                    if let Some((_, items)) = &m.content {
                        walk(items, out);
                    }
                }
                Item::Impl(i) => {
                    for ii in &i.items {
                        if let ImplItem::Fn(f) = ii
                            && is_extern_c(&f.sig)
                        {
                            out.push((f.sig.ident.to_string(), boundary_problem(&f.block)));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let file = syn::parse_file(src).expect("the source parses");
    let mut out = Vec::new();
    walk(&file.items, &mut out);
    out
}

/// Function names declared in the committed header.
fn header_functions() -> BTreeSet<String> {
    let h = std::fs::read_to_string(crate_dir().join("../include/hug_onboard.h"))
        .expect("read include/hug_onboard.h");
    h.lines()
        .filter(|l| !l.starts_with([' ', '#', '/', '*', '}']) && l.contains('('))
        .filter_map(|l| {
            let open = l.find('(')?;
            let name = l[..open].rsplit([' ', '*']).next()?;
            name.starts_with("hug_").then(|| name.to_owned())
        })
        .collect()
}

#[test]
fn every_exported_function_is_one_boundary_call() {
    let mut files = Vec::new();
    rust_files(&crate_dir().join("src"), &mut files);
    let mut found = BTreeSet::new();
    let mut bad = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(f).expect("read source");
        for (name, problem) in check_source(&src) {
            if let Some(p) = problem {
                bad.push(format!("{}: {name}: {p}", f.display()));
            }
            assert!(found.insert(name.clone()), "{name} exported twice");
        }
    }
    assert!(
        bad.is_empty(),
        "exported functions outside the panic boundary (wrap the whole body in \
         ffi_boundary!({{..}}) or guard(FALLBACK, || ..)):\n{}",
        bad.join("\n")
    );
    let declared = header_functions();
    assert!(
        declared.len() > 50,
        "the header parse found too few functions"
    );
    assert_eq!(
        found, declared,
        "the extern \"C\" functions found in src/ differ from the header's"
    );
}

#[test]
fn the_structural_check_catches_code_outside_the_boundary() {
    let cases = [
        // work before the boundary
        r#"pub unsafe extern "C" fn hug_a(p: *const u8) -> hug_status {
            let n = unsafe { *p };
            ffi_boundary!({ let _ = n; Ok(()) })
        }"#,
        // work after the boundary
        r#"pub extern "C" fn hug_b() -> hug_status {
            let s = ffi_boundary!({ Ok(()) });
            s
        }"#,
        // no boundary at all
        r#"pub extern "C" fn hug_c() -> usize { compute() }"#,
        // a fallback that runs library code outside the catch
        r#"pub extern "C" fn hug_d() -> usize { guard(compute(), || 1) }"#,
        // another macro
        r#"pub extern "C" fn hug_e() -> hug_status { other!({ Ok(()) }) }"#,
        // inside an inline module
        r#"mod m { pub extern "C" fn hug_f() -> usize { 1 } }"#,
    ];
    for c in cases {
        let r = check_source(c);
        assert_eq!(r.len(), 1, "{c}");
        assert!(r[0].1.is_some(), "not caught: {c}");
    }
    let good = r#"
        pub extern "C" fn hug_g() -> hug_status { ffi_boundary!({ Ok(()) }) }
        pub extern "C" fn hug_h() -> *const c_char { guard(std::ptr::null(), || x()) }
        pub unsafe extern "C" fn hug_i(s: *mut c_char) { crate::error::guard((), || { drop(s) }) }
        pub extern "C" fn hug_j() -> i32 { guard(-1, || 3) }
        pub extern "C" fn hug_k() -> usize { guard(0, error::last_count) }
        fn not_exported() -> i32 { 3 }
    "#;
    let r = check_source(good);
    assert_eq!(r.len(), 5);
    assert!(r.iter().all(|(_, p)| p.is_none()), "{r:?}");
}

// ---- panic output ----------------------------------------------------------------

thread_local! {
    /// Panics the host's hook saw on this thread (other tests run on other threads).
    static OUTER_HOOK_CALLS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn outer_calls() -> usize {
    OUTER_HOOK_CALLS.with(std::cell::Cell::get)
}

#[test]
fn a_caught_panic_is_silent_and_other_panics_reach_the_previous_hook() {
    // The host's hook, installed before the library is first called (it counts, then
    // prints as before so that the other tests' failures stay readable).
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        OUTER_HOOK_CALLS.with(|c| c.set(c.get() + 1));
        default(info);
    }));
    assert_eq!(
        hug_onboard::hug_selftest_panic(),
        hug_onboard::hug_status::HUG_ERR_PANIC
    );
    assert_eq!(
        outer_calls(),
        0,
        "a panic inside the boundary reached the host's hook"
    );
    // A panic of the host itself, outside the library, still goes to the host's hook.
    let r = std::panic::catch_unwind(|| panic!("the host's own panic (expected)"));
    assert!(r.is_err());
    assert_eq!(outer_calls(), 1);
    // And on another thread, after the library was used there too.
    let seen = std::thread::spawn(|| {
        assert_eq!(
            hug_onboard::hug_selftest_panic(),
            hug_onboard::hug_status::HUG_ERR_PANIC
        );
        let silent = outer_calls();
        let r = std::panic::catch_unwind(|| panic!("another thread's panic (expected)"));
        assert!(r.is_err());
        (silent, outer_calls())
    })
    .join()
    .expect("the thread's assertions hold");
    assert_eq!(seen, (0, 1));
}

/// The stderr of a host process is empty after a caught panic, even with
/// `RUST_BACKTRACE=1` (the child is this test binary, running the function below).
#[test]
fn a_caught_panic_writes_nothing_to_stderr() {
    if std::env::var_os("HUG_PANIC_CHILD").is_some() {
        assert_eq!(
            hug_onboard::hug_selftest_panic(),
            hug_onboard::hug_status::HUG_ERR_PANIC
        );
        return;
    }
    let out = std::process::Command::new(std::env::current_exe().expect("current exe"))
        .args([
            "--exact",
            "a_caught_panic_writes_nothing_to_stderr",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("HUG_PANIC_CHILD", "1")
        .env("RUST_BACKTRACE", "full")
        .output()
        .expect("run the child");
    assert!(out.status.success(), "child failed: {out:?}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("1 passed"),
        "the child did not run the test: {out:?}"
    );
    assert!(
        out.stderr.is_empty(),
        "stderr after a caught panic: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

// ---- optional and required pointers: the Safety docs match the code -----------------------

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use quote::ToTokens;

/// The doc comment of an item, lines joined by `\n`.
fn doc_of(attrs: &[syn::Attribute]) -> String {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The names of a signature's parameters (None for patterns) and whether each is a raw pointer.
fn params(sig: &syn::Signature) -> Vec<(String, bool)> {
    sig.inputs
        .iter()
        .filter_map(|a| match a {
            syn::FnArg::Typed(t) => {
                let name = match &*t.pat {
                    syn::Pat::Ident(i) => i.ident.to_string(),
                    _ => return None,
                };
                Some((name, matches!(*t.ty, syn::Type::Ptr(_))))
            }
            syn::FnArg::Receiver(_) => None,
        })
        .collect()
}

/// Whether `body` treats `p` as nullable: `p.is_null()`, `p.as_ref()`, `p.as_mut()`, or
/// `arg_bytes(p, ..)` (NULL allowed with length 0).
fn handles_null(body: &str, p: &str) -> bool {
    [
        format!("{p} . is_null ()"),
        format!("{p} . as_ref ()"),
        format!("{p} . as_mut ()"),
        format!("arg_bytes ({p} ,"),
        format!("arg_bytes ({p} . cast () ,"),
    ]
    .iter()
    .any(|pat| body.contains(pat.as_str()))
}

/// Calls `helper(args)` in a token stream where `p` is passed bare: the argument positions.
fn forwarded_positions(ts: TokenStream, helper: &str, p: &str, out: &mut Vec<usize>) {
    let toks: Vec<TokenTree> = ts.into_iter().collect();
    for (i, t) in toks.iter().enumerate() {
        if let TokenTree::Group(g) = t {
            if g.delimiter() == Delimiter::Parenthesis
                && i > 0
                && matches!(&toks[i - 1], TokenTree::Ident(id) if id == helper)
            {
                let mut args: Vec<Vec<String>> = vec![Vec::new()];
                for a in g.stream() {
                    match &a {
                        TokenTree::Punct(c) if c.as_char() == ',' => args.push(Vec::new()),
                        other => args.last_mut().unwrap().push(other.to_string()),
                    }
                }
                for (k, a) in args.iter().enumerate() {
                    if a.len() == 1 && a[0] == p {
                        out.push(k);
                    }
                }
            }
            forwarded_positions(g.stream(), helper, p, out);
        }
    }
}

struct Helper {
    params: Vec<(String, bool)>,
    body: String,
}

/// Which pointer parameters of an exported function accept NULL (following one level
/// of local helper functions the parameter is forwarded to).
fn optional_pointers(
    f: &syn::ItemFn,
    helpers: &std::collections::HashMap<String, Helper>,
) -> BTreeSet<String> {
    let body = f.block.to_token_stream().to_string();
    let mut out = BTreeSet::new();
    for (p, is_ptr) in params(&f.sig) {
        if !is_ptr {
            continue;
        }
        let mut optional = handles_null(&body, &p);
        for (name, h) in helpers {
            let mut pos = Vec::new();
            forwarded_positions(f.block.to_token_stream(), name, &p, &mut pos);
            for k in pos {
                if let Some((q, _)) = h.params.get(k) {
                    optional |= handles_null(&h.body, q);
                }
            }
        }
        if optional {
            out.insert(p);
        }
    }
    out
}

/// The "# Safety" section of a doc comment (empty when there is none).
fn safety_section(doc: &str) -> String {
    doc.split_once("# Safety")
        .map(|(_, s)| s.split("\n# ").next().unwrap_or("").to_owned())
        .unwrap_or_default()
}

#[test]
fn safety_docs_say_which_pointers_are_optional() {
    let mut files = Vec::new();
    rust_files(&crate_dir().join("src"), &mut files);
    let mut exported: Vec<(String, syn::ItemFn)> = Vec::new();
    let mut safety_of: std::collections::HashMap<String, String> = Default::default();
    let mut problems = Vec::new();
    let mut optional_count = 0;
    let mut all_optional: Vec<(String, String)> = Vec::new();
    for path in &files {
        let src = std::fs::read_to_string(path).expect("read source");
        let file = syn::parse_file(&src).expect("parse");
        let mut helpers = std::collections::HashMap::new();
        for item in &file.items {
            if let Item::Fn(f) = item
                && !is_extern_c(&f.sig)
            {
                helpers.insert(
                    f.sig.ident.to_string(),
                    Helper {
                        params: params(&f.sig),
                        body: f.block.to_token_stream().to_string(),
                    },
                );
            }
        }
        for item in &file.items {
            let Item::Fn(f) = item else { continue };
            if !is_extern_c(&f.sig) {
                continue;
            }
            let name = f.sig.ident.to_string();
            let optional = optional_pointers(f, &helpers);
            safety_of.insert(name.clone(), safety_section(&doc_of(&f.attrs)));
            optional_count += optional.len();
            all_optional.extend(optional.iter().map(|p| (name.clone(), p.clone())));
            exported.push((name, f.clone()));
        }
        for (name, f) in exported.iter().filter(|(_, f)| {
            file.items
                .iter()
                .any(|i| matches!(i, Item::Fn(g) if g.sig.ident == f.sig.ident))
        }) {
            let optional = optional_pointers(f, &helpers);
            let mut safety = safety_of[name].clone();
            // "As `hug_other`." borrows another function's section.
            if let Some(rest) = safety.trim().strip_prefix("As `")
                && let Some((other, _)) = rest.split_once('`')
                && let Some(s) = safety_of.get(other)
            {
                safety = format!("{s}\n{safety}");
            }
            let pointers: Vec<String> = params(&f.sig)
                .into_iter()
                .filter(|(_, ptr)| *ptr)
                .map(|(p, _)| p)
                .collect();
            if !pointers.is_empty() && safety.trim().is_empty() {
                problems.push(format!("{name}: pointer arguments but no # Safety section"));
            }
            for p in &pointers {
                let says_optional = safety.contains(&format!("`{p}` optional"));
                if optional.contains(p) && !says_optional {
                    problems.push(format!(
                        "{name}: `{p}` accepts NULL but # Safety does not say \"`{p}` optional: NULL (...) or ...\""
                    ));
                }
                if !optional.contains(p) && says_optional {
                    problems.push(format!(
                        "{name}: `{p}` is documented optional but NULL is refused"
                    ));
                }
            }
            for line in safety.lines() {
                if line.contains("NULL") && !line.contains("optional") {
                    problems.push(format!(
                        "{name}: \"{line}\": NULL is only mentioned for an optional argument \
                         (a required one refuses it with HUG_ERR_NULL_ARGUMENT: see the README conventions)"
                    ));
                }
            }
        }
    }
    // Every optional pointer has its test in tests/c/test_optional.c.
    let c_test = std::fs::read_to_string(crate_dir().join("../tests/c/test_optional.c"))
        .expect("read tests/c/test_optional.c");
    let c_test: String = c_test.split_whitespace().collect::<Vec<_>>().join(" ");
    for (name, p) in &all_optional {
        if !c_test.contains(&format!("OPTIONAL({name}, {p},"))
            && !c_test.contains(&format!("OPTIONAL_FREE({name}, {p})"))
        {
            problems.push(format!(
                "{name}: the optional `{p}` has no OPTIONAL({name}, {p}, ...) test in tests/c/test_optional.c"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        optional_count >= 10,
        "only {optional_count} optional pointers found"
    );
}
