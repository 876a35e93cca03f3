"""'About' boxes below the article (cleaner/maintext_aboutbox.py). Page cases in
tests/fixtures/maintext/: about_writer_below_article, person_section_at_article_end_kept,
publisher_paragraph_with_heading, publisher_sentence_kept."""

from __future__ import annotations

from cleaner.maintext_aboutbox import about_box, site_label, site_paragraph


def test_site_label():
    assert site_label("www.novagear.com") == "novagear"
    assert site_label("blog.novagear.co.uk") == "novagear"
    assert site_label("my-site.org") is None  # not a word a paragraph can open with
    assert site_label(None) is None


PROSE = "A paragraph of the article that is long enough to be prose."


def _about(lines):
    sizes = [len(t.split()) for t in lines]
    ends = [t[-1] in ".!?" for t in lines]
    scores = [s - 7.0 if e else -7.0 for s, e in zip(sizes, ends, strict=True)]
    return about_box(lines.__getitem__, lambda k: True, scores, sizes, ends, 0, len(lines),
                     name_max_words=4, bio_min_words=8, tail_lines=0, within=12)


def test_heading_and_biography_at_the_end():
    bio = "Father of two and husband of Ana, Carlos Pereira teaches at a primary school."
    assert _about([PROSE, PROSE, "Sobre Carlos Pereira", bio]) == 2
    assert _about([PROSE, PROSE, "Sobre Carlos Pereira", bio, PROSE]) is None  # the article goes on
    assert _about([PROSE, PROSE, "Carlos Pereira", bio]) is None  # a name alone: the author-box pass
    assert _about([PROSE, PROSE, "Sobre Carlos Pereira", PROSE]) is None  # not named again


def _site(lines, label="novagear"):
    sizes = [len(t.split()) for t in lines]
    ends = [t[-1] in ".!?" for t in lines]
    return site_paragraph(lines.__getitem__, lambda k: True, sizes, ends, 0, len(lines), label,
                          bio_min_words=8, tail=3)


def test_publisher_paragraph_needs_its_heading():
    about = "Novagear is a maker of precision parts for bicycles, with plants in four countries."
    assert _site([PROSE, PROSE, PROSE, "About Novagear", about]) == 3
    assert _site([PROSE, PROSE, PROSE, about]) is None
    assert _site([PROSE, PROSE, PROSE, "About Novagear", about], label=None) is None
