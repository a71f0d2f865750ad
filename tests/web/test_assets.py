"""KERN UX files: served from node_modules by allow-list only, cached long, 404 when missing."""

from __future__ import annotations

import re

import pytest

from hanse_hub.web import assets

needs_kern = pytest.mark.skipif(
    not assets.kern_available(),
    reason="@kern-ux/native is not installed: run `make assets` (needs Node.js and npm)",
)


@needs_kern
@pytest.mark.parametrize(
    ("path", "media_type"),
    [
        ("kern.min.css", "text/css"),
        ("fonts/fira-sans.css", "text/css"),
        ("fonts/fira-sans/FiraSans-Regular.woff2", "font/woff2"),
    ],
)
def test_allowed_kern_files_are_served_with_a_year_long_cache(client, path, media_type):
    response = client.get(f"/assets/kern/{path}")
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert "max-age=31536000" in response.headers["Cache-Control"]


@pytest.mark.parametrize(
    "path",
    [
        "kern.css",
        "js/kern-kopfzeile.js",
        "fonts/fira-sans/fira-sans.scss",
        "../package.json",
        "../../../../pyproject.toml",
        "%2e%2e/package.json",
        "",
    ],
)
def test_files_outside_the_allow_list_are_not_served(client, path):
    assert client.get(f"/assets/kern/{path}").status_code == 404


@needs_kern
def test_every_file_a_kern_stylesheet_loads_is_allowed_and_installed():
    """A KERN update that adds a font or moves a file must fail here, not silently in browsers."""
    for stylesheet in assets.KERN_STYLESHEETS:
        text = (assets.kern_dist() / stylesheet).read_text(encoding="utf-8")
        folder = stylesheet.rpartition("/")[0]
        for reference in re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", text):
            if reference.startswith("data:"):
                continue
            assert "://" not in reference, f"{stylesheet} loads {reference} from elsewhere"
            path = "/".join(part for part in (folder, reference.removeprefix("./")) if part)
            assert path in assets.KERN_FILES, f"{stylesheet} loads {path}, not in KERN_FILES"
            assert (assets.kern_dist() / path).is_file(), f"{path} is missing from the package"


def test_without_the_package_kern_answers_404_and_templates_fall_back(
    client, monkeypatch, tmp_path
):
    monkeypatch.setattr(assets, "KERN_PACKAGE", tmp_path / "not-installed")
    assert client.get("/assets/kern/kern.min.css").status_code == 404
    assert not assets.kern_available()


@needs_kern
def test_kern_addresses_carry_the_package_version_for_cache_busting(app):
    with app.test_request_context():
        url = assets.kern_asset_url("kern.min.css")
    assert url == f"/assets/kern/kern.min.css?v={assets.kern_version()}"
    assert assets.kern_version()
