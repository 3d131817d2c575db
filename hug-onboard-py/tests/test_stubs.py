"""The .pyi stubs and the runtime agree (a hand-written check; run-tests also runs mypy.stubtest)."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path
from typing import Dict, Set

import hug_onboard as h
import hug_onboard._native as native

STUB = Path(h.__file__).with_name("_native.pyi")


def _stub_tree() -> ast.Module:
    return ast.parse(STUB.read_text(encoding="utf-8"))


def _stub_names() -> Dict[str, Set[str]]:
    """Top-level names of the stub -> the members of each class (empty for others)."""
    out: Dict[str, Set[str]] = {}
    for node in _stub_tree().body:
        if isinstance(node, ast.ClassDef):
            out[node.name] = {
                n.name for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
            }
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            out[node.name] = set()
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out[node.target.id] = set()
        elif isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    out[t.id] = set()
    return out


#: names that exist only in the stub (type aliases)
STUB_ONLY = {
    "Severity", "WarekiStyle", "NoticeKind", "StepId", "Instant", "Bytes", "MonthDay",
    "StatusKind", "RenewalFinding", "DocumentKind", "DocumentSource", "EventKind",
    "LifecycleStage", "Honorific", "ErrorKind", "Basis",
}


def test_the_stub_and_py_typed_ship_in_the_wheel() -> None:
    assert STUB.is_file()
    assert STUB.with_name("py.typed").is_file()


def test_every_native_name_is_in_the_stub_and_back() -> None:
    stub = _stub_names()
    runtime = {n for n in dir(native) if not n.startswith("__") or n in ("__version__", "__all__")}
    runtime -= {"_native"}  # pyo3 may expose the module's own name
    missing_in_stub = sorted(runtime - set(stub))
    missing_at_runtime = sorted(set(stub) - runtime - STUB_ONLY)
    assert not missing_in_stub, f"in _native but not in _native.pyi: {missing_in_stub}"
    assert not missing_at_runtime, f"in _native.pyi but not in _native: {missing_at_runtime}"


def test_every_public_method_of_every_class_is_in_the_stub_and_back() -> None:
    stub = _stub_names()
    for name, members in stub.items():
        obj = getattr(native, name, None)
        if not inspect.isclass(obj):
            continue
        runtime = {m for m in vars(obj) if not m.startswith("_")}
        stub_public = {m for m in members if not m.startswith("_")}
        assert runtime == stub_public, (
            f"{name}: only at runtime {sorted(runtime - stub_public)}, "
            f"only in stub {sorted(stub_public - runtime)}"
        )
        for dunder in {m for m in members if m.startswith("__") and m != "__new__"}:
            assert hasattr(obj, dunder), f"{name}.{dunder} is in the stub but not at runtime"


def test_all_is_complete_and_resolvable() -> None:
    for name in h.__all__:
        assert hasattr(h, name), f"__all__ names {name} but hug_onboard has no such attribute"
    public = {
        n
        for n, v in vars(h).items()
        if not n.startswith("_") and not inspect.ismodule(v) and n != "annotations"
    }
    assert public <= set(h.__all__), f"public but not in __all__: {sorted(public - set(h.__all__))}"
    assert len(h.__all__) == len(set(h.__all__))


def test_native_all_matches_the_stub_all() -> None:
    stub_all: list[str] = []
    for node in _stub_tree().body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            stub_all = list(ast.literal_eval(node.value))
    assert sorted(stub_all) == sorted(native.__all__)
