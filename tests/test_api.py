"""The API contract: clean / Cleaner / CleanResult, site packs, user rules, pickling, streaming."""

from __future__ import annotations

import multiprocessing
import pickle

import pytest

from cleaner import Cleaner, CleanResult, InputError, clean

DOC = (
    "A headline about a thing\n\n"
    "READ: Another story entirely\n\n"
    "The article's first paragraph says what happened, in full sentences.\n\n"
    "Second paragraph with more detail, quotes and context for the reader.\n"
)

USER_PACK = """
[pack]
description = "user pack"
disable = ["related.read-inline"]

[[rule]]
id = "my.secret"
kind = "line"
description = "drop lines about the secret"
pattern = '^Secret:'
drop = ["Secret: xyz"]
keep = ["Not secret"]
"""


def test_clean_returns_contract_fields():
    r = clean(DOC)
    assert isinstance(r, CleanResult)
    assert r.text.startswith("The article's first paragraph")
    assert "READ:" not in r.text
    assert r.metadata["title"] == "A headline about a thing"
    assert any(x.rule == "related.read-inline" and x.start_line == 3 for x in r.removed)
    assert set(r.to_dict()) >= {"text", "metadata", "removed", "sources"}


def test_canonical_whitespace_and_author_characters():
    r = clean("  “Quoted” text — with dashes…\u00a0and  café.  \r\n\r\n\r\n\tNext   paragraph.\t\n\n\n")
    assert r.text == "“Quoted” text — with dashes… and café.\n\nNext paragraph."
    assert not r.repaired


def test_mojibake_is_repaired_only_when_broken():
    r = clean("The cafÃ© said â€œhelloâ€\x9d to everyone, in a long sentence of text.")
    assert r.text == "The café said “hello” to everyone, in a long sentence of text."
    assert r.repaired


def test_bytes_in_other_charsets_are_decoded():
    text = "Größere Änderungen wurden am Montag beschlossen, sagte die Ministerin."
    assert clean(text.encode("utf-8")).text == text
    assert clean(text.encode("cp1252")).text == text


def test_binary_is_refused_clearly():
    with pytest.raises(InputError, match="binary"):
        clean(b"\x00\x01\x02\x00" * 100)


def test_unknown_format_is_refused():
    with pytest.raises(ValueError):
        clean("x", format="pdf")


def test_site_pack_by_host_subdomain_and_name(default_cleaner):
    doc = "First paragraph of an article that is long enough to count here.\n\nREAD: Upper-case insert\n\nLast."
    for kw in ({"url": "https://www.tampafp.com/a"}, {"url": "http://news.tampafp.com"}, {"site": "tampafp.com"}):
        r = default_cleaner.clean(doc, **kw)
        assert [x.rule for x in r.removed] == ["tampafp.read-insert"], kw
    r = default_cleaner.clean(doc, url="https://nottampafp.com/a")
    assert [x.rule for x in r.removed] == ["related.read-inline"]


def test_user_rules_layer_and_disable(tmp_path):
    d = tmp_path / "rules"
    d.mkdir()
    (d / "mine.toml").write_text(USER_PACK)
    c = Cleaner(rules=d)
    r = c.clean(DOC + "\nSecret: hidden line\n")
    assert "Secret" not in r.text
    assert "READ: Another story entirely" in r.text  # switched off by the user pack
    assert any(x.rule == "my.secret" for x in r.removed)


def test_rule_sources_name_what_the_cleaner_was_built_from(tmp_path):
    from cleaner.ruleset.loader import default_rules_dir

    d = tmp_path / "rules"
    d.mkdir()
    (d / "mine.toml").write_text(USER_PACK)
    assert Cleaner(rules=d).rule_sources == [default_rules_dir(), d]
    assert Cleaner(rules=[d, d / "mine.toml"], defaults=False).rule_sources == [d, d / "mine.toml"]
    assert Cleaner(defaults=False).rule_sources == []


def test_user_rule_overrides_default_by_id(tmp_path):
    f = tmp_path / "o.toml"
    f.write_text(
        "[[rule]]\nid = 'related.read-inline'\nkind = 'line'\npattern = '^NEVER$'\n"
        "drop = ['NEVER']\nkeep = ['READ: x']\n"
    )
    r = Cleaner(rules=f).clean(DOC)
    assert "READ: Another story entirely" in r.text


def test_clean_many_is_lazy_and_accepts_records(default_cleaner):
    consumed = []

    def gen():
        for i in range(3):
            consumed.append(i)
            yield {"id": i, "text": f"Paragraph number {i} of a document.", "url": None}

    it = default_cleaner.clean_many(gen())
    first = next(it)
    assert consumed == [0] and first.id == "0"
    assert [r.id for r in it] == ["1", "2"]


def test_rules_compiled_once_per_site(default_cleaner):
    a = default_cleaner.ruleset_for("https://a.example.com/x")
    b = default_cleaner.ruleset_for("https://b.example.org/y")
    assert a is b  # no site pack: the same compiled set
    assert default_cleaner.ruleset_for("https://tampafp.com") is not a


def _clean_in_worker(args):
    cleaner, text = args
    return cleaner.clean(text).to_dict()


def test_pickled_cleaner_in_a_process_pool(fixtures, tmp_path):
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "mine.toml").write_text(USER_PACK)
    c = Cleaner(rules=tmp_path / "r")
    c2 = pickle.loads(pickle.dumps(c))
    seeds = sorted((fixtures / "seeds").glob("0*_*[0-9a-f].txt"))
    texts = [s.read_text() for s in seeds] + [DOC + "Secret: x\n"]
    want = [c.clean(t).to_dict() for t in texts]
    assert [c2.clean(t).to_dict() for t in texts] == want
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        got = pool.map(_clean_in_worker, [(c, t) for t in texts])
        got_fn = pool.map(clean, texts)
    assert got == want
    assert [r.text for r in got_fn] == [Cleaner().clean(t).text for t in texts]


def test_record_carries_input_fields():
    from cleaner.records import to_record

    src = {"id": "a1", "text": "date 2025-04-07 Body of the text.", "url": None, "lang": "en"}
    r = clean(src["text"], id="a1")
    rec = to_record(r, src)
    assert rec == {
        "id": "a1", "text": "Body of the text.", "url": None, "lang": "en",
        "metadata": {"date": "2025-04-07"}, "sources": {"date": "meta.date-header"},
    }
    assert src["text"].startswith("date")  # the input mapping is not modified
    assert "removed" in to_record(r, src, with_removed=True)
