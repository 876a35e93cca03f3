"""Metadata helpers: dates (parse, normalise, validate) and titles."""
