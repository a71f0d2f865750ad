"""Handlungsfelder: the managed topic taxonomy, edited by hub admins."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from hanse_hub.extensions import db

# The default taxonomy is seeded by the first migration; hub admins edit it afterwards.


class Topic(db.Model):
    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name_de: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer, default=0)

    def name(self, language: str = "de") -> str:
        return self.name_en if language == "en" else self.name_de

    def __repr__(self) -> str:
        return f"<Topic {self.slug}>"
