"""Validate benchmarks/modern: keys, codes, roots, evidence in text, ids, splits.

Run: python benchmarks/modern/check.py  (prints counts; exits 1 on any error).
"""
import collections
import hashlib
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).parent
ART_KEYS = {"id", "date", "style", "split", "text"}
GOLD_KEYS = ["doc", "n", "source", "roots", "target", "date", "historical", "evidence", "core", "reciprocal"]
CODE = re.compile(r"^[A-Z][A-Z0-9]{1,5}(:[A-Z]{3})?(\|[A-Z][A-Z0-9]{1,5}(:[A-Z]{3})?)*$")
DATE = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")


def split_of(doc_id: str) -> str:
    return "heldout" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def _read(name: str) -> list[dict]:
    with open(HERE / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _article_errors(arts: list[dict]) -> list[str]:
    errors, seen = [], set()
    for a in arts:
        if set(a) != ART_KEYS:
            errors.append(f"{a.get('id')}: keys {sorted(a)}")
        if a["id"] in seen:
            errors.append(f"{a['id']}: duplicate id")
        seen.add(a["id"])
        if a["split"] != split_of(a["id"]):
            errors.append(f"{a['id']}: split {a['split']} != {split_of(a['id'])}")
        if a["style"] not in {"wire", "longform", "web"} or not DATE.match(a["date"]):
            errors.append(f"{a['id']}: style/date")
    return errors


def _event_errors(g: dict, texts: dict[str, str]) -> list[str]:
    where = f"{g.get('doc')}#{g.get('n')}"
    if list(g) != GOLD_KEYS:
        return [f"{where}: keys {list(g)}"]
    if g["doc"] not in texts:
        return [f"{where}: unknown doc"]
    checks = [
        (g["evidence"] in texts[g["doc"]], f"evidence not in text: {g['evidence']!r}"),
        (CODE.match(g["source"]) and (g["target"] is None or CODE.match(g["target"])),
         f"actor code {g['source']} / {g['target']}"),
        (g["roots"] and all(re.fullmatch(r"0[1-9]|1\d|20", r) for r in g["roots"]), f"roots {g['roots']}"),
        (DATE.match(g["date"]), f"date {g['date']}"),
        (all(isinstance(g[k], bool) for k in ("historical", "core", "reciprocal")), "flags not booleans"),
    ]
    return [f"{where}: {message}" for ok, message in checks if not ok]


def _gold_errors(gold: list[dict], texts: dict[str, str]) -> list[str]:
    errors = [e for g in gold for e in _event_errors(g, texts)]
    numbers = collections.defaultdict(list)
    for g in gold:
        numbers[g.get("doc")].append(g.get("n"))
    errors += [f"{doc}: n not 1..k in order" for doc, ns in numbers.items() if ns != list(range(1, len(ns) + 1))]
    return errors


def _counts(arts: list[dict], gold: list[dict]) -> None:
    by = collections.Counter((a["split"], a["style"]) for a in arts)
    split = {a["id"]: a["split"] for a in arts}
    for s in ("dev", "heldout"):
        ev = [g for g in gold if split.get(g["doc"]) == s]
        print(f"{s}: {sum(v for (sp, _), v in by.items() if sp == s)} articles "
              f"({', '.join(f'{st} {by[(s, st)]}' for st in ('wire', 'longform', 'web'))}), "
              f"{len(ev)} events, {sum(g['core'] for g in ev)} lead")


def main() -> int:
    arts, gold = _read("articles.jsonl"), _read("gold.jsonl")
    errors = _article_errors(arts) + _gold_errors(gold, {a["id"]: a["text"] for a in arts})
    for e in errors:
        print("ERROR", e)
    _counts(arts, gold)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
