"""Shared fixtures and paths for the hug_onboard tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PY_ROOT = HERE.parent
REPO_ROOT = PY_ROOT.parent
VECTORS_DIR = REPO_ROOT / "tests" / "vectors"


def load_corpus() -> Any:
    """benches/ocr/corpus.py as a module (letters with known truth, the scoring), loaded once."""
    name = "hug_ocr_corpus"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO_ROOT / "benches" / "ocr" / "corpus.py")
        assert spec is not None and spec.loader is not None
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[name]
