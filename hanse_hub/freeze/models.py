"""Flags of this installation (not knowledge of the hub: not exported)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from hanse_hub.database import UTCDateTime
from hanse_hub.extensions import db

FROZEN = "frozen"


class HubFlag(db.Model):
    """An operator's switch for the whole installation, seen by every process (e.g. the freeze)."""

    __tablename__ = "hub_flags"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
