"""The README's five-line example runs as written (on the sample production notice)."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

from conftest import PY_ROOT, REPO_ROOT


def test_readme_five_lines(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    text = (PY_ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Five lines", 1)[1]
    m = re.search(r"```python\n(.*?)```", block, re.S)
    assert m is not None
    code = m.group(1)
    assert len(code.strip().splitlines()) == 5
    sample = REPO_ROOT / "tests" / "fixtures" / "notices" / "production_notice.txt"
    (tmp_path / "notice.txt").write_bytes(sample.read_bytes())
    monkeypatch.chdir(tmp_path)
    lines = code.strip().splitlines()
    *body, last = lines
    out = io.StringIO()
    namespace: dict[str, object] = {}
    with contextlib.redirect_stdout(out):
        exec(compile("\n".join(body), "README.md", "exec"), namespace)
    printed = out.getvalue().splitlines()
    assert printed[0] == "production 東京都 令和元年7月30日"
    assert printed[1].startswith("RegistrationNotice(kind='production'") and "***" in printed[1]
    import hug_onboard

    with pytest.raises(hug_onboard.ValidationError, match=r"\[facility.not_digit\]"):
        exec(compile(last.split("#")[0], "README.md", "exec"), namespace)
    assert os.getcwd() == str(tmp_path)
