"""Issue 14.2: the desktop engine survives any exception in a job, reports it, and keeps serving
later imports and captures (before: "Exception in thread ingest", then 0 fields saved)."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

import numpy as np
from conftest import EXAMPLES

from clinic_app.app import engine as engine_mod
from clinic_app.app.messages import Error, Finished, Frame, Import, Saved, Stop
from clinic_app.results import CaseInfo
from clinic_app.store import CaseStore

FIELD = EXAMPLES / "bccd" / "BloodImage_00001.jpg"


def test_engine_survives_a_failing_import_then_serves_the_next(tmp_path, monkeypatch):
    data = tmp_path / "data"
    with CaseStore(data) as store:
        case_id = store.create_case(CaseInfo(patient_id="P1"))
    good, bad = tmp_path / "good", tmp_path / "bad"
    good.mkdir()
    bad.mkdir()
    (good / "field.jpg").write_bytes(FIELD.read_bytes())
    (bad / "field.jpg").write_bytes(FIELD.read_bytes())
    (bad / "loop.png").symlink_to(bad / "loop.png")

    real = engine_mod.iter_fields

    def iter_fields(paths, *args, **kwargs):  # an unforeseen failure inside the job
        if any(Path(p) == bad for p in paths):
            raise RuntimeError("walker bug")
        return real(paths, *args, **kwargs)

    monkeypatch.setattr(engine_mod, "iter_fields", iter_fields)
    parent, child = multiprocessing.Pipe()
    engine = engine_mod.Engine(child, data)
    server = threading.Thread(target=engine.serve)
    server.start()
    rgb = np.full((480, 640, 3), 200, np.uint8)
    try:
        parent.send(Import(case_id, (str(bad),), None))
        parent.send(Import(case_id, (str(good),), None))
        parent.send(Frame(case_id, None, "camera", None))  # type: ignore[arg-type]  # raises
        parent.send(Frame(case_id, rgb, "camera", None))
        events = []
        while not any(isinstance(e, Saved) and e.source == "camera" for e in events):
            assert parent.poll(60), events
            events.append(parent.recv())
    finally:
        parent.send(Stop())
        server.join(60)
    assert not server.is_alive()
    errors = [e.message for e in events if isinstance(e, Error)]
    assert any("walker bug" in m for m in errors), events
    finished = [e for e in events if isinstance(e, Finished)]
    assert [f.saved for f in finished] == [0, 1]
    assert "walker bug" in finished[0].skipped[0].reason
    saved = [e.source for e in events if isinstance(e, Saved)]
    assert saved == [str(good / "field.jpg"), "camera"]
    with CaseStore(data) as store:
        assert len(store.fields(case_id)) == 2
