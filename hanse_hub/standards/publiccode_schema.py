"""The vocabularies of publiccode.yml v0 (the standard's lists, as the reference parser
checks them): versions, categories, scopes, aliases, enumerations."""

from __future__ import annotations

SUPPORTED_VERSIONS = (
    "0", "0.2", "0.2.0", "0.2.1", "0.2.2", "0.3", "0.3.0", "0.4", "0.4.0", "0.5.0", "0.5",
    "0.7.0", "0.7",
)  # fmt: skip
# Versions the reference parses as the latest one, with a warning.
OLD_VERSIONS = ("0.2", "0.2.0", "0.2.1", "0.2.2", "0.3", "0.3.0", "0.4", "0.4.0")
LATEST = "0"
LATEST_NUMBER = "0.7"

DEVELOPMENT_STATUSES = ("concept", "development", "beta", "stable", "obsolete")
SOFTWARE_TYPES = (
    "standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web",
    "standalone/backend", "standalone/other", "addon", "library", "configurationFiles",
)  # fmt: skip
MAINTENANCE_TYPES = ("internal", "contract", "community", "none")
IT_EXTENSION_VERSIONS = ("0.2", "1.0")

CATEGORIES = frozenset(
    ["accounting", "agile-project-management", "applicant-tracking", "application-development", "appointment-scheduling", "backup", "billing-and-invoicing", "blog", "budgeting", "business-intelligence", "business-process-management", "cad", "call-center-management", "cloud-management", "collaboration", "communications", "compliance-management", "contact-management", "content-management", "crm", "customer-service-and-support", "data-analytics", "data-collection", "data-visualization", "design", "design-system", "digital-asset-management", "digital-citizenship", "document-management", "donor-management", "e-commerce", "e-signature", "educational-content", "email-management", "email-marketing", "employee-management", "enterprise-project-management", "enterprise-social-networking", "erp", "event-management", "facility-management", "feedback-and-reviews-management", "financial-reporting", "fleet-management", "fundraising", "gamification", "geographic-information-systems", "grant-management", "graphic-design", "help-desk", "hr", "ide", "identity-management", "instant-messaging", "integrated-library-system", "inventory-management", "it-asset-management", "it-development", "it-management", "it-security", "it-service-management", "knowledge-management", "learning-management-system", "marketing", "mind-mapping", "mobile-marketing", "mobile-payment", "network-management", "office", "online-booking", "online-community", "other", "payment-gateway", "payroll", "predictive-analysis", "procurement", "productivity-suite", "project-collaboration", "project-management", "property-management", "real-estate-management", "regulations-and-directives", "remote-support", "resource-management", "sales-management", "seo", "service-desk", "social-media-management", "survey", "talent-management", "task-management", "taxes-management", "test-management", "time-management", "time-tracking", "translation", "video-conferencing", "video-editing", "visitor-management", "voip", "warehouse-management", "web-collaboration", "web-conferencing", "whistleblowing", "website-builder", "workflow-management"]
)
SCOPES = frozenset(
    ["agriculture", "culture", "defence", "education", "emergency-services", "employment", "energy", "environment", "finance-and-economic-development", "foreign-affairs", "government", "healthcare", "infrastructures", "justice", "local-authorities", "manufacturing", "research", "science-and-technology", "security", "society", "sport", "tourism", "transportation", "welfare"]
)
# ``supports[].id: alias:<name>`` (the standard's aliases list).
ALIASES = frozenset(
    ["gdpr", "spid", "cie", "pagopa", "anpr", "io", "eidas", "nis2", "ai-act", "dora", "cra", "accessibility-act"]
)
IMAGE_EXTENSIONS = (".svg", ".svgz", ".png")
