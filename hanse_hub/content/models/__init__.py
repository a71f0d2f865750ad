"""The content aggregates; importing this package registers every content table."""

from hanse_hub.content.models.adoption import Adoption, AdoptionStatus
from hanse_hub.content.models.attachment import Attachment
from hanse_hub.content.models.entry import (
    MAX_TEXT,
    Entry,
    EntryKind,
    EntryStatus,
    EntryTag,
    Revision,
    SlugRedirect,
    Visibility,
)
from hanse_hub.content.models.kinds import (
    Contact,
    Event,
    LessonLearned,
    MaintenanceType,
    Material,
    Maturity,
    SoftwareType,
    Solution,
)
from hanse_hub.content.models.topic import Topic

__all__ = [
    "MAX_TEXT",
    "Adoption",
    "AdoptionStatus",
    "Attachment",
    "Contact",
    "Entry",
    "EntryKind",
    "EntryStatus",
    "EntryTag",
    "Event",
    "LessonLearned",
    "MaintenanceType",
    "Material",
    "Maturity",
    "Revision",
    "SlugRedirect",
    "SoftwareType",
    "Solution",
    "Topic",
    "Visibility",
]
