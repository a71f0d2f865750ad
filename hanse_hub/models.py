"""Imports every model module, so that the metadata is complete wherever it is needed."""

from hanse_hub.accounts.invitations import Invitation
from hanse_hub.accounts.models import (
    AuditEvent,
    LoginSession,
    Membership,
    PersonalAccessToken,
    User,
)
from hanse_hub.accounts.resets import PasswordReset
from hanse_hub.content.models import (
    Adoption,
    Attachment,
    Contact,
    Entry,
    EntryTag,
    Event,
    LessonLearned,
    Material,
    Revision,
    SlugRedirect,
    Solution,
    Topic,
)
from hanse_hub.database import ContentGeneration
from hanse_hub.freeze.models import HubFlag
from hanse_hub.mail_outbox import OutgoingMail
from hanse_hub.notifications.models import (
    FeedToken,
    Follow,
    Notification,
    NotificationSettings,
)
from hanse_hub.questions.models import Answer, Question, QuestionRevision
from hanse_hub.search.models import SearchJob, SearchState, SearchWord
from hanse_hub.tenants.models import Tenant

__all__ = [
    "Adoption",
    "Answer",
    "Attachment",
    "AuditEvent",
    "Contact",
    "ContentGeneration",
    "Entry",
    "EntryTag",
    "Event",
    "FeedToken",
    "Follow",
    "HubFlag",
    "Invitation",
    "LessonLearned",
    "LoginSession",
    "Material",
    "Membership",
    "Notification",
    "NotificationSettings",
    "OutgoingMail",
    "PasswordReset",
    "PersonalAccessToken",
    "Question",
    "QuestionRevision",
    "Revision",
    "SearchJob",
    "SearchState",
    "SearchWord",
    "SlugRedirect",
    "Solution",
    "Tenant",
    "Topic",
    "User",
]
