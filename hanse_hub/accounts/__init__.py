"""Accounts: people, their memberships in tenants, login sessions and the audit log."""
