"""One-sentence probes of the structures real news uses (tests/probes/probes.jsonl and the topic files
probes-*.jsonl, written for the project): what each must code, and what it must not, clean and scraped."""

from __future__ import annotations

import json
from pathlib import Path

from detente import Document, Pipeline, parse_date
from detente.bench.render import scrape
from detente.model import Event

# probes.jsonl and topic files beside it (probes-*.jsonl)
PROBES = [
    json.loads(line)
    for path in sorted(Path(__file__).parent.glob("probes*.jsonl"))
    for line in path.read_text().splitlines()
    if line
]


def _key(actor) -> str:  # noqa: ANN001 - Actor | None
    return (actor.country or actor.org or "") if actor else ""


def _fits(spec: dict, e: Event, reverse: bool = False) -> bool:
    source, target = (e.target, e.source) if reverse else (e.source, e.target)
    if "root" in spec and e.cameo[:2] not in spec["root"].split("|"):
        return False
    if "source" in spec and _key(source) not in spec["source"].split("|"):
        return False
    return "target" not in spec or _key(target) in spec["target"].split("|")


def problems(probe: dict, events: list[Event]) -> list[str]:
    out = []
    for spec in probe["expect"]:
        fitting = [e for e in events if _fits(spec, e) or (spec.get("reciprocal") and _fits(spec, e, reverse=True))]
        # a reciprocal pair is two parties: "russia and china signed" is not russia acting on itself
        found = any(_key(e.source) != _key(e.target) for e in fitting) if spec.get("reciprocal") else bool(fitting)
        if not found:
            out.append(f"missing {spec}")
    for spec in probe.get("forbid", []):
        if any(_fits(spec, e) for e in events):
            out.append(f"forbidden {spec}")
    if not probe["expect"] and not probe.get("forbid") and events:
        out.append("expected no event")
    return out


def run(pipeline: Pipeline, probe: dict, rendering: str) -> list[Event]:
    text = probe["text"] if rendering == "clean" else scrape(probe["text"])
    return pipeline.run(Document(doc_id="probe", text=text, date=parse_date(probe["date"]))).events


def describe(events: list[Event]) -> str:
    return "; ".join(f"{_key(e.source)} {e.cameo} {_key(e.target) or '-'}" for e in events) or "no events"
