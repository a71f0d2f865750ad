"""HTML forms of the accounts domain (validated at the edge, CSRF-protected)."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, Length


class LoginForm(FlaskForm):
    email = EmailField(
        "E-Mail-Adresse",
        validators=[
            DataRequired("Bitte geben Sie Ihre E-Mail-Adresse ein."),
            Email("Bitte geben Sie eine gültige E-Mail-Adresse ein.", check_deliverability=False),
            Length(max=320),
        ],
    )
    password = PasswordField(
        "Passwort",
        validators=[DataRequired("Bitte geben Sie Ihr Passwort ein."), Length(max=1000)],
    )
    remember = BooleanField("Angemeldet bleiben")


class TokenForm(FlaskForm):
    name = StringField(
        "Wofür ist das Token?",
        validators=[
            DataRequired("Bitte geben Sie an, wofür das Token ist."),
            Length(max=100, message="Höchstens 100 Zeichen."),
        ],
    )
    read_only = BooleanField("Nur lesen")


class RevokeTokenForm(FlaskForm):
    """Only the CSRF token: revoking changes state, so it is a POST."""
