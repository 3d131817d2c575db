"""hug_onboard: onboarding Japanese care providers to 国保連 electronic billing.

The Python face of the ``hug-onboard-core`` Rust library: facility numbers,
registration notices, password rules, certificates, the billing calendar and
the onboarding workflow. Every error is a :class:`HugOnboardError` with a
stable ``code`` and a message in Japanese and English.

>>> from hug_onboard import FacilityNumber
>>> n = FacilityNumber("１３１２３４５６７８")
>>> str(n), n.prefecture.name_ja
('1312345678', '東京都')

The exported names are declared once, where the native module registers them
(``hug-onboard-py/src/lib.rs``); this package re-exports ``_native.__all__`` and
the exceptions' ``_errors.__all__`` and derives its own ``__all__`` from them.
"""

from __future__ import annotations

from . import _errors, _native
from ._errors import *  # noqa: F403 - the exceptions, listed once in _errors.__all__
from ._native import *  # noqa: F403 - every native name, listed once in _native.__all__

#: A problem found by a check (``.code``, ``.message(lang="ja")``); same class as :class:`Finding`.
Violation = Finding  # noqa: F405

__all__ = ["Violation"]
__all__ += _native.__all__
__all__ += _errors.__all__
