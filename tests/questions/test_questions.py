"""Questions on entries: who may ask, see, answer, mark helpful and hide; where a question
goes (never to a contact who left); notifications and mails; the entry page; DSGVO export."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from hanse_hub.accounts import services as accounts
from hanse_hub.accounts.models import AuditEvent, Role
from hanse_hub.accounts.privacy import export_user_data
from hanse_hub.content import services as content
from hanse_hub.content.models import EntryKind
from hanse_hub.extensions import db
from hanse_hub.notifications.models import Notification
from hanse_hub.notifications.services import visible_notifications
from hanse_hub.policy import Actor, PermissionDenied
from hanse_hub.questions import services
from hanse_hub.questions.models import QuestionAudience, QuestionRevision
from tests.admin.helpers import mails_to
from tests.factories import csrf_token

TEXT = "Wie habt ihr die Sensoren ausgeschrieben?"


@pytest.fixture
def contact_person(factory, rostock):
    """A Rostock reader (not an editor) who is the named contact person of the solution."""
    return factory.user(rostock, Role.READER, email="jana.kruse@rostock.example")


@pytest.fixture
def solution(factory, rostock, editor, contact_person):
    contact = factory.entry(
        rostock,
        kind=EntryKind.CONTACT,
        author=editor,
        person_name="Jana Kruse",
        email="jana.kruse@rostock.example",
    )
    contact.user_id = contact_person.id
    return factory.entry(rostock, author=editor, title="Parksensoren", contact_ids=[contact.id])


@pytest.fixture
def asker(factory, luebeck):
    return factory.user(luebeck, Role.EDITOR, email="asker@luebeck.example")


def notified(user) -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id)))


def test_a_member_of_another_city_asks_and_contact_and_editors_are_notified(
    solution, asker, editor, contact_person
):
    question = services.ask_question(Actor.of(asker), solution, TEXT)
    assert question.text == TEXT and question.audience == QuestionAudience.ENTRY
    assert [n.event for n in notified(contact_person)] == ["question_asked"]
    assert [n.reason for n in notified(contact_person)] == ["question_contact"]
    assert [n.reason for n in notified(editor)] == ["question_editor"]
    assert notified(asker) == []
    revision = db.session.scalar(select(QuestionRevision))
    assert (revision.action, revision.previous_state) == ("created", None)


def test_anonymous_visitors_and_deactivated_accounts_cannot_ask(solution, asker):
    with pytest.raises(PermissionDenied):
        services.ask_question(Actor(), solution, TEXT)
    accounts.deactivate_user(None, asker)
    with pytest.raises(PermissionDenied):
        services.ask_question(Actor.of(asker), solution, TEXT)


def test_too_short_a_question_is_refused_on_its_field(solution, asker):
    with pytest.raises(services.QuestionError) as refused:
        services.ask_question(Actor.of(asker), solution, "Wie?")
    assert refused.value.field == "text"


def test_asking_is_limited_per_person(solution, asker, factory, luebeck):
    for number in range(services.ASK_LIMIT):
        services.ask_question(Actor.of(asker), solution, f"{TEXT} Teil {number}")
    with pytest.raises(services.TooManyQuestions) as limited:
        services.ask_question(Actor.of(asker), solution, TEXT)
    assert 0 < limited.value.retry_after <= services.ASK_WINDOW.total_seconds() + 1
    colleague = factory.user(luebeck, Role.READER)
    services.ask_question(Actor.of(colleague), solution, TEXT)  # another person is not limited


def test_a_question_to_a_contact_who_left_goes_to_the_editors_and_the_page_says_so(
    solution, asker, editor, contact_person, client, factory
):
    contact = solution.contacts[0]
    content.update_entry(Actor.of(editor), contact, {"left_at": date.today() - timedelta(days=1)})
    services.ask_question(Actor.of(asker), solution, TEXT)
    assert notified(contact_person) == []
    assert [n.reason for n in notified(editor)] == ["question_editor"]
    factory.login(client, asker)
    page = client.get(f"/t/rostock/{solution.slug}").get_data(as_text=True)
    assert (
        "Jana Kruse ist nicht mehr erreichbar; Ihre Frage geht an die Redaktion der "
        "Hansestadt Rostock." in page
    )


def test_deactivating_a_linked_account_marks_its_contact_as_left(solution, contact_person):
    contact = solution.contacts[0]
    accounts.deactivate_user(None, contact_person)
    assert contact.left_at is not None
    assert services.routing_for(Actor(), solution, date.today()).left == [contact]
    history = content.history_of(Actor.of(solution.author), contact)
    assert history[0].revision.action == "left" and history[0].changed == ["left_at"]


def test_a_contact_without_account_gets_the_question_by_mail_unless_it_is_owner_only_elsewhere(
    app, factory, rostock, wismar, editor, asker
):
    foreign = factory.entry(
        wismar, kind=EntryKind.CONTACT, person_name="Ole Hansen", email="ole@wismar.example"
    )
    solution = factory.entry(rostock, author=editor, contact_ids=[foreign.id])
    services.ask_question(Actor.of(asker), solution, TEXT)
    services.ask_question(Actor.of(asker), solution, TEXT + " (intern)", QuestionAudience.OWNER)
    mails = mails_to(app, "ole@wismar.example")
    assert len(mails) == 1
    assert TEXT in mails[0].get_content() and "(intern)" not in mails[0].get_content()


def test_a_mail_queued_before_the_question_was_hidden_is_not_sent(
    app, factory, rostock, editor, asker
):
    person = factory.entry(
        rostock, kind=EntryKind.CONTACT, person_name="Ida Berg", email="ida@rostock.example"
    )
    solution = factory.entry(rostock, author=editor, contact_ids=[person.id])
    question = services.ask_question(Actor.of(asker), solution, TEXT)
    services.hide_question(Actor.of(editor), question, "Doppelt gestellt")
    assert mails_to(app, "ida@rostock.example") == []


def test_answers_are_marked_helpful_by_the_asker_only_and_come_first(
    solution, asker, editor, contact_person, factory, wismar
):
    first = services.ask_question(Actor.of(asker), solution, TEXT)
    second = services.ask_question(Actor.of(asker), solution, TEXT + " Und die Kosten?")
    answer = services.answer_question(Actor.of(contact_person), first, "Offenes Verfahren, 2025.")
    services.answer_question(Actor.of(editor), second, "Etwa 40.000 Euro im Jahr.")
    assert [n.event for n in notified(asker)] == ["question_answered", "question_answered"]
    with pytest.raises(PermissionDenied):
        services.mark_helpful(Actor.of(editor), answer)
    services.mark_helpful(Actor.of(asker), answer)
    stranger = Actor.of(factory.user(wismar, Role.READER))
    assert services.questions_on(stranger, solution) == [first, second]
    assert services.my_questions_with_new_answers(Actor.of(asker)) == [second, first]
    services.mark_seen_by_asker(Actor.of(asker), [first, second])
    assert services.my_questions_with_new_answers(Actor.of(asker)) == []


def test_hidden_questions_are_kept_audited_seen_only_by_editors_and_author_who_is_told(
    solution, asker, editor, factory, wismar
):
    question = services.ask_question(Actor.of(asker), solution, TEXT)
    other_editor = Actor.of(factory.user(wismar, Role.EDITOR))
    with pytest.raises(PermissionDenied):
        services.hide_question(other_editor, question, "Spam")
    with pytest.raises(services.QuestionError):
        services.hide_question(Actor.of(editor), question, "  ")
    services.hide_question(Actor.of(editor), question, "Enthält Namen Dritter")
    assert question.hidden_reason == "Enthält Namen Dritter"
    assert services.questions_on(other_editor, solution) == []
    assert services.questions_on(Actor.of(editor), solution) == [question]
    assert services.questions_on(Actor.of(asker), solution) == [question]
    assert [n.event for n in notified(asker)] == ["question_hidden"]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "question_hidden"))
    assert event.detail["reason"] == "Enthält Namen Dritter"
    with pytest.raises(PermissionDenied):
        services.answer_question(Actor.of(editor), question, "Eine Antwort auf Verborgenes.")


def test_owner_only_questions_are_seen_by_the_owning_city_and_the_asker_only(
    solution, asker, factory, rostock, luebeck, wismar
):
    question = services.ask_question(Actor.of(asker), solution, TEXT, QuestionAudience.OWNER)
    sees = {
        "rostock reader": Actor.of(factory.user(rostock, Role.READER)),
        "asker": Actor.of(asker),
    }
    blind = {
        "anonymous": Actor(),
        "wismar reader": Actor.of(factory.user(wismar, Role.READER)),
        "asker's colleague": Actor.of(factory.user(luebeck, Role.EDITOR)),
    }
    assert {who: services.questions_on(a, solution) for who, a in sees.items()} == {
        who: [question] for who in sees
    }
    assert {who: services.questions_on(a, solution) for who, a in blind.items()} == {
        who: [] for who in blind
    }


def test_notifications_follow_the_visibility_at_reading_time(
    solution, asker, editor, contact_person
):
    question = services.ask_question(Actor.of(asker), solution, TEXT)
    answer = services.answer_question(Actor.of(contact_person), question, "Mit Losen, 2025.")
    assert [n.event for n in visible_notifications(asker)] == ["question_answered"]
    content.update_entry(Actor.of(editor), solution, {"visibility": "internal"})
    assert visible_notifications(asker) == []  # the entry became internal after the answer
    content.update_entry(Actor.of(editor), solution, {"visibility": "public"})
    services.hide_answer(Actor.of(editor), answer, "Falsch")
    told = [n.event for n in visible_notifications(contact_person)]
    assert told == ["answer_hidden", "question_asked"]


def test_questions_and_answers_are_in_the_dsgvo_export(solution, asker, contact_person):
    question = services.ask_question(Actor.of(asker), solution, TEXT)
    services.answer_question(Actor.of(contact_person), question, "Offenes Verfahren, 2025.")
    assert [q["text"] for q in export_user_data(asker)["questions_asked"]] == [TEXT]
    given = export_user_data(contact_person)["answers_given"]
    assert [a["text"] for a in given] == ["Offenes Verfahren, 2025."]


# -- the entry page ------------------------------------------------------------------------------


def test_asking_answering_and_marking_helpful_through_the_entry_page(
    client, factory, solution, asker, contact_person
):
    path = f"/t/rostock/{solution.slug}"
    factory.login(client, asker)
    response = client.post(
        f"/eintraege/{solution.id}/fragen",
        data={"csrf_token": csrf_token(client, path), "text": TEXT, "audience": "entry"},
    )
    assert response.status_code == 303
    question = db.session.scalar(select(services.Question))
    assert question.text == TEXT
    client.post("/abmelden", data={"csrf_token": csrf_token(client, path)})
    factory.login(client, contact_person)
    response = client.post(
        f"/fragen/{question.id}/antworten",
        data={"csrf_token": csrf_token(client, path), f"a{question.id}-text": "Offen, 2025."},
    )
    assert response.status_code == 303
    client.post("/abmelden", data={"csrf_token": csrf_token(client, path)})
    factory.login(client, asker)
    answer = db.session.scalar(select(services.Answer))
    response = client.post(
        f"/antworten/{answer.id}/hilfreich", data={"csrf_token": csrf_token(client, path)}
    )
    assert response.status_code == 303
    page = client.get(path).get_data(as_text=True)
    assert "Fragen und Antworten" in page and "Offen, 2025." in page and "Hilfreich" in page


def test_a_question_too_short_is_shown_again_with_its_text_and_error(
    client, factory, solution, asker
):
    path = f"/t/rostock/{solution.slug}"
    factory.login(client, asker)
    response = client.post(
        f"/eintraege/{solution.id}/fragen",
        data={"csrf_token": csrf_token(client, path), "text": "Kosten?", "audience": "entry"},
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Kosten?" in page and "zwischen 10 und 5.000 Zeichen" in page


def test_anonymous_visitors_see_answered_questions_of_public_entries_without_names(
    client, solution, asker, contact_person
):
    question = services.ask_question(Actor.of(asker), solution, TEXT)
    services.answer_question(Actor.of(contact_person), question, "Offenes Verfahren, 2025.")
    page = client.get(f"/t/rostock/{solution.slug}").get_data(as_text=True)
    assert TEXT in page and "Offenes Verfahren, 2025." in page
    assert asker.display_name not in page and "Melden Sie sich an" in page
    assert client.post(f"/eintraege/{solution.id}/fragen", data={"text": TEXT}).status_code in (
        400,
        403,
    )


def test_the_asker_opening_the_entry_page_has_seen_the_new_answers(
    client, factory, solution, asker, contact_person
):
    question = services.ask_question(Actor.of(asker), solution, TEXT)
    services.answer_question(Actor.of(contact_person), question, "Offenes Verfahren, 2025.")
    assert services.my_questions_with_new_answers(Actor.of(asker)) == [question]
    factory.login(client, asker)
    assert client.get(f"/t/rostock/{solution.slug}").status_code == 200
    db.session.expire_all()
    assert services.my_questions_with_new_answers(Actor.of(asker)) == []


def test_a_question_over_the_limit_answers_429_and_keeps_the_text(
    client, factory, solution, asker, monkeypatch
):
    monkeypatch.setattr(services, "ASK_LIMIT", 1)
    services.ask_question(Actor.of(asker), solution, TEXT)
    path = f"/t/rostock/{solution.slug}"
    factory.login(client, asker)
    response = client.post(
        f"/eintraege/{solution.id}/fragen",
        data={"csrf_token": csrf_token(client, path), "text": "Noch eine Frage dazu?"},
    )
    assert response.status_code == 429 and int(response.headers["Retry-After"]) > 0
    assert "Noch eine Frage dazu?" in response.get_data(as_text=True)


def test_mein_bereich_shows_waiting_questions_and_new_answers(
    client, factory, solution, asker, contact_person, editor
):
    question = services.ask_question(Actor.of(asker), solution, TEXT)
    factory.login(client, contact_person)
    page = client.get("/mein-bereich").get_data(as_text=True)
    assert "Fragen, die auf mich warten" in page and TEXT in page
    services.answer_question(Actor.of(editor), question, "Offenes Verfahren, 2025.")
    client.post("/abmelden", data={"csrf_token": csrf_token(client, "/mein-bereich")})
    factory.login(client, asker)
    page = client.get("/mein-bereich").get_data(as_text=True)
    assert "Neue Antworten auf meine Fragen" in page and TEXT in page
    client.post("/abmelden", data={"csrf_token": csrf_token(client, "/mein-bereich")})
    factory.login(client, contact_person)
    assert TEXT not in client.get("/mein-bereich").get_data(as_text=True)  # answered now


def test_answers_reach_the_asker_by_mail_when_their_settings_say_immediately(
    app, solution, asker, contact_person
):
    from hanse_hub.notifications.models import EmailChannel
    from hanse_hub.notifications.services import change_settings

    question = services.ask_question(Actor.of(asker), solution, TEXT)
    services.answer_question(Actor.of(contact_person), question, "Offenes Verfahren, 2025.")
    assert mails_to(app, asker.email) == []  # the default: in-app only
    change_settings(asker, email=EmailChannel.IMMEDIATE)
    second = services.ask_question(Actor.of(asker), solution, TEXT + " Und die Wartung?")
    services.answer_question(Actor.of(contact_person), second, "Wartungsvertrag, fünf Jahre.")
    mails = mails_to(app, asker.email)
    text = mails[0].get_body(preferencelist=("plain",)).get_content()
    assert len(mails) == 1 and solution.title in mails[0]["Subject"] + text


def test_a_contact_who_left_no_longer_has_questions_waiting(solution, asker, contact_person):
    services.ask_question(Actor.of(asker), solution, TEXT)
    assert len(services.questions_waiting_for(Actor.of(contact_person))) == 1
    contact = solution.contacts[0]
    content.update_entry(Actor.of(solution.author), contact, {"left_at": date.today()})
    assert services.questions_waiting_for(Actor.of(contact_person)) == []


def test_a_deleted_account_keeps_its_questions_under_the_pseudonym(
    client, solution, asker, factory
):
    from hanse_hub.accounts.privacy import pseudonymise_user
    from hanse_hub.accounts.services import PSEUDONYM_NAME

    question = services.ask_question(Actor.of(asker), solution, TEXT)
    name = asker.display_name
    pseudonymise_user(asker)
    reader = factory.user(solution.tenant, Role.READER)
    factory.login(client, reader)
    page = client.get(f"/t/rostock/{solution.slug}").get_data(as_text=True)
    assert TEXT in page and PSEUDONYM_NAME in page and name not in page
    assert question.author_id == asker.id


def test_purging_an_entry_erases_its_questions_and_answers(solution, asker, contact_person):
    question = services.ask_question(Actor.of(asker), solution, TEXT)
    services.answer_question(Actor.of(contact_person), question, "Offenes Verfahren, 2025.")
    content.purge_entry(solution)
    db.session.expire_all()
    assert db.session.scalars(select(services.Question)).all() == []
    assert db.session.scalars(select(services.Answer)).all() == []
    assert db.session.scalars(select(QuestionRevision)).all() == []
