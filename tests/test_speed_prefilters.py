"""Cheap tests that skip costly work must give the answers of the work they skip (same output)."""

from __future__ import annotations

import random

from cleaner import Cleaner
from cleaner.maintext_steps import _STEP, step_number
from cleaner.metadata.textdates import _YEAR, _labels, _years_by_line
from cleaner.ruleset.literals import fold


def _random_lines(rng: random.Random, alphabet: str, n: int, most: int) -> list[str]:
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, most))) for _ in range(n)]


def test_year_lines_are_those_a_full_search_finds():
    """_years_by_line searches only lines with two digits in a row that hold "19", "20" or two of
    "." and "/": every line where `_YEAR` matches anywhere must still be found, with all spans."""
    rng = random.Random(3)
    alphabet = "0123456789  ./-:aT١٢"
    for _ in range(300):
        texts = _random_lines(rng, alphabet, rng.randint(1, 12), 30)
        want = {k: [m.span() for m in _YEAR.finditer(t)] for k, t in enumerate(texts)}
        assert _years_by_line(texts) == {k: v for k, v in want.items() if v}, texts


def test_step_number_length_guard():
    rng = random.Random(5)
    for line in _random_lines(rng, "0123456789.) x١", 3000, 6):
        m = _STEP.fullmatch(line.strip())
        assert step_number(line) == (int(m.group(1)) if m else None), line


def test_date_label_search_rules_out_only_lines_no_label_matches():
    """RuleSet.date_label_search: a line in whose folded text it finds nothing gets no label from
    any rule tried one by one."""
    rs = Cleaner().ruleset_for(None)
    assert rs.date_label_search is not None
    words = [s for r in rs.date_labels if r.needs is not None for s in r.needs.strings]
    rng = random.Random(9)
    lines = [" ".join(rng.choice([*words, "Mai", "2019", "am", "STAND", "Posted:", "x"]) for _ in range(4))
             for _ in range(500)]
    for line in lines:
        every = [(m.start(), m.end(), r) for r in rs.date_labels for m in r.pattern.finditer(line) if m.end() > m.start()]
        if rs.date_label_search(fold(line)) is None:
            assert every == [], line
        def key(x):
            return x[0], x[1], x[2].id
        assert sorted(_labels(rs, line), key=key) == sorted(every, key=key), line
