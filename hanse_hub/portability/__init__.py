"""Moving a hub: export into open files, import from them (issue #14)."""
