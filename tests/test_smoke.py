"""The hub starts and answers its home page – with or without the npm assets (KERN UX)."""

from __future__ import annotations

import pytest

from hanse_hub.web import assets


@pytest.fixture(params=[False, True], ids=["without-npm-assets", "with-npm-assets"])
def kern_installed(request, monkeypatch, tmp_path) -> bool:
    """Pretend ``make assets`` ran (a stand-in package) or did not, whatever this machine has."""
    package = tmp_path / "node_modules" / "@kern-ux" / "native"
    if request.param:
        for name in assets.KERN_STYLESHEETS:
            (package / "dist" / name).parent.mkdir(parents=True, exist_ok=True)
            (package / "dist" / name).write_text("/* stand-in */\n", encoding="utf-8")
        (package / "package.json").write_text('{"version": "0.0.0-test"}', encoding="utf-8")
    monkeypatch.setattr(assets, "KERN_PACKAGE", package)
    return request.param


def test_home_page_answers_in_german(client, kern_installed):
    response = client.get("/")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert '<html lang="de"' in page  # with class="no-kern" when KERN is missing
    assert "hub.css" in page  # the hub's own stylesheet, always
    assert ("/assets/kern/kern.min.css" in page) == kern_installed
