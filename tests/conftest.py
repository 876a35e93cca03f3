from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def default_cleaner():
    from cleaner import Cleaner

    return Cleaner()


@pytest.fixture(scope="session")
def example_lines():
    """`lines_of(rules)`: the normalised lines of those rules' drop/keep examples and of the seed
    fixtures, real text for the tests that check a pre-test never rules out a match."""
    from cleaner.normalize import normalize_line

    def lines_of(rules) -> list[str]:
        texts = [ex for r in rules for ex in (*r.drop, *r.keep) if isinstance(ex, str)]
        texts += [f.read_text() for f in (FIXTURES / "seeds").glob("*.txt")]
        return [normalize_line(x) for t in texts for x in t.split("\n") if normalize_line(x)]

    return lines_of
