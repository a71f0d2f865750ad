"""Password-reset timing: does the answer take longer for an address that has an account?

    make bench-reset-timing            # 60 requests for each, interleaved
    .venv/bin/python bench/reset_timing.py --samples 200

Posts the "Passwort vergessen" form through the app (SQLite, rate limits off) alternately for
an address with an account and for unknown addresses, and prints both timing distributions
side by side with the ratio of their medians and how much their ranges overlap. The request
only queues the typed address (mail outbox): the account lookup, the token and the mail
happen in the sender, outside the request, for every address alike.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import flask_migrate

from hanse_hub import create_app
from hanse_hub.accounts.services import create_user
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db

PASSWORD = "ein-sicheres-Passwort-2026"


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {
                "HANSE_ENV": "testing",
                "HANSE_DATA_DIR": folder,
                "HANSE_DATABASE_URL": f"sqlite:///{folder}/hub.sqlite3",
                "HANSE_RATE_LIMITS": "off",
            }
        )
        with app.app_context():
            flask_migrate.upgrade()
            with write_transaction():
                create_user("vorhanden@example.org", "Vorhanden", PASSWORD)
            db.session.remove()
        client = app.test_client()
        page = client.get("/passwort-vergessen").get_data(as_text=True)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)

        def post(address: str) -> float:
            started = time.perf_counter()
            response = client.post(
                "/passwort-vergessen", data={"email": address, "csrf_token": token}
            )
            elapsed = time.perf_counter() - started
            assert response.status_code == 302, response.status_code
            return elapsed * 1000

        for n in range(5):  # warm-up: templates compiled, connections open
            post("vorhanden@example.org")
            post(f"warm{n}@example.org")
        known, unknown = [], []
        for n in range(args.samples):
            known.append(post("vorhanden@example.org"))
            unknown.append(post(f"niemand{n}@example.org"))
    print(f"{'':10} {'n':>4} {'min':>7} {'p50':>7} {'p90':>7} {'max':>7}  (ms)")
    for name, values in (("known", known), ("unknown", unknown)):
        print(
            f"{name:10} {len(values):4d} {min(values):7.2f} {statistics.median(values):7.2f} "
            f"{_quantile(values, 0.9):7.2f} {max(values):7.2f}"
        )
    ratio = statistics.median(known) / statistics.median(unknown)
    low, high = max(min(known), min(unknown)), min(max(known), max(unknown))
    inside = sum(low <= v <= high for v in known + unknown) / (len(known) + len(unknown))
    print(f"median known / median unknown: {ratio:.2f}")
    print(
        f"ranges overlap: {'yes' if low <= high else 'no'}; samples inside the overlap: "
        f"{inside:.0%}"
    )


if __name__ == "__main__":
    main()
