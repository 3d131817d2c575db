"""Every public name of the stubs, and every public member of every class, has a docstring.

The stub is what editors and ``help()``-like tools show; a member without one is a question
every user has to answer by reading the Rust source. Dunder methods are exempt (their meaning
is Python's), except that each class itself must say what it is.
"""

from __future__ import annotations

import ast
from pathlib import Path

import hug_onboard as h

STUB = Path(h.__file__).with_name("_native.pyi")


def undocumented() -> list[str]:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    missing: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node) is None:
            missing.append(node.name)
        if isinstance(node, ast.ClassDef):
            for m in node.body:
                if (isinstance(m, ast.FunctionDef) and not m.name.startswith("_")
                        and ast.get_docstring(m) is None):
                    missing.append(f"{node.name}.{m.name}")
    return missing


def test_every_public_stub_member_has_a_docstring() -> None:
    missing = undocumented()
    assert not missing, f"{len(missing)} stub members without a docstring: {missing}"


def test_the_examples_in_the_stub_docstrings_run() -> None:
    """Every ``>>>`` example of a stub docstring, run as a doctest against the runtime."""
    import datetime
    import doctest

    import hug_onboard._native as native

    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    ran = 0
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Module)):
            continue
        doc = ast.get_docstring(node)
        if not doc or ">>>" not in doc:
            continue
        globs = {**vars(native), "datetime": datetime}
        name = getattr(node, "name", "module")
        test = parser.get_doctest(doc, globs, name, str(STUB), getattr(node, "lineno", 0))
        result = runner.run(test)
        assert result.failed == 0, f"the example of {name} fails"
        ran += result.attempted
    assert ran >= 10
