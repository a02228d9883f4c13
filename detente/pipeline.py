"""The coder's stages, what each requires and assigns, and the pipeline that runs them.

A stage is a function ``(Document, Resources) -> Document`` with a contract, in the manner of
spaCy's components: the document fields it ``requires`` and those it ``assigns``. ``Pipeline``
checks the chain when it is built, so a replaced or reordered stage that needs something no
earlier stage provides fails at once with its name, not deep inside a run.

| stage            | requires                              | assigns     |
|------------------|---------------------------------------|-------------|
| normalise        | text                                  | tokens      |
| sentence_ends    | tokens                                | sentence ends (tokens' breaks; unpunctuated text) |
| recognise_actors | tokens                                | mentions    |
| segment          | tokens, mentions                      | segments (chrome marked) |
| find_triggers    | tokens, mentions, segments            | triggers    |
| parse            | text, tokens, segments, triggers      | parse (tokens' tag, head, dep where triggers are) |
| resolve_events   | tokens, segments, mentions, triggers, parse | events |
| merge            | events                                | events (merged) |

Actors come before segmentation because the segmenter uses them: a subject starting a new
clause, and the article's main actors to tell where a sidebar of unrelated headlines ends; the
trigger finder reads them too (a pattern's ``<place>`` slot, names that are no trigger words).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from detente.actors import recognise_actors
from detente.dedupe import merge_document_events
from detente.documents import checked_date
from detente.errors import CodingError, DetenteError, UsageError
from detente.events.triggers import find_triggers
from detente.model import Document
from detente.normalize import normalise_document
from detente.parse import parse_document
from detente.resolve import resolve_events
from detente.resources import Resources, load_resources
from detente.segment import segment_document
from detente.segment.sentences import find_sentence_ends
from detente.windows import code_in_windows, needs_windows

StageFunction = Callable[[Document, Resources], Document]
# What a document holds before any stage has run.
INPUT_FIELDS = frozenset(["text", "date", "doc_id"])


@dataclass(frozen=True)
class Stage:
    """One step of the coder: its name, its function, and its contract."""

    name: str
    run: StageFunction
    requires: frozenset[str]
    assigns: frozenset[str]


def stage(name: str, run: StageFunction, requires: Iterable[str], assigns: Iterable[str]) -> Stage:
    return Stage(name, run, frozenset(requires), frozenset(assigns))


DEFAULT_STAGES: tuple[Stage, ...] = (
    stage("normalise", normalise_document, ["text"], ["tokens"]),
    stage("sentence_ends", find_sentence_ends, ["tokens"], ["sentence_ends"]),
    stage("recognise_actors", recognise_actors, ["tokens"], ["mentions"]),
    stage("segment", segment_document, ["tokens", "mentions"], ["segments"]),
    stage("find_triggers", find_triggers, ["tokens", "mentions", "segments"], ["triggers"]),
    stage("parse", parse_document, ["text", "tokens", "segments", "triggers"], ["parse"]),
    stage(
        "resolve_events", resolve_events, ["tokens", "segments", "mentions", "triggers", "parse"], ["events"]
    ),
    stage("merge", lambda doc, res: merge_document_events(doc), ["events"], ["events"]),
)


def check_chain(stages: Sequence[Stage]) -> None:
    """Raise :class:`UsageError` naming the first stage whose input no earlier stage assigns."""
    names = [s.name for s in stages]
    if len(set(names)) != len(names):
        raise UsageError(f"pipeline: stage names must be unique, got {names}")
    available = set(INPUT_FIELDS)
    for s in stages:
        missing = sorted(s.requires - available)
        if missing:
            raise UsageError(
                f"pipeline: stage {s.name!r} requires {', '.join(missing)}, which no stage before it assigns"
            )
        available |= s.assigns


class Pipeline:
    """Runs the stages over documents with one set of loaded resources.

    ``stages`` replaces the default chain (for instance a different segmenter, or a learned role
    ranker in place of ``resolve_events``); :meth:`replace` swaps one stage by name.
    """

    def __init__(
        self,
        resources: Resources | None = None,
        data_dirs: tuple[str, ...] = (),
        stages: Sequence[Stage] | None = None,
    ) -> None:
        self.stages: tuple[Stage, ...] = tuple(DEFAULT_STAGES if stages is None else stages)
        check_chain(self.stages)
        self.resources = resources or load_resources(tuple(data_dirs))

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    def replace(self, name: str, new: Stage) -> Pipeline:
        """A pipeline sharing these resources with stage ``name`` replaced by ``new``."""
        if name not in self.stage_names:
            raise UsageError(f"pipeline: no stage named {name!r} (stages: {', '.join(self.stage_names)})")
        stages = [new if s.name == name else s for s in self.stages]
        return Pipeline(self.resources, stages=stages)

    def _run_stage(self, s: Stage, doc: Document) -> Document:
        try:
            return s.run(doc, self.resources)
        except DetenteError:
            raise
        except Exception as exc:  # a bug: say which document and stage, keep the cause chained
            raise CodingError(doc.doc_id, s.name, exc) from exc

    def run(self, doc: Document) -> Document:
        doc = checked_date(doc)  # a string date ("2015-04-30") is read here, not tripped over later
        if needs_windows(doc):  # a text far longer than an article: windows keep time and memory linear
            return code_in_windows(doc, self._run_whole)
        return self._run_whole(doc)

    def _run_whole(self, doc: Document) -> Document:
        for s in self.stages:
            doc = self._run_stage(s, doc)
        return doc

    def run_until(self, doc: Document, last: str) -> Document:
        """Run the stages up to and including ``last`` (for ``explain``, tests and measurements)."""
        if last not in self.stage_names:
            raise UsageError(f"pipeline: no stage named {last!r} (stages: {', '.join(self.stage_names)})")
        doc = checked_date(doc)
        for s in self.stages:
            doc = self._run_stage(s, doc)
            if s.name == last:
                break
        return doc

    def run_many(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self.run(doc)
