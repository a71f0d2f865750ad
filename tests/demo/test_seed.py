"""The demo hub: four cities with realistic content in every kind, visibility and status."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from hanse_hub.accounts.models import Membership, User
from hanse_hub.accounts.passwords import verify_password
from hanse_hub.content.models import Adoption, Attachment, Entry, EntryKind
from hanse_hub.demo.seed import DATA_DIR, demo_email, load_demo_content, seed_demo
from hanse_hub.tenants.models import Tenant
from tests.conftest import rolled_back_session

PASSWORD = "demo-passwort-2026"


@pytest.fixture(scope="module")
def seeded(app):
    """Seeding costs seconds: do it once per module, in a transaction rolled back afterwards."""
    with rolled_back_session() as scoped:
        yield scoped, seed_demo(fixed_password=PASSWORD)


@pytest.fixture
def session(seeded):
    return seeded[0]


@pytest.fixture
def report(seeded):
    return seeded[1]


def test_demo_hub_has_four_cities_and_more_than_sixty_entries(session, report):
    cities = session.scalars(select(Tenant.slug).where(Tenant.kind == "city")).all()
    assert set(cities) == {"rostock", "luebeck", "stralsund", "wismar"}
    assert session.scalar(select(func.count(Entry.id))) == report.entries >= 60


def test_demo_content_covers_every_kind_visibility_status_and_topic(session, report):
    rows = session.execute(select(Entry.kind, Entry.visibility, Entry.status)).all()
    assert {kind for kind, _, _ in rows} == set(EntryKind)
    assert {(str(v), str(s)) for _, v, s in rows} == {
        (v, s)
        for v in ("public", "network", "internal")
        for s in ("draft", "published", "archived")
    }
    kinds_per_city = Counter(
        session.execute(
            select(Tenant.slug, Entry.kind).join(Tenant, Entry.tenant_id == Tenant.id).distinct()
        ).all()
    )
    for city in ("rostock", "luebeck", "stralsund", "wismar"):
        assert sum(1 for (slug, _kind) in kinds_per_city if slug == city) == len(EntryKind)


def test_demo_has_adoptions_between_cities_and_files(session, report):
    adoptions = session.scalars(select(Adoption)).all()
    assert len(adoptions) >= 10
    assert all(a.tenant_id != a.solution.tenant_id for a in adoptions)
    assert session.scalar(select(func.count(Attachment.id))) >= 2
    assert report.skipped_links == []


def test_demo_has_answered_questions_and_one_open_one(session, report):
    from hanse_hub.questions.models import Question

    found = list(session.scalars(select(Question)))
    answered = [q for q in found if q.answers]
    helpful = [q for q in found if any(a.helpful_at for a in q.answers)]
    assert report.questions == len(found) == 4
    assert (len(answered), len(helpful), len(found) - len(answered)) == (3, 2, 1)


def test_every_city_has_one_demo_account_per_role(session, report):
    for city in ("rostock", "luebeck", "stralsund", "wismar"):
        for role in ("reader", "editor", "admin"):
            user = session.scalar(select(User).where(User.email == demo_email(city, role)))
            assert user is not None and verify_password(user.password_hash, PASSWORD)
            membership = session.scalar(select(Membership).where(Membership.user_id == user.id))
            assert membership.role == role


def test_key_demo_content_for_search_and_journeys_is_there(session, report):
    titles = set(session.scalars(select(Entry.title)))
    assert "Parkraummanagement mit Bodensensoren" in titles


def test_seed_demo_command_refuses_a_non_empty_hub_but_if_empty_is_quiet(app, session, report):
    runner = app.test_cli_runner()
    assert "already has data" in runner.invoke(args=["hub", "seed-demo", "--if-empty"]).output
    refused = runner.invoke(args=["hub", "seed-demo"])
    assert refused.exit_code != 0 and "fresh database" in refused.output


def test_demo_content_is_one_toml_file_per_tenant_read_with_the_standard_library():
    demo = load_demo_content()
    slugs = [tenant["slug"] for tenant in demo.tenants]
    assert sorted(f"{slug}.toml" for slug in slugs) == sorted(
        path.name for path in DATA_DIR.glob("*.toml")
    )
    assert (len(demo.tenants), len(demo.entries), len(demo.adoptions)) == (6, 82, 13)
    assert {entry["tenant"] for entry in demo.entries} <= set(slugs)
    refs = [entry["ref"] for entry in demo.entries]
    assert len(refs) == len(set(refs)), "every entry has its own ref"


def test_demo_has_follows_and_notifications_a_newcomer_sees(session, report):
    from hanse_hub.notifications import services as notifications

    def account(slug, role):
        return session.scalar(select(User).where(User.email == demo_email(slug, role)))

    assert report.follows >= 5
    luebeck_admin = account("luebeck", "admin")
    news = notifications.visible_notifications(luebeck_admin, limit=200)
    assert {row.reason for row in news} >= {"follow_topic"}
    assert all(row.entry.tenant.slug != "luebeck" for row in news if row.reason == "follow_topic")
    rostock_editor = account("rostock", "editor")
    told = {row.event for row in notifications.visible_notifications(rostock_editor, limit=200)}
    assert {"adoption_recorded", "review_due"} <= told
    assert notifications.unread_count(rostock_editor) > 0
