#!/bin/sh
# Container entrypoint of the Smarte Hanse hub.
#   serve (default)  migrate the database, then run gunicorn on port 8000
#   anything else    run as a command, e.g. `flask --app hanse_hub hub seed-demo --if-empty`
#                    or `flask --app hanse_hub search worker`
set -eu

if [ "$#" -eq 0 ] || [ "$1" = "serve" ]; then
    flask --app hanse_hub db upgrade
    exec gunicorn --workers "${GUNICORN_WORKERS:-3}" --bind 0.0.0.0:8000 --access-logfile - wsgi:app
fi

exec "$@"
