"""WSGI entry point for gunicorn: ``gunicorn wsgi:app``."""

from hanse_hub import create_app

app = create_app()
