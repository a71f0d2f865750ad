"""Kill -9 of the server and of the search worker while writers run: nothing acknowledged
is lost, files included; everything is searchable within a minute; never a server error.

``make test`` runs one trial per database; ``make test-long`` 20 per database, half of
them with the search worker (which is killed too). The harness is ``crash_trials.py``.
"""

from __future__ import annotations

import time

import flask_migrate
import pytest

from hanse_hub.accounts.models import Role
from hanse_hub.accounts.tokens import create_token
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from tests.conftest import make_app
from tests.databases import fresh_database, postgres_unavailable_reason
from tests.factories import Factory
from tests.operations.crash_trials import run_trials


@pytest.fixture
def hub_database(backend, tmp_path):
    """A migrated database with a city and an editor's API token: (url, data folder, token)."""
    if backend == "postgresql" and (reason := postgres_unavailable_reason()):
        pytest.skip(reason)
    with fresh_database(backend, tmp_path / "db") as url:
        app = make_app(url, tmp_path / "data")
        with app.app_context():
            flask_migrate.upgrade()
            with write_transaction():
                factory = Factory(db.session)
                city = factory.tenant("rostock")
                token = create_token(factory.user(city, Role.EDITOR), "Versuche").secret
            db.session.remove()
            db.engine.dispose()
        yield url, tmp_path / "data", token


def _run(hub_database, backend, *, trials: int, indexing: str, seed: int):
    url, data_dir, token = hub_database
    started = time.monotonic()
    report, _ = run_trials(url, data_dir, token, trials=trials, indexing=indexing, seed=seed)
    print(
        f"\ncrash trials {backend}/{indexing}: {report.trials} trials, kills {dict(report.kills)}, "
        f"{report.acknowledged} acknowledged operations, {len(report.problems)} problems, "
        f"slowest until searchable {report.slowest_search_seconds:.1f} s, "
        f"{time.monotonic() - started:.0f} s"
    )
    assert report.problems == [], "\n".join(report.problems)
    assert report.trials == trials
    assert report.acknowledged > 0
    return report


def test_one_server_crash_loses_nothing_acknowledged(hub_database, backend):
    _run(hub_database, backend, trials=1, indexing="inline", seed=1)


@pytest.mark.slow
@pytest.mark.parametrize(("indexing", "trials"), [("inline", 10), ("worker", 10)])
def test_many_crashes_of_server_and_worker_lose_nothing_acknowledged(
    hub_database, backend, indexing, trials
):
    report = _run(hub_database, backend, trials=trials, indexing=indexing, seed=trials)
    if indexing == "worker":
        assert report.kills["search worker"] > 0
