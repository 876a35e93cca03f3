"""cleaner: strip boilerplate from scraped articles; keep the article's text and metadata.

    >>> from cleaner import clean
    >>> r = clean("date 2025-04-07 The article starts here.")
    >>> r.text, r.metadata["date"]
    ('The article starts here.', '2025-04-07')
"""

from .api import Cleaner, clean, detect_format
from .errors import CleanerError, InputError, RuleError
from .result import CleanResult, Removal

__all__ = [
    "Cleaner",
    "CleanResult",
    "CleanerError",
    "InputError",
    "Removal",
    "RuleError",
    "clean",
    "detect_format",
]
__version__ = "0.1.0"
