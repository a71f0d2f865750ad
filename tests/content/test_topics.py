"""Handlungsfelder: seeded by the first migration, managed by hub admins."""

from __future__ import annotations

import pytest

from hanse_hub.accounts.models import Role
from hanse_hub.content import topics
from hanse_hub.content.services import ContentError
from hanse_hub.policy import Actor, PermissionDenied


def test_hub_admins_add_and_rename_topics(factory):
    admin = Actor.of(factory.user(hub_admin=True))
    topic = topics.add_topic(admin, "kultur", "Kultur", "Culture")
    topics.rename_topic(admin, topic, name_de="Kultur und Freizeit")
    assert topics.get_topic("kultur").name_de == "Kultur und Freizeit"
    assert topics.list_topics()[-1].slug == "kultur"


def test_city_admins_cannot_manage_topics(factory):
    city_admin = Actor.of(factory.user(factory.tenant(), Role.ADMIN))
    with pytest.raises(PermissionDenied):
        topics.add_topic(city_admin, "kultur", "Kultur")


def test_duplicate_topics_are_refused(factory):
    with pytest.raises(ContentError):
        topics.add_topic(None, "mobilitaet", "Mobilität")


def test_removing_a_topic_keeps_the_entries(factory, session):
    city = factory.tenant()
    entry = factory.entry(city, topics=["mobilitaet", "energie"])
    topics.remove_topic(None, topics.get_topic("energie"))
    session.refresh(entry)
    assert [topic.slug for topic in entry.topics] == ["mobilitaet"]


def test_topic_cli_lists_and_adds(app, session):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["hub", "topic", "add", "kultur", "--name", "Kultur"]).exit_code == 0
    assert "kultur" in runner.invoke(args=["hub", "topic", "list"]).output
