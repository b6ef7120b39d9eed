"""Settings dialog and its option pages."""
