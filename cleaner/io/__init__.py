"""Readers and writers: files in, cleaned records out."""
