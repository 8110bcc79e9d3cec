"""Bundled lexicons (data only): installed as ``framing.lexicons``."""
