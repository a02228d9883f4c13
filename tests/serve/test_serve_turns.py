"""The cursor pool's turns: first come, first served, and a released turn cannot be taken by a
thread that arrives after the waiters (see detente/serve/cursors.py ``Turns``)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from detente.serve.cursors import Turns


def _wait_until(check: Callable[[], bool], seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.001)


def test_turns_go_to_waiters_in_the_order_they_asked() -> None:
    turns = Turns(1)
    assert turns.acquire(1.0)
    order: list[int] = []
    lock = threading.Lock()

    def wait_for_turn(name: int) -> None:
        assert turns.acquire(5.0)
        with lock:
            order.append(name)
        turns.release()

    threads = []
    for name in range(6):
        thread = threading.Thread(target=wait_for_turn, args=(name,))
        thread.start()
        _wait_until(lambda n=name: turns.waiting == n + 1)  # queued before the next one asks
        threads.append(thread)
    turns.release()
    for thread in threads:
        thread.join(5.0)
    assert order == list(range(6))


def test_a_released_turn_passes_to_the_waiter_not_to_a_newcomer() -> None:
    turns = Turns(1)
    assert turns.acquire(1.0)
    got = threading.Event()
    done = threading.Event()

    def waiter() -> None:
        assert turns.acquire(5.0)
        got.set()
        done.wait(5.0)
        turns.release()

    thread = threading.Thread(target=waiter)
    thread.start()
    _wait_until(lambda: turns.waiting == 1)
    turns.release()
    assert not turns.acquire(0.05)  # the newcomer waits: the turn went to the waiter
    assert got.wait(5.0)
    done.set()
    thread.join(5.0)
    assert turns.acquire(1.0)  # and is free again once the waiter is done
    turns.release()


def test_a_wait_that_runs_out_leaves_the_queue_and_takes_nothing() -> None:
    turns = Turns(2)
    assert turns.acquire(1.0) and turns.acquire(1.0)
    assert not turns.acquire(0.02)
    assert turns.waiting == 0
    turns.release()
    assert turns.acquire(0.02)  # one turn free: the timed-out wait did not consume it
    assert not turns.acquire(0.02)
