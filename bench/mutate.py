"""Mutation testing (``make mutate``): would the tests notice if the code that matters broke?

Cosmic Ray makes one small change at a time (a mutant) in a module, runs the tests that cover
the module, and records whether they failed (the mutant is *killed*) or passed (it
*survived*). This script runs it over the modules that guard the security and search
boundaries, on SQLite only, and prints the score per module and every surviving mutant.

Each module is mutated in its own copy of the working tree (tracked and new files) under
``instance/mutation/``, so the checkout is never changed and two modules run side by side.
The operator set is the classic one (as in PIT's defaults): negated and boundary-shifted
comparisons, ``and``/``or`` swapped, ``not`` added or removed, ``True``/``False`` swapped,
numbers ±1, ``+``/``-`` and set operators swapped, loops run zero times, ``break``/
``continue`` swapped. The other replacements Cosmic Ray knows (``a + b`` → ``a ** b`` …)
add hundreds of mutants that any test killing the classic ones kills too.

Mutants listed in ``bench/mutation_equivalents.txt`` (with the reason, see
docs/testing.md) change nothing observable; the score "without equivalent" leaves them out.

Usage: ``python bench/mutate.py [module-name ...]`` (names: see MODULES); ``--jobs N``.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "instance" / "mutation"
EQUIVALENTS = ROOT / "bench" / "mutation_equivalents.txt"

# pytest for one mutant: stop at the first failure, no plugins that only cost start-up time.
PYTEST = "-x -q -p no:cacheprovider -p no:hypothesispytest -p no:schemathesis -p no:anyio"


@dataclass(frozen=True)
class Module:
    path: str
    tests: str  # pytest arguments: the tests that cover the module, the fastest first


MODULES = {
    "policy": Module(
        "hanse_hub/policy.py",
        "--backends sqlite tests/test_policy_rules.py tests/test_permission_matrix.py "
        "tests/search/test_leaks.py -k 'not postgres'",
    ),
    "accounts": Module(
        "hanse_hub/accounts/services.py",
        "--backends sqlite tests/accounts/test_session_security.py "
        "tests/accounts/test_login_throttle.py tests/accounts/test_accounts_cli.py "
        "tests/accounts/test_login_sessions.py",
    ),
    "login": Module(
        "hanse_hub/accounts/login.py",
        "--backends sqlite tests/accounts/test_session_security.py "
        "tests/accounts/test_login_sessions.py",
    ),
    "analysis": Module(
        "hanse_hub/search/analysis.py",
        # Pure functions: without conftest.py, nothing of the app is imported.
        "--noconftest tests/search/test_analysis.py tests/search/test_analysis_gaps.py",
    ),
}

KEPT_OPERATORS = re.compile(
    r"core/("
    r"ReplaceComparisonOperator_(Eq_NotEq|NotEq_Eq|Lt_LtE|Lt_GtE|LtE_Lt|LtE_Gt|Gt_GtE|Gt_LtE"
    r"|GtE_Gt|GtE_Lt|Is_IsNot|IsNot_Is|In_NotIn|NotIn_In)"
    r"|ReplaceBinaryOperator_(Add_Sub|Sub_Add|Mul_Div|Div_Mul|FloorDiv_Mul|Mod_FloorDiv"
    r"|BitOr_BitAnd|BitAnd_BitOr|BitXor_BitOr)"
    r"|ReplaceUnaryOperator_(Delete_Not|Delete_USub)"
    r"|AddNot|ReplaceTrueWithFalse|ReplaceFalseWithTrue|ReplaceAndWithOr|ReplaceOrWithAnd"
    r"|NumberReplacer|ZeroIterationForLoop|ReplaceBreakWithContinue|ReplaceContinueWithBreak"
    r"|ExceptionReplacer"
    r")$"
)


def copy_tree(target: Path) -> None:
    """The working tree's tracked and new (not ignored) files, copied to ``target``."""
    if target.exists():
        shutil.rmtree(target)
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.split(b"\0")
    for name in filter(None, (raw.decode() for raw in listed)):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def run_module(name: str, module: Module, timeout: float, retry: bool = False) -> str:
    """Initialise and execute one Cosmic Ray session; returns the path of its database.

    ``retry``: keep the last session and run only its survivors again (after new tests).
    """
    workdir = WORK / name
    tree = workdir / "tree"
    copy_tree(tree)
    config = workdir / "cosmic-ray.toml"
    test_command = f"{sys.executable} -m pytest {PYTEST} {module.tests}"
    config.write_text(
        "[cosmic-ray]\n"
        f'module-path = "{module.path}"\n'
        f"timeout = {timeout}\n"
        "excluded-modules = []\n"
        f"test-command = {test_command!r}\n"
        "[cosmic-ray.distributor]\n"
        'name = "local"\n',
        encoding="utf-8",
    )
    session = workdir / "session.sqlite"
    if not retry:
        session.unlink(missing_ok=True)
    env = {
        **os.environ,
        "PYTHONPATH": str(tree),  # the copy's hanse_hub, not the editable install's
        "PYTHONDONTWRITEBYTECODE": "1",
        "HANSE_DATA_DIR": str(workdir / "data"),
    }
    baseline = subprocess.run(
        test_command, shell=True, cwd=tree, env=env, capture_output=True, text=True
    )
    if baseline.returncode != 0:
        raise SystemExit(f"{name}: the tests fail without any mutation:\n{baseline.stdout[-3000:]}")
    cosmic = str(Path(sys.executable).with_name("cosmic-ray"))
    if retry:
        with sqlite3.connect(session) as connection:
            connection.execute("DELETE FROM work_results WHERE test_outcome = 'SURVIVED'")
    else:
        subprocess.run([cosmic, "init", str(config), str(session)], cwd=tree, env=env, check=True)
        _skip_unkept_operators(session, tree / module.path)
    started = time.monotonic()
    subprocess.run([cosmic, "exec", str(config), str(session)], cwd=tree, env=env, check=True)
    print(f"{name}: executed in {time.monotonic() - started:.0f} s", flush=True)
    return str(session)


def _inert_places(source: str) -> tuple[list[tuple[tuple[int, int], tuple[int, int]]], set[int]]:
    """Where an operator mutant changes nothing: type annotations, and parameter lists.

    With ``from __future__ import annotations`` annotations are never evaluated, so
    ``str | None`` → ``str & None`` changes nothing; neither does ``*`` → ``/`` in a parameter
    list for callers that pass keywords. Returns the annotations' spans as ((line, column),
    (line, column)) and the lines of parameter lists that hold no default value.
    """
    text_lines = source.splitlines()

    def position(line: int, byte_offset: int) -> tuple[int, int]:
        encoded = text_lines[line - 1].encode()
        return line, len(encoded[:byte_offset].decode(errors="ignore"))

    def span(node: ast.AST) -> tuple[tuple[int, int], tuple[int, int]]:
        return position(node.lineno, node.col_offset), position(
            node.end_lineno, node.end_col_offset
        )

    spans, signature, defaults = [], set(), set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            signature.update(range(node.lineno, node.body[0].lineno))
            arguments = node.args
            for argument in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]:
                if argument.annotation is not None:
                    spans.append(span(argument.annotation))
            for argument in (arguments.vararg, arguments.kwarg):
                if argument is not None and argument.annotation is not None:
                    spans.append(span(argument.annotation))
            if node.returns is not None:
                spans.append(span(node.returns))
            # The bare "*" that makes the following parameters keyword-only.
            for number in range(node.lineno, node.body[0].lineno):
                for star in re.finditer(r"(?<![*\w])\*(?=\s*,)", text_lines[number - 1]):
                    spans.append(((number, star.start()), (number, star.end())))
            for default in [*arguments.defaults, *arguments.kw_defaults]:
                if default is not None:
                    defaults.update(range(default.lineno, default.end_lineno + 1))
        elif isinstance(node, ast.AnnAssign):
            spans.append(span(node.annotation))
    return spans, signature - defaults


def _is_inert(mutation, places) -> bool:
    spans, bare_signature_lines = places
    if not mutation.operator_name.startswith("core/ReplaceBinaryOperator"):
        return False
    start = tuple(mutation.start_pos)
    return start[0] in bare_signature_lines or any(low <= start < high for low, high in spans)


def _skip_unkept_operators(session: Path, module_path: Path) -> None:
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import WorkerOutcome, WorkResult

    places = _inert_places(module_path.read_text(encoding="utf-8"))
    with use_db(str(session), WorkDB.Mode.open) as db:
        skipped = [
            item.job_id
            for item in db.pending_work_items
            if not all(KEPT_OPERATORS.match(m.operator_name) for m in item.mutations)
            or any(_is_inert(m, places) for m in item.mutations)
        ]
        db.set_multiple_results(
            skipped,
            WorkResult(output="operator not in the set", worker_outcome=WorkerOutcome.SKIPPED),
        )


def _equivalents() -> set[tuple[str, str, str]]:
    """(module name, operator, mutated line without surrounding blanks) of known equivalents."""
    known = set()
    if not EQUIVALENTS.exists():
        return known
    for line in EQUIVALENTS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            module, operator, code = line.split(" | ", 2)
            known.add((module.strip(), operator.strip(), code.strip()))
    return known


def _changed_line(diff: str) -> str:
    """The mutated line of a diff ("+" side), as a stable key for the equivalents list."""
    added = [
        line[1:].strip()
        for line in diff.splitlines()
        if line.startswith("+") and not line.startswith("+++")
    ]
    return added[0] if added else ""


def report(name: str, session: str) -> tuple[int, int, int]:
    """Print the module's score and survivors; returns (mutants, killed, equivalent)."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome, WorkerOutcome

    equivalents = _equivalents()
    places = _inert_places((WORK / name / "tree" / MODULES[name].path).read_text("utf-8"))
    mutants = killed = equivalent = 0
    survivors = []
    with use_db(session, WorkDB.Mode.open) as db:
        for item, result in db.completed_work_items:
            if result.worker_outcome in (WorkerOutcome.SKIPPED, WorkerOutcome.NO_TEST):
                continue
            if any(_is_inert(m, places) for m in item.mutations):
                continue  # run before the filter knew this place; the filter skips it now
            mutants += 1
            if result.test_outcome != TestOutcome.SURVIVED:
                killed += 1
                continue
            mutation = item.mutations[0]
            key = (name, mutation.operator_name, _changed_line(result.diff or ""))
            if key in equivalents:
                equivalent += 1
            survivors.append((mutation, result.diff or "", key in equivalents))
    if not mutants:
        print(f"\n== {name} ({MODULES[name].path}): no mutants (no operator applies)")
        return 0, 0, 0
    score = 100 * killed / mutants
    relevant = mutants - equivalent
    score_relevant = 100 * killed / relevant if relevant else 100.0
    print(
        f"\n== {name} ({MODULES[name].path}): {mutants} mutants, {killed} killed, "
        f"{mutants - killed} survived ({equivalent} listed as equivalent); "
        f"score {score:.0f} %, without equivalent {score_relevant:.0f} %"
    )
    for mutation, diff, is_equivalent in sorted(survivors, key=lambda s: s[0].start_pos):
        label = "equivalent" if is_equivalent else "SURVIVED"
        print(f"-- {label}: line {mutation.start_pos[0]} {mutation.operator_name}")
        body = [
            line
            for line in diff.splitlines()
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        ]
        print("\n".join(f"   {line}" for line in body))
    return mutants, killed, equivalent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", choices=[[], *MODULES], default=[])
    parser.add_argument("--jobs", type=int, default=2, help="modules mutated side by side")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds per test run")
    parser.add_argument("--report-only", action="store_true", help="report the last run")
    parser.add_argument(
        "--retry-survivors", action="store_true", help="run the last run's survivors again"
    )
    args = parser.parse_args()
    names = args.modules or list(MODULES)
    started = time.monotonic()
    if args.report_only:
        sessions = {name: str(WORK / name / "session.sqlite") for name in names}
    else:
        # The module with the most mutants first: it runs beside all the others in turn.
        longest_first = sorted(names, key=lambda name: name != "analysis")
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = {
                name: pool.submit(
                    run_module, name, MODULES[name], args.timeout, args.retry_survivors
                )
                for name in longest_first
            }
            sessions = {name: futures[name].result() for name in names}
    totals = {name: report(name, session) for name, session in sessions.items()}
    print("\nmodule      mutants  killed  equivalent  score  without equivalent")
    for name, (mutants, killed, equivalent) in totals.items():
        relevant = mutants - equivalent
        if not mutants:  # e.g. login.py: settings only, no operator to mutate
            print(f"{name:<10} {mutants:>8} {killed:>7} {equivalent:>11}   n/a        n/a")
            continue
        print(
            f"{name:<10} {mutants:>8} {killed:>7} {equivalent:>11} "
            f"{100 * killed / mutants:>5.0f} % {100 * killed / max(relevant, 1):>8.0f} %"
        )
    print(f"wall time {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
