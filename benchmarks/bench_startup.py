"""Start-up of ``detente code`` on a one-sentence input: whole-process time, cold and warm cache.

Each run is a fresh ``detente code`` process (the console script beside this Python). "cold"
starts with an empty lexicon cache directory (the process compiles the data files and writes the cache), "warm" finds it
filled. Two inputs: a sentence with an event (the parser is loaded) and one without (it is not).
Wall time depends on what else the machine runs, so CPU time (user + system) is printed too.
Prints numbers; asserts nothing. Target: warm, with an event, under 1.0 s.

    .venv/bin/python benchmarks/bench_startup.py [--runs 5] [--source OTHER_CHECKOUT]
"""

from __future__ import annotations

import argparse
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


if __name__ == "__main__":
    main()
