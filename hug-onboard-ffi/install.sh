#!/usr/bin/env bash
# Installs libhug_onboard (shared: libhug_onboard.so.VERSION with the links libhug_onboard.so.0
# (the soname) and libhug_onboard.so; static: libhug_onboard.a), include/hug_onboard.h,
# include/hug_onboard_ffi.h (for PHP FFI / cffi), share/hug_onboard/valgrind.supp and
# hug_onboard.pc under PREFIX.
#
# Usage: hug-onboard-ffi/install.sh PREFIX        (e.g. /usr/local, or $HOME/.local)
#        HUG_NO_BUILD=1 hug-onboard-ffi/install.sh PREFIX   (use the existing target/release build)
#
# Afterwards (with PKG_CONFIG_PATH=PREFIX/lib/pkgconfig when PREFIX is not a system prefix):
#   cc app.c $(pkg-config --cflags --libs hug_onboard)              # shared
#   cc app.c $(pkg-config --cflags --libs --static hug_onboard) -static-libgcc  # see README for static
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 PREFIX" >&2; exit 2; }
prefix=$1
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac
cd "$(dirname "$0")/.."
root=$PWD
if [ -z "${HUG_NO_BUILD:-}" ]; then
  # The same build as tests/c/run (which checks the link line rustc prints here).
  cargo rustc --release --quiet -p hug-onboard-ffi --lib -- --print native-static-libs 2>/dev/null
fi
target=${CARGO_TARGET_DIR:-$root/target}/release
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
[ -n "$version" ] || { echo "cannot read the workspace version" >&2; exit 1; }
for f in "$target/libhug_onboard.so" "$target/libhug_onboard.a" include/hug_onboard.h; do
  [ -f "$f" ] || { echo "missing $f (build first)" >&2; exit 1; }
done
install -d "$prefix/lib/pkgconfig" "$prefix/include"
install -d "$prefix/share/hug_onboard"
install -m 0644 include/hug_onboard.h "$prefix/include/hug_onboard.h"
install -m 0644 include/hug_onboard_ffi.h "$prefix/include/hug_onboard_ffi.h"
install -m 0644 hug-onboard-ffi/valgrind.supp "$prefix/share/hug_onboard/valgrind.supp"
# The real file carries the version; the soname link (what programs load, see build.rs)
# and the development link (what -lhug_onboard finds) point to it.
soname=libhug_onboard.so.0
install -m 0755 "$target/libhug_onboard.so" "$prefix/lib/libhug_onboard.so.$version"
ln -sfn "libhug_onboard.so.$version" "$prefix/lib/$soname"
ln -sfn "$soname" "$prefix/lib/libhug_onboard.so"
install -m 0644 "$target/libhug_onboard.a" "$prefix/lib/libhug_onboard.a"
sed -e "s|@PREFIX@|$prefix|g" -e "s|@VERSION@|$version|g" \
  hug-onboard-ffi/hug_onboard.pc.in >"$prefix/lib/pkgconfig/hug_onboard.pc"
echo "installed hug_onboard $version under $prefix"
