"""The stage list and how it runs.

| stage            | needs                         | fills            |
|------------------|-------------------------------|------------------|
| normalise        | text                          | tokens           |
| recognise_actors | tokens                        | mentions         |
| segment          | tokens, mentions              | segments (chrome marked) |
| find_triggers    | tokens, segments              | triggers         |
| parse            | text, tokens, segments, triggers | tokens' tag, head, dep (where triggers are) |
| resolve_events   | tokens, segments, mentions, triggers | events    |
| merge            | events                        | events (merged)  |

Actors come before segmentation because the segmenter uses them: a subject starting a new
clause, and the article's main actors to tell where a sidebar of unrelated headlines ends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from detente.actors import recognise_actors
from detente.dedupe import merge_document_events
from detente.documents import checked_date
from detente.errors import CodingError, DetenteError
from detente.events.triggers import find_triggers
from detente.model import Document
from detente.normalize import normalise_document
from detente.parse import parse_document
from detente.resolve import resolve_events
from detente.resources import Resources, load_resources
from detente.segment import segment_document

Stage = Callable[[Document, Resources], Document]

STAGES: list[tuple[str, Stage]] = [
    ("normalise", lambda doc, res: normalise_document(doc)),
    ("recognise_actors", recognise_actors),
    ("segment", segment_document),
    ("find_triggers", find_triggers),
    ("parse", parse_document),
    ("resolve_events", resolve_events),
    ("merge", lambda doc, res: merge_document_events(doc)),
]


class Pipeline:
    """Runs the stages over documents with one set of loaded resources."""

    def __init__(self, resources: Resources | None = None, data_dirs: tuple[str, ...] = ()) -> None:
        self.resources = resources or load_resources(tuple(data_dirs))

    def run(self, doc: Document) -> Document:
        doc = checked_date(doc)  # a string date ("2015-04-30") is read here, not tripped over later
        for name, stage in STAGES:
            try:
                doc = stage(doc, self.resources)
            except DetenteError:
                raise
            except Exception as exc:  # a bug: say which document and stage, keep the cause chained
                raise CodingError(doc.doc_id, name, exc) from exc
        return doc

    def run_until(self, doc: Document, last: str) -> Document:
        """Run the stages up to and including ``last`` (for tests and measurements of one stage)."""
        for name, stage in STAGES:
            doc = stage(doc, self.resources)
            if name == last:
                return doc
        raise ValueError(f"no stage named {last!r}")

    def run_many(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self.run(doc)
