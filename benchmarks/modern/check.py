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


def main() -> int:
    errors = []
    arts = [json.loads(line) for line in open(HERE / "articles.jsonl")]
    gold = [json.loads(line) for line in open(HERE / "gold.jsonl")]
    texts = {}
    for a in arts:
        if set(a) != ART_KEYS:
            errors.append(f"{a.get('id')}: keys {sorted(a)}")
        if a["id"] in texts:
            errors.append(f"{a['id']}: duplicate id")
        texts[a["id"]] = a["text"]
        if a["split"] != split_of(a["id"]):
            errors.append(f"{a['id']}: split {a['split']} != {split_of(a['id'])}")
        if a["style"] not in {"wire", "longform", "web"} or not DATE.match(a["date"]):
            errors.append(f"{a['id']}: style/date")
    seen = collections.defaultdict(list)
    for g in gold:
        where = f"{g.get('doc')}#{g.get('n')}"
        if list(g) != GOLD_KEYS:
            errors.append(f"{where}: keys {list(g)}")
            continue
        if g["doc"] not in texts:
            errors.append(f"{where}: unknown doc")
            continue
        seen[g["doc"]].append(g["n"])
        if g["evidence"] not in texts[g["doc"]]:
            errors.append(f"{where}: evidence not in text: {g['evidence']!r}")
        if not CODE.match(g["source"]) or (g["target"] is not None and not CODE.match(g["target"])):
            errors.append(f"{where}: actor code {g['source']} / {g['target']}")
        if not g["roots"] or any(not re.fullmatch(r"0[1-9]|1\d|20", r) for r in g["roots"]):
            errors.append(f"{where}: roots {g['roots']}")
        if not DATE.match(g["date"]):
            errors.append(f"{where}: date {g['date']}")
        if not all(isinstance(g[k], bool) for k in ("historical", "core", "reciprocal")):
            errors.append(f"{where}: flags not booleans")
    for doc, ns in seen.items():
        if ns != list(range(1, len(ns) + 1)):
            errors.append(f"{doc}: n not 1..k in order")
    for e in errors:
        print("ERROR", e)
    by = collections.Counter((a["split"], a["style"]) for a in arts)
    split = {a["id"]: a["split"] for a in arts}
    for s in ("dev", "heldout"):
        ev = [g for g in gold if split[g["doc"]] == s]
        print(f"{s}: {sum(v for (sp, _), v in by.items() if sp == s)} articles "
              f"({', '.join(f'{st} {by[(s, st)]}' for st in ('wire', 'longform', 'web'))}), "
              f"{len(ev)} events, {sum(g['core'] for g in ev)} lead")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
