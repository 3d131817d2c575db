"""``python -m hug_onboard``: the support staff's command line (see ``hug_onboard.cli``)."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
