"""A datatrove pipeline step: clean `Document.text`, merge the metadata into `Document.metadata`.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.integrations.datatrove import CleanerStep

    LocalPipelineExecutor(pipeline=[JsonlReader("in/"), CleanerStep(rules="my_rules/"),
                                    JsonlWriter("out/")], tasks=4, workers=2).run()

The step carries the user's rule files as text, so it works the same with datatrove's Ray or
Slurm executors, where the rule folder may not exist on the workers; each worker process builds
its Cleaner once. Removals are counted per rule in datatrove's stats. Extra: `pip install
'cleaner[datatrove]'`.
"""

from __future__ import annotations

import logging
from typing import Any

from ..errors import CleanerError
from . import MissingExtra, cached_cleaner, clean_record, rule_texts

try:
    from datatrove.pipeline.base import PipelineStep
except ImportError as _e:  # the module stays importable; using the step says what to install
    _MISSING: ImportError | None = _e

    class PipelineStep:  # type: ignore[no-redef]
        """Stand-in so this module imports without datatrove; CleanerStep() raises MissingExtra."""

        def __init__(self) -> None:
            raise MissingExtra(
                "CleanerStep needs datatrove, which is not installed: pip install 'cleaner[datatrove]'"
            ) from _MISSING
else:
    _MISSING = None

log = logging.getLogger(__name__)
DOC_ERRORS = (CleanerError, NotImplementedError, ValueError, TypeError, UnicodeError)


class CleanerStep(PipelineStep):
    """Cleans each document's text; its metadata (date, title, site, ...) goes into `metadata`.

    `rules`: rule folders or files layered on the defaults (read now, shipped as text).
    `url_key`: the metadata key holding the page URL (selects site packs).
    `prefix`: put before each metadata key (e.g. "cleaner_" to keep the reader's own keys apart).
    `drop_empty`: drop documents left with no text. A document that fails is dropped and counted.
    """

    name = "🧹 cleaner"
    type = "✂️ - FORMAT"

    def __init__(self, rules: Any = None, *, url_key: str = "url", prefix: str = "",
                 drop_empty: bool = False) -> None:
        super().__init__()
        self.rules = rule_texts(rules)
        cached_cleaner(self.rules)  # a broken rule file fails here, when the pipeline is built
        self.url_key = url_key
        self.prefix = prefix
        self.drop_empty = drop_empty

    def run(self, data, rank: int = 0, world_size: int = 1):  # noqa: ANN001 - datatrove's signature
        cleaner = cached_cleaner(self.rules)
        for doc in data or ():
            self.stat_update("documents")
            source = {**doc.metadata, "id": doc.id, "text": doc.text}
            with self.track_time():
                try:
                    rec = clean_record(cleaner, source, url_field=self.url_key, with_removed=True)
                except DOC_ERRORS as e:
                    log.warning("cleaner: document %s failed: %s", doc.id, e)
                    self.stat_update("failed")
                    continue
            for removal in rec["removed"]:
                self.stat_update(f"removed.{removal['rule']}")
            doc.text = rec["text"]
            doc.metadata.update({self.prefix + k: v for k, v in rec["metadata"].items()})
            if not doc.text:
                self.stat_update("emptied")
                if self.drop_empty:
                    continue
            self.update_doc_stats(doc)
            yield doc


__all__ = ["CleanerStep"]
