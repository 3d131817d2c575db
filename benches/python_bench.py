"""Benchmarks of the Python face, in one process, against what a script would use instead.

Run after hug-onboard-py/run-tests (which installs the wheel and the baselines into .venv):

    .venv/bin/python benches/python_bench.py

Sections run when the corresponding core surface exists in the installed wheel:
certificate inspection vs cryptography's pkcs12.load_key_and_certificates,
is_holiday vs jpholiday.is_holiday over 100 years, evaluate_many on 10 000 states.
"""

from __future__ import annotations

import datetime
import sys
import time
from typing import Callable

import hug_onboard as h


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    """The best wall time of `repeat` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def bench_wareki() -> None:
    days = [datetime.date(1990, 1, 1) + datetime.timedelta(days=i) for i in range(10_000)]
    texts = [h.format_wareki(d) for d in days]
    t_fmt = best_of(lambda: [h.format_wareki(d) for d in days])
    t_parse = best_of(lambda: [h.parse_wareki(s) for s in texts])
    print(f"format_wareki: {t_fmt / len(days) * 1e9:8.0f} ns/day   parse_wareki: {t_parse / len(days) * 1e9:8.0f} ns/day")


def main() -> int:
    print(f"hug_onboard {h.__version__} on Python {sys.version.split()[0]}")
    bench_wareki()
    return 0


if __name__ == "__main__":
    sys.exit(main())
