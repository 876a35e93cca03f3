"""Numbered steps that begin above the run (session 6, issue 4). Whole-page cases:
tests/fixtures/maintext/recipe_steps_above_run (taken) and counter_above_run_not_steps (must not
change); these tests pin the pieces."""

from __future__ import annotations

from cleaner.maintext_steps import step_blocks, step_number, steps_start

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


METHOD = ["Nährwerte", "Kalorien 434 kcal", "Zubereitung", "1.", "Den Haferdrink aufkochen und zwei Minuten köcheln lassen.",
          "2.", "Schritt", "Die Nüsse rösten und den Apfel in Würfel schneiden.", "Ähnliche Rezepte", "1", "x"]


def _prose(k: int) -> bool:
    return METHOD[k].endswith(".") and len(METHOD[k]) > 12


def test_a_block_of_steps_one_to_n_with_prose_is_found():
    assert step_blocks(len(METHOD), METHOD.__getitem__, _open, _prose, min_steps=2, max_gap=6) == [(3, 8)]


def test_too_few_steps_or_a_barrier_before_the_next_step_make_no_block():
    assert step_blocks(len(METHOD), METHOD.__getitem__, _open, _prose, min_steps=3, max_gap=6) == []
    assert step_blocks(len(METHOD), METHOD.__getitem__, lambda k: k != 5, _prose, min_steps=2, max_gap=6) == []
    assert step_blocks(len(METHOD), METHOD.__getitem__, _open, _prose, min_steps=0, max_gap=6) == []


def test_numbered_comments_are_no_steps():
    thread = ["1", "Ann Miller 07.16.12 at 08:34", "I have always liked this quote of his.",
              "2", "Ian Brown 07.16.12 at 12:20", "I agree that reading the masters is good."]
    assert step_blocks(6, thread.__getitem__, _open, lambda k: k in (2, 5), min_steps=2, max_gap=4) == [(0, 6)]
    assert step_blocks(6, thread.__getitem__, _open, lambda k: k in (2, 5), min_steps=2, max_gap=4,
                       dated=lambda t: any(c.isdigit() for c in t)) == []
