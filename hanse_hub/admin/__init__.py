"""Administration in the web interface: a tenant's members and settings, the hub's tenants,
topics and accounts, and the audit log."""
