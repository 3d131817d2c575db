"""CHANGELOG.md records every code the Python face can emit: ``hug_onboard.codes()`` (the core's
catalogue and the binding's own codes) and the command line's ``cli.*`` codes. The C face's codes and
status values are checked by hug-onboard-ffi/tests/changelog.rs."""

from __future__ import annotations

import re
from pathlib import Path

import hug_onboard as hug
from hug_onboard import cli

from conftest import REPO_ROOT


def test_changelog_records_every_code() -> None:
    log = (REPO_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    codes = [c.code for c in hug.codes()]
    assert len(codes) > 100
    cli_source = Path(cli.__file__).read_text(encoding="utf-8")
    cli_codes = sorted(set(re.findall(r'"(cli\.[a-z_]+)"', cli_source)))
    assert cli_codes, "no cli.* code found in the CLI's source"
    missing = [c for c in codes + cli_codes if f"`{c}`" not in log]
    assert not missing, "CHANGELOG.md does not mention these codes; add them under `## [Unreleased]`:\n" + "\n".join(
        f"- `{c}`" for c in missing
    )
