"""Why the coder coded what it did: every trigger found, the pattern behind it, the parse of its
clause, the rule that bound each role, the modality and date decisions, and for each candidate
that made no event, the reason.

``explain`` runs the pipeline's stages up to ``parse``, then the event builder with its decision
record, then ``merge``; it is the same code path as ``detente code`` (a pipeline whose resolver
has been replaced is explained with the default resolver).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from detente.dedupe import merge_document_events
from detente.lexicon.schemas import PatternRecord
from detente.model import Document, Event, Mention
from detente.pipeline import Pipeline
from detente.resolve.build import Decision, EventBuilder
from detente.resolve.roles import Roles


@dataclass
class Explanation:
    """The decisions for one text, in text order; ``to_dict`` is the JSON the CLI and API give."""

    doc_id: str
    date: str | None
    events: list[Event]
    candidates: list[dict[str, Any]] = field(default_factory=list)
    chrome: list[str] = field(default_factory=list)  # site furniture skipped before any pattern ran

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "date": self.date,
            "events": [e.to_dict() for e in self.events],
            "candidates": self.candidates,
            "chrome": self.chrome,
        }


def _actors(mentions: list[Mention]) -> list[dict[str, Any]]:
    return [{"text": m.actor.text, "code": m.actor.code, "kind": m.kind} for m in mentions]


def _roles(roles: Roles | None) -> dict[str, Any] | None:
    if roles is None:
        return None
    return {
        "sources": _actors(roles.sources),
        "source_rule": roles.rule,
        "targets": _actors(roles.targets),
        "target_rule": roles.target_rule or ("" if roles.targets else "no target"),
        "joint": roles.joint,
        "inferred": roles.inferred,
    }


def _parse(doc: Document, start: int, end: int) -> list[dict[str, Any]]:
    """The clause's tokens with their tags and arcs (empty where the parser did not run)."""
    tokens = doc.tokens
    if not any(t.dep for t in tokens[start:end]):
        return []
    out = []
    for i in range(start, end):
        t = tokens[i]
        head = tokens[t.head].text if 0 <= t.head < len(tokens) else ""
        out.append({"i": i, "word": t.text, "tag": t.tag, "dep": t.dep, "head": head})
    return out


def _pattern(record: PatternRecord | None, pattern_id: str) -> dict[str, Any]:
    if record is None:  # a built-in construction such as the bare obligation
        return {"id": pattern_id, "pattern": pattern_id, "example": None}
    return {
        "id": record.pattern_id,
        "pattern": record.pattern,
        "code": record.code,
        "roles": record.roles,
        "example": record.examples[0] if record.examples else None,
    }


def _candidate(
    doc: Document, builder: EventBuilder, decision: Decision, patterns: dict[str, PatternRecord]
) -> dict[str, Any]:
    trig = decision.trigger
    seg = builder.segment_of(trig.start)
    return {
        "trigger": doc.span_text(trig.start, trig.end),
        "cameo": trig.cameo,
        "pattern": _pattern(patterns.get(trig.pattern), trig.pattern),
        "sentence": doc.span_text(seg.start, seg.end),
        "outcome": decision.outcome,
        "reason": decision.reason,
        "roles": _roles(decision.roles),
        "modality": decision.modality,
        "date": decision.date.replace("None (none)", "none (no publication date)"),
        "parse": _parse(doc, seg.start, seg.end),
    }


def explain(
    text: str, date: dt.date | str | None = None, doc_id: str = "explain", pipeline: Pipeline | None = None
) -> Explanation:
    """Code ``text`` and say why: see the module docstring."""
    pipe = pipeline or Pipeline()
    doc = pipe.run_until(Document(doc_id=doc_id, text=text, date=date), "parse")  # the stages before resolving
    builder = EventBuilder(doc, pipe.resources)
    built = builder.build() if doc.tokens else []
    doc.events = list(built)
    merged = {id(e) for e in merge_document_events(doc).events}
    patterns = {r.pattern_id: r for r in pipe.resources.pattern_records}
    candidates = []
    for start in sorted(builder.decisions):
        decision = builder.decisions[start]
        mine = [e for e in built if builder.trigger_of.get(id(e)) == start]
        if decision.outcome == "event" and mine and not any(id(e) in merged for e in mine):
            decision.outcome, decision.reason = "rejected", "merged into the same event told earlier"
        candidates.append(_candidate(doc, builder, decision, patterns))
    chrome = [doc.span_text(seg.start, seg.end) for seg in doc.segments if seg.chrome]
    return Explanation(doc_id, doc.date.isoformat() if doc.date else None, doc.events, candidates, chrome)


def _actor_list(actors: list[dict[str, Any]]) -> str:
    return ", ".join(f"{a['text']} ({a['code'] or '-'})" for a in actors) or "none"


def _parse_line(parse: list[dict[str, Any]]) -> str:
    return " ".join(f"{t['word']}/{t['tag']}/{t['dep']}>{t['head']}" for t in parse)


def render_text(explanation: Explanation) -> list[str]:
    """The explanation as lines for a terminal: each candidate, what it became and why."""
    lines = [f"{len(explanation.events)} event(s); {len(explanation.candidates)} candidate trigger(s)"]
    for n, c in enumerate(explanation.candidates, 1):
        p = c["pattern"]
        lines.append("")
        lines.append(f"[{n}] {c['trigger']!r} -> CAMEO {c['cameo']}: {c['outcome'].upper()}")
        lines.append(f"    sentence: {c['sentence']}")
        example = f" (example: {p['example']})" if p.get("example") else ""
        lines.append(f"    pattern: {p['id']}{example}")
        if c["outcome"] != "event":
            lines.append(f"    why not: {c['reason']}")
        roles = c["roles"]
        if roles:
            lines.append(f"    source: {_actor_list(roles['sources'])} - {roles['source_rule']}")
            lines.append(f"    target: {_actor_list(roles['targets'])} - {roles['target_rule']}")
            lines.append(f"    modality: {c['modality']}; date: {c['date']}")
        if c["parse"]:
            lines.append(f"    parse: {_parse_line(c['parse'])}")
    if explanation.chrome:
        lines += ["", f"site chrome, not coded ({len(explanation.chrome)} stretches):"]
        lines += [f"    {text[:100]}" for text in explanation.chrome]
    lines.append("")
    for e in explanation.events:
        target = e.target.code if e.target else "-"
        when = e.date or "undated"
        lines.append(f"event {e.event_id}: {e.source.code} -> {target} {e.cameo} ({e.plover}) {when} {e.status}")
    return lines
