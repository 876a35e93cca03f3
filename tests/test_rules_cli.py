"""`cleaner rules new|test|check|list|suggest`, and [[sample]] tables in packs."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import RuleError
from cleaner.ruleset import schema
from cleaner.ruleset.loader import load_file, load_text
from cli import app

runner = CliRunner()
SITE_PAGES = Path(__file__).parent / "fixtures" / "sites" / "tampafp.com"

PACK = """[pack]
sites = ["example.com"]

[[rule]]
id = "example.read"
kind = "line"
pattern = '''^READ:\\s+\\S.{0,200}$'''
drop = ["READ: Another story"]
keep = ["Read the report."]
"""
PAGE = "Headline here\n\nThe first sentence of the article is here and long.\n\nREAD: Another story\n\nThe last sentence of the article, also long enough.\n"


def _pack_with_sample(tmp_path: Path, sample: str, extra_rules: str = "") -> Path:
    (tmp_path / "samples").mkdir(exist_ok=True)
    (tmp_path / "samples" / "p1.txt").write_text(PAGE, encoding="utf-8")
    f = tmp_path / "example.com.toml"
    f.write_text(PACK + extra_rules + "\n[[sample]]\ninput = \"samples/p1.txt\"\n" + sample, encoding="utf-8")
    return f


def test_new_scaffolds_a_pack_that_loads(tmp_path):
    res = runner.invoke(app, ["rules", "new", "www.Example.com", "--dir", str(tmp_path)])
    assert res.exit_code == 0, res.output
    f = tmp_path / "example.com.toml"
    text = f.read_text()
    for kind in schema.KINDS:
        assert f"kind = \"{kind}\"" in text  # a commented example of every kind
    assert "# [[sample]]" in text and "not_contains" in text
    pack = load_file(f)
    assert pack.sites == ("example.com",) and not pack.rules
    assert runner.invoke(app, ["rules", "test", str(f)]).exit_code == 0
    again = runner.invoke(app, ["rules", "new", "example.com", "--dir", str(tmp_path)])
    assert again.exit_code == 2 and "already exists" in again.output
    assert runner.invoke(app, ["rules", "new", "not a site", "--dir", str(tmp_path)]).exit_code == 2


def test_uncommented_scaffold_examples_pass(tmp_path):
    """The template's examples are real: uncommented, each kind's rule passes its own examples."""
    from cleaner.ruleset.examples import check_rule
    from cleaner.ruleset.scaffold import EXAMPLES, template

    text = template("example.com")
    head, *blocks = text.split("# --- ")
    body = [line for line in head.splitlines() if not line.startswith("#")]
    for block in blocks:
        if not block.startswith("kind "):
            continue  # the sample section
        code = [x[2:].split("    # ", 1)[0] for x in block.splitlines()[1:] if x.startswith("# ")]
        code = [x for x in code if not x.endswith("= ...")]  # optional keys without an example
        if any(x.endswith("...]") for x in code):
            continue  # a kind without a worked example
        body += code
    pack = load_text("\n".join(body), "template.toml")
    assert {r.kind for r in pack.rules} == set(EXAMPLES) & set(schema.KINDS)
    for rule in pack.rules:
        assert not check_rule(rule), rule.id


def test_shipped_packs_pass_test_and_check():
    res = runner.invoke(app, ["rules", "test"])
    assert res.exit_code == 0, res.output
    assert "tampafp.com.toml" in res.output and "2 samples" in res.output
    res = runner.invoke(app, ["rules", "check"])
    assert res.exit_code == 0, res.output
    assert "0 error(s)" in res.output


def test_sample_failure_shows_a_diff(tmp_path):
    (tmp_path / "samples").mkdir()
    (tmp_path / "samples" / "p1.expected.txt").write_text("The first sentence of the article is here and long.\n\nA sentence that will not come out.\n")
    f = _pack_with_sample(tmp_path, 'expected = "samples/p1.expected.txt"\ncontains = ["REMOVED"]\nnot_contains = ["READ: Another"]\n')
    res = runner.invoke(app, ["rules", "test", str(f)])
    assert res.exit_code == 1
    assert "FAILED" in res.output
    assert "-A sentence that will not come out." in res.output
    assert "+The last sentence of the article, also long enough." in res.output
    assert "must contain 'REMOVED'" in res.output


def test_sample_passes(tmp_path):
    f = _pack_with_sample(tmp_path, 'contains = ["The last sentence"]\nnot_contains = ["READ: Another"]\n')
    res = runner.invoke(app, ["rules", "test", str(f)])
    assert res.exit_code == 0, res.output
    assert "1 samples" in res.output


def test_check_finds_backtracking_shadowing_and_never_matching(tmp_path):
    extra = """
[[rule]]
id = "example.nested"
kind = "line"
pattern = '''^(\\w+\\s?)+$'''
drop = ["aa bb"]
keep = ["a sentence, with a comma."]

[[rule]]
id = "example.read-again"
kind = "line"
pattern = '''^READ: Another'''
drop = ["READ: Another story"]
keep = ["Read it."]

[[rule]]
id = "example.never"
kind = "line"
pattern = '''^Subscribe to our podcast$'''
drop = ["Subscribe to our podcast"]
keep = ["Subscribe now."]
"""
    f = _pack_with_sample(tmp_path, 'contains = ["The last sentence"]\n', extra)
    res = runner.invoke(app, ["rules", "check", str(f)])
    assert res.exit_code == 1
    assert "example.nested" in res.output and "backtrack catastrophically" in res.output
    assert "'example.read-again' is shadowed by 'example.read'" in res.output
    assert "'example.never' never acts on the pack's 1 sample(s)" in res.output


def test_check_warns_of_duplicate_ids_across_packs(tmp_path):
    (tmp_path / "a.toml").write_text(PACK)
    (tmp_path / "b.toml").write_text(PACK.replace("example.com", "example.org"))
    res = runner.invoke(app, ["rules", "check", str(tmp_path)])
    assert "rule 'example.read' is also defined" in res.output
    assert res.exit_code == 0  # a warning
    assert runner.invoke(app, ["rules", "check", "--strict", str(tmp_path)]).exit_code == 1


def test_list_shows_packs_and_rules():
    res = runner.invoke(app, ["rules", "list"])
    assert res.exit_code == 0
    assert "tampafp.read-insert" in res.output and "tampafp.com" in res.output and "always" in res.output


def test_suggest_writes_a_pack(tmp_path):
    out = tmp_path / "tampafp.com.toml"
    res = runner.invoke(app, ["rules", "suggest", str(SITE_PAGES), "--site", "tampafp.com", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert load_file(out).rules
    assert runner.invoke(app, ["rules", "test", str(out)]).exit_code == 0
    one = tmp_path / "one"
    one.mkdir()
    (one / "a.txt").write_text("x")
    assert runner.invoke(app, ["rules", "suggest", str(one), "--site", "x.com"]).exit_code == 2


@pytest.mark.parametrize(
    "sample, message",
    [
        ('url = "https://example.com/x"\n', "needs 'input'"),
        ('input = "a.txt"\nwhatever = 1\n', "unknown key in [[sample]]"),
        ('input = "a.txt"\ncontains = "not a list"\n', "must be a list of strings"),
    ],
)
def test_sample_tables_are_validated(sample, message):
    with pytest.raises(RuleError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_text(PACK + "\n[[sample]]\n" + sample, "x.toml")


def test_sample_errors_name_the_sample_line():
    text = PACK + '\n[[sample]]\ninput = "a.txt"\ncontains = ["x"]\n\n[[sample]]\ninput = "b.txt"\nbad = 1\n'
    with pytest.raises(RuleError) as e:
        load_text(text, "x.toml")
    want = text.splitlines().index("[[sample]]", text.splitlines().index("[[sample]]") + 1) + 1
    assert f"x.toml:{want}:" in str(e.value)


def test_backtracking_is_told_by_growth_not_by_the_machine_s_speed():
    # `regex` answers `^(\w+\s?)+$` on 3,000 characters in a fraction of a second on a fast
    # machine (it cuts the exponential case down to a quadratic one), within any fixed timeout;
    # on a run four times as long it takes about sixteen times as long, which a linear pattern
    # never does. A timeout far above the first answer must not hide it.
    from cleaner.ruleset.check import backtracking
    from cleaner.ruleset.loader import load_text

    def rule(pattern: str):  # the example pack's one rule, with another pattern
        return load_text(PACK.replace(r"^READ:\s+\S.{0,200}$", pattern), "example.toml").rules[0]

    found = backtracking(rule(r"^(\w+\s?)+$"), timeout=1.0)
    assert found and "times as long" in found[0].message
    fast = rule(r"^\w+(?:\s\w+)*$")
    assert backtracking(fast, timeout=1.0) == []


def test_backtracking_is_not_told_by_a_pause_of_the_machine(monkeypatch):
    # On a loaded machine one timing of a linear pattern can come out many times too slow (the
    # process waited, or was charged for a cache refill). A probe that looks slow once and then
    # answers in proportion to its length is not backtracking; one that stays slow is.
    from cleaner.ruleset import check
    from cleaner.ruleset.loader import load_text

    rule = load_text(PACK.replace(r"^READ:\s+\S.{0,200}$", r"^\w+(?:\s\w+)*$"), "example.toml").rules[0]
    timings = iter([0.02, 0.02, 0.5, 0.07] + [0.0001] * 10_000)  # short, short again, a pause, linear
    monkeypatch.setattr(check, "_seconds", lambda pat, text, timeout: next(timings))
    assert check.backtracking(rule, timeout=1.0) == []

    slow = iter([0.02, 0.02, 0.5, 0.6, 0.5])  # stays over 10x on every try
    monkeypatch.setattr(check, "_seconds", lambda pat, text, timeout: next(slow))
    found = check.backtracking(rule, timeout=1.0)
    assert found and "0.500 s on a run 4 times as long" in found[0].message
