"""A cache of read responses (dyad series, rankings, event searches), keyed by the request and the
store's generation.

Every write bumps the generation (:meth:`detente.serve.db.Database.wrote`), which empties the
cache; an answer computed before a write is stored under the old generation and never served
again. Answers are kept as the bytes sent, so a hit skips the query, the response model's
validation and the JSON encoding. Identical requests that arrive while one is being answered wait
for it instead of running the same query again (twenty dashboards opening on one view).
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Any]
Send = Callable[[Message], Any]

CACHED_PREFIXES = ("/api/dyads/", "/api/events")  # reads that depend on the store only
HEADER = b"x-detente-cache"
_ENTRY_OVERHEAD = 200  # bytes counted per entry beyond its body, so tiny answers cannot pile up


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes


@dataclass(slots=True)
class ResultCache:
    """A thread-safe LRU of answers bounded by their total size in bytes (0 turns it off)."""

    max_bytes: int
    _entries: OrderedDict[tuple[int, str], Answer] = field(default_factory=OrderedDict)
    _size: int = 0
    _generation: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    hits: int = 0
    misses: int = 0

    def get(self, generation: int, key: str) -> Answer | None:
        with self._lock:
            answer = self._entries.get((generation, key))
            if answer is None:
                self.misses += 1
                return None
            self._entries.move_to_end((generation, key))
            self.hits += 1
            return answer

    def put(self, generation: int, key: str, answer: Answer) -> None:
        size = len(answer.body) + _ENTRY_OVERHEAD
        with self._lock:
            if generation != self._generation or size > self.max_bytes // 4:
                return  # computed before a write, or one answer would crowd out the rest
            old = self._entries.pop((generation, key), None)
            self._size -= len(old.body) + _ENTRY_OVERHEAD if old else 0
            self._entries[(generation, key)] = answer
            self._size += size
            while self._size > self.max_bytes:
                _, dropped = self._entries.popitem(last=False)
                self._size -= len(dropped.body) + _ENTRY_OVERHEAD

    def invalidate(self, generation: int) -> None:
        """Forget everything: the store changed, and answers from now on are for ``generation``."""
        with self._lock:
            self._generation = max(self._generation, generation)
            self._entries.clear()
            self._size = 0

    def __len__(self) -> int:
        return len(self._entries)


def request_key(scope: Scope) -> str | None:
    """The path and the query with its parameters sorted, for a cacheable read; else None."""
    if scope["type"] != "http" or scope["method"] != "GET":
        return None
    path: str = scope["path"]
    if not path.startswith(CACHED_PREFIXES):
        return None
    query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
    return f"{path}?{urlencode(sorted(query))}"


class ReadCache:
    """ASGI middleware serving cacheable GETs from a :class:`ResultCache`.

    ``generation`` reads the store's current generation; ``cache`` must be the one its writes
    invalidate. Only complete 200 answers are stored."""

    def __init__(self, app: Callable[..., Any], cache: ResultCache, generation: Callable[[], int]) -> None:
        self.app = app
        self.cache = cache
        self.generation = generation
        self._in_flight: dict[tuple[int, str], asyncio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = request_key(scope) if self.cache.max_bytes > 0 else None
        if key is None:
            await self.app(scope, receive, send)
            return
        generation = self.generation()
        running = self._in_flight.get((generation, key))
        if running is not None:
            await running.wait()  # the same request is being answered: share its answer
        answer = self.cache.get(generation, key)
        if answer is not None:
            await _replay(answer, send)
            return
        done = self._in_flight.setdefault((generation, key), asyncio.Event())
        try:
            await self._answer_and_keep(scope, receive, send, generation, key)
        finally:
            if self._in_flight.get((generation, key)) is done:
                del self._in_flight[(generation, key)]
            done.set()

    async def _answer_and_keep(self, scope: Scope, receive: Receive, send: Send, generation: int, key: str) -> None:
        start: Message = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                message = {**message, "headers": [*message.get("headers", []), (HEADER, b"miss")]}
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200:
                    headers = tuple((bytes(k), bytes(v)) for k, v in start.get("headers", []))
                    self.cache.put(generation, key, Answer(200, headers, b"".join(chunks)))
            await send(message)

        await self.app(scope, receive, keep)


async def _replay(answer: Answer, send: Send) -> None:
    headers = [*answer.headers, (HEADER, b"hit")]
    await send({"type": "http.response.start", "status": answer.status, "headers": headers})
    await send({"type": "http.response.body", "body": answer.body})


@dataclass(slots=True)
class RowMemo:
    """Rows already read (an event with its evidence, by cluster id), kept for the store's current
    generation: pages of different searches share many events, and fetching 50 rows by key costs
    DuckDB a few milliseconds per table. A thread-safe LRU of at most ``max_items`` (0: off), where
    an item may count as several (``weight``: a list of keys counts its length); a write empties it
    (:meth:`invalidate`) and rows read before it are not kept."""

    max_items: int
    _items: OrderedDict[str, Any] = field(default_factory=OrderedDict)
    _weights: dict[str, int] = field(default_factory=dict)  # only items weighing more than 1
    _size: int = 0
    _generation: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get_many(self, generation: int, keys: list[str]) -> dict[str, Any]:
        with self._lock:
            if generation != self._generation:
                return {}
            found = {k: self._items[k] for k in keys if k in self._items}
            for key in found:
                self._items.move_to_end(key)
            return found

    def put_many(self, generation: int, items: dict[str, Any], weight: int = 1) -> None:
        """Keep ``items``, each counting as ``weight`` (one larger than the memo is not kept)."""
        with self._lock:
            if generation != self._generation or not 0 < weight <= self.max_items:
                return  # read before a write (the store may have changed since), or too large
            for key, value in items.items():
                self._drop(key)
                self._items[key] = value
                self._size += weight
                if weight != 1:
                    self._weights[key] = weight
            while self._size > self.max_items:
                self._drop(next(iter(self._items)))

    def _drop(self, key: str) -> None:
        if key in self._items:
            del self._items[key]
            self._size -= self._weights.pop(key, 1)

    def invalidate(self, generation: int) -> None:
        with self._lock:
            self._generation = max(self._generation, generation)
            self._items.clear()
            self._weights.clear()
            self._size = 0

    def __len__(self) -> int:
        return len(self._items)
