"""The web interface: pages, error pages and response security."""
