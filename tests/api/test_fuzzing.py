"""Fuzzing the REST API with Schemathesis (the short run; ``make fuzz`` runs the full one).

Every operation of ``/api/openapi.json`` is called through WSGI on a fresh database with the
demo hub (SQLite, and PostgreSQL when reachable, like every test), as an anonymous caller, the
Rostock editor, the Rostock admin and a hub admin (personal access tokens): 5 schema-valid and
5 schema-breaking examples per operation and caller, derandomized so that ``make test`` is
repeatable. The harness is ``tests/api/fuzzing.py``; ``bench/fuzz_api.py`` (``make fuzz``) runs
it with 100 of each, Schemathesis' coverage cases and a fresh seed.

Checks, on every response:

- ``not_a_server_error``: no 5xx, ever.
- ``status_code_conformance``, ``content_type_conformance``, ``response_schema_conformance``,
  ``response_headers_conformance``: the answer is one the OpenAPI document describes (the
  problem+json answers are the ``Problem{status}`` components).
- ``negative_data_rejection``: a request that breaks the documented schema is refused (4xx).
- ``missing_required_header``, ``unsupported_method``, ``allow_header_conformance``: they
  judge the coverage cases of the full run (an undocumented method answers 405, …).
- ``ignored_auth``: the document makes the token optional (``security: [{}, bearerAuth]``),
  so it holds as long as that stays so; it is kept to speak up if an operation starts to
  require one without enforcing it.

Left out, and why:

- ``positive_data_acceptance`` expects every schema-valid request to succeed. Its premise does
  not hold here: validity depends on more than the OpenAPI document can say. One request
  schema serves all five kinds of entry, and which fields a kind takes and needs (a contact's
  `person_name`, an event's start and end) is checked by the kind; a contact is published
  only with the person's consent; ids in a body must name a visible entry of the right kind
  (`solution_id`, `contact_ids`, …). Those requests answer 422 by design, with field errors.
- ``use_after_free``, ``ensure_resource_availability``, ``object_level_authorization``: they
  judge chains of requests recorded by Schemathesis' stateful engine (create, then read or
  delete, as one identity or two). This harness sends single requests; tenant isolation
  across callers is swept by ``tests/api/test_isolation.py``.
- ``max_response_time``: timing on a shared 2-core test machine is not a property of the API.
- ``negative_data_rejection`` for the upload (``multipart/form-data``) only: there every value
  is text, so a negative example that makes a form field null, a number or a boolean is sent
  as the valid string "null", "12" or "true", and the API rightly accepts it. What can be
  wrong on the wire (too long, not `de`/`en`, unknown or repeated fields) is refused, pinned
  by ``test_upload_form_fields_are_checked_as_documented_not_cut_or_ignored``.
"""

from __future__ import annotations

import pytest

from tests.api.fuzzing import fuzz, fuzz_target
from tests.databases import postgres_unavailable_reason

SHORT_RUN_EXAMPLES = 5
CALLERS = ("anonymous", "editor", "admin", "hub_admin")

# One fuzz run per database, shared by this module's tests: all of them in one test process
# (make test's --dist loadgroup); the PostgreSQL run is part of make test-long.
pytestmark = [pytest.mark.slow_on_postgresql, pytest.mark.xdist_group("api-fuzz")]


@pytest.fixture(scope="module")
def fuzz_report(backend, tmp_path_factory):
    if backend == "postgresql" and (reason := postgres_unavailable_reason()):
        pytest.skip(reason)
    with fuzz_target(tmp_path_factory.mktemp("fuzz"), backend) as (app, callers):
        documented = app.test_client().get("/api/openapi.json").json["paths"]
        yield fuzz(app, callers, examples=SHORT_RUN_EXAMPLES, coverage=False), documented


@pytest.mark.parametrize("caller", CALLERS)
def test_fuzzing_finds_no_server_error_and_no_answer_outside_the_schema(fuzz_report, caller):
    report, _ = fuzz_report
    failures = report.failure_lines(caller)
    totals = report.totals(caller)
    assert failures == [], "\n".join(failures)
    assert totals["server_errors"] == totals["schema_violations"] == 0


@pytest.mark.parametrize("caller", CALLERS)
def test_fuzzing_reaches_every_documented_operation(fuzz_report, caller):
    report, documented = fuzz_report
    operations = {
        f"{method.upper()} {path}"
        for path, item in documented.items()
        for method in item
        if method != "parameters"
    }
    totals = report.totals(caller)
    assert {run.operation for run in report.of(caller)} == operations
    assert totals["min_positive"] >= SHORT_RUN_EXAMPLES
    assert totals["min_negative"] >= SHORT_RUN_EXAMPLES
    # Without any input there is one request to send, and nothing to break.
    assert totals["without_inputs"] == [
        "GET /api/v1/account/export",
        "GET /api/v1/account/second-factor",
        "GET /api/v1/account/sessions",
        "GET /api/v1/feed-tokens",
        "GET /api/v1/notification-settings",
        "GET /api/v1/notifications/unread-count",
        "GET /api/v1/stats",
        "GET /api/v1/tenants",
        "GET /api/v1/topics",
    ]
