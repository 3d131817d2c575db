//! Catching a panic at the C boundary without printing anything.
//!
//! A library linked into a host application must not write to the host's stderr.
//! Rust's default panic hook prints "thread … panicked at …" (and a backtrace with
//! `RUST_BACKTRACE=1`) *before* `catch_unwind` sees the panic, so catching alone is
//! not enough. The library therefore installs, once per process and only on the
//! first call into the boundary, a hook that stays silent for panics raised while
//! the current thread is inside the boundary and hands every other panic to the
//! hook that was installed before (the host's, or Rust's default): a Rust host
//! that links the library keeps its own panic output.
//!
//! The panic message is not lost: the boundary turns the payload into the last
//! error (`ffi.panic`, `HUG_ERR_PANIC`).

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

thread_local! {
    /// How deep the current thread is inside the boundary (0: outside).
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

fn inside_boundary() -> bool {
    DEPTH.try_with(|d| d.get() > 0).unwrap_or(false)
}

/// Installs the filtering hook once per process.
fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !inside_boundary() {
                previous(info);
            }
        }));
    });
}

/// Restores the depth even when the body unwinds (it never does past
/// `catch_unwind`, but the guard keeps the counter right in any case).
struct Enter;

impl Enter {
    fn new() -> Enter {
        let _ = DEPTH.try_with(|d| d.set(d.get().saturating_add(1)));
        Enter
    }
}

impl Drop for Enter {
    fn drop(&mut self) {
        let _ = DEPTH.try_with(|d| d.set(d.get().saturating_sub(1)));
    }
}

/// `catch_unwind` without panic output for panics raised by `body` on this thread.
pub(crate) fn catch<T>(body: impl FnOnce() -> T) -> std::thread::Result<T> {
    // `set_hook` panics on a thread that is already panicking (a host calling the library
    // from a destructor during unwinding): install on a later call instead.
    if !std::thread::panicking() {
        install_hook();
    }
    let _enter = Enter::new();
    catch_unwind(AssertUnwindSafe(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_is_restored_after_a_caught_panic() {
        assert!(!inside_boundary());
        let r = catch(|| {
            assert!(inside_boundary());
            panic!("deliberate");
        });
        assert!(r.is_err());
        assert!(!inside_boundary());
        let nested = catch(|| catch(inside_boundary).unwrap_or(false) && inside_boundary());
        assert_eq!(nested.ok(), Some(true));
        assert!(!inside_boundary());
    }
}
