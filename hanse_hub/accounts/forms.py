"""HTML forms of the accounts domain (validated at the edge, CSRF-protected)."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from hanse_hub.web.forms import BaseForm


def email_validators(required_message) -> list:
    """Required, shaped like an e-mail address (not checked for deliverability), ≤ 320 chars."""
    return [
        DataRequired(required_message),
        Email(_l("Bitte geben Sie eine gültige E-Mail-Adresse ein."), check_deliverability=False),
        Length(max=320, message=_l("Höchstens 320 Zeichen.")),
    ]


class LoginForm(BaseForm):
    email = EmailField(
        _l("E-Mail-Adresse"),
        validators=email_validators(_l("Bitte geben Sie Ihre E-Mail-Adresse ein.")),
    )
    password = PasswordField(
        _l("Passwort"),
        validators=[DataRequired(_l("Bitte geben Sie Ihr Passwort ein.")), Length(max=1000)],
    )
    remember = BooleanField(_l("Angemeldet bleiben"))


class TokenForm(BaseForm):
    name = StringField(
        _l("Wofür ist das Token?"),
        validators=[
            DataRequired(_l("Bitte geben Sie an, wofür das Token ist.")),
            Length(max=100, message=_l("Höchstens 100 Zeichen.")),
        ],
    )
    read_only = BooleanField(_l("Nur lesen"))


class RevokeTokenForm(BaseForm):
    """Only the CSRF token: revoking changes state, so it is a POST."""


def _new_password_fields():
    return (
        PasswordField(
            _l("Neues Passwort"),
            description=_l("Mindestens 12 Zeichen."),
            validators=[
                DataRequired(_l("Bitte geben Sie ein neues Passwort ein.")),
                Length(max=1000, message=_l("Höchstens 1000 Zeichen.")),
            ],
        ),
        PasswordField(
            _l("Neues Passwort wiederholen"),
            validators=[
                DataRequired(_l("Bitte wiederholen Sie das neue Passwort.")),
                EqualTo("new_password", _l("Die beiden Passwörter stimmen nicht überein.")),
            ],
        ),
    )


class PasswordChangeForm(BaseForm):
    current_password = PasswordField(
        _l("Bisheriges Passwort"),
        validators=[
            DataRequired(_l("Bitte geben Sie Ihr bisheriges Passwort ein.")),
            Length(max=1000, message=_l("Höchstens 1000 Zeichen.")),
        ],
    )
    new_password, new_password_confirm = _new_password_fields()


class ForgotPasswordForm(BaseForm):
    email = EmailField(
        _l("E-Mail-Adresse Ihres Kontos"),
        validators=email_validators(_l("Bitte geben Sie Ihre E-Mail-Adresse ein.")),
    )


class ResetPasswordForm(BaseForm):
    new_password, new_password_confirm = _new_password_fields()


class InvitationSignupForm(BaseForm):
    display_name = StringField(
        _l("Ihr Name"),
        description=_l("So sehen andere Mitarbeiter*innen Sie, z. B. „Jana Kruse“."),
        validators=[
            DataRequired(_l("Bitte geben Sie Ihren Namen an.")),
            Length(max=120, message=_l("Höchstens 120 Zeichen.")),
        ],
    )
    new_password, new_password_confirm = _new_password_fields()


class AcceptInvitationForm(BaseForm):
    """Only the CSRF token: accepting changes state, so it is a POST."""


class DeleteAccountForm(BaseForm):
    password = PasswordField(
        _l("Ihr Passwort"),
        description=_l("Zur Bestätigung, dass wirklich Sie Ihr Konto löschen."),
        validators=[
            DataRequired(_l("Bitte geben Sie Ihr Passwort ein.")),
            Length(max=1000, message=_l("Höchstens 1000 Zeichen.")),
        ],
    )
    confirm = BooleanField(
        _l("Ich möchte mein Konto löschen. Das lässt sich nicht rückgängig machen."),
        validators=[DataRequired(_l("Bitte bestätigen Sie, dass Sie Ihr Konto löschen möchten."))],
    )


class SecondFactorForm(BaseForm):
    code = StringField(
        _l("Code"),
        description=_l(
            "Der sechsstellige Code aus Ihrer Authenticator-App – oder einer Ihrer "
            "Wiederherstellungscodes."
        ),
        validators=[
            DataRequired(_l("Bitte geben Sie den Code ein.")),
            Length(max=40, message=_l("Höchstens 40 Zeichen.")),
        ],
    )


class ConfirmEnrolmentForm(BaseForm):
    code = StringField(
        _l("Code aus der App"),
        description=_l("Der sechsstellige Code, den Ihre App jetzt anzeigt."),
        validators=[
            DataRequired(_l("Bitte geben Sie den Code aus Ihrer App ein.")),
            Length(max=40, message=_l("Höchstens 40 Zeichen.")),
        ],
    )
