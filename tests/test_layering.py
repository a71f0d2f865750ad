"""Dependencies point down: edges → services → policy → models, and no module reaches into
another module's private names. Read from the source (``ast``), so a violation fails here
before it becomes a cycle or a hidden coupling.

The layers, lowest first (a module may import its own layer and those below):

0. foundation – models, ``database``, ``extensions``, ``config``, and the neutral modules that
   every layer may use: ``conditions`` (the filter language of the policy), ``clock`` (time
   in Berlin), ``labels`` (what the interface calls domain values), ``problems`` (error
   messages), ``paging`` (one page of a list), ``content.kinds`` (what each entry kind is);
1. ``policy`` – who may see and do what;
2. services – the use cases of each domain (``content.services``, ``search.services``, …);
3. edges – the web interface (views, forms), the API, the CLI, the demo seeder, the app factory.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "hanse_hub"

FOUNDATION, POLICY, SERVICES, EDGES = 0, 1, 2, 3
LAYER_NAMES = {FOUNDATION: "foundation", POLICY: "policy", SERVICES: "services", EDGES: "edges"}
# By module prefix; the longest matching prefix decides.
LAYER_OF_PREFIX = {
    "hanse_hub.extensions": FOUNDATION,
    "hanse_hub.database": FOUNDATION,
    "hanse_hub.config": FOUNDATION,
    "hanse_hub.conditions": FOUNDATION,
    "hanse_hub.clock": FOUNDATION,
    "hanse_hub.labels": FOUNDATION,
    "hanse_hub.problems": FOUNDATION,
    "hanse_hub.paging": FOUNDATION,
    "hanse_hub.oplog": FOUNDATION,
    "hanse_hub.content.kinds": FOUNDATION,
    "hanse_hub.policy": POLICY,
    "hanse_hub.accounts": SERVICES,
    "hanse_hub.admin": SERVICES,
    "hanse_hub.content": SERVICES,
    "hanse_hub.search": SERVICES,
    "hanse_hub.questions": SERVICES,
    "hanse_hub.tenants": SERVICES,
    "hanse_hub.mail": SERVICES,
    "hanse_hub.mail_outbox": SERVICES,
    "hanse_hub.mail_cli": EDGES,
    "hanse_hub.notifications": SERVICES,
    "hanse_hub.notifications.feeds": EDGES,
    "hanse_hub.backup": SERVICES,
    # hub export / hub import (issue #14): reads every table, writes through write_transaction.
    "hanse_hub.portability": SERVICES,
    # The read-only freeze (issue #14): its switch is a service, its guard an edge.
    "hanse_hub.freeze": SERVICES,
    "hanse_hub.freeze.guard": EDGES,
    # The static archive (issue #14): what it holds is a service; rendering the pages through
    # the web views is an edge.
    "hanse_hub.archive": SERVICES,
    "hanse_hub.archive.build": EDGES,
    # Open standards (docs/standards.md): documents built from what a caller may see.
    "hanse_hub.standards": SERVICES,
    # Registers every table, also those whose model lives beside its service (invitations).
    "hanse_hub.models": SERVICES,
    # The second factor's and single sign-on's pages (edges beside the accounts' views).
    "hanse_hub.accounts.mfa_views": EDGES,
    "hanse_hub.accounts.sso_views": EDGES,
    "hanse_hub.api": EDGES,
    "hanse_hub.web": EDGES,
    "hanse_hub.cli": EDGES,
    "hanse_hub.demo": EDGES,
    # Progress bars of the long-running commands (reindex, seeding).
    "hanse_hub.progress": EDGES,
    # Start-up checks of the serving processes (gunicorn's wsgi.py, flask run, the worker).
    "hanse_hub.startup": EDGES,
}
# Inside a domain package, these modules are the domain's edge (HTTP handlers, forms, commands).
EDGE_MODULES = {"views", "editing", "forms", "query_args", "login", "profile", "cli"}


def layer_of(module: str) -> int:
    parts = module.split(".")
    if module == "hanse_hub":  # the app factory wires everything together
        return EDGES
    if "models" in parts[2:]:  # a domain's models (hanse_hub.models registers them all)
        return FOUNDATION
    if len(parts) == 3 and parts[2] in EDGE_MODULES:
        return EDGES
    matches = [p for p in LAYER_OF_PREFIX if module == p or module.startswith(p + ".")]
    if not matches:
        raise AssertionError(f"{module} has no layer: add it to LAYER_OF_PREFIX")
    return LAYER_OF_PREFIX[max(matches, key=len)]


def module_name(path: Path, package: Path = PACKAGE) -> str:
    relative = path.relative_to(package.parent).with_suffix("")
    return ".".join(relative.parts).removesuffix(".__init__")


def imports(path: Path, package: Path = PACKAGE) -> list[tuple[int, str, list[str]]]:
    """(line, imported module, imported names) for every import of ``hanse_hub`` in ``path``."""
    module = module_name(path, package)
    parent = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom):
            target = node.module or ""
            if node.level:  # relative import
                base = parent.split(".")[: len(parent.split(".")) - node.level + 1]
                target = ".".join([*base, *([target] if target else [])])
            if target.startswith("hanse_hub"):
                found.append((node.lineno, target, [alias.name for alias in node.names]))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("hanse_hub"):
                    found.append((node.lineno, alias.name, []))
    return found


def is_module(dotted: str, package: Path = PACKAGE) -> bool:
    relative = Path(*dotted.split(".")[1:]) if "." in dotted else Path()
    return (package / relative).with_suffix(".py").exists() or (package / relative).is_dir()


def layer_violations(files: list[Path], package: Path = PACKAGE) -> list[str]:
    """Every import of a module from a higher layer than the importing module's."""
    problems = []
    for path in files:
        module = module_name(path, package)
        own = layer_of(module)
        for line, target, names in imports(path, package):
            # ``from hanse_hub.content import services`` imports the module content.services.
            candidates = [f"{target}.{name}" for name in names] or [target]
            for candidate in dict.fromkeys(
                name if is_module(name, package) else target for name in candidates
            ):
                if layer_of(candidate) > own:
                    problems.append(
                        f"{module}:{line} ({LAYER_NAMES[own]}) imports {candidate} "
                        f"({LAYER_NAMES[layer_of(candidate)]})"
                    )
    return problems


def private_imports(files: list[Path], package: Path = PACKAGE) -> list[str]:
    """Every ``from other_module import _name``."""
    problems = []
    for path in files:
        module = module_name(path, package)
        for line, target, names in imports(path, package):
            if target == module:
                continue
            for name in names:
                if name.startswith("_") and not name.startswith("__"):
                    problems.append(f"{module}:{line} imports {target}.{name}")
    return problems


# Shared by the HTML interface and the API (sanitised Markdown is the same for both).
SHARED_WEB_MODULES = {"hanse_hub.web.markdown"}


def is_html_interface(module: str) -> bool:
    """A module of the HTML interface: ``hanse_hub.web`` or a domain's views and forms."""
    parts = module.split(".")
    if module in SHARED_WEB_MODULES or module.startswith("hanse_hub.api"):
        return False
    return module.startswith("hanse_hub.web") or (len(parts) == 3 and parts[2] in EDGE_MODULES)


def crossings_between_api_and_web(files: list[Path], package: Path = PACKAGE) -> list[str]:
    """Imports between the JSON API and the HTML interface: each edge stands on the services."""
    problems = []
    for path in files:
        module = module_name(path, package)
        in_api = module.startswith("hanse_hub.api")
        if not in_api and not is_html_interface(module):
            continue
        for line, target, names in imports(path, package):
            candidates = [f"{target}.{name}" for name in names] or [target]
            for candidate in dict.fromkeys(
                name if is_module(name, package) else target for name in candidates
            ):
                crosses = (
                    is_html_interface(candidate)
                    if in_api
                    else candidate.startswith("hanse_hub.api")
                )
                if crosses:
                    problems.append(f"{module}:{line} imports {candidate}")
    return problems


def source_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_imports_a_higher_layer():
    assert layer_violations(source_files()) == []


def test_no_module_imports_another_modules_private_names():
    assert private_imports(source_files()) == []


def test_the_api_and_the_html_interface_do_not_import_each_other():
    assert crossings_between_api_and_web(source_files()) == []


def test_every_module_has_a_layer():
    for path in source_files():
        layer_of(module_name(path))


def _fake_package(tmp_path: Path, files: dict[str, str]) -> Path:
    package = tmp_path / "hanse_hub"
    for name, source in files.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(source)
    return package


@pytest.mark.parametrize(
    ("module", "source", "complaint"),
    [
        (
            "search/services.py",
            "from hanse_hub.web.context import KIND_LABELS\n",
            "hanse_hub.search.services:1 (services) imports hanse_hub.web.context (edges)",
        ),
        (
            "policy.py",
            "from hanse_hub.content import services\n",
            "hanse_hub.policy:1 (policy) imports hanse_hub.content.services (services)",
        ),
        (
            "content/models/entry.py",
            "def later():\n    from hanse_hub.policy import can\n",
            "hanse_hub.content.models.entry:2 (foundation) imports hanse_hub.policy (policy)",
        ),
    ],
)
def test_the_check_finds_an_import_that_points_up(tmp_path, module, source, complaint):
    package = _fake_package(
        tmp_path,
        {"web/context.py": "", "content/services.py": "", "policy.py": "", module: source},
    )
    assert layer_violations([package / module], package) == [complaint]


def test_the_check_lets_an_edge_import_a_service(tmp_path):
    source = "from hanse_hub.content import services\nfrom hanse_hub.policy import can\n"
    package = _fake_package(
        tmp_path, {"content/services.py": "", "policy.py": "", "api/entries.py": source}
    )
    assert layer_violations([package / "api/entries.py"], package) == []


def test_the_check_finds_a_private_name_taken_from_another_module(tmp_path):
    source = "from hanse_hub.api.views import _visible_entry, entry_url\n"
    package = _fake_package(tmp_path, {"api/views.py": "", "api/workflow.py": source})
    assert private_imports([package / "api/workflow.py"], package) == [
        "hanse_hub.api.workflow:1 imports hanse_hub.api.views._visible_entry"
    ]


def test_the_check_finds_the_api_taking_a_constant_from_a_web_form(tmp_path):
    source = "from hanse_hub.content.forms import MAX_TEXT\n"
    package = _fake_package(tmp_path, {"content/forms.py": "", "api/workflow_schemas.py": source})
    assert crossings_between_api_and_web([package / "api/workflow_schemas.py"], package) == [
        "hanse_hub.api.workflow_schemas:1 imports hanse_hub.content.forms"
    ]
