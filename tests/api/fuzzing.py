"""Schemathesis against the live application: every operation of ``/api/openapi.json``, called
through WSGI as an anonymous caller, an editor and an admin of one city (Rostock) and a hub
admin, on a fresh database (SQLite or PostgreSQL) seeded with the demo hub.

Used by ``tests/api/test_fuzzing.py`` (the short run of ``make test``) and by
``bench/fuzz_api.py`` (``make fuzz``, the full run with its summary). Which checks run and
which are left out, and why, is written in ``tests/api/test_fuzzing.py``.

Per operation and caller: ``examples`` schema-valid requests (positive), ``examples``
schema-breaking ones (negative), and, if asked, Schemathesis' deterministic coverage cases
(boundary values, missing and wrongly typed fields, undocumented methods). In half of the
positive requests an id or slug names a row that exists (``EXISTING``). Every request is
checked; a failing check is counted and the run goes on.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import flask_migrate
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis import checks as schemathesis_checks
from schemathesis.core.failures import Failure, FailureGroup
from sqlalchemy import select

from hanse_hub.accounts.invitations import Invitation
from hanse_hub.accounts.models import User
from hanse_hub.accounts.services import find_user_by_email
from hanse_hub.accounts.tokens import create_token
from hanse_hub.content.models import Adoption, Attachment, Entry, Topic
from hanse_hub.database import write_transaction
from hanse_hub.demo.seed import DEMO_EMAIL_DOMAIN, demo_email, seed_demo
from hanse_hub.extensions import db
from hanse_hub.tenants.models import Tenant
from tests.conftest import make_app
from tests.databases import fresh_database

DEMO_PASSWORD = "Fuzz-Hanse-2024-Kogge!"
# A failing response is counted under one of these, by the check that caught it.
SERVER_ERROR_CHECKS = ("not_a_server_error",)
SCHEMA_CHECKS = (
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
)
BEHAVIOUR_CHECKS = (
    "negative_data_rejection",
    "missing_required_header",
    "unsupported_method",
    "allow_header_conformance",
    "ignored_auth",
)
CHECKS = [
    getattr(schemathesis_checks, name)
    for name in SERVER_ERROR_CHECKS + SCHEMA_CHECKS + BEHAVIOUR_CHECKS
]
# In multipart/form-data every value is text: a value made null, a number or a boolean arrives
# as the valid string "null", "12" or "true" (see tests/api/test_fuzzing.py).
MULTIPART_CHECKS = [
    check for check in CHECKS if check is not schemathesis_checks.negative_data_rejection
]
# Reads first, deletions last: the editor's writes change what later operations find.
METHOD_ORDER = {"GET": 0, "POST": 1, "PUT": 2, "PATCH": 3, "DELETE": 4}
# Inputs (path, query or body) that name a row: half of the schema-valid requests name one
# that exists, so that they get past "not found" and "unknown" to what the API does with it.
EXISTING = {
    "entry_id": Entry.id,
    "attachment_id": Attachment.id,
    "adoption_id": Adoption.id,
    "solution_id": Entry.id,
    "contact_id": Entry.id,
    "event_id": Entry.id,
    "translation_of": Entry.id,
    "tenant": Tenant.slug,
    "topic": Topic.slug,
    "slug": (Tenant.slug, Topic.slug),  # /tenants/{slug} and /topics/{slug}
    "user_id": User.id,
    "invitation_id": Invitation.id,
}


@dataclass
class Finding:
    """One kind of failure (operation, check, status), with its first example."""

    caller: str
    operation: str
    check: str
    status: int | None
    message: str
    request: str
    body: str
    count: int = 0


@dataclass
class OperationRun:
    caller: str
    operation: str
    examples: Counter = field(default_factory=Counter)  # per phase: positive, negative, coverage
    statuses: Counter = field(default_factory=Counter)
    server_errors: int = 0
    schema_violations: int = 0
    other_failures: int = 0
    seconds: float = 0.0


@dataclass
class FuzzReport:
    runs: list[OperationRun] = field(default_factory=list)
    findings: dict[tuple, Finding] = field(default_factory=dict)

    def of(self, caller: str) -> list[OperationRun]:
        return [run for run in self.runs if run.caller == caller]

    def totals(self, caller: str) -> dict:
        runs = self.of(caller)
        # An operation without any input (no parameters, no body) has one possible request.
        varied = [run for run in runs if run.examples["negative"]]
        return {
            "operations": len(runs),
            "min_positive": min(run.examples["positive"] for run in varied),
            "min_negative": min(run.examples["negative"] for run in varied),
            "without_inputs": sorted(run.operation for run in runs if not run.examples["negative"]),
            "coverage_cases": sum(run.examples["coverage"] for run in runs),
            "requests": sum(sum(run.examples.values()) for run in runs),
            "server_errors": sum(run.server_errors for run in runs),
            "schema_violations": sum(run.schema_violations for run in runs),
            "other_failures": sum(run.other_failures for run in runs),
            "seconds": sum(run.seconds for run in runs),
        }

    def failure_lines(self, caller: str | None = None) -> list[str]:
        lines = []
        for finding in self.findings.values():
            if caller is not None and finding.caller != caller:
                continue
            lines.append(
                f"{finding.count}× {finding.caller} {finding.operation}: {finding.check} "
                f"(status {finding.status}) {finding.message}\n    {finding.request}\n"
                f"    → {finding.body}"
            )
        return lines


@contextmanager
def fuzz_target(
    folder: Path, backend: str = "sqlite"
) -> Iterator[tuple[Flask, dict[str, dict[str, str]]]]:
    """The app on a fresh database with the demo hub, and the callers' headers."""
    with fresh_database(backend, folder / "db") as url:
        app = make_app(url, folder / "data")
        with app.app_context():
            flask_migrate.upgrade()
            with write_transaction():
                seed_demo(fixed_password=DEMO_PASSWORD)
            with write_transaction():
                secrets = {
                    caller: create_token(find_user_by_email(email), "fuzz").secret
                    for caller, email in (
                        ("editor", demo_email("rostock", "editor")),
                        ("admin", demo_email("rostock", "admin")),
                        ("hub_admin", f"hubadmin@{DEMO_EMAIL_DOMAIN}"),
                    )
                }
            db.session.remove()
        # In this order: the administrators' changes (roles, deactivations) come last.
        callers = {"anonymous": {}} | {
            caller: {"Authorization": f"Bearer {secret}"} for caller, secret in secrets.items()
        }
        try:
            # Requests must not share this context: each one pushes its own, as in production.
            yield app, callers
        finally:
            with app.app_context():
                db.session.remove()
                db.engine.dispose()


def _existing_values(app: Flask) -> dict[str, list]:
    with app.app_context():
        values = {
            name: [
                value
                for column in (columns if isinstance(columns, tuple) else (columns,))
                for value in db.session.scalars(select(column))
            ]
            for name, columns in EXISTING.items()
        }
        db.session.remove()
    return values


def fuzz(
    app: Flask,
    callers: dict[str, dict[str, str]],
    *,
    examples: int,
    coverage: bool,
    random_seed: int | None = None,
    progress=None,
) -> FuzzReport:
    """Fuzz every operation as every caller; ``random_seed=None`` derandomizes the run."""
    report = FuzzReport()
    for caller, headers in callers.items():
        # One schema per caller: Schemathesis remembers which undocumented methods it tried.
        schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
        operations = sorted(
            (result.ok() for result in schema.get_all_operations()),
            key=lambda operation: (METHOD_ORDER[operation.method.upper()], operation.path),
        )
        for operation in operations:
            run = OperationRun(caller, operation.label)
            started = time.perf_counter()
            for mode in GenerationMode:
                _generate(app, report, run, operation, mode, headers, examples, random_seed)
            if coverage:
                cases = schema.iter_coverage_cases(
                    operation,
                    generation_modes=list(GenerationMode),
                    generation_config=schema.config.generation_for(operation=operation),
                )
                for case in cases:
                    run.examples["coverage"] += 1
                    _call_and_check(report, run, case, headers)
            run.seconds = time.perf_counter() - started
            report.runs.append(run)
            if progress:
                progress(run)
    return report


def _generate(app, report, run, operation, mode, headers, examples, random_seed) -> None:
    existing = _existing_values(app)

    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        derandomize=random_seed is None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode), data=st.data())
    def one(case, data) -> None:
        # Hypothesis seeds `random` alike for every example (and restores it afterwards); the
        # app's own randomness, e.g. Whoosh's segment names, must differ between requests.
        random.seed()
        if mode is GenerationMode.POSITIVE:
            for inputs in (case.path_parameters, case.query, case.body):
                if isinstance(inputs, dict):
                    _name_existing_rows(inputs, existing, data)
        run.examples[mode.value] += 1  # counted once sent: Hypothesis may abandon a draw above
        _call_and_check(report, run, case, headers)

    if random_seed is not None:
        one = seed(random_seed)(one)
    # Nothing to break: an operation without inputs has no negative examples.
    with suppress(Unsatisfiable):
        one()


def _name_existing_rows(inputs: dict, existing: dict[str, list], data) -> None:
    for name in sorted(existing.keys() & inputs.keys()):
        if existing[name] and data.draw(st.booleans(), label=f"existing {name}"):
            value = data.draw(st.sampled_from(existing[name]), label=name)
            inputs[name] = [value] if isinstance(inputs[name], list) else value


def _call_and_check(report: FuzzReport, run: OperationRun, case, headers: dict) -> None:
    response = case.call(headers=headers)
    run.statuses[response.status_code] += 1
    if response.status_code >= 500:
        run.server_errors += 1
    checks = MULTIPART_CHECKS if case.media_type == "multipart/form-data" else CHECKS
    try:
        case.validate_response(response, checks=checks, headers=headers)
    except (Failure, FailureGroup) as error:
        failures = error.exceptions if isinstance(error, FailureGroup) else [error]
        names = {_check_name(failure) for failure in failures}
        if names & set(SCHEMA_CHECKS):
            run.schema_violations += 1
        if names - set(SERVER_ERROR_CHECKS) - set(SCHEMA_CHECKS):
            run.other_failures += 1
        for failure in failures:
            _record(report, run, case, response, failure, headers)


def _check_name(failure: Failure) -> str:
    return failure.checks[0] if failure.checks else type(failure).__name__


def _record(report, run, case, response, failure: Failure, headers) -> None:
    key = (run.caller, run.operation, _check_name(failure), response.status_code, failure.title)
    if key not in report.findings:
        report.findings[key] = Finding(
            caller=run.caller,
            operation=run.operation,
            check=_check_name(failure),
            status=response.status_code,
            message=" ".join(failure.message.split())[:300],
            request=case.as_curl_command(headers),
            body=response.content[:300].decode("utf-8", "replace"),
        )
    report.findings[key].count += 1
