"""WSGI entry point for gunicorn: ``gunicorn wsgi:app``.

A worker that cannot use the database exits with gunicorn's "failed to boot" code,
so gunicorn stops with the one line naming the setting instead of serving 500s.
"""

import sys

from hanse_hub import create_app
from hanse_hub.startup import prepare_to_serve

WORKER_BOOT_ERROR = 3  # gunicorn halts instead of starting the worker again and again

app = create_app()
try:
    prepare_to_serve(app)
except SystemExit as stop:
    print(stop.code, file=sys.stderr, flush=True)
    raise SystemExit(WORKER_BOOT_ERROR) from None
