"""Attachments: type decided by content, size limited, stored by hash, served safely."""

from __future__ import annotations

import io

import pytest
from flask import current_app

from hanse_hub.accounts.models import Role
from hanse_hub.content.attachments import (
    AttachmentMetadata,
    AttachmentRejected,
    add_attachment,
    get_attachment,
)
from hanse_hub.content.storage import storage_for
from hanse_hub.demo.seed import render_pdf
from hanse_hub.policy import Actor, PermissionDenied

PDF = render_pdf("Parkraum", "Bodensensoren melden die Belegung.")


@pytest.fixture
def setup(factory):
    city = factory.tenant("rostock")
    editor = factory.user(city, Role.EDITOR)
    return city, editor


def _upload(actor, entry, data: bytes, name="datei.pdf", max_bytes=1024 * 1024):
    return add_attachment(
        actor,
        entry,
        io.BytesIO(data),
        AttachmentMetadata(filename=name, description="Vortrag", alt_text="Folien"),
        storage=storage_for(current_app),
        max_bytes=max_bytes,
    )


def test_type_is_decided_by_content_not_by_name(app, factory, setup):
    city, editor = setup
    entry = factory.entry(city, author=editor)
    attachment = _upload(Actor.of(editor), entry, PDF, name="notizen.txt")
    assert attachment.media_type == "application/pdf"
    assert attachment.content_hash != "notizen.txt"
    assert storage_for(current_app).exists(attachment.content_hash)


@pytest.mark.parametrize(
    "data",
    [b"MZ\x90\x00\x03\x00\x00\x00" + bytes(200), b"\x00\x01\x02binary", b"GIF89a" + bytes(20)],
    ids=["windows-executable", "binary", "gif"],
)
def test_types_outside_the_allow_list_are_rejected_with_415(app, factory, setup, data):
    city, editor = setup
    entry = factory.entry(city, author=editor)
    with pytest.raises(AttachmentRejected) as raised:
        _upload(Actor.of(editor), entry, data, name="folien.pdf")
    assert raised.value.status == 415
    assert entry.attachments == []


def test_files_over_the_limit_are_rejected_with_413(app, factory, setup):
    city, editor = setup
    entry = factory.entry(city, author=editor)
    with pytest.raises(AttachmentRejected) as raised:
        _upload(Actor.of(editor), entry, b"a" * 5000, name="gross.txt", max_bytes=1000)
    assert raised.value.status == 413


def test_readers_cannot_attach_files(app, factory, setup):
    city, editor = setup
    entry = factory.entry(city, author=editor)
    reader = factory.user(city, Role.READER)
    with pytest.raises(PermissionDenied):
        _upload(Actor.of(reader), entry, PDF)


def test_download_is_served_with_disposition_and_nosniff(app, client, factory, setup):
    city, editor = setup
    entry = factory.entry(city, author=editor, visibility="public")
    attachment = _upload(Actor.of(editor), entry, b"Hallo Welt\n", name="../../etc/notiz.txt")
    factory.session.commit()
    response = client.get(f"/dateien/{attachment.id}")
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "notiz.txt" in response.headers["Content-Disposition"]
    assert "/" not in attachment.original_filename
    assert response.data == b"Hallo Welt\n"


def test_attachments_of_invisible_entries_answer_404(app, client, factory, setup):
    city, editor = setup
    entry = factory.entry(city, author=editor, visibility="internal")
    attachment = _upload(Actor.of(editor), entry, PDF)
    factory.session.commit()
    assert get_attachment(Actor.of(None), attachment.id) is None
    assert client.get(f"/dateien/{attachment.id}").status_code == 404
