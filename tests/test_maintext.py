"""The main-text stage: human-written page cases (tests/fixtures/maintext/), its config tables in
rule packs, and the pieces it is made of."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.errors import RuleError
from cleaner.maintext import AFTER, BEFORE, Lexicon, MainTextConfig, best_run
from cleaner.ruleset.loader import load_text
from cleaner.ruleset.pack import RuleSet

FIXTURES = Path(__file__).parent / "fixtures"

CASES = sorted((FIXTURES / "maintext").glob("*.case.txt"))


def _parse(path):
    """(url, input text, lines to keep, lines to drop) from a marked case file."""
    url, lines, keep, drop = None, [], [], []
    for raw in path.read_text(encoding="utf-8").split("\n"):
        if raw.startswith("# url:"):
            url = raw.split(":", 1)[1].strip()
            continue
        mark, text = raw[:2], raw[2:]
        if not text.strip():
            lines.append("")
            continue
        assert mark in ("+ ", "- ", "  "), f"{path.name}: bad marker in {raw!r}"
        lines.append(text)
        if mark == "+ ":
            keep.append(text.strip())
        elif mark == "- ":
            drop.append(text.strip())
    return url, "\n".join(lines), keep, drop


def test_cases_exist():
    assert len(CASES) >= 6
    assert any(p.name.startswith("keep_") for p in CASES)


def _params():
    for p in CASES:
        marks = [pytest.mark.xfail(strict=True, reason="known failure, see README")] if p.name.startswith("xfail_") else []
        yield pytest.param(p, id=p.stem, marks=marks)


def _check(path, cleaner):
    url, text, keep, drop = _parse(path)
    result = cleaner.clean(text, url=url, format="text")
    kept = {line.strip() for line in result.text.split("\n") if line.strip()}
    missing = [x for x in keep if x not in kept]
    leaked = [x for x in drop if x in kept]
    assert not missing, f"article lines removed: {missing}"
    assert not leaked, f"boilerplate lines kept: {leaked}"


@pytest.mark.parametrize("path", list(_params()))
def test_case(path, default_cleaner):
    _check(path, default_cleaner)


def test_lists_inside_articles_with_sandwich_discount(tmp_path):
    (tmp_path / "lists.toml").write_text("[maintext]\nsandwich_factor = 0.3\n")
    _check(FIXTURES / "maintext" / "recipe_list.case.txt", Cleaner(rules=tmp_path))


def test_keep_cases_change_nothing(default_cleaner):
    for path in CASES:
        if path.name.startswith("keep_"):
            _, text, keep, _ = _parse(path)
            assert default_cleaner.clean(text, format="text").text == "\n".join(keep)


def test_removals_carry_stage_ids(fixtures, default_cleaner):
    _, text, _, _ = _parse(fixtures / "maintext" / "menu_and_footer.case.txt")
    rules = {r.rule for r in default_cleaner.clean(text, format="text").removed}
    assert BEFORE in rules and AFTER in rules


def test_best_run():
    assert best_run([]) == (0, 0, 0.0)
    assert best_run([-1, -2]) == (0, 0, 0.0)
    assert best_run([5, -1, 5, -20, 3]) == (0, 3, 9)


def test_language_without_word_list_is_judged_by_shape():
    # No language pack fits Finnish: the stage still finds the prose by length and punctuation.
    menu = "\n".join(["Etusivu", "Uutiset", "Urheilu", "Kulttuuri", "Yhteystiedot"])
    body = "\n".join(
        f"Kaupunginvaltuusto päätti tiistaina rakentaa uuden koulun keskustaan vuoteen {y} mennessä, ja työt alkavat keväällä."
        for y in (2026, 2027, 2028)
    )
    r = Cleaner().clean(menu + "\n\n" + body + "\n\n" + menu, format="text")
    assert r.text == body


def test_short_text_is_left_alone():
    text = "One short line.\n\nAnd a second one."
    assert Cleaner().clean(text, format="text").text == text


PACK = '''[pack]
description = "test"

[maintext]
line_cost = 2.5
barrier_rules = ["x.heading"]
'''


def test_config_table_is_read_and_overrides_defaults():
    pack = load_text(PACK, "user.toml")
    assert pack.config["maintext"] == {"line_cost": 2.5, "barrier_rules": ("x.heading",)}
    common = load_text("[maintext]\nline_cost = 9.0\nmin_lines = 3\n", "common.toml", origin="common")
    rs = RuleSet([common, pack])
    assert rs.maintext.line_cost == 2.5  # the user layer wins
    assert rs.maintext.min_lines == 3  # keys it does not set come from below
    assert rs.maintext.barrier_rules == ("x.heading",)


def test_a_site_pack_can_switch_the_stage_off(tmp_path):
    (tmp_path / "quiet.toml").write_text('[pack]\nsites = ["example.org"]\n\n[maintext]\nenabled = false\n')
    c = Cleaner(rules=tmp_path)
    assert c.ruleset_for("https://example.org/a").maintext.enabled is False
    assert c.ruleset_for("https://other.org/a").maintext.enabled is True


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("[maintext]\nline_cost = 1.0\nbogus = 3\n", 3, "unknown key in [maintext]"),
        ("[maintext]\n\nmin_lines = -1\n", 3, "non-negative integer"),
        ("[maintext]\nstop_ratio_full = 1.5\n", 2, "between 0 and 1"),
        ("[maintext]\nenabled = 1\n", 2, "true or false"),
        ("[words]\nstop = []\n", 2, "non-empty list"),
        ("[maintext]\ndateline_pattern = '(unclosed'\n", 2, "does not compile"),
        ("[wordz]\nstop = ['a']\n", 1, "unknown top-level key"),
    ],
)
def test_bad_config_tables_are_refused_with_file_and_line(text, line, message):
    with pytest.raises(RuleError) as e:
        load_text(text, "rules/x.toml")
    assert f"rules/x.toml:{line}" in str(e.value)
    assert message in str(e.value)


def test_lexicon_merges_language_packs():
    lex = Lexicon.build([("en", {"stop": ("the", "and")}), ("de", {"stop": ("und", "die", "the")}),
                         ("en", {"boilerplate": ("cookies", "©"), "barrier": ("Related posts:",)})])
    assert lex.codes == ["en", "de"]
    assert lex.stop_set(0) == {"the", "and"} and lex.stop_set(1) == {"und", "die", "the"}
    assert "cookies" in lex.boilerplate and lex.symbols == ("©",)
    assert lex.barriers == {"related posts"}


def test_shipped_language_packs_have_word_lists(default_cleaner):
    rs = default_cleaner.ruleset_for(None)
    assert {"en", "de", "fr", "es", "pl"} <= set(rs.lexicon.codes)
    assert isinstance(rs.maintext, MainTextConfig) and rs.maintext.enabled


def test_second_part_of_a_split_article_needs_secondary_runs(tmp_path):
    _, text, keep, _ = _parse(FIXTURES / "maintext" / "split_by_widget.case.txt")
    (tmp_path / "one.toml").write_text("[maintext]\nsecondary_share = 1.0\n")
    only_best = Cleaner(rules=tmp_path).clean(text, format="text").text
    assert keep[0] in only_best and keep[-1] not in only_best
    assert keep[-1] in Cleaner().clean(text, format="text").text


def test_stage_runs_only_where_a_pack_configures_it(tmp_path):
    assert MainTextConfig.from_tables({}).enabled is False
    assert MainTextConfig.from_tables({"line_cost": 5.0}).enabled is True
    (tmp_path / "empty.toml").write_text('[pack]\ndescription = "no tables"\n')
    assert Cleaner(rules=tmp_path, defaults=False).ruleset_for(None).maintext.enabled is False


def test_one_dated_line_test_for_dates_and_main_text(default_cleaner):
    """The date stage and every main-text pass share one test (`Lexicon.dated`, on
    `quotes.is_attribution`): a quote's attribution is no date line, a ticker's time stamp is."""
    lex = default_cleaner.ruleset_for(None).lexicon
    assert not lex.dated("— Jane Doe (@jane) May 1, 2019")
    assert lex.dated("– 14:30 Uhr")
    assert lex.dated("by TaxJoke July 25, 2012 10:55 AM")
    assert not lex.dated("Read the whole story")
    assert not Lexicon().dated("14:30")  # no dateline pattern, no date lines
