"""Lead card: a reusable widget and its dialog."""
