"""Tenants: the cities, the alliance office and partners that own content."""
