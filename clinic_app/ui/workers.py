"""Workers: the window never waits on a disk write, an image decode or a model.

``Pipeline`` starts the engine process (``app/engine.py``: saving and analysing fields; a process,
so its Python never holds the window's GIL) and turns its messages into Qt signals. Requests go
out through a sender thread (a 5 MP frame is 15 MB to pickle and pipe); events come in through
a reader thread and are re-emitted on the GUI thread. ``TaskRunner`` runs one-off jobs (open a
case, write a report, probe accelerators) on a thread pool.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import queue
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot

from clinic_app.analysis import AnalyzerOptions
from clinic_app.app import engine
from clinic_app.app import messages as msg

STOP_WAIT_S = 10.0


class _Reader(QThread):
    """Blocks on the pipe (the GIL is free meanwhile) and hands each event to the GUI thread."""

    message = Signal(object)

    def __init__(self, conn: Any) -> None:
        super().__init__()
        self.conn = conn

    def run(self) -> None:
        while True:
            try:
                event = self.conn.recv()
            except (EOFError, OSError):
                self.message.emit(msg.Gone())
                return
            self.message.emit(event)


class Pipeline(QObject):
    """The engine process seen from the window: requests as methods, events as signals."""

    saved = Signal(int, int, str, str, int, str)  # case, field, source, sha256, duplicate of,
    # scope problem (app.messages.Saved)
    progress = Signal(int, int)  # done, total
    finished = Signal(int, int, object)  # case id, fields saved, list[SkippedInput]
    error = Signal(str)
    ready = Signal(str, object, float, object, object)  # backend, labels, crop um, models, thr
    load_failed = Signal(str)
    analysed = Signal(int, int, object, object)  # case id, field id, FieldResult, cell ids
    failed = Signal(int, int, str)  # case id, field id, reason
    gone = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        ctx = multiprocessing.get_context("spawn")  # fork would copy Qt's threads: unsafe
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=engine.serve, args=(child, str(data_dir)),
                                   name="clinic-engine", daemon=True)
        self.process.start()
        child.close()
        self.outbox: queue.Queue[msg.Request | None] = queue.Queue()
        # Each engine event and the signal that carries its fields to the window.
        self._signals = {msg.Saved: self.saved, msg.Progress: self.progress,
                         msg.Finished: self.finished, msg.Error: self.error,
                         msg.Ready: self.ready, msg.LoadFailed: self.load_failed,
                         msg.Analysed: self.analysed, msg.Failed: self.failed,
                         msg.Gone: self.gone}
        self.sender = threading.Thread(target=self._send_loop, name="engine-send", daemon=True)
        self.sender.start()
        self.reader = _Reader(self.conn)
        self.reader.message.connect(self._dispatch)
        self.reader.start()
        self.stopped = False

    def _send_loop(self) -> None:
        while (message := self.outbox.get()) is not None:
            try:
                self.conn.send(message)
            except (OSError, ValueError):  # engine gone: the reader reports it
                return

    @Slot(object)
    def _dispatch(self, event: msg.Event) -> None:
        values = [getattr(event, f.name) for f in dataclasses.fields(event)]
        self._signals[type(event)].emit(*values)

    def load(self, options: AnalyzerOptions) -> None:
        self.outbox.put(msg.Load(options))

    def import_paths(self, case_id: int, paths: list[str], um_per_px: float | None,
                     check_scope: bool = True, skip_duplicates: bool = True) -> None:
        self.outbox.put(msg.Import(case_id, tuple(paths), um_per_px, check_scope,
                                   skip_duplicates))

    def save_frame(self, case_id: int, rgb: np.ndarray, source: str,
                   um_per_px: float | None) -> None:
        self.outbox.put(msg.Frame(case_id, rgb, source, um_per_px))

    def analyze(self, case_id: int, field_id: int, scope_problem: str = "") -> None:
        self.outbox.put(msg.Analyze(case_id, field_id, scope_problem))

    def cancel_import(self) -> None:
        self.outbox.put(msg.Cancel())

    def stop(self) -> None:
        """Let the engine finish the field in hand and close its store, then end it."""
        if self.stopped:
            return
        self.stopped = True
        self.outbox.put(msg.Stop())
        self.outbox.put(None)
        self.process.join(STOP_WAIT_S)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(2)
        self.reader.wait(2000)  # the engine's end of the pipe closed: the reader saw EOF
        self.conn.close()


class _TaskSignals(QObject):
    finished = Signal(int, bool, object)  # task id, ok, value or error message


class _Task(QRunnable):
    def __init__(self, task_id: int, fn: Callable[[], Any], signals: _TaskSignals) -> None:
        super().__init__()
        self.task_id = task_id
        self.fn = fn
        self.signals = signals

    def run(self) -> None:
        try:
            value = self.fn()
        except Exception as exc:  # noqa: BLE001 - handed to the caller's on_failed, not lost
            traceback.print_exc()
            self.signals.finished.emit(self.task_id, False, f"{type(exc).__name__}: {exc}")
            return
        self.signals.finished.emit(self.task_id, True, value)


class TaskRunner(QObject):
    """Runs ``fn`` on a pool thread and calls back on the GUI thread with its value or error.

    Results come back through one signal to a slot of this (GUI-thread) object, so callbacks
    always run on the GUI thread, whatever kind of callable they are.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(2)
        self.signals = _TaskSignals()
        self.signals.finished.connect(self._finish)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[str], None]]] = {}
        self._next = 0

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_failed: Callable[[str], None]) -> None:
        self._next += 1
        self._callbacks[self._next] = (on_done, on_failed)
        self.pool.start(_Task(self._next, fn, self.signals))

    @Slot(int, bool, object)
    def _finish(self, task_id: int, ok: bool, value: object) -> None:
        on_done, on_failed = self._callbacks.pop(task_id)
        if ok:
            on_done(value)
        else:
            on_failed(str(value))

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def wait(self, ms: int = 10_000) -> None:
        self.pool.waitForDone(ms)
