"""The on-disk cache of compiled lexicons: hits, rebuilds when a data file changes, corrupt entries
ignored, and processes that start together with an empty cache."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from detente import resources
from detente.lexicon import cache
from detente.resources import load_resources

ZEMBLA = {"code": "QZB", "name": "Zembla", "kind": "state", "names": ["zembla"]}


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    where = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(where))
    load_resources.cache_clear()  # type: ignore[attr-defined]  # the in-process cache would hide the disk's
    yield where
    load_resources.cache_clear()  # type: ignore[attr-defined]


def _entries(where: Path) -> list[Path]:
    # the lemma table has a cache entry of its own, written by whichever test loads it first
    return sorted(p for p in where.glob("*.pickle") if not p.name.startswith("lemmas-"))


def test_a_second_use_reads_the_entry_instead_of_building(cache_dir: Path) -> None:
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {"answer": 42}

    assert cache.cached("thing", "k1", build) == {"answer": 42}
    assert cache.cached("thing", "k1", build) == {"answer": 42}
    assert len(builds) == 1 and len(_entries(cache_dir)) == 1
    assert cache.cached("thing", "k2", build) == {"answer": 42}  # another key: built again
    assert len(builds) == 2


def test_old_entries_of_a_name_are_pruned_to_the_newest_few(cache_dir: Path) -> None:
    for n in range(6):
        cache.cached("thing", f"k{n}", lambda n=n: n)
        os.utime(cache_dir / f"thing-k{n}.pickle", (1_000_000 + n, 1_000_000 + n))  # distinct ages
    cache.cached("other", "k", lambda: "kept")
    names = sorted(p.name for p in _entries(cache_dir))
    assert names == ["other-k.pickle", "thing-k3.pickle", "thing-k4.pickle", "thing-k5.pickle"]
    assert cache.cached("thing", "k5", lambda: -1) == 5  # the newest is still read


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", pickle.dumps({"answer": 42})[:-3]])
def test_a_corrupt_entry_is_ignored_and_rebuilt(cache_dir: Path, garbage: bytes) -> None:
    cache.cached("thing", "k", lambda: [1, 2, 3])
    (entry,) = _entries(cache_dir)
    entry.write_bytes(garbage)
    assert cache.cached("thing", "k", lambda: [4, 5, 6]) == [4, 5, 6]
    assert pickle.loads(entry.read_bytes()) == [4, 5, 6]  # and replaced by a good one


def test_an_entry_of_the_wrong_kind_is_rebuilt(cache_dir: Path) -> None:
    cache.cached("thing", "k", lambda: "a string")
    assert cache.cached("thing", "k", lambda: {"a": 1}, accept=dict) == {"a": 1}


def test_an_unwritable_cache_directory_only_costs_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(cache.ENV, str(blocker / "cache"))  # under a file: cannot be created
    assert cache.cached("thing", "k", lambda: 7) == 7
    monkeypatch.setenv(cache.ENV, "off")
    assert cache.cache_dir() is None and cache.cached("thing", "k", lambda: 8) == 8


def test_the_key_follows_file_contents_and_places(tmp_path: Path) -> None:
    data = tmp_path / "a.jsonl"
    data.write_text("one\n")
    first = cache.content_key("r", [data], [])
    assert cache.content_key("r", [data], []) == first
    data.write_text("two\n")
    assert cache.content_key("r", [data], []) != first
    moved = tmp_path / "b.jsonl"
    moved.write_text("two\n")
    assert cache.content_key("r", [moved], []) != cache.content_key("r", [data], [])


def test_resources_are_cached_and_rebuilt_when_a_data_file_changes(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / "data"
    (extra / "actors").mkdir(parents=True)
    countries = extra / "actors" / "countries-extra.jsonl"
    countries.write_text(json.dumps(ZEMBLA) + "\n", encoding="utf-8")
    built = load_resources((str(extra),))
    assert "QZB" in built.countries and len(_entries(cache_dir)) == 1

    compiles: list[int] = []
    real_load = resources._load
    monkeypatch.setattr(resources, "_load", lambda dirs: compiles.append(1) or real_load(dirs))
    load_resources.cache_clear()  # type: ignore[attr-defined]
    again = load_resources((str(extra),))
    assert compiles == [] and again.countries["QZB"].name == "Zembla"
    assert again.actor_matcher.phrases["zembla"][0].country == "QZB"  # the phrase table survives pickling

    countries.write_text(json.dumps({**ZEMBLA, "name": "Zembla Nova"}) + "\n", encoding="utf-8")
    load_resources.cache_clear()  # type: ignore[attr-defined]
    changed = load_resources((str(extra),))
    assert compiles == [1] and changed.countries["QZB"].name == "Zembla Nova"
    assert len(_entries(cache_dir)) == 2  # the old entry is left behind, never read again


def test_the_data_directories_in_force_are_part_of_the_key(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / "data"
    (extra / "actors").mkdir(parents=True)
    (extra / "actors" / "countries-extra.jsonl").write_text(json.dumps(ZEMBLA) + "\n", encoding="utf-8")
    monkeypatch.setenv("DETENTE_DATA", str(extra))
    assert "QZB" in load_resources().countries
    monkeypatch.delenv("DETENTE_DATA")
    assert "QZB" not in load_resources().countries  # same arguments, another DETENTE_DATA


_CHILD = """
import sys
from detente.resources import load_resources
res = load_resources()
print(len(res.countries), len(res.pattern_records), res.actor_matcher.phrases["russia"][0].country)
"""


def test_processes_starting_together_share_one_good_entry(tmp_path: Path) -> None:
    env = {**os.environ, cache.ENV: str(tmp_path / "cache")}
    children = [
        subprocess.Popen([sys.executable, "-c", _CHILD], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    outputs = [child.communicate(timeout=300) for child in children]
    assert [child.returncode for child in children] == [0, 0], [err.decode() for _, err in outputs]
    assert outputs[0][0] == outputs[1][0] and outputs[0][0].split()[-1] == b"RUS"
    files = list((tmp_path / "cache").iterdir())
    assert all(f.suffix == ".pickle" for f in files)  # no temporary file left
    assert len([f for f in files if f.name.startswith("resources-")]) == 1
    reader = subprocess.run([sys.executable, "-c", _CHILD], env=env, capture_output=True, check=True)
    assert reader.stdout == outputs[0][0]  # a third process reads what they wrote
