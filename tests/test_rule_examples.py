"""Every shipped rule carries examples, and they all pass. A rule with none fails here."""

from __future__ import annotations

import pytest

from cleaner.ruleset.examples import check_rule
from cleaner.ruleset.loader import default_rules_dir, load_dir

PACKS = load_dir(default_rules_dir())
RULES = [r for p in PACKS for r in p.rules]


def test_rules_are_shipped():
    assert len(PACKS) >= 5
    assert any(p.sites == ("tampafp.com",) for p in PACKS)
    kinds = {r.kind for r in RULES}
    assert kinds >= {"line", "block", "trailer", "leading", "inline", "header", "title", "repeated"}


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(rule):
    failures = check_rule(rule)
    assert not failures, "\n".join(str(f) for f in failures)


def test_rule_ids_unique_across_packs():
    seen = {}
    for r in RULES:
        assert r.id not in seen, f"{r.id} defined in {seen.get(r.id)} and {r.where()}"
        seen[r.id] = r.where()


def test_a_rule_without_examples_fails(tmp_path):
    from cleaner.ruleset.loader import load_file

    f = tmp_path / "x.toml"
    f.write_text("[[rule]]\nid = 'x.bare'\nkind = 'line'\npattern = '^foo$'\n")
    (rule,) = load_file(f).rules
    failures = check_rule(rule)
    assert [x.what for x in failures] == ["missing", "missing"]


def test_a_wrong_example_fails(tmp_path):
    from cleaner.ruleset.loader import load_file

    f = tmp_path / "x.toml"
    f.write_text("[[rule]]\nid = 'x.bad'\nkind = 'line'\npattern = '^foo$'\ndrop = ['bar']\nkeep = ['foo']\n")
    (rule,) = load_file(f).rules
    assert sorted(x.what for x in check_rule(rule)) == ["drop", "keep"]
