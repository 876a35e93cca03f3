"""Errors the library raises on purpose, each with a message meant for a person."""

from __future__ import annotations


class CleanerError(Exception):
    """Base class for cleaner's own errors."""


class RuleError(CleanerError, ValueError):
    """A rule file is invalid. The message names the file, the line and the rule id.

    The attributes make it easy to show the error in an editor or a CI annotation.
    """

    def __init__(
        self,
        path: str,
        message: str,
        *,
        line: int | None = None,
        rule: str | None = None,
        key: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.rule = rule
        self.key = key
        self.reason = message
        parts = [f"{path}:{line}" if line else path]
        if rule:
            parts.append(f"rule '{rule}'")
        if key:
            parts.append(f"key '{key}'")
        super().__init__(": ".join(parts) + ": " + message)


class InputError(CleanerError, ValueError):
    """A document cannot be read (binary data, undecodable bytes, a malformed record)."""
