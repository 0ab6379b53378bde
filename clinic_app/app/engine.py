"""The engine process: saves fields and analyses them, away from the window's interpreter.

Why a process and not a thread: the analysis mixes C calls with Python (mask post-processing),
and on a busy 2-core PC a worker thread holding the GIL kept the window's event loop waiting
70-150 ms (measured). In its own process it can only compete for a core, never for the GIL.

Qt-free (it runs in the child; only messages cross). Two threads inside:
- ingest: imported files and camera frames reach the disk through
  ``CaseStore.add_field_image`` (atomic) before anything analyses them;
- analysis: owns the ``Analyzer`` (its interpreters are not thread-safe), one field at a time.
The main loop only reads requests, so "cancel" is seen while an import runs. If the window's
process dies, the pipe closes and the engine stops after the field in hand.

Requests and events are the dataclasses of ``app.messages``.
"""

from __future__ import annotations

import hashlib
import os
import queue
import threading
from dataclasses import replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from clinic_app import images, scope
from clinic_app.analysis import Analyzer, AnalyzerOptions, scope_witness
from clinic_app.app.messages import (
    Analysed,
    Analyze,
    Cancel,
    Error,
    Event,
    Failed,
    Finished,
    Frame,
    Import,
    Load,
    LoadFailed,
    Progress,
    Ready,
    Request,
    Saved,
    Stop,
)
from clinic_app.detection import WhiteCellWitness
from clinic_app.fields import Handover, iter_fields
from clinic_app.results import Field, SkippedInput
from clinic_app.store import CaseStore, StoreError
from clinic_app.store.review import record_refused

NICE = 10  # the window keeps the upper hand for a core (CFS weight 110 vs 1024)


class Engine:
    """Child-side state: the two job queues, the store connections and the Analyzer."""

    def __init__(self, conn: Connection, data_dir: Path) -> None:
        self.conn = conn
        self.data_dir = data_dir
        self.send_lock = threading.Lock()
        self.cancel = threading.Event()
        self.ingest_jobs: queue.Queue[Request | None] = queue.Queue()
        self.analysis_jobs: queue.Queue[Request | None] = queue.Queue()
        self.analyzer: Analyzer | None = None
        self.witness: WhiteCellWitness | None = None  # the in-scope check's second look
        self.load_error = "the models are still loading"
        self.paths: dict[int, Path] = {}
        # Imported fields, decoded once by the loader, handed to the analysis thread.
        self.decoded = Handover()

    def send(self, message: Event) -> None:
        with self.send_lock:
            try:
                self.conn.send(message)
            except (OSError, EOFError):  # the window is gone; the main loop will stop
                pass

    def serve(self) -> None:
        threads = [threading.Thread(target=self._loop, args=(self.ingest_jobs, self._ingest),
                                    name="ingest"),
                   threading.Thread(target=self._loop, args=(self.analysis_jobs, self._analyse),
                                    name="analysis")]
        for t in threads:
            t.start()
        while True:
            try:
                request = self.conn.recv()
            except (EOFError, OSError):
                request = Stop()
            if isinstance(request, Stop):
                break
            if isinstance(request, Cancel):
                self.cancel.set()
            elif isinstance(request, (Import, Frame)):
                self.ingest_jobs.put(request)
            else:
                self.analysis_jobs.put(request)
        self.cancel.set()
        for jobs in (self.ingest_jobs, self.analysis_jobs):
            _drain(jobs)  # unanalysed fields are queued again when their case is next opened
            jobs.put(None)
        for t in threads:
            t.join()

    def _loop(self, jobs: queue.Queue, handle: Any) -> None:
        """Serve one queue until ``None``. A job that raises (a bug, an input nobody foresaw)
        is reported and the thread goes on: later imports and captures are still saved."""
        store: list[CaseStore] = []
        while (job := jobs.get()) is not None:
            try:
                handle(job, store)
            except Exception as exc:  # noqa: BLE001 - reported below, never swallowed
                self._job_failed(job, exc, store)
        for s in store:
            s.close()

    def _job_failed(self, job: Request, exc: Exception, store: list[CaseStore]) -> None:
        """Tell the window what failed, end the job's own protocol (an import gets its
        ``Finished``), and drop the store connection in case it was the cause."""
        text = " ".join(str(exc).split())[:200]
        message = f"{type(job).__name__.lower()} failed ({type(exc).__name__}: {text})"
        for s in store:
            try:
                s.close()
            except Exception:  # noqa: BLE001 - a broken connection may fail to close too
                pass
        store.clear()
        self.send(Error(message))
        if isinstance(job, Import):
            self.send(Finished(job.case_id, 0, [SkippedInput(p, message) for p in job.paths]))
        elif isinstance(job, Analyze):
            self.send(Failed(job.case_id, job.field_id, message))
        elif isinstance(job, Load):
            self.load_error = f"models not available: {message}"
            self.send(LoadFailed(self.load_error))

    def _store(self, holder: list[CaseStore]) -> CaseStore:
        """One connection per thread (SQLite WAL: a reader never waits on the writer)."""
        if not holder:
            holder.append(CaseStore(self.data_dir))
        return holder[0]

    # -- ingest ----------------------------------------------------------------------------

    def _ingest(self, job: Import | Frame, holder: list[CaseStore]) -> None:
        if isinstance(job, Frame):
            try:
                field_id = self._store(holder).add_field_image(
                    job.case_id, rgb=job.rgb, source=job.source, um_per_px=job.um_per_px)
            except (StoreError, ValueError) as exc:
                self.send(Error(str(exc)))
                return
            self.send(Saved(job.case_id, field_id, job.source))
            return
        self.cancel.clear()
        skipped: list[SkippedInput] = []
        saved = 0
        store = self._store(holder)
        try:
            known = {f.sha256: f.id for f in store.fields(job.case_id)}
        except StoreError as exc:
            self.send(Error(str(exc)))
            return
        # The field loader checks and decodes each image (and, unless the technologist chose
        # "analyse anyway", refuses what is not a blood film); the store keeps the file's bytes.
        for field in iter_fields(job.paths, skipped, job.um_per_px, cancelled=self.cancel.is_set,
                                 progress=lambda done, total: self.send(Progress(done, total)),
                                 in_scope=True, keep_refused=not job.check_scope,
                                 witness=self.witness):
            try:
                data = Path(field.source).read_bytes()
                digest = hashlib.sha256(data).hexdigest()
                if job.skip_duplicates and digest in known:
                    skipped.append(SkippedInput(field.source, duplicate_problem(known[digest])))
                    continue
                field_id = store.add_field_image(job.case_id, data=data, source=field.source,
                                                 um_per_px=job.um_per_px)
            except (images.ImageError, OSError) as exc:
                skipped.append(SkippedInput(field.source, str(exc)))
            except StoreError as exc:  # disk full, signed case: the rest would fail too
                self.send(Error(str(exc)))
                self.cancel.set()
            else:
                saved += 1
                self.decoded.put(field_id, (field, job.um_per_px))
                problem = getattr(field, "scope_problem", "")
                self.send(Saved(job.case_id, field_id, field.source, digest,
                                known.get(digest, 0), problem))
                known.setdefault(digest, field_id)
        try:
            record_refused(store, job.case_id,
                           [x for x in skipped if x.reason.startswith(scope.OUT_OF_SCOPE)])
        except StoreError as exc:  # the refusals are still listed in this session
            self.send(Error(str(exc)))
        self.send(Finished(job.case_id, saved, skipped))

    # -- analysis --------------------------------------------------------------------------

    def _analyse(self, job: Load | Analyze, holder: list[CaseStore]) -> None:
        if isinstance(job, Load):
            self._load(job.options)
            return
        case_id, field_id = job.case_id, job.field_id
        if self.analyzer is None:
            self.send(Failed(case_id, field_id, self.load_error))
            return
        try:
            path = self._path(self._store(holder), case_id, field_id)
            field = (self._handed_over(field_id, path)
                     or images.load_field(path, self.analyzer.options.um_per_px))
            result = self.analyzer.analyze_field(field)
            if job.scope_problem:  # analysed anyway: the stored result says so (report)
                result.analysed_anyway, result.scope_problem = True, job.scope_problem
            cell_ids = self._store(holder).save_field_result(field_id, result)
        except (images.ImageError, StoreError, RuntimeError, ValueError, OSError) as exc:
            self.send(Failed(case_id, field_id, str(exc)))
            return
        self.send(Analysed(case_id, field_id, result, tuple(cell_ids)))

    def _handed_over(self, field_id: int, path: Path) -> Field | None:
        """The field as the import decoded it (same bytes as the stored copy), named by the
        stored copy as a fresh decode would be; None when it was read with another scale."""
        got = self.decoded.take(field_id)
        if got is None or self.analyzer is None or got[1] != self.analyzer.options.um_per_px:
            return None
        return replace(got[0], source=str(path))

    def _load(self, options: AnalyzerOptions) -> None:
        """(Re)build the Analyzer: model loading and hash checks take about a second."""
        if self.analyzer is not None:
            self.analyzer.close()
            self.analyzer = None
        if self.witness is not None:
            self.witness.close()
            self.witness = None
        try:
            self.analyzer = Analyzer(options)
            self.witness = scope_witness(options)
        except (RuntimeError, OSError, ValueError) as exc:
            self.load_error = f"models not available: {exc}"
            self.send(LoadFailed(self.load_error))
            return
        a = self.analyzer
        self.send(Ready(a.backend_message, tuple(a.cells.labels), float(a.cells.crop_um),
                        a.models, a.entries["all-subtype"].thresholds))

    def _path(self, store: CaseStore, case_id: int, field_id: int) -> Path:
        if field_id not in self.paths:  # one query fetches every field saved so far
            self.paths.update({f.id: f.image_path for f in store.fields(case_id)})
        if field_id not in self.paths:
            raise StoreError(f"no field {field_id} in case {case_id}")
        return self.paths[field_id]


DUPLICATE = "duplicate:"


def duplicate_problem(field_id: int) -> str:
    """Why an import was skipped: the case already holds the same bytes (sha256)."""
    return f"{DUPLICATE} the same image as field {field_id} of this case (same sha256)"


def _drain(jobs: queue.Queue) -> None:
    while True:
        try:
            jobs.get_nowait()
        except queue.Empty:
            return


def serve(conn: Connection, data_dir: str) -> None:
    """Entry point of the engine process; it runs below the window's priority where it can."""
    if hasattr(os, "nice"):
        try:
            os.nice(NICE)
        except OSError:
            pass
    engine = Engine(conn, Path(data_dir))
    try:
        engine.serve()
    finally:
        if engine.analyzer is not None:
            engine.analyzer.close()
        if engine.witness is not None:
            engine.witness.close()
        conn.close()
