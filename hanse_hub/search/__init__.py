"""Search: German analysis, two backends behind one interface, an outbox for indexing."""
