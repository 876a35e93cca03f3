"""Clean a HuggingFace `datasets.Dataset` with `ds.map(clean_batch, batched=True, num_proc=N)`.

`clean_batch` cleans the `text` column with the default rules; `make_clean_batch(...)` makes one
for another text field, other rules or another column prefix. Metadata becomes one column per
field (`meta_date`, `meta_title`, ...; None where a document has none), the same columns in every
batch and process, so `num_proc` shards join without schema conflicts. Each process builds its
Cleaner once (the batch function carries the rule files as text, and the Cleaner is cached).

This module itself does not import `datasets` (it only sees plain dict batches); the extra
`pip install 'cleaner[hf]'` installs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import cached_cleaner, clean_record, flat_metadata, metadata_fields, require, rule_texts


class CleanBatch:
    """A picklable batch function for `Dataset.map(..., batched=True)`.

    >>> f = make_clean_batch()
    >>> out = f({"id": [1], "text": ["Title of a page\\n\\nREAD: Another story\\n\\nThe article says this."]})
    >>> out["text"], out["meta_title"], out["meta_date"]
    (['The article says this.'], ['Title of a page'], [None])
    """

    def __init__(self, rules: Any = None, *, text_field: str = "text", id_field: str = "id",
                 url_field: str = "url", fields: Sequence[str] | None = None, prefix: str = "meta_") -> None:
        self.rules = rule_texts(rules)  # the rule files as text: the function pickles with them
        self.text_field, self.id_field, self.url_field = text_field, id_field, url_field
        self.fields = tuple(fields) if fields is not None else metadata_fields(cached_cleaner(self.rules))
        self.prefix = prefix

    def __call__(self, batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        if self.text_field not in batch:
            raise KeyError(f"the dataset has no {self.text_field!r} column (columns: {', '.join(batch)})")
        cleaner = cached_cleaner(self.rules)
        cols = list(batch)
        n = len(batch[self.text_field])
        texts: list[str] = []
        meta: dict[str, list[Any]] = {self.prefix + f: [] for f in self.fields}
        for i in range(n):
            row = {c: batch[c][i] for c in cols}
            rec = clean_record(cleaner, row, text_field=self.text_field, id_field=self.id_field,
                               url_field=self.url_field)
            texts.append(rec[self.text_field])
            for k, v in flat_metadata(rec["metadata"], self.fields, self.prefix).items():
                meta[k].append(v)
        out = dict(batch)
        out[self.text_field] = texts
        out.update(meta)
        return out

    # Pickle by configuration (datasets hashes and ships the function to num_proc workers).
    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.rules, self.text_field, self.id_field, self.url_field, self.fields, self.prefix))


def _rebuild(rules, text_field, id_field, url_field, fields, prefix) -> CleanBatch:  # noqa: ANN001
    f = CleanBatch.__new__(CleanBatch)
    f.rules, f.text_field, f.id_field, f.url_field, f.fields, f.prefix = (
        rules, text_field, id_field, url_field, fields, prefix,
    )
    return f


def make_clean_batch(rules: Any = None, *, text_field: str = "text", id_field: str = "id",
                     url_field: str = "url", fields: Sequence[str] | None = None,
                     prefix: str = "meta_") -> CleanBatch:
    """A batch function for `ds.map(f, batched=True, num_proc=N)` with these rules and fields.

    `rules`: rule folders/files (or a `Cleaner`) on top of the defaults; `fields`: the metadata
    fields to make columns of (default: every field the rules can produce).
    """
    return CleanBatch(rules, text_field=text_field, id_field=id_field, url_field=url_field,
                      fields=fields, prefix=prefix)


def clean_batch(batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Clean the `text` column of a batch with the default rules (see `make_clean_batch`)."""
    return _default()(batch)


def clean_dataset(ds: Any, rules: Any = None, *, num_proc: int | None = None, batch_size: int = 256,
                  **kw: Any) -> Any:
    """`ds.map(make_clean_batch(rules, **kw), batched=True, num_proc=num_proc)` for a `datasets.Dataset`."""
    require("datasets", "hf")
    return ds.map(make_clean_batch(rules, **kw), batched=True, batch_size=batch_size, num_proc=num_proc,
                  desc="cleaner")


_DEFAULT: CleanBatch | None = None


def _default() -> CleanBatch:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = CleanBatch()
    return _DEFAULT


__all__ = ["CleanBatch", "clean_batch", "clean_dataset", "make_clean_batch"]
