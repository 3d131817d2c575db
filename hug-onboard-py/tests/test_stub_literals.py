"""Every ``Literal`` of the stubs lists exactly the values the runtime gives or accepts.

The runtime's values come from ``_native._literals()``, built by the same functions the
classes use from an exhaustive list of the core's variants (hug-onboard-py/src/literals.rs):
a variant added in the core without the stub, or a stub value the runtime never gives,
fails here (in the style of pydantic-core's test that ``ErrorType`` matches its runtime list).
"""

from __future__ import annotations

import ast
import datetime
from pathlib import Path
from typing import Optional

import hug_onboard as h
from hug_onboard import _native

STUB = Path(h.__file__).with_name("_native.pyi")


def _literal_values(node: ast.expr) -> Optional[list[str]]:
    """The values of ``Literal["a", "b"]`` (None when the node is not a Literal)."""
    if not (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name)
            and node.value.id == "Literal"):
        return None
    elts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    values = [ast.literal_eval(e) for e in elts]
    assert all(isinstance(v, str) for v in values)
    return [str(v) for v in values]


def stub_literals() -> dict[str, list[str]]:
    """Alias name -> values; inline literals as ``Class.method``."""
    out: dict[str, list[str]] = {}
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            values = _literal_values(node.value)
            if values is not None:
                out[node.targets[0].id] = values
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.returns is not None:
                    values = _literal_values(item.returns)
                    if values is not None:
                        out[f"{node.name}.{item.name}"] = values
    return out


def test_every_stub_literal_equals_the_runtime_values() -> None:
    runtime = dict(_native._literals())
    stub = stub_literals()
    assert sorted(stub) == sorted(runtime), "a Literal in the stub without runtime values, or back"
    for name, values in runtime.items():
        assert sorted(stub[name]) == sorted(values), f"{name}: stub {stub[name]} != runtime {values}"
        assert len(set(values)) == len(values), name


def test_the_runtime_values_are_really_given_and_accepted() -> None:
    lit = dict(_native._literals())
    assert {c.severity for c in h.codes()} <= set(lit["Severity"])
    assert [s.id for s in h.Step.all()] == lit["StepId"]
    for style in lit["WarekiStyle"]:
        assert h.format_wareki(datetime.date(2019, 5, 1), style)  # type: ignore[arg-type]
    assert h.parse_wareki_partial("平成18年").kind in lit["PartialDate.kind"]
    cal = h.JapaneseCalendar()
    assert {cal.year_status(2026), cal.year_status(2099)} == set(lit["JapaneseCalendar.year_status"])
    kinds = {e.kind for e in h.billing_schedule(2026, 6).events()}
    assert kinds == set(lit["EventKind"])
    assert {d.kind for d in h.billing_schedule(2026, 6).documents} == set(lit["DocumentKind"])


def test_the_package_exports_what_the_native_module_registers() -> None:
    """One list: the native registration (plus the exceptions and the Violation alias)."""
    from hug_onboard import _errors

    assert set(h.__all__) == set(_native.__all__) | set(_errors.__all__) | {"Violation"}
    assert len(h.__all__) == len(set(h.__all__))
    for name in _native.__all__:
        assert hasattr(h, name), name
    assert not any(n.startswith("_") and n != "__version__" for n in h.__all__)
