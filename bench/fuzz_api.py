"""The full fuzzing run of the REST API (``make fuzz``), with the summary the issue asks for.

    make fuzz
    .venv/bin/python bench/fuzz_api.py --examples 300 --seed 42

Schemathesis against the live application (through WSGI, on a fresh database with the demo hub:
SQLite, and PostgreSQL when reachable), as an anonymous caller, the Rostock editor, the Rostock
admin and a hub admin: per operation ``--examples`` schema-valid and as many schema-breaking
requests, plus Schemathesis' coverage cases. Prints one line per operation and caller, the
failures found (with a curl command to reproduce each), and per database and caller: operations
tested, examples per operation, server errors, schema violations. Exits with 1 when anything
failed.

The checks, and those left out with the reason, are in ``tests/api/test_fuzzing.py``.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import schemathesis

from tests.api.fuzzing import CHECKS, OperationRun, fuzz, fuzz_target
from tests.databases import postgres_unavailable_reason


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--examples",
        type=int,
        default=100,
        help="schema-valid and schema-breaking examples per operation and caller",
    )
    parser.add_argument("--seed", type=int, default=None, help="default: a random one, printed")
    parser.add_argument("--no-coverage", action="store_true", help="skip the coverage cases")
    parser.add_argument(
        "--backends",
        default="sqlite,postgresql",
        help="databases to run on; PostgreSQL is skipped when not reachable",
    )
    options = parser.parse_args()
    run_seed = options.seed if options.seed is not None else random.randrange(2**32)

    print(
        f"Schemathesis {schemathesis.__version__} against /api/v1: {options.examples} positive "
        f"and {options.examples} negative examples per operation and caller"
        f"{'' if options.no_coverage else ', plus coverage cases'}; seed {run_seed}"
    )
    print("Checks: " + ", ".join(check.__name__ for check in CHECKS))
    started = time.perf_counter()
    reports = {}
    for backend in options.backends.split(","):
        if backend == "postgresql" and (reason := postgres_unavailable_reason()):
            print(f"\n{backend}: skipped – {reason}")
            continue
        print(f"\n{backend}\n{HEADER}")
        with (
            tempfile.TemporaryDirectory(prefix="hanse-fuzz-") as folder,
            fuzz_target(Path(folder), backend) as (app, callers),
        ):
            reports[backend] = fuzz(
                app,
                callers,
                examples=options.examples,
                coverage=not options.no_coverage,
                random_seed=run_seed,
                progress=print_run,
            )
    elapsed = time.perf_counter() - started

    failed = False
    for backend, report in reports.items():
        failures = report.failure_lines()
        if failures:
            print(f"\nFailures on {backend} ({len(failures)} kinds):")
            print("\n".join(failures))
    print("\nSummary")
    for backend, report in reports.items():
        for caller in dict.fromkeys(run.caller for run in report.runs):
            failed |= print_summary(backend, caller, report.totals(caller))
    print(f"\n{'FAILED' if failed else 'PASSED'} in {elapsed:.0f} s (seed {run_seed})")
    return 1 if failed else 0


HEADER = (
    f"{'caller':<10} {'operation':<48} {'pos':>4} {'neg':>4} {'cov':>4}  "
    f"{'2xx':>4} {'3xx':>4} {'4xx':>5} {'5xx':>4}  {'schema':>6} {'other':>5} {'s':>5}"
)


def print_run(run: OperationRun) -> None:
    by_class = {n: 0 for n in (2, 3, 4, 5)}
    for status, count in run.statuses.items():
        by_class[status // 100] += count
    print(
        f"{run.caller:<10} {run.operation:<48} {run.examples['positive']:>4} "
        f"{run.examples['negative']:>4} {run.examples['coverage']:>4}  {by_class[2]:>4} "
        f"{by_class[3]:>4} {by_class[4]:>5} {by_class[5]:>4}  {run.schema_violations:>6} "
        f"{run.other_failures:>5} {run.seconds:>5.1f}",
        flush=True,
    )


def print_summary(backend: str, caller: str, totals: dict) -> bool:
    """Print one caller's numbers; True when anything failed."""
    print(f"  {backend}, {caller}:")
    print(f"    operations tested        {totals['operations']}")
    print(
        f"    examples per operation   ≥ {totals['min_positive']} schema-valid and "
        f"≥ {totals['min_negative']} schema-breaking; {totals['coverage_cases']} coverage "
        f"cases in all; {totals['requests']} requests"
    )
    if totals["without_inputs"]:
        print(
            f"      (except {', '.join(totals['without_inputs'])}: no inputs, so one "
            "possible request, and nothing to break)"
        )
    print(f"    server errors            {totals['server_errors']}")
    print(f"    schema violations        {totals['schema_violations']}")
    print(f"    other check failures     {totals['other_failures']}")
    print(f"    time                     {totals['seconds']:.0f} s")
    return bool(totals["server_errors"] or totals["schema_violations"] or totals["other_failures"])


if __name__ == "__main__":
    sys.exit(main())
