"""Widgets and Qt models. Widgets never run SQL or touch pjsua2 directly."""
