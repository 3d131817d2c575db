"""Shared fixtures and paths for the hug_onboard tests."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
PY_ROOT = HERE.parent
REPO_ROOT = PY_ROOT.parent
VECTORS_DIR = REPO_ROOT / "tests" / "vectors"
