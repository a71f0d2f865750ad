"""Content: the entries cities share (solutions, lessons learned, contacts, events, materials)."""
