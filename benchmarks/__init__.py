"""Benchmarks over ../shared/eval (quality, speed, sites). Not part of the installed library."""
