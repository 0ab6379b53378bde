"""Worker threads: the window never waits on a disk write, an image decode or a model.

Two long-lived threads, each with its own ``CaseStore`` connection (SQLite WAL lets readers and
one writer work side by side, and a worker's fsync never holds the GUI's store lock):

- ``IngestWorker`` saves fields: imported files and camera frames reach the disk (atomically,
  through ``CaseStore.add_field_image``) before anything analyses them.
- ``AnalysisWorker`` owns the ``Analyzer`` (TFLite interpreters are not thread-safe, so one
  thread runs them all), analyses saved fields in arrival order and stores each result.

``TaskRunner`` runs one-off jobs (open a case, write a report, probe accelerators) on a pool.
Requests go to the workers through signals, so they queue in the worker's event loop in order.
"""

from __future__ import annotations

import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot

from clinic_app import images
from clinic_app.analysis import Analyzer, AnalyzerOptions
from clinic_app.results import SkippedInput
from clinic_app.store import CaseStore, StoreError

WORKER_NICE = 10


def lower_priority() -> None:
    """Make the calling worker thread yield to the GUI thread (and the threads it starts, e.g.
    XNNPACK's pool, inherit this). On Linux nice is per thread; elsewhere QThread's
    LowPriority (set at start) does it."""
    if sys.platform.startswith("linux"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WORKER_NICE)
        except OSError:  # not permitted in some sandboxes: the app still works, only less smooth
            pass


class _Worker(QObject):
    @Slot()
    def started(self) -> None:
        lower_priority()


class IngestWorker(_Worker):
    """Saves fields durably; emits ``saved`` for each, which is what queues its analysis."""

    saved = Signal(int, int, str)  # case id, field id, source
    progress = Signal(int, int)  # done, total
    finished = Signal(int, int, object)  # case id, fields saved, list[SkippedInput]
    error = Signal(str)

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.store: CaseStore | None = None
        self.cancel = threading.Event()

    def _store(self) -> CaseStore:
        if self.store is None:  # opened in the worker thread, used only there
            self.store = CaseStore(self.data_dir)
        return self.store

    @Slot(int, object, object)
    def import_paths(self, case_id: int, paths: list[str], um_per_px: float | None) -> None:
        """Save every image under ``paths``; bad files are skipped with the reason."""
        self.cancel.clear()
        files, skipped = images.iter_image_paths(paths)
        saved = 0
        self.progress.emit(0, len(files))
        for i, path in enumerate(files):
            if self.cancel.is_set():
                skipped += [SkippedInput(str(p), "import cancelled") for p in files[i:]]
                break
            try:
                field_id = self._store().add_field_image(
                    case_id, data=path.read_bytes(), source=str(path), um_per_px=um_per_px)
            except (images.ImageError, OSError) as exc:
                skipped.append(SkippedInput(str(path), str(exc)))
            except StoreError as exc:  # disk full, signed case: stop, the rest would fail too
                self.error.emit(str(exc))
                skipped += [SkippedInput(str(p), "not imported") for p in files[i:]]
                break
            else:
                saved += 1
                self.saved.emit(case_id, field_id, str(path))
            self.progress.emit(i + 1, len(files))
        self.finished.emit(case_id, saved, skipped)

    @Slot(int, object, str, object)
    def save_frame(self, case_id: int, rgb: np.ndarray, source: str,
                   um_per_px: float | None) -> None:
        """A captured camera frame, stored losslessly (PNG)."""
        try:
            field_id = self._store().add_field_image(case_id, rgb=rgb, source=source,
                                                     um_per_px=um_per_px)
        except (StoreError, ValueError) as exc:
            self.error.emit(str(exc))
            return
        self.saved.emit(case_id, field_id, source)

    @Slot()
    def shutdown(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


class AnalysisWorker(_Worker):
    """Owns the Analyzer; analyses saved fields one at a time and stores each result."""

    ready = Signal(str, object)  # backend message, cell labels (tuple)
    load_failed = Signal(str)
    analysed = Signal(int, int, object, object)  # case id, field id, FieldResult, cell ids
    failed = Signal(int, int, str)  # case id, field id, reason

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.store: CaseStore | None = None
        self.analyzer: Analyzer | None = None
        self.load_error = "the models are still loading"
        self.paths: dict[int, Path] = {}

    @Slot(object)
    def load(self, options: AnalyzerOptions) -> None:
        """(Re)build the Analyzer: ~0.5 s of model loading and hash checks, never on the GUI."""
        if self.analyzer is not None:
            self.analyzer.close()
            self.analyzer = None
        try:
            self.analyzer = Analyzer(options)
        except (RuntimeError, OSError, ValueError) as exc:
            self.load_error = f"models not available: {exc}"
            self.load_failed.emit(self.load_error)
            return
        labels = self.analyzer.entries["wbc-type"].labels
        self.ready.emit(self.analyzer.backend_message, tuple(labels))

    @Slot(int, int)
    def analyze(self, case_id: int, field_id: int) -> None:
        if self.analyzer is None:
            self.failed.emit(case_id, field_id, self.load_error)
            return
        if self.store is None:
            self.store = CaseStore(self.data_dir)
        try:
            path = self._path(case_id, field_id)
            field = images.load_field(path, self.analyzer.options.um_per_px)
            result = self.analyzer.analyze_field(field)
            cell_ids = self.store.save_field_result(field_id, result)
        except (images.ImageError, StoreError, RuntimeError, ValueError, OSError) as exc:
            self.failed.emit(case_id, field_id, str(exc))
            return
        self.analysed.emit(case_id, field_id, result, tuple(cell_ids))

    def _path(self, case_id: int, field_id: int) -> Path:
        if field_id not in self.paths:  # one query fetches every field saved so far
            assert self.store is not None
            self.paths.update({f.id: f.image_path for f in self.store.fields(case_id)})
        if field_id not in self.paths:
            raise StoreError(f"no field {field_id} in case {case_id}")
        return self.paths[field_id]

    @Slot()
    def shutdown(self) -> None:
        if self.analyzer is not None:
            self.analyzer.close()
            self.analyzer = None
        if self.store is not None:
            self.store.close()
            self.store = None


class Pipeline(QObject):
    """Starts both workers on their threads; the window talks to them only through this."""

    request_import = Signal(int, object, object)
    request_frame = Signal(int, object, str, object)
    request_load = Signal(object)
    request_analysis = Signal(int, int)
    _request_shutdown = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ingest = IngestWorker(data_dir)
        self.analysis = AnalysisWorker(data_dir)
        self.threads: list[QThread] = []
        for worker, name in ((self.ingest, "ingest"), (self.analysis, "analysis")):
            thread = QThread()
            thread.setObjectName(name)
            worker.moveToThread(thread)
            self._request_shutdown.connect(worker.shutdown)
            thread.started.connect(worker.started)  # a slot of the worker: runs in its thread
            thread.start(QThread.Priority.LowPriority)
            self.threads.append(thread)
        self.request_import.connect(self.ingest.import_paths)
        self.request_frame.connect(self.ingest.save_frame)
        self.request_load.connect(self.analysis.load)
        self.request_analysis.connect(self.analysis.analyze)

    def cancel_import(self) -> None:
        self.ingest.cancel.set()

    def stop(self) -> None:
        """Finish the job in hand, close the stores and interpreters, end the threads."""
        self.ingest.cancel.set()
        self._request_shutdown.emit()
        for thread in self.threads:
            thread.quit()
            thread.wait(10_000)
        self.threads.clear()


class _TaskSignals(QObject):
    finished = Signal(int, bool, object)  # task id, ok, value or error message


class _Task(QRunnable):
    def __init__(self, task_id: int, fn: Callable[[], Any], signals: _TaskSignals) -> None:
        super().__init__()
        self.task_id = task_id
        self.fn = fn
        self.signals = signals

    def run(self) -> None:
        lower_priority()
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
