"""The second factor in Chromium: setting it up with the secret shown on the page, the
recovery codes, and the code asked after the password – each page without axe-core
violations, in German and English."""

from __future__ import annotations

import re
import time

import pyotp
import pytest

from hanse_hub.demo.seed import demo_email
from tests.browser.harness import DEMO_PASSWORD, PLAYWRIGHT_MISSING, axe_unavailable_reason
from tests.browser.test_accessibility import axe_violations, describe

expect = pytest.importorskip("playwright.sync_api", reason=PLAYWRIGHT_MISSING).expect

pytestmark = pytest.mark.skipif(
    axe_unavailable_reason() is not None, reason=str(axe_unavailable_reason())
)

# One demo account per language: enrolling changes the account for the rest of the run.
PERSON = {"de": demo_email("wismar", "reader"), "en": demo_email("stralsund", "reader")}


def _no_violations(page, where: str, language: str) -> None:
    expect(page.locator("html")).to_have_attribute("lang", re.compile(f"^{language}"))
    violations = axe_violations(page)
    assert not violations, describe(violations, where)


def _password_step(page, email: str) -> None:
    page.goto("/anmelden")
    page.get_by_label(re.compile("^(E-Mail|Email)")).fill(email)
    page.get_by_label(re.compile("^(Passwort|Password)")).fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name=re.compile("^(Anmelden|Log in)$")).click()


@pytest.mark.parametrize("language", ["de", "en"])
def test_setting_up_and_using_the_second_factor_pages_have_no_wcag_violations(
    new_context, language
):
    page = new_context().new_page()
    if language == "en":
        page.goto("/")
        page.get_by_role("link", name="English", exact=True).or_(
            page.get_by_role("button", name="English", exact=True)
        ).first.click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
    email = PERSON[language]
    _password_step(page, email)
    page.goto("/konto/zweiter-faktor")
    page.get_by_role("main").get_by_role(
        "button", name=re.compile("^(Zweiten Faktor einrichten|Set up the second factor)$")
    ).click()
    secret = page.locator("figcaption code.secret").inner_text().replace(" ", "")
    page.get_by_label(re.compile("^(Code aus der App|Code from the app)")).fill(
        pyotp.TOTP(secret).now()
    )
    page.get_by_role("main").get_by_role(
        "button", name=re.compile("^(Einrichten abschließen|Finish setup)$")
    ).click()
    expect(page.locator("ul.recovery-codes li")).to_have_count(10)
    _no_violations(page, f"recovery codes ({language})", language)
    page.get_by_role("button", name=re.compile("^(Abmelden|Log out)$")).click()

    _password_step(page, email)
    expect(page).to_have_url(re.compile("/anmelden/zweiter-faktor$"))
    _no_violations(page, f"second factor after the password ({language})", language)
    field = page.get_by_label(re.compile("^Code"))
    field.fill("000000")
    page.get_by_role("main").get_by_role(
        "button", name=re.compile("^(Bestätigen|Confirm)$")
    ).click()
    expect(page.get_by_label(re.compile("^Code"))).to_have_attribute("aria-invalid", "true")
    _no_violations(page, f"second factor with a wrong code ({language})", language)
    page.get_by_label(re.compile("^Code")).fill(pyotp.TOTP(secret).at(time.time() + 30))
    page.get_by_role("main").get_by_role(
        "button", name=re.compile("^(Bestätigen|Confirm)$")
    ).click()
    expect(page.get_by_role("button", name=re.compile("^(Abmelden|Log out)$"))).to_be_visible()
