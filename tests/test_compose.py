"""Static checks of the container setup: docker-compose.yml, Dockerfile, .env.example.

No Docker engine is needed: the files are parsed as text and YAML.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
ENTRYPOINT = ROOT / "docker" / "entrypoint.sh"
ENV_EXAMPLE = ROOT / ".env.example"
DOCKERIGNORE = ROOT / ".dockerignore"
CONFIG_MODULE = ROOT / "hanse_hub" / "config.py"


def compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text())


def service(name: str) -> dict:
    return compose()["services"][name]


def environment(svc: dict) -> dict[str, str]:
    """A service's environment as a dict, whether written as mapping or as list."""
    env = svc.get("environment") or {}
    if isinstance(env, list):
        return dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {key: "" if value is None else str(value) for key, value in env.items()}


def depends_on(svc: dict) -> dict[str, dict]:
    deps = svc.get("depends_on") or {}
    if isinstance(deps, list):
        return {name: {"condition": "service_started"} for name in deps}
    return deps


def named_volume(mount: str | dict) -> str | None:
    """The named volume of a service mount, or None for bind mounts."""
    if isinstance(mount, dict):
        return mount["source"] if mount.get("type", "volume") == "volume" else None
    source = mount.split(":", 1)[0]
    if ":" not in mount or source.startswith((".", "/", "~", "$")):
        return None
    return source


def config_variables() -> set[str]:
    """The HANSE_* environment variables hanse_hub/config.py reads.

    Quoted names followed by ``:`` are keys of the Flask config mapping, not reads.
    """
    text = CONFIG_MODULE.read_text()
    return set(re.findall(r'"(HANSE_[A-Z_]+)"(?!\s*:)', text))


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with comments dropped and continuations joined."""
    logical: list[str] = []
    pending = ""
    for line in DOCKERFILE.read_text().splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        logical.append(pending + stripped)
        pending = ""
    if pending:
        logical.append(pending)
    return [
        (parts[0].upper(), parts[1] if len(parts) > 1 else "")
        for parts in (entry.split(None, 1) for entry in logical)
    ]


def test_compose_defines_database_app_and_indexer_services():
    assert {"db", "app", "indexer"} <= set(compose()["services"])


def test_compose_uses_the_compose_spec_without_a_version_key():
    assert "version" not in compose()


def test_database_is_postgres_with_a_pg_isready_healthcheck():
    db = service("db")
    assert db["image"].startswith("postgres:15")
    test = db["healthcheck"]["test"]
    assert "pg_isready" in (test if isinstance(test, str) else " ".join(test))


def test_database_keeps_its_files_on_a_named_volume():
    mounts = service("db")["volumes"]
    assert any(
        named_volume(m) == "db-data" and str(m).endswith(":/var/lib/postgresql/data")
        for m in mounts
    )


def test_database_credentials_have_overridable_defaults():
    env = environment(service("db"))
    for name in ("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD"):
        assert re.fullmatch(rf"\$\{{{name}:-[^}}]+\}}", env[name]), name


def test_app_waits_for_a_healthy_database():
    assert depends_on(service("app"))["db"]["condition"] == "service_healthy"


def test_app_runs_in_production():
    assert environment(service("app"))["HANSE_ENV"] == "production"


def test_app_refuses_to_start_without_a_secret_key():
    secret = environment(service("app"))["HANSE_SECRET_KEY"]
    assert re.fullmatch(r"\$\{HANSE_SECRET_KEY:\?[^}]+\}", secret)


def test_app_uses_the_database_service_and_the_shared_search_backend():
    env = environment(service("app"))
    assert re.match(r"postgresql://[^@]+@db:5432/", env["HANSE_DATABASE_URL"])
    assert env["HANSE_SEARCH_BACKEND"] == "postgres"


def test_app_keeps_its_data_folder_on_a_named_volume():
    app = service("app")
    data_dir = environment(app)["HANSE_DATA_DIR"]
    assert any(
        named_volume(m) == "app-data" and str(m).endswith(f":{data_dir}") for m in app["volumes"]
    )


def test_app_publishes_port_8000_and_has_a_healthcheck():
    app = service("app")
    assert "8000:8000" in [str(p) for p in app["ports"]]
    assert app["healthcheck"]["test"]


def test_the_digest_service_runs_the_notification_scheduler_with_the_app_environment():
    digest, app = service("digest"), service("app")
    command = digest["command"]
    command = command if isinstance(command, str) else " ".join(command)
    assert command.startswith("flask --app hanse_hub hub notifications run")
    assert environment(digest) == environment(app)
    assert depends_on(digest)["app"]["condition"] == "service_healthy"


def test_long_running_services_restart_unless_stopped():
    for name in ("db", "app", "indexer", "digest"):
        assert service(name)["restart"] == "unless-stopped", name


def test_indexer_starts_only_when_its_profile_is_requested():
    indexer = service("indexer")
    assert indexer["profiles"] == ["indexer"]
    command = indexer["command"]
    command = command if isinstance(command, str) else " ".join(command)
    assert command == "flask --app hanse_hub search worker"


def test_indexer_shares_the_app_environment_and_data_volume():
    app, indexer = service("app"), service("indexer")
    assert environment(indexer) == environment(app)
    assert indexer["volumes"] == app["volumes"]
    assert depends_on(indexer)["db"]["condition"] == "service_healthy"


def test_every_named_volume_used_is_declared():
    spec = compose()
    declared = set(spec.get("volumes") or {})
    used = {
        volume
        for svc in spec["services"].values()
        for mount in svc.get("volumes") or []
        if (volume := named_volume(mount))
    }
    assert used == {"db-data", "app-data"}
    assert used <= declared


def test_config_variable_names_are_found():
    assert {"HANSE_ENV", "HANSE_SECRET_KEY", "HANSE_DATABASE_URL"} <= config_variables()
    assert "HANSE_MAX_UPLOAD_BYTES" not in config_variables()


def test_compose_sets_only_variables_the_config_reads():
    text = COMPOSE_FILE.read_text()
    used = set(re.findall(r"\$\{(HANSE_[A-Z_]+)", text))
    for svc in compose()["services"].values():
        used |= {name for name in environment(svc) if name.startswith("HANSE_")}
    assert used
    assert used <= config_variables(), used - config_variables()


def test_env_example_documents_every_variable_the_config_reads():
    documented = set(re.findall(r"^(HANSE_[A-Z_]+)=", ENV_EXAMPLE.read_text(), re.MULTILINE))
    # A name ending in "_" is a family (HANSE_OIDC_<SLUG>_SECRET): one example documents it.
    missing = {
        name
        for name in config_variables()
        if name not in documented
        and not (name.endswith("_") and any(d.startswith(name) for d in documented))
    }
    assert not missing, missing


def test_env_example_leaves_the_secret_key_empty_and_lists_the_postgres_password():
    assert re.search(r"^HANSE_SECRET_KEY=$", ENV_EXAMPLE.read_text(), re.MULTILINE)
    assert re.search(r"^POSTGRES_PASSWORD=", ENV_EXAMPLE.read_text(), re.MULTILINE)


def test_dockerfile_exposes_the_port_the_app_publishes():
    exposed = {
        port.split("/", 1)[0]
        for instruction, args in dockerfile_instructions()
        if instruction == "EXPOSE"
        for port in args.split()
    }
    published = {str(p).rsplit(":", 1)[-1].split("/", 1)[0] for p in service("app")["ports"]}
    assert published <= exposed


def test_dockerfile_runs_as_a_non_root_user():
    users = [args for instruction, args in dockerfile_instructions() if instruction == "USER"]
    assert users, "no USER instruction"
    assert users[-1].split(":", 1)[0] not in ("root", "0")


def test_dockerfile_copies_migrations_and_templates():
    instructions = dockerfile_instructions()
    copied = " ".join(args for instruction, args in instructions if instruction == "COPY")
    for source in ("hanse_hub/", "templates/", "migrations/", "wsgi.py", "pyproject.toml"):
        assert source in copied, source


def test_dockerfile_keeps_data_on_a_volume_and_checks_health():
    instructions: dict[str, str] = {}
    for instruction, args in dockerfile_instructions():
        instructions[instruction] = f"{instructions.get(instruction, '')} {args}"
    assert "/data" in instructions["VOLUME"]
    assert "HANSE_DATA_DIR=/data" in instructions["ENV"]
    assert "http://127.0.0.1:8000/" in instructions["HEALTHCHECK"]


def test_container_migrates_the_database_before_serving():
    script = ENTRYPOINT.read_text()
    assert ENTRYPOINT.stat().st_mode & 0o111, "entrypoint is not executable"
    assert script.index("flask --app hanse_hub db upgrade") < script.index("exec gunicorn")
    assert "wsgi:app" in script


def test_build_context_leaves_out_local_state_and_tests():
    ignored = {
        line.strip().rstrip("/")
        for line in DOCKERIGNORE.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {".venv", "instance", ".git", ".env", "tests"} <= ignored
