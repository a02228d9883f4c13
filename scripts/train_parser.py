"""Train detente's tagger and dependency parser for clean and scraped news text.

Reproduces the model shipped in `detente/models/parser-en/` from UD English-EWT (CC BY-SA 4.0) and
the punctuated Voice of America articles (public domain) in ../shared/corpora:

    python scripts/train_parser.py prepare            # CoNLL-U and VOA -> spaCy DocBin files
    python scripts/train_parser.py train --hours 1.2  # spacy train, one thread (scripts/parser.cfg)
    python scripts/train_parser.py install            # copy the chosen model into the package

Every EWT document chunk (at most 10 sentences) is rendered twice: as written, and as a scraper
leaves it (lowercase, accents folded, every character other than a-z and 0-9 a space), so one
model parses both and learns sentence ends without punctuation. VOA articles (the third of them
held apart for evaluation excluded) add news text rendered scraped whose only labels are the
sentence ends, which are free: the articles put one sentence per line.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"
WORK = ROOT / "build" / "parser"
MODEL_DIR = ROOT / "detente" / "models" / "parser-en"
CHUNK = 10


@dataclass
class Word:
    text: str
    space_after: bool
    head: int  # 0-based index within the sentence; -1 for the root
    dep: str
    tag: str


def read_conllu(path: Path) -> list[list[list[Word]]]:
    """Documents (by `newdoc id`) of sentences of words; multiword-token and empty-node lines skipped."""
    docs: list[list[list[Word]]] = []
    sent: list[Word] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc") or not docs:
            docs.append([])
        if not line.strip():
            if sent:
                docs[-1].append(sent)
                sent = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        dep = cols[7].lower()
        sent.append(Word(cols[1], "SpaceAfter=No" not in cols[9], int(cols[6]) - 1,
                         "ROOT" if dep == "root" else dep, cols[4]))
    if sent:
        docs[-1].append(sent)
    return [d for d in docs if d]


def scrape_text(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(c if c.isascii() and c.isalnum() else " " for c in folded)


def _scraped_groups(sent: list[Word]) -> tuple[list[list[int]], list[str]]:
    """The scraped words of a sentence: for each, the original tokens it holds and its text."""
    owner: list[int] = []
    chars: list[str] = []
    for i, w in enumerate(sent):
        rendered = scrape_text(w.text) + (" " if w.space_after else "")
        chars.extend(rendered)
        owner.extend([i] * len(rendered))
    groups: list[list[int]] = []
    texts: list[str] = []
    current: list[int] = []
    text = ""
    for c, i in zip([*chars, " "], [*owner, -1], strict=True):
        if c == " ":
            if current:
                groups.append(current)
                texts.append(text)
            current, text = [], ""
            continue
        text += c
        if not current or current[-1] != i:
            current.append(i)
    return groups, texts


def scrape_sentence(sent: list[Word]) -> list[Word]:
    """Render a sentence scraped and carry its tree over to the new words.

    Punctuation disappears, "u.s." becomes "u s" (the second piece `goeswith` the first) and
    "do" + "n't" become "don t". Each new word speaks for the highest original token in it;
    dependents of a vanished token attach to that token's nearest surviving ancestor."""
    groups, texts = _scraped_groups(sent)
    first_word: dict[int, int] = {}
    for g, members in enumerate(groups):
        for i in members:
            first_word.setdefault(i, g)

    def ancestor_word(i: int) -> int:
        while i >= 0 and i not in first_word:
            i = sent[i].head
        return -1 if i < 0 else first_word[i]

    out: list[Word] = []
    for g, members in enumerate(groups):
        member_set = set(members)
        rep = next((i for i in members if sent[i].head not in member_set), members[0])
        if first_word[rep] != g:  # a later piece of a split token
            out.append(Word(texts[g], True, first_word[rep], "goeswith", "GW"))
            continue
        head = ancestor_word(sent[rep].head)
        if head == g:
            head = -1
        out.append(Word(texts[g], True, head, sent[rep].dep if head >= 0 else "ROOT", sent[rep].tag))
    return _one_tree(out)


def _one_tree(words: list[Word]) -> list[Word]:
    """Merging tokens can close a cycle or leave two roots: attach such words to the first root."""
    if not words:
        return words
    roots = [k for k, w in enumerate(words) if w.head < 0] or [0]
    words[roots[0]] = Word(words[roots[0]].text, True, -1, "ROOT", words[roots[0]].tag)
    for k in range(len(words)):
        seen, node = set(), k
        while words[node].head >= 0 and node not in seen:
            seen.add(node)
            node = words[node].head
        if node != roots[0]:
            words[k] = Word(words[k].text, True, roots[0], "dep", words[k].tag)
    return words


def to_doc(vocab, sents: list[list[Word]]):
    from spacy.tokens import Doc

    words, spaces, tags, heads, deps = [], [], [], [], []
    for sent in sents:
        offset = len(words)
        for k, w in enumerate(sent):
            words.append(w.text)
            spaces.append(w.space_after if k < len(sent) - 1 else True)
            tags.append(w.tag)
            heads.append(offset + (w.head if w.head >= 0 else k))
            deps.append(w.dep)
    return Doc(vocab, words=words, spaces=spaces, tags=tags, heads=heads, deps=deps)


def voa_split(doc_id: str) -> str:
    """The third of VOA articles held apart (SHA-1 of the id divisible by 3) is never trained on."""
    return "heldout" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def voa_docs(vocab, split: str):
    """Scraped VOA articles with their sentence ends (one sentence per line) and nothing else."""
    from spacy.tokens import Doc

    for line in (SHARED / "voa-dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if voa_split(row["id"]) != split:
            continue
        lines = [scrape_text(s).split() for s in row["text"].split("\n")]
        lines = [s for s in lines if s]
        for start in range(0, len(lines), CHUNK):
            chunk = lines[start:start + CHUNK]
            words = [w for s in chunk for w in s]
            starts = [k == 0 for s in chunk for k in range(len(s))]
            yield Doc(vocab, words=words, sent_starts=starts)


def prepare() -> None:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    WORK.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev", "test"):
        docs = read_conllu(SHARED / "ud-english-ewt" / f"en_ewt-ud-{split}.conllu")
        for rendering in ("clean", "scraped"):
            out = DocBin()
            for doc in docs:
                for start in range(0, len(doc), CHUNK):
                    chunk = doc[start:start + CHUNK]
                    if rendering == "scraped":
                        chunk = [s for s in (scrape_sentence(s) for s in chunk) if s]
                    if chunk:
                        out.add(to_doc(nlp.vocab, chunk))
            out.to_disk(WORK / f"ewt-{split}-{rendering}.spacy")
    voa = DocBin(docs=list(voa_docs(nlp.vocab, "dev")))
    voa.to_disk(WORK / "voa-train-scraped.spacy")
    heldout = DocBin(docs=list(voa_docs(nlp.vocab, "heldout")))
    heldout.to_disk(WORK / "voa-heldout-scraped.spacy")
    train = DocBin()
    for name in ("ewt-train-clean", "ewt-train-scraped", "voa-train-scraped"):
        train.merge(DocBin().from_disk(WORK / f"{name}.spacy"))
    train.to_disk(WORK / "train.spacy")
    dev = DocBin()
    for name in ("ewt-dev-clean", "ewt-dev-scraped"):
        dev.merge(DocBin().from_disk(WORK / f"{name}.spacy"))
    dev.to_disk(WORK / "dev.spacy")


def train(hours: float, config: Path, output: Path) -> None:
    cmd = [sys.executable, "-m", "spacy", "train", str(config), "--output", str(output),
           "--paths.train", str(WORK / "train.spacy"), "--paths.dev", str(WORK / "dev.spacy"),
           "--training.seed", "13"]
    subprocess.run(["timeout", str(int(hours * 3600)), *cmd], check=False)


def install(output: Path) -> None:
    best = output / "model-best"
    if MODEL_DIR.exists():
        shutil.rmtree(MODEL_DIR)
    shutil.copytree(best, MODEL_DIR)
    meta = json.loads((MODEL_DIR / "meta.json").read_text())
    meta.update({"name": "detente_parser", "license": "CC BY-SA 4.0",
                 "sources": [{"name": "UD English-EWT", "license": "CC BY-SA 4.0",
                              "author": "Silveira et al. 2014; (c) 2013-2021 Stanford University"},
                             {"name": "Voice of America articles (sentence ends only)", "license": "public domain"}]})
    (MODEL_DIR / "meta.json").write_text(json.dumps(meta, indent=2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=["prepare", "train", "install"])
    parser.add_argument("--hours", type=float, default=1.5)
    parser.add_argument("--config", type=Path, default=ROOT / "scripts" / "parser.cfg", help="training config")
    parser.add_argument("--output", type=Path, default=WORK / "model", help="where spacy train writes")
    args = parser.parse_args()
    steps = {
        "prepare": prepare,
        "train": lambda: train(args.hours, args.config, args.output),
        "install": lambda: install(args.output),
    }
    steps[args.step]()


if __name__ == "__main__":
    main()
