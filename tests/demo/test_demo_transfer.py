"""The demo hub shows knowledge moving in every direction its adoptions record."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hanse_hub.accounts.models import Role
from hanse_hub.content.models import Adoption, EntryStatus
from hanse_hub.content.transfer import transfer_stats
from hanse_hub.demo.seed import seed_demo
from hanse_hub.policy import Actor
from hanse_hub.tenants.models import Tenant
from tests.conftest import rolled_back_session


@pytest.fixture(scope="module")
def session(app):
    with rolled_back_session() as scoped:
        seed_demo(fixed_password="demo-passwort-2026")
        yield scoped


def test_the_demo_shows_a_flow_for_every_direction_its_adoptions_record(session):
    tenants = session.scalars(select(Tenant)).all()
    reader_everywhere = Actor(user_id=-1, roles={t.id: Role.READER for t in tenants})
    recorded = {
        (a.solution.tenant.slug, a.tenant.slug)
        for a in session.scalars(select(Adoption).where(Adoption.deleted_at.is_(None)))
        if a.solution.status in (EntryStatus.PUBLISHED, EntryStatus.ARCHIVED)
        and a.solution.deleted_at is None
    }
    stats = transfer_stats(reader_everywhere)
    shown = {key for key, flow in stats.flows.items() if flow.total}
    assert shown == recorded
    assert len(shown) >= 4
    assert {source for source, _target in shown} >= {"rostock", "luebeck", "stralsund"}
