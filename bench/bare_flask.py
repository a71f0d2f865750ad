"""The stack's floor for ``bench/pages_bench.py``: a bare Flask app rendering a small Jinja
template, served by the same gunicorn settings as the hub. Nothing of the hub is imported."""

from __future__ import annotations

from flask import Flask, render_template_string

app = Flask(__name__)

PAGE = """<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><h1>{{ title }}</h1><ul>{% for item in items %}<li>{{ item }}</li>{% endfor %}</ul></body>
</html>"""


@app.get("/")
def page():
    return render_template_string(
        PAGE, title="Smarte Hanse", items=["Rostock", "Lübeck", "Stralsund", "Wismar"]
    )
