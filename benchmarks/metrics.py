"""The evaluation metrics, written here and checked against ../shared/eval/score.py.

- body: the article-extraction-benchmark metric (tokens \\w+, bags of 4-token shingles, per-page
  precision/recall, F1 of the mean precision and mean recall);
- snippets: trafilatura's count (a `with` snippet found is a true positive, a `without` found a
  false positive), micro-averaged;
- date: exact match of YYYY-MM-DD, with coverage; title: exact match after NFKC/casefold/space.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Sequence

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str, n: int = 4) -> Counter:
    t = tokens(text)
    if not t:
        return Counter()
    if len(t) < n:
        return Counter([tuple(t)])
    return Counter(tuple(t[i : i + n]) for i in range(len(t) - n + 1))


def shingle_tfp(gold: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    """(tp, fp, fn) normalised by their sum, as the benchmark does per document."""
    g, p = shingles(gold, n), shingles(pred, n)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def doc_prf(gold: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    """Per-document precision, recall, F1 (for listing the worst pages)."""
    t = shingle_tfp(gold, pred, n)
    p, r = _precision(*t), _recall(*t)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def body_scores(golds: Sequence[str], preds: Sequence[str], n: int = 4) -> dict[str, float]:
    """Mean precision, mean recall and their F1 over documents (the aeb metric)."""
    tfs = [shingle_tfp(g, p, n) for g, p in zip(golds, preds, strict=True)]
    ps = [_precision(*t) for t in tfs if t[0] + t[1] > 0]
    rs = [_recall(*t) for t in tfs if t[0] + t[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r}


def _ws(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def snippet_counts(with_: Sequence[str], without: Sequence[str], pred: str) -> tuple[int, int, int, int]:
    """(tp, fn, fp, tn) for one page, as trafilatura's evaluation counts them."""
    text = _ws(pred)
    tp = sum(1 for s in with_ if _ws(s) in text)
    fp = sum(1 for s in without if _ws(s) in text)
    return tp, len(with_) - tp, fp, len(without) - fp


def snippet_scores(counts: Sequence[tuple[int, int, int, int]]) -> dict[str, float]:
    tp = sum(c[0] for c in counts)
    fn = sum(c[1] for c in counts)
    fp = sum(c[2] for c in counts)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0, "precision": p, "recall": r}


def norm_title(t: str | None) -> str:
    return _ws(unicodedata.normalize("NFKC", t or "")).casefold()


def date_scores(golds: Sequence[str | None], preds: Sequence[str | None]) -> dict[str, float]:
    pairs = [(g, p) for g, p in zip(golds, preds, strict=True) if g]
    if not pairs:
        return {"accuracy": 0.0, "coverage": 0.0, "precision": 0.0, "n": 0}
    correct = sum(1 for g, p in pairs if p and p[:10] == g[:10])
    covered = sum(1 for _, p in pairs if p)
    return {
        "accuracy": correct / len(pairs),
        "coverage": covered / len(pairs),
        "precision": correct / covered if covered else 0.0,
        "n": len(pairs),
    }


def title_scores(golds: Sequence[str | None], preds: Sequence[str | None]) -> dict[str, float]:
    pairs = [(g, p) for g, p in zip(golds, preds, strict=True) if g]
    if not pairs:
        return {"exact": 0.0, "n": 0}
    exact = sum(1 for g, p in pairs if norm_title(g) == norm_title(p))
    return {"exact": exact / len(pairs), "n": len(pairs)}
