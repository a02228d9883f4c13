"""Benchmark of ``detente serve``: latency and throughput of the dyad-series and events endpoints.

Builds a synthetic store (default 200,000 events, inserted with DuckDB SQL following the store
schema, no coding), starts a uvicorn server on it on a free loopback port in a subprocess, and
sends the same list of requests with httpx: from 1 and from 8 client threads (throughput), then
from 20 concurrent clients (latency under load: p50/p95). Each run is repeated with the server's
result cache on and off, so the scaling of the reads themselves shows too. The clients share the
machine with the server, so the numbers are for the whole machine; each run prints the CPU time
per request of the clients and of the server and the server's resident memory after the run
(psutil); a 3 s pause after each warm-up leaves the server's background work (the events it keeps
in memory, built on the first events page) out of the timed runs. ``--client light`` sends with the
standard library's ``http.client`` instead of httpx (a tenth of its CPU). ``--hot N`` draws every
request from N fixed views instead (many dashboards on a few popular views). Prints numbers; asserts
nothing. Targets: p95 < 200 ms with 20 clients; 8 threads at least as fast as 1.

    .venv/bin/python benchmarks/bench_serve.py [--events 200000] [--requests 400] [--clients 20]
        [--client httpx|light] [--endpoints series events] [--cache-mb 64 0] [--db PATH]
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx

try:
    import psutil
except ImportError:  # the server's CPU time is then not reported
    psutil = None

from detente.store import Store, schema

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
        if "best_evidence" in columns:  # schema 4 on: what the writer keeps, from the reports
            conn.execute(schema.FILL_BEST_EVIDENCE)
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


Make = Callable[[random.Random], tuple[str, dict[str, str]]]


@dataclass(slots=True)
class Timing:
    latencies: list[float]
    elapsed: float
    failures: int
    hits: int  # answered from the server's cache
    client_cpu: float = 0.0  # CPU seconds of this process (the clients) during the run
    server_cpu: float = 0.0  # CPU seconds of the server process during the run (0: not measured)
    server_rss: float = 0.0  # the server's resident memory after the run, bytes (0: not measured)

    def line(self, label: str) -> str:
        lat = sorted(self.latencies)
        p95 = lat[int(0.95 * (len(lat) - 1))]
        n = len(lat)
        cpu = f", CPU per request: clients {self.client_cpu / n * 1000:4.1f} ms"
        cpu += f", server {self.server_cpu / n * 1000:4.1f} ms" if self.server_cpu else ""
        cpu += f", server RSS {self.server_rss / 2**20:.0f} MB" if self.server_rss else ""
        return (
            f"  {label:<22} {n / self.elapsed:7.1f} req/s, p50 {statistics.median(lat) * 1000:6.1f} ms, "
            f"p95 {p95 * 1000:6.1f} ms, max {lat[-1] * 1000:6.1f} ms"
            + f", {self.hits / n:4.0%} cached"
            + (f", {self.failures} failed" if self.failures else "")
            + cpu
        )


Get = Callable[[str, dict[str, str]], tuple[int, str | None]]  # path, query -> status, x-detente-cache


@contextlib.contextmanager
def httpx_client(base: str) -> Iterator[Get]:
    """A client as a dashboard's backend might use (httpx, keep-alive): 4-5 ms of CPU a request."""
    with httpx.Client(base_url=base, timeout=60) as client:

        def get(path: str, params: dict[str, str]) -> tuple[int, str | None]:
            response = client.get(path, params=params)
            return response.status_code, response.headers.get("x-detente-cache")

        yield get


@contextlib.contextmanager
def light_client(base: str) -> Iterator[Get]:
    """The standard library's keep-alive connection: a fraction of httpx's CPU, so that on a small
    machine shared with the server more of the cores measure the server."""
    host, port = base.removeprefix("http://").rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    try:

        def get(path: str, params: dict[str, str]) -> tuple[int, str | None]:
            conn.request("GET", f"{path}?{urlencode(params)}")
            response = conn.getresponse()
            response.read()
            return response.status, response.getheader("x-detente-cache")

        yield get
    finally:
        conn.close()


CLIENTS = {"httpx": httpx_client, "light": light_client}


def server_cpu(pid: int | None) -> float:
    """CPU seconds the server process has used (0.0 where psutil is missing)."""
    if pid is None or psutil is None:
        return 0.0
    times = psutil.Process(pid).cpu_times()
    return float(times.user + times.system)


def server_rss(pid: int | None) -> float:
    """The server's resident memory in bytes (0.0 where psutil is missing)."""
    return float(psutil.Process(pid).memory_info().rss) if pid is not None and psutil is not None else 0.0


def load(base: str, requests: list[tuple[str, dict[str, str]]], threads: int, client: str = "httpx",
         pid: int | None = None) -> Timing:  # fmt: skip
    """Send ``requests`` from ``threads`` clients at once (each its own keep-alive connection, each
    sending its next request as soon as the last is answered); time every request."""
    todo = iter(requests)
    lock = threading.Lock()
    timing = Timing([], 0.0, 0, 0)

    def client_loop() -> None:
        with CLIENTS[client](base) as get:
            while True:
                with lock:
                    item = next(todo, None)
                if item is None:
                    return
                t0 = time.perf_counter()
                status, cache = get(item[0], item[1])
                spent = time.perf_counter() - t0
                with lock:
                    timing.latencies.append(spent)
                    timing.failures += status != 200
                    timing.hits += cache == "hit"

    cpu0, server0 = time.process_time(), server_cpu(pid)
    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        for future in [pool.submit(client_loop) for _ in range(threads)]:
            future.result()
    timing.elapsed = time.perf_counter() - started
    timing.client_cpu = time.process_time() - cpu0
    timing.server_cpu = server_cpu(pid) - server0
    timing.server_rss = server_rss(pid)
    return timing


@dataclass(frozen=True, slots=True)
class Run:
    """How one endpoint is driven: requests per run, clients, thread counts, the client kind."""

    n: int
    clients: int
    threads: list[int]
    client: str = "httpx"
    settle: float = 3.0  # seconds waited after the warm-up


def bench_endpoint(base: str, pid: int | None, name: str, make: Make, run: Run) -> None:
    """One run per thread count and one with ``clients`` clients, each on fresh random requests (a
    new seed per run), so cache hits come only from requests the distribution repeats."""
    rng = random.Random(7)
    load(base, [make(rng) for _ in range(10)], 1, run.client)  # warm up: the first query of a kind reads the file
    time.sleep(run.settle)  # the work the warm-up started in the background (the events kept in memory)
    print(f"{name} ({run.n} requests per run, {run.client} clients)")
    for count in run.threads:
        timing = load(base, [make(rng) for _ in range(run.n)], count, run.client, pid)
        print(timing.line(f"{count} thread{'s' if count > 1 else ''}"))
    timing = load(base, [make(rng) for _ in range(run.n)], run.clients, run.client, pid)
    print(timing.line(f"{run.clients} concurrent clients"))


def hot(make: Make, views: int) -> Make:
    """Requests drawn from ``views`` fixed ones: dashboards open on a few popular views."""
    popular = [make(random.Random(100 + i)) for i in range(views)]
    return lambda rng: rng.choice(popular)


ENDPOINTS: dict[str, tuple[str, Make]] = {
    "series": ("GET /api/dyads/{a}/{b}/series", series_request),
    "events": ("GET /api/events (limit 50)", events_request),
}

SERVER = """
import sys, uvicorn
from detente.serve import ServeConfig, create_app
db, port, cache, threads, readers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
app = create_app(ServeConfig(db=db, max_readers=readers, **({} if cache < 0 else {"cache_bytes": cache})))
if threads:
    with app.state.detente.db.cursor() as cur:
        cur.execute(f"SET threads = {threads}")
uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")
"""


@contextlib.contextmanager
def server(db: Path, cache_bytes: int, duckdb_threads: int = 0, readers: int = 0) -> Iterator[tuple[str, int]]:
    """A real uvicorn server on a free loopback port, in its own process (as ``detente serve`` runs it)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-c", SERVER, str(db), str(port), str(cache_bytes), str(duckdb_threads), str(readers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    try:
        wait_ready(base, proc)
        yield base, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients of the concurrent run")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 8], help="client threads of throughput runs")
    parser.add_argument("--cache-mb", type=float, nargs="+", default=[64.0, 0.0],
                        help="server result cache sizes to compare (0: off; -1: the server's default)")  # fmt: skip
    parser.add_argument("--duckdb-threads", type=int, default=0, help="the server's DuckDB threads (0: its default)")
    parser.add_argument("--hot", type=int, default=0, help="draw requests from this many fixed views (0: random)")
    parser.add_argument("--readers", type=int, default=0, help="the server's reads at once (0: its default)")
    parser.add_argument("--db", type=Path, help="reuse or create this store instead of a temporary one")
    parser.add_argument("--client", choices=sorted(CLIENTS), default="httpx",
                        help="httpx, or light: the standard library's http.client (less client CPU)")  # fmt: skip
    parser.add_argument("--endpoints", choices=["series", "events"], nargs="+", default=["series", "events"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="detente-bench-") as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        if not db.exists():
            t0 = time.perf_counter()
            build(db, args.events)
            print(f"built in {time.perf_counter() - t0:.1f}s")
        for cache_mb in args.cache_mb:
            print(f"== server result cache: {'default' if cache_mb < 0 else f'{cache_mb:g} MB'}")
            cache_bytes = -1 if cache_mb < 0 else int(cache_mb * 1024 * 1024)
            run = Run(args.requests, args.clients, args.threads, args.client)
            with server(db, cache_bytes, args.duckdb_threads, args.readers) as (base, pid):
                for endpoint in args.endpoints:
                    name, make = ENDPOINTS[endpoint]
                    bench_endpoint(base, pid, name, hot(make, args.hot) if args.hot else make, run)


if __name__ == "__main__":
    main()
