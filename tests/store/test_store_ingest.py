"""Ingest of the VOA corpus: idempotent by content hash, and dyads readable afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.store import Store


def _most_frequent_pair(store: Store) -> tuple[str, str] | None:
    rows = store.conn.execute(
        "SELECT pair_key FROM events WHERE pair_key NOT LIKE '%-%' AND source_key <> target_key "
        "GROUP BY pair_key ORDER BY count(*) DESC, 1"
    ).fetchall()
    return tuple(rows[0][0].split("|")) if rows else None  # type: ignore[return-value]


@pytest.mark.shared
def test_voa_ingest_with_real_coder(tmp_path: Path, voa: Path) -> None:
    with Store(tmp_path / "voa.duckdb") as store:
        first = store.ingest([voa])
        assert first.documents_added == 124 and not first.errors
        again = store.ingest([voa])
        assert (again.documents_added, again.reports_added, again.events_added) == (0, 0, 0)
        assert again.documents_skipped == 124
        pair = _most_frequent_pair(store)
        if pair is None:
            pytest.skip("the coder produced no two-actor events yet (lexicon data pending)")
        series = store.dyad(*pair, by="month")
        assert sum(r["events"] for r in series.direction(series.directions[2])) > 0


@pytest.mark.shared
def test_voa_ingest_with_stub_coder(store: Store, voa: Path) -> None:
    store.ingest([voa])
    counts = store.counts()
    assert counts["documents"] == 124 and counts["reports"] > 0
    pair = _most_frequent_pair(store)
    assert pair is not None
    series = store.dyad(*pair, by="year")
    assert any(r["events"] for r in series.rows)
    assert store.ingest([voa]).documents_added == 0
    assert store.counts() == counts


def test_same_text_in_two_files_is_stored_once(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Russia and China signed a deal.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Russia  and China signed a deal.", encoding="utf-8")  # whitespace differs
    report = store.ingest([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert (report.documents_added, report.documents_skipped) == (1, 1)


def test_reopening_keeps_schema_version(tmp_path: Path) -> None:
    from detente.store.schema import LATEST, current_version

    with Store(tmp_path / "v.duckdb") as store:
        assert current_version(store.conn) == LATEST
    with Store(tmp_path / "v.duckdb") as store:
        versions = store.conn.execute("SELECT version FROM schema_version").fetchall()
        assert versions == [(v,) for v in range(1, LATEST + 1)]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    from detente.store import StoreError

    with Store(tmp_path / "n.duckdb") as store:
        store.conn.execute("INSERT INTO schema_version (version, description) VALUES (999, 'future')")
    with pytest.raises(StoreError, match="newer"):
        Store(tmp_path / "n.duckdb")


def test_recluster_reproduces_events(store: Store, gas_deal: Path) -> None:
    store.ingest([gas_deal])
    before = store.conn.execute("SELECT * FROM events ORDER BY cluster_id").fetchall()
    store.recluster()
    assert store.conn.execute("SELECT * FROM events ORDER BY cluster_id").fetchall() == before
