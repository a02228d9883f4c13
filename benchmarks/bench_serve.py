"""Benchmark of ``detente serve``: latency and throughput of the dyad-series and events endpoints.

Builds a synthetic store (default 200,000 events, inserted with DuckDB SQL, no coding), starts
``detente serve`` on a free loopback port in a subprocess, and sends a bounded number of requests
with httpx from this machine: first one at a time (latency: p50/p95), then from several threads
(throughput). Prints numbers; asserts nothing. Target: p95 < 200 ms.

    .venv/bin/python benchmarks/bench_serve.py [--events 200000] [--requests 500] [--threads 8]
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from detente.store import Store

COUNTRIES = [
    "USA", "CHN", "RUS", "GBR", "FRA", "DEU", "JPN", "IND", "IRN", "ISR", "SAU", "TUR", "UKR", "PRK",
    "KOR", "BRA", "ZAF", "EGY", "SYR", "IRQ", "PAK", "AFG", "VEN", "CUB", "MEX", "CAN", "AUS", "IDN",
    "NGA", "ETH",
]  # fmt: skip
CAMEO = [("040", 1, 1.0, "CONSULT"), ("057", 1, 8.0, "AGREE"), ("070", 2, 7.0, "AID"),
         ("112", 3, -2.0, "ACCUSE"), ("130", 3, -4.4, "THREATEN"), ("163", 4, -8.0, "SANCTION"),
         ("190", 4, -10.0, "ASSAULT")]  # fmt: skip
CONTEXTS = ["diplomatic", "economic", "military", "energy", "trade", "nuclear"]


def build(path: Path, n_events: int) -> None:
    """Documents, reports and events straight from SQL: one report per event, five events per document."""
    with Store(path) as store:
        conn = store.conn
        conn.execute("CREATE TEMP TABLE c AS SELECT unnest(?) AS code, range AS i FROM range(?)", [COUNTRIES, 0])
        conn.execute(
            "CREATE TEMP TABLE k AS SELECT * FROM (VALUES "
            + ", ".join(f"({i}, '{c}', '{c[:2]}', {q}, {g}, '{p}')" for i, (c, q, g, p) in enumerate(CAMEO))
            + ") AS t(i, cameo, root, quad, gold, plover)"
        )
        nc, nk = len(COUNTRIES), len(CAMEO)
        conn.execute(
            f"""CREATE TEMP TABLE g AS SELECT
                   i, lpad(to_hex(hash(i)), 16, '0') AS cluster_id,
                   DATE '2000-01-01' + CAST(hash(i * 7) % 9131 AS INTEGER) AS date,
                   list_extract(?, 1 + CAST(hash(i * 3) % {nc} AS INTEGER)) AS s,
                   list_extract(?, 1 + CAST((hash(i * 3) % {nc} + 1 + hash(i * 5) % {nc - 1}) % {nc} AS INTEGER)) AS t,
                   CAST(hash(i * 11) % {nk} AS INTEGER) AS ki,
                   [list_extract(?, 1 + CAST(hash(i * 13) % {len(CONTEXTS)} AS INTEGER))] AS ctx,
                   i // 5 AS doc
                FROM range(?) r(i)""",
            [COUNTRIES, COUNTRIES, CONTEXTS, n_events],
        )
        conn.execute("BEGIN TRANSACTION")
        conn.execute(
            """INSERT INTO documents (doc_hash, doc_id, date, title, url, source, origin, text, ingested_at)
               SELECT sha256('doc' || doc), 'doc-' || doc, min(date), 'Synthetic ' || doc, NULL, 'bench', 'bench',
                      string_agg(s || ' and ' || t || ' held talks on ' || date || '.', ' ' ORDER BY i), now()
               FROM g GROUP BY doc"""
        )
        conn.execute(
            """INSERT INTO reports (report_id, event_id, doc_hash, date, date_precision, source_text, source_code,
                   source_country, source_key, target_text, target_code, target_country, target_key, pair_key,
                   cameo, root, plover, quad_class, goldstein, contexts, status, evidence_text, evidence_start,
                   evidence_end, confidence, trigger, reciprocal, cluster_id)
               SELECT cluster_id, cluster_id, sha256('doc' || doc), date, 'day', s, s || 'GOV', s, s, t, t || 'GOV',
                      t, t, least(s, t) || '|' || greatest(s, t), k.cameo, k.root, k.plover, k.quad, k.gold, ctx,
                      'reported', s || ' and ' || t || ' held talks on ' || date || '.', 0, 10, 0.8, 'talks', false,
                      cluster_id
               FROM g JOIN k ON g.ki = k.i"""
        )
        conn.execute(
            """INSERT INTO events (cluster_id, pair_key, date, date_precision, source_key, source_code, source_country,
                   target_key, target_code, target_country, reciprocal, cameo, root, plover, quad_class, goldstein,
                   contexts, mention_count, article_count, sources, urls, first_seen)
               SELECT cluster_id, least(s, t) || '|' || greatest(s, t), date, 'day', s, s || 'GOV', s, t, t || 'GOV',
                      t, false, k.cameo, k.root, k.plover, k.quad, k.gold, ctx, 1, 1, ['bench'], [], date
               FROM g JOIN k ON g.ki = k.i"""
        )
        columns = {r[0] for r in conn.execute("SELECT column_name FROM information_schema.columns "
                                              "WHERE table_name = 'events'").fetchall()}  # fmt: skip
        if "status" in columns:  # schema 2 on
            conn.execute("UPDATE events SET status = 'reported'")
        conn.execute("COMMIT")
        counts = store.counts()
    print(f"store: {counts['events']:,} events, {counts['reports']:,} reports, {counts['documents']:,} documents")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(base: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with {proc.returncode}")
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("the server did not start within 60 s")


def series_request(rng: random.Random) -> tuple[str, dict[str, str]]:
    a, b = rng.sample(COUNTRIES[:10], 2)
    params = {"by": rng.choice(["month", "month", "week", "year"])}
    if rng.random() < 0.5:
        year = rng.randint(2000, 2020)
        params |= {"from": f"{year}-01-01", "to": f"{year + 4}-12-31"}
    return f"/api/dyads/{a}/{b}/series", params


def events_request(rng: random.Random) -> tuple[str, dict[str, str]]:
    a, b = rng.sample(COUNTRIES, 2)
    year = rng.randint(2000, 2024)
    choices = [
        {"dyad": f"{a}-{b}"},
        {"dyad": f"{a}-{b}", "from": f"{year}-01-01", "to": f"{year}-12-31"},
        {"actor": a, "quad_class": str(rng.randint(1, 4))},
        {"actor": a, "cameo": rng.choice(CAMEO)[0][:2], "sort": "goldstein", "order": "desc"},
        {"context": rng.choice(CONTEXTS), "from": f"{year}-01-01", "to": f"{year}-03-31"},
        {"plover": "AGREE", "offset": str(rng.randint(0, 5000))},
    ]
    return "/api/events", rng.choice(choices) | {"limit": "50"}


def run(base: str, make: Callable[[random.Random], tuple[str, dict[str, str]]], n: int, threads: int) -> None:
    rng = random.Random(7)
    requests = [make(rng) for _ in range(n)]
    with httpx.Client(base_url=base, timeout=30) as client:
        for path, params in requests[:10]:  # warm up
            client.get(path, params=params)
        latencies = []
        started = time.perf_counter()
        for path, params in requests:
            t0 = time.perf_counter()
            response = client.get(path, params=params)
            latencies.append(time.perf_counter() - t0)
            if response.status_code != 200:
                print(f"  {response.status_code} on {path} {params}: {response.text[:200]}")
        elapsed = time.perf_counter() - started
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(
        f"  sequential: {n / elapsed:7.1f} req/s, p50 {statistics.median(latencies) * 1000:6.1f} ms, "
        f"p95 {p95 * 1000:6.1f} ms, max {latencies[-1] * 1000:6.1f} ms"
    )

    def one(item: tuple[str, dict[str, str]]) -> None:
        with httpx.Client(base_url=base, timeout=30) as c:
            c.get(item[0], params=item[1])

    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(one, requests))
    elapsed = time.perf_counter() - started
    print(f"  {threads} threads: {n / elapsed:7.1f} req/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--db", type=Path, help="reuse or create this store instead of a temporary one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="detente-bench-") as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        if not db.exists():
            t0 = time.perf_counter()
            build(db, args.events)
            print(f"built in {time.perf_counter() - t0:.1f}s")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        cmd = [sys.executable, "-m", "detente.cli", "serve", "--db", str(db), "--port", str(port)]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_ready(base, proc)
            print(f"GET /api/dyads/{{a}}/{{b}}/series ({args.requests} requests)")
            run(base, series_request, args.requests, args.threads)
            print(f"GET /api/events ({args.requests} requests, limit 50)")
            run(base, events_request, args.requests, args.threads)
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
