"""The corpus store: ingest many documents, keep their events in DuckDB, deduplicate them across
articles, and read dyad series and exports back.

>>> from detente.store import Store
>>> with Store("news.duckdb") as store:  # doctest: +SKIP
...     store.ingest(["crawl/"])
...     series = store.dyad("CHN", "RUS", by="month")
"""

from __future__ import annotations

from detente.ingest.formats import CsvColumns
from detente.store.cluster import ClusterInput, cluster_events, cluster_reports
from detente.store.errors import StoreError
from detente.store.ingest import IngestReport
from detente.store.series import DyadSeries, TopDyads
from detente.store.store import DEFAULT_DB, Store

__all__ = [
    "DEFAULT_DB",
    "ClusterInput",
    "CsvColumns",
    "DyadSeries",
    "IngestReport",
    "Store",
    "StoreError",
    "TopDyads",
    "cluster_events",
    "cluster_reports",
]
