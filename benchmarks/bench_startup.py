"""Start-up of ``detente code`` on a one-sentence input: whole-process time, cold and warm cache.

Each run is a fresh ``detente code`` process (the console script beside this Python). "cold"
starts with an empty lexicon cache directory (the process compiles the data files and writes the cache), "warm" finds it
filled. Two inputs: a sentence with an event (the parser is loaded) and one without (it is not).
Wall time depends on what else the machine runs, so CPU time (user + system) is printed too.
Prints numbers; asserts nothing. Target: warm, with an event, under 1.0 s. ``--phases`` adds
where the time of a warm run with an event goes (imports, lexicon, spaCy, parser, the rest),
timed inside the process; the whole-process times include interpreter start and exit besides.

The sandbox this was written in sets PYTHONDONTWRITEBYTECODE=1; an installed package has its
compiled .pyc files, so time it as installed with ``env -u PYTHONDONTWRITEBYTECODE`` as well.

    .venv/bin/python benchmarks/bench_startup.py [--runs 5] [--phases] [--source OTHER_CHECKOUT]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

INPUTS = {
    "event": "Russia and China signed a trade agreement on Monday.\n",
    "no event": "The weather in the capital was mild on Monday.\n",
}


def one_run(text_file: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole ``detente code`` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    cmd = [str(Path(sys.executable).parent / "detente"), "code", str(text_file), "--date", "2024-01-01"]
    # run elsewhere, so no ``detente`` folder in the current directory shadows --source
    done = subprocess.run(cmd, env=env, cwd=text_file.parent, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"detente code failed: {done.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


# Run in a fresh process: times the phases of one `detente code` run (wall and CPU seconds) by
# wrapping the functions that do them; the parser load includes the spaCy import, subtracted below.
_PHASES = """
import json, sys, time
def now():
    return (time.perf_counter(), time.process_time())
start = now()
sys.argv = ["detente", "code", sys.argv[1], "--date", "2024-01-01"]
import detente.cli as cli
took = {"import detente.cli": [b - a for a, b in zip(start, now())]}
import detente.parse.spacy_import as si, detente.parse.stage as st, detente.pipeline as pl
def timed(name, fn):
    def wrapper(*args, **kwargs):
        t = now()
        try:
            return fn(*args, **kwargs)
        finally:
            took[name] = [b - a for a, b in zip(t, now())]
    return wrapper
pl.Pipeline.__init__ = timed("lexicon (cache)", pl.Pipeline.__init__)
si.import_spacy = timed("import spaCy", si.import_spacy)
st.load_parser = timed("parser load", st.load_parser)
try:
    cli.app()
except SystemExit:
    pass
took["in-process total"] = [b - a for a, b in zip(start, now())]
print(json.dumps(took), file=sys.stderr)
"""
_PHASE_NAMES = ("import detente.cli", "lexicon (cache)", "import spaCy", "parser load", "coding and writing")


def phases(text_file: Path, env: dict[str, str], runs: int) -> None:
    """Median wall and CPU seconds of each phase of a warm run, over ``runs`` fresh processes."""
    samples: dict[str, list[list[float]]] = {}
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", _PHASES, str(text_file)], env=env, capture_output=True, text=True, check=True
        )
        took = json.loads(done.stderr.strip().splitlines()[-1])
        took["parser load"] = [p - s for p, s in zip(took["parser load"], took["import spaCy"], strict=True)]
        took["coding and writing"] = [
            total - sum(took[name][i] for name in _PHASE_NAMES[:-1]) for i, total in enumerate(took["in-process total"])
        ]
        for name, value in took.items():
            samples.setdefault(name, []).append(value)
    print(f"  phases of a warm run (medians of {runs} runs; the process also starts and ends the interpreter)")
    for name in (*_PHASE_NAMES, "in-process total"):
        wall = statistics.median(w for w, _ in samples[name])
        cpu = statistics.median(c for _, c in samples[name])
        print(f"    {name:<20} wall {wall:5.3f} s, CPU {cpu:5.3f} s")


def report(label: str, samples: list[tuple[float, float]]) -> None:
    walls = [w for w, _ in samples]
    cpus = [c for _, c in samples]
    print(
        f"  {label:<22} wall median {statistics.median(walls):5.2f} s (min {min(walls):5.2f}), "
        f"CPU median {statistics.median(cpus):5.2f} s (min {min(cpus):5.2f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--source", type=Path, help="time the detente package of another checkout")
    parser.add_argument("--phases", action="store_true", help="also time the phases of a warm run with an event")
    args = parser.parse_args()
    env = dict(os.environ)
    if args.source:
        env["PYTHONPATH"] = str(args.source.resolve())
    with tempfile.TemporaryDirectory(prefix="detente-startup-") as tmp:
        env["DETENTE_CACHE_DIR"] = str(Path(tmp) / "cache")
        for name, text in INPUTS.items():
            text_file = Path(tmp) / f"{name.replace(' ', '-')}.txt"
            text_file.write_text(text, encoding="utf-8")
            cold = []
            for i in range(args.runs):
                env["DETENTE_CACHE_DIR"] = str(Path(tmp) / f"cold-{name}-{i}")  # empty each time
                cold.append(one_run(text_file, env))
            env["DETENTE_CACHE_DIR"] = str(Path(tmp) / "warm")
            one_run(text_file, env)  # fills the cache
            warm = [one_run(text_file, env) for _ in range(args.runs)]
            print(f"detente code, one sentence ({name}), {args.runs} runs each")
            report("cold (empty cache)", cold)
            report("warm cache", warm)
            if args.phases and name == "event":
                phases(text_file, env, args.runs)


if __name__ == "__main__":
    main()
