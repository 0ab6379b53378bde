"""Helper threads for the independent parts of one field's work: a captured field's answer sooner.

The technologist waits for each captured field. Its work has parts that do not depend on each
other: the in-scope features, the quality check and the red-cell search; each cell's crop
preparation and heat map. OpenCV and numpy's large operations release the GIL, so on a machine
with two or more cores those parts run side by side. Results are the same as one after the
other: each part reads only its own inputs and returns a new value.

This is for one field at a time (a capture, ``bench``, the desktop engine). A batch already
keeps every core busy with whole fields (``fields.iter_fields`` screens ahead on worker threads,
``analysis.ParallelAnalyzer`` analyses two at a time): its worker threads are started with
``batch_worker`` and run their parts inline, as more threads would only queue.

Never used for a model's ``invoke``: an interpreter has its own CPU threads (``runtime``), and
``bench`` times the models apart from the rest. A helper never waits on another helper (a part
started from a helper thread runs inline), so the shared pool cannot deadlock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from clinic_app import runtime

T = TypeVar("T")
U = TypeVar("U")

_PREFIX = "field-part"
_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None
_local = threading.local()


def batch_worker() -> None:
    """``ThreadPoolExecutor(initializer=...)`` of a batch's workers: their parts run inline."""
    _local.inline = True


def helpers() -> int:
    """Helper threads beside the caller: one less than the CPU threads (none on one core)."""
    return runtime.default_threads() - 1


def _shared_pool() -> ThreadPoolExecutor | None:
    global _pool
    if (helpers() < 1 or getattr(_local, "inline", False)
            or threading.current_thread().name.startswith(_PREFIX)):
        return None
    with _lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(helpers(), thread_name_prefix=_PREFIX)
        return _pool


def side_by_side(*calls: Callable[[], T]) -> list[T]:
    """Each call's result, in order: all but the last on helper threads, the last on this one
    (all on this one where there is no helper)."""
    pool = _shared_pool()
    if pool is None:
        return [c() for c in calls]
    started: list[Future[T]] = [pool.submit(c) for c in calls[:-1]]
    last = calls[-1]()
    return [f.result() for f in started] + [last]


def map_parts(fn: Callable[[U], T], items: Iterable[U]) -> list[T]:
    """``[fn(x) for x in items]``, the items shared between this thread and the helpers."""
    todo: Sequence[U] = list(items)
    pool = _shared_pool()
    if pool is None or len(todo) < 2:
        return [fn(x) for x in todo]
    share = helpers() + 1
    chunks = [todo[i::share] for i in range(share)]
    started = [pool.submit(lambda c=c: [fn(x) for x in c]) for c in chunks[1:]]
    done = [[fn(x) for x in chunks[0]]] + [f.result() for f in started]
    out: list[T] = [None] * len(todo)  # type: ignore[list-item]
    for i, chunk in enumerate(done):
        out[i::share] = chunk
    return out
