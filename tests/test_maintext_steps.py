"""Numbered steps that begin above the run (session 6, issue 4). Whole-page cases:
tests/fixtures/maintext/recipe_steps_above_run (taken) and counter_above_run_not_steps (must not
change); these tests pin the pieces."""

from __future__ import annotations

from cleaner.maintext_steps import step_number, steps_start

RECIPE = ["Zutaten", "250 g Mehl", "Zubereitung", "1", "Vorbereiten", "Milch erwärmen.", "2", "Hefeteig",
          "Mehl mit Hefe vermischen und den Teig gehen lassen, bis er doppelt so groß ist.", "3", "Belag"]


def _open(k: int) -> bool:
    return True


def test_steps_above_the_run_start_it_at_step_one():
    assert steps_start(8, 11, RECIPE.__getitem__, _open, look=6, max_gap=6) == 3


def test_steps_must_count_down_to_one():
    no_one = [t if t != "1" else "Vorbereiten" for t in RECIPE]
    assert steps_start(8, 11, no_one.__getitem__, _open, look=6, max_gap=6) == 8


def test_a_barrier_or_a_removed_line_between_steps_stops_the_walk():
    assert steps_start(8, 11, RECIPE.__getitem__, lambda k: k != 4, look=6, max_gap=6) == 8


def test_steps_too_far_apart_or_off_are_not_taken():
    assert steps_start(8, 11, RECIPE.__getitem__, _open, look=6, max_gap=2) == 8
    assert steps_start(8, 11, RECIPE.__getitem__, _open, look=0, max_gap=6) == 8
    assert steps_start(8, 11, RECIPE.__getitem__, _open, look=1, max_gap=6) == 8  # "3" not among the first lines


def test_step_numbers_are_bare_numbers():
    assert [step_number(t) for t in ("1", "2.", "3)", " 4 ")] == [1, 2, 3, 4]
    assert [step_number(t) for t in ("1/199", "125 g Mehl", "2019", "Schritt 2", "")] == [None] * 5
