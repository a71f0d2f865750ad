"""The REST API (``/api/v1``): every capability of the hub for scripts and other tools."""
