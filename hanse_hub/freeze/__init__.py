"""The read-only freeze: the hub stays online for reading and searching, and writes nothing."""
