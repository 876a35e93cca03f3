"""Broken rule files give one clear error naming the file, the line and the rule id."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, RuleError
from cleaner.ruleset.loader import load_file

GOOD_RULE = """
[[rule]]
id = "x.ok"
kind = "line"
description = "fine"
pattern = '^fine$'
drop = ["fine"]
keep = ["not fine"]
"""


def _load(tmp_path, text, name="pack.toml"):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f, lambda: load_file(f)


def _error(tmp_path, text):
    f, load = _load(tmp_path, text)
    with pytest.raises(RuleError) as ei:
        load()
    msg = str(ei.value)
    assert "\n" not in msg
    assert str(f) in msg
    return ei.value, msg


def test_toml_syntax_error_names_line(tmp_path):
    err, msg = _error(tmp_path, GOOD_RULE + "\n[[rule]]\nid = 'x.y\n")
    assert err.line == 11
    assert f"pack.toml:{err.line}:" in msg and "not valid TOML" in msg


def test_bad_pattern_names_rule_and_line(tmp_path):
    err, msg = _error(tmp_path, GOOD_RULE + "\n[[rule]]\nid = 'x.broken'\nkind = 'line'\npattern = '^(unclosed'\n")
    assert err.rule == "x.broken" and err.line == 13 and err.key == "pattern"
    assert "rule 'x.broken'" in msg and "does not compile" in msg


def test_empty_match_is_refused(tmp_path):
    err, msg = _error(tmp_path, "[[rule]]\nid = 'x.empty'\nkind = 'line'\npattern = 'a*'\n")
    assert "matches the empty string" in msg and err.line == 4


def test_match_everything_is_refused(tmp_path):
    _, msg = _error(tmp_path, "[[rule]]\nid = 'x.all'\nkind = 'line'\npattern = '.'\n")
    assert "matches any line" in msg


def test_unknown_kind(tmp_path):
    err, msg = _error(tmp_path, "[[rule]]\nid = 'x.k'\nkind = 'frobnicate'\npattern = 'a'\n")
    assert "unknown kind 'frobnicate'" in msg and err.line == 3


def test_unknown_key(tmp_path):
    err, msg = _error(tmp_path, GOOD_RULE.replace('description = "fine"', 'descripton = "typo"'))
    assert err.key == "descripton" and err.rule == "x.ok" and err.line == 5


def test_unknown_pack_key_and_top_level_key(tmp_path):
    _, msg = _error(tmp_path, "[pack]\nsite = ['a.com']\n" + GOOD_RULE)
    assert "key 'site'" in msg
    _, msg = _error(tmp_path, "[packs]\nname = 'x'\n")
    assert "unknown top-level key" in msg


def test_wrong_type(tmp_path):
    err, msg = _error(tmp_path, GOOD_RULE.replace("keep = [\"not fine\"]", "keep = 'not a list'"))
    assert "a list of strings" in msg and err.key == "keep"


def test_missing_required_and_bad_id(tmp_path):
    _, msg = _error(tmp_path, "[[rule]]\nid = 'x.t'\nkind = 'trailer'\n")
    assert "needs 'pattern'" in msg
    _, msg = _error(tmp_path, "[[rule]]\nid = 'NoDots'\nkind = 'line'\npattern = 'a'\n")
    assert "dotted" in msg


def test_duplicate_id(tmp_path):
    err, msg = _error(tmp_path, GOOD_RULE + GOOD_RULE)
    assert "duplicate id" in msg and err.line == 10


def test_header_needs_named_group(tmp_path):
    _, msg = _error(tmp_path, "[[rule]]\nid = 'x.h'\nkind = 'header'\npattern = '^date \\d+'\n")
    assert "named groups" in msg


def test_cleaner_surfaces_rule_error(tmp_path):
    d = tmp_path / "myrules"
    d.mkdir()
    (d / "bad.toml").write_text("[[rule]]\nid = 'my.bad'\nkind = 'line'\npattern = '(['\n")
    with pytest.raises(RuleError, match=r"bad.toml:4: rule 'my.bad'"):
        Cleaner(rules=d)


def test_pattern_list_is_alternation(tmp_path):
    f, load = _load(tmp_path, "[[rule]]\nid = 'x.alt'\nkind = 'line'\npattern = ['^foo$', '^bar$']\n")
    (rule,) = load().rules
    assert rule.match("foo") and rule.match("bar") and not rule.match("baz")
