"""Questions to the people who know, asked on an entry, and their answers."""
