"""Pages against the stack's floor: requests per second of the hub's reading pages and of a
bare Flask page, under the same gunicorn, in one run.

    make bench-pages                                   # 10 s per page, 8 connections
    .venv/bin/python bench/pages_bench.py --seconds 20 --connections 16

Loads the demo hub into a fresh SQLite database (Whoosh search, rate limits off, production
settings otherwise), serves it with gunicorn (2 workers) and serves ``bench/bare_flask.py`` the
same way, then loads each page with ``wrk`` when it is installed, else with a Python load
generator (threads with keep-alive connections; it measures lower absolute rates, the ratios
stay comparable because the floor is measured with the same tool). Pages: home, an entry page
(a demo solution), the search page for *Sensoren*, as an anonymous visitor and as a signed-in
editor. Prints req/s, the ratio to bare Flask's req/s, and how many answers were not 2xx.

The visitors' page cache (``hanse_hub/web/page_cache.py``) serves a visitor's repeated page
from memory. So that the figures say what rendering costs too, the hub is served twice on
the same database: with the cache (the default, ``HANSE_PAGE_CACHE_SECONDS=60``) and without
it (``0``); visitors' pages are measured on both, the editor's (never cached) on the first.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEMO_PASSWORD = "Bench-Passwort-2026-lang"
PAGES = {
    "home": "/",
    "entry": None,  # a demo solution, found at run time
    "search": "/suche?q=Sensoren",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _environment(data_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "HANSE_ENV": "production",
        "HANSE_SECRET_KEY": secrets.token_urlsafe(48),
        "HANSE_DATA_DIR": str(data_dir),
        "HANSE_DATABASE_URL": f"sqlite:///{data_dir}/hub.sqlite3",
        "HANSE_RATE_LIMITS": "off",
    }


def _serve(app: str, port: int, env: dict[str, str], cwd: Path) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            *(str(BIN / "gunicorn"), "--workers", "2", "--timeout", "180"),
            *("--bind", f"127.0.0.1:{port}", app),
        ],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    for _ in range(120):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            if server.poll() is not None:
                problem = server.stderr.read().decode()
                raise SystemExit(f"gunicorn for {app} stopped: {problem}") from None
            time.sleep(0.5)
    raise SystemExit(f"gunicorn for {app} did not answer")


def _request(port: int, path: str, method="GET", body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=180)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    return response, response.read().decode("utf-8", "replace")


def _login(port: int, email: str) -> str:
    """Sign in through the real form; returns the Cookie header of the session."""
    response, page = _request(port, "/anmelden")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    cookies = {
        c.split("=", 1)[0]: c.split(";", 1)[0] for c in response.headers.get_all("Set-Cookie")
    }
    body = urlencode({"email": email, "password": DEMO_PASSWORD, "csrf_token": token})
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": "; ".join(cookies.values()),
    }
    response, _ = _request(port, "/anmelden", "POST", body, headers)
    if response.status not in (302, 303):
        raise SystemExit(f"login of {email} failed: {response.status}")
    for cookie in response.headers.get_all("Set-Cookie") or []:
        cookies[cookie.split("=", 1)[0]] = cookie.split(";", 1)[0]
    return "; ".join(cookies.values())


def _wrk(port: int, path: str, seconds: int, connections: int, cookie: str | None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    failures = int(bad.group(1)) if bad else 0
    if errors:
        failures += sum(int(n) for n in errors.groups())
    return rate, failures


def _python_load(port: int, path: str, seconds: int, connections: int, cookie: str | None):
    deadline = time.monotonic() + seconds
    counts, failures = [0] * connections, [0] * connections
    headers = {"Cookie": cookie} if cookie else {}

    def worker(number: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < deadline:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            counts[number] += 1
            if not 200 <= response.status < 300:
                failures[number] += 1

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.monotonic() - started), sum(failures)


def _load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    load = _wrk if shutil.which("wrk") else _python_load
    tool = "wrk" if load is _wrk else "python load generator"
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        env = _environment(data_dir)
        flask = [str(BIN / "flask"), "--app", "hanse_hub"]
        for step in (["db", "upgrade"], ["hub", "seed-demo", "--password", DEMO_PASSWORD]):
            subprocess.run([*flask, *step], cwd=ROOT, env=env, check=True, capture_output=True)
        hub_port, uncached_port, bare_port = _free_port(), _free_port(), _free_port()
        servers = [
            _serve("wsgi:app", hub_port, {**env, "HANSE_PAGE_CACHE_SECONDS": "60"}, ROOT),
            _serve("wsgi:app", uncached_port, {**env, "HANSE_PAGE_CACHE_SECONDS": "0"}, ROOT),
            _serve("bare_flask:app", bare_port, env, ROOT / "bench"),
        ]
        try:
            _, search = _request(hub_port, "/suche?q=Parkraum")
            PAGES["entry"] = re.search(r'href="(/t/rostock/[^"?#]+)"', search).group(1)
            editor = _login(hub_port, "editor.rostock@demo.smarte-hanse.example")
            print(f"Load tool: {tool}; {args.seconds} s per page, {args.connections} connections;")
            print(f"gunicorn --workers 2; load average before: {_load_average()}")
            header = ("page", "viewer", "cache", "req/s", "× bare", "non-2xx")
            print("{:<10} {:<9} {:<6} {:>8} {:>7} {:>8}".format(*header))
            runs = (
                ("visitor", None, (("on", hub_port), ("off", uncached_port))),
                ("editor", editor, (("–", hub_port),)),
            )
            for viewer, cookie, hubs in runs:
                # The floor is measured again beside each viewer's pages: same tool, same minute.
                bare, bare_bad = load(bare_port, "/", args.seconds, args.connections, None)
                print(f"{'bare':<10} {viewer:<9} {'':<6} {bare:>8.1f} {1.0:>7.2f} {bare_bad:>8}")
                for name, path in PAGES.items():
                    for cache, port in hubs:
                        rate, bad = load(port, path, args.seconds, args.connections, cookie)
                        print(
                            f"{name:<10} {viewer:<9} {cache:<6} {rate:>8.1f} "
                            f"{rate / bare:>7.2f} {bad:>8}"
                        )
            print(f"load average after: {_load_average()}")
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=30)


if __name__ == "__main__":
    main()
