from __future__ import annotations

from cleaner.normalize import decode, looks_broken, normalize_line, normalize_text, paragraphs


def test_clean_text_skips_ftfy():
    for t in ("plain ascii", "“curly” quotes — and… café, naïve, Zürich", "Привет, мир", "中文文本"):
        assert not looks_broken(t)
        assert normalize_text(t) == (t, False)


def test_mojibake_detected_and_repaired():
    text, fixed = normalize_text("SchÃ¶ne GrÃ¼ÃŸe")
    assert fixed and text == "Schöne Grüße"


def test_invisible_characters_and_line_breaks():
    assert normalize_text("a\u200bb\r\nc\rd\u2028e")[0] == "ab\nc\nd\ne"


def test_line_and_paragraphs():
    assert normalize_line("\t a \u00a0 b  ") == "a b"
    assert paragraphs(["", "a", "", "", "b", "c", ""]) == "a\n\nb\nc"


def test_decode_latin1_and_bom():
    assert decode("é".encode("utf-8-sig")) == "é"
    assert decode("Ça va très bien, merci beaucoup à vous tous.".encode("latin-1")).startswith("Ça va")
