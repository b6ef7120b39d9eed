"""The lead list: model and widget."""
