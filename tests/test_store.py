"""The case store on real SQLite files: records, durable images, crash recovery, review, audit."""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
from conftest import REPO

from clinic_app.fileio import TMP_PREFIX
from clinic_app.results import (
    BBox,
    CaseInfo,
    CellResult,
    FieldClassification,
    FieldResult,
    QualityReport,
)
from clinic_app.store import CaseSignedError, CaseStore, StoreError, utc_now
from clinic_app.store.schema import SCHEMA_VERSION


def image(seed: int = 0, h: int = 40, w: int = 56) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, (h, w, 3), dtype=np.uint8)


def field_result(labels: tuple[str, ...] = ("neutrophil", "lymphocyte")) -> FieldResult:
    cells = [CellResult(BBox(5 * i, 2, 5 * i + 4, 9), lab, {lab: 0.8, "monocyte": 0.2},
                        contour=np.array([[5 * i, 2], [5 * i + 3, 2], [5 * i + 3, 8]]))
             for i, lab in enumerate(labels)]
    quality = QualityReport(focus=12.5, clipped_dark=0.01, clipped_bright=0.0, stain=0.4,
                            warnings=("slightly dark",))
    fc = FieldClassification("Pre", {"Benign": 0.1, "Early": 0.2, "Pre": 0.6, "Pro": 0.1})
    return FieldResult("cam:1", 56, 40, 0.25, "given", quality, cells, fc, field_note="")


@pytest.fixture
def store(tmp_path):
    with CaseStore.open(tmp_path / "data") as s:
        yield s


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file())


def test_schema_wal_and_integrity(store, tmp_path):
    raw = sqlite3.connect(tmp_path / "data" / "cases.sqlite")
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    raw.close()
    assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.integrity_check() == "ok"


def test_newer_schema_is_refused(tmp_path):
    CaseStore(tmp_path).close()
    raw = sqlite3.connect(tmp_path / "cases.sqlite")
    raw.execute("PRAGMA user_version = 99")
    raw.close()
    with pytest.raises(StoreError, match="version 99"):
        CaseStore(tmp_path)


def test_create_update_and_search_cases(store):
    a = store.create_case(CaseInfo(patient_id="P-001", patient_name="Ana Lima", operator="tech"))
    b = store.create_case(CaseInfo(patient_id="P-002", patient_name="ÅSA Öberg"))
    case = store.get_case(a)
    assert (case.id, case.status, case.patient_name) == (a, "open", "Ana Lima")
    assert case.created_at.endswith("Z") and case.created_at == case.updated_at
    assert [c.id for c in store.search_cases("p-00")] == [b, a]  # newest first
    assert [c.id for c in store.search_cases("åsa ö")] == [b]  # case-insensitive, non-ASCII
    assert [c.id for c in store.search_cases(str(a))] == [a]
    today = utc_now()[:10]
    assert len(store.search_cases(today)) == 2
    assert len(store.search_cases(date_from=today, date_to=today)) == 2
    assert store.search_cases(date_to="2000-01-01") == []
    assert [c.id for c in store.search_cases(status="open")] == [b, a]
    with pytest.raises(ValueError):
        store.search_cases(status="closed")
    store.update_case(a, CaseInfo(patient_id="P-001", patient_name="Ana M. Lima"), actor="tech")
    assert store.get_case(a).patient_name == "Ana M. Lima"
    updated = store.audit_log(a)[-1]
    assert updated.action == "case-updated"
    assert updated.detail["patient_name"] == ["Ana Lima", "Ana M. Lima"]
    with pytest.raises(StoreError, match="no case"):
        store.get_case(999)


def test_add_rgb_and_imported_images(store):
    case = store.create_case(CaseInfo(patient_id="P1"))
    rgb = image()
    fid = store.add_field_image(case, rgb=rgb, source="camera", um_per_px=0.2)
    rec = store.fields(case)[0]
    assert rec.id == fid and rec.image_path.suffix == ".png" and rec.image_path.is_file()
    assert rec.image_path.parent == store.images_dir / str(case)
    assert hashlib.sha256(rec.image_path.read_bytes()).hexdigest() == rec.sha256
    back = cv2.cvtColor(cv2.imread(str(rec.image_path)), cv2.COLOR_BGR2RGB)
    assert np.array_equal(back, rgb)  # lossless
    assert (rec.width, rec.height, rec.um_per_px, rec.analysed) == (56, 40, 0.2, False)

    jpeg = cv2.imencode(".jpg", image(1, 36, 48))[1].tobytes()
    fid2 = store.add_field_image(case, data=jpeg, source="/usb/a.jpg")
    rec2 = store.fields(case)[1]
    assert rec2.id == fid2 and rec2.image_path.suffix == ".jpg"
    assert rec2.image_path.read_bytes() == jpeg  # original bytes kept
    assert (rec2.width, rec2.height) == (48, 36)
    assert [e.action for e in store.audit_log(case)][-2:] == ["field-added", "field-added"]


def test_bad_input_is_a_value_error_and_leaves_nothing(store):
    case = store.create_case(CaseInfo())
    with pytest.raises(ValueError):
        store.add_field_image(case, data=b"GIF89a not accepted")
    with pytest.raises(ValueError):
        store.add_field_image(case, rgb=np.zeros((4, 4), np.uint8))
    with pytest.raises(ValueError):
        store.add_field_image(case)
    with pytest.raises(ValueError):
        store.add_field_image(case, rgb=image(), um_per_px=0.0)
    assert store.fields(case) == [] and files_in(store.images_dir) == []


@pytest.mark.parametrize("target", ["write", "fsync"])
def test_disk_full_raises_store_error_and_leaves_nothing(store, monkeypatch, target):
    case = store.create_case(CaseInfo())

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(os, target, full)
        with pytest.raises(StoreError, match="disk is full"):
            store.add_field_image(case, rgb=image())
    assert files_in(store.images_dir) == []
    assert store.fields(case) == []
    assert store.add_field_image(case, rgb=image()) > 0  # works again once there is space


def test_failed_insert_removes_the_image(store, monkeypatch):
    case = store.create_case(CaseInfo())

    def broken(*args, **kwargs):
        raise StoreError("database error: disk I/O error")

    monkeypatch.setattr(CaseStore, "_insert_field", broken)
    with pytest.raises(StoreError):
        store.add_field_image(case, rgb=image())
    assert files_in(store.images_dir) == []


def test_crash_between_rename_and_insert_is_recovered(tmp_path, monkeypatch):
    data = tmp_path / "data"
    with CaseStore(data) as s:
        case = s.create_case(CaseInfo(patient_id="P9"))
        def die(*args, **kwargs):  # the process "dies" right after the rename: no clean-up
            raise KeyboardInterrupt

        with monkeypatch.context() as m:
            m.setattr(CaseStore, "_insert_field", die)
            with pytest.raises(KeyboardInterrupt):
                s.add_field_image(case, rgb=image(3), source="camera")
    [orphan] = list((data / "images" / str(case)).iterdir())
    leftover = orphan.with_name(TMP_PREFIX + "x.png")
    leftover.write_bytes(b"\x89PNG half")  # a temp file from another crash
    with CaseStore(data) as s:
        assert s.fields(case) == []
        report = s.recover()
        assert len(report.registered) == 1 and report.removed_temp == [leftover]
        assert report.missing == [] and report.unregistered == []
        [rec] = s.fields(case)
        assert rec.image_path == orphan and rec.source.startswith("recovered:")
        assert rec.sha256 == hashlib.sha256(orphan.read_bytes()).hexdigest()
        assert (rec.width, rec.height) == (56, 40)
        assert s.audit_log(case)[-1].action == "field-recovered"
        assert s.recover().clean  # idempotent
        rec.image_path.unlink()
        assert s.recover().missing == [rec.id]


def test_field_result_round_trip(store):
    case = store.create_case(CaseInfo())
    fid = store.add_field_image(case, rgb=image())
    original = field_result()
    ids = store.save_field_result(fid, original)
    [loaded] = store.load_field_results(case)
    assert loaded.to_dict() == original.to_dict()
    for a, b in zip(loaded.cells, original.cells, strict=True):
        assert np.array_equal(a.contour, b.contour) and a.crop is None and a.heatmap is None
    rec = store.fields(case)[0]
    assert rec.analysed and list(rec.cell_ids) == ids
    assert store.get_case(case).status == "analysed"
    new_ids = store.save_field_result(fid, field_result(("basophil",)))  # re-analysis replaces
    assert len(new_ids) == 1 and not set(new_ids) & set(ids)
    assert [c.label for c in store.load_field_results(case)[0].cells] == ["basophil"]


def test_reclassify_sign_and_reopen(store):
    case = store.create_case(CaseInfo(patient_id="P5"))
    fid = store.add_field_image(case, rgb=image())
    with pytest.raises(StoreError, match="analyse"):
        store.sign_case(case, "Dr Who")
    cell_ids = store.save_field_result(fid, field_result())
    store.reclassify_cell(cell_ids[1], "monocyte", actor="tech")
    cell = store.load_field_results(case)[0].cells[1]
    assert (cell.label, cell.model_label, cell.reviewed) == ("monocyte", "lymphocyte", True)
    entry = store.audit_log(case)[-1]
    assert entry.action == "cell-reclassified" and entry.actor == "tech"
    assert (entry.detail["from"], entry.detail["to"]) == ("lymphocyte", "monocyte")

    store.sign_case(case, "Dr Who")
    signed = store.get_case(case)
    assert (signed.status, signed.reviewer) == ("signed", "Dr Who") and signed.signed_at
    assert len(store.audit_log(case)[-1].detail["content_sha256"]) == 64
    with pytest.raises(CaseSignedError):
        store.reclassify_cell(cell_ids[0], "basophil", actor="tech")
    with pytest.raises(CaseSignedError):
        store.add_field_image(case, rgb=image())
    with pytest.raises(CaseSignedError):
        store.save_field_result(fid, field_result())
    with pytest.raises(CaseSignedError):
        store.sign_case(case, "Dr Who")

    store.reopen_case(case, actor="Dr Who", reason="typo in a label")
    assert store.get_case(case).status == "analysed" and store.get_case(case).signed_at == ""
    store.reclassify_cell(cell_ids[0], "basophil", actor="Dr Who")
    actions = [e.action for e in store.audit_log(case)]
    assert actions == ["case-created", "field-added", "field-analysed", "cell-reclassified",
                       "case-signed", "case-reopened", "cell-reclassified"]
    assert store.integrity_check() == "ok"


def test_audit_is_append_only(store):
    case = store.create_case(CaseInfo())
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store._conn.execute("UPDATE audit SET actor = 'x' WHERE case_id = ?", (case,))
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store._conn.execute("DELETE FROM audit")


CHILD = """
import sys
import numpy as np
from clinic_app.results import CaseInfo
from clinic_app.store import CaseStore
s = CaseStore(sys.argv[1])
case = s.create_case(CaseInfo(patient_id="KILL"))
rng = np.random.default_rng(0)
for i in range(100000):
    img = rng.integers(0, 256, (32, 40, 3), dtype=np.uint8)
    print(s.add_field_image(case, rgb=img, source=f"frame-{i}"), flush=True)
"""


def test_sigkill_while_adding_loses_no_reported_image(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    reported = []
    with subprocess.Popen([sys.executable, "-c", CHILD, str(data)], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True, env=env, cwd=REPO) as proc:
        for line in proc.stdout:
            reported.append(int(line))
            if len(reported) >= 25:
                break
        proc.kill()  # SIGKILL on POSIX: no clean-up handler runs
        proc.wait(timeout=30)
        reported += [int(x) for x in proc.stdout.read().split()]  # printed before the kill
    assert len(reported) >= 25, "the child died before adding images"
    with CaseStore(data) as s:
        report = s.recover()
        assert report.missing == [] and report.unregistered == []
        assert s.integrity_check() == "ok"
        records = {r.id: r for c in s.search_cases() for r in s.fields(c.id)}
        for fid in reported:
            rec = records[fid]
            assert hashlib.sha256(rec.image_path.read_bytes()).hexdigest() == rec.sha256
        on_disk = {p for p in s.images_dir.rglob("*") if p.is_file()}
        assert on_disk == {r.image_path for r in records.values()}  # no temp file, no orphan


def test_refused_images_are_kept_with_the_case(store, tmp_path):
    """The in-scope check's refusals survive a restart (listed for "analyse anyway") and leave
    the list once the image is imported after all."""
    from clinic_app.app.case import load_case
    from clinic_app.results import SkippedInput
    from clinic_app.store.review import record_refused, refused_images

    case = store.create_case(CaseInfo(patient_id="P1", operator="tech"))
    cat, chart = str(tmp_path / "cat.jpg"), str(tmp_path / "chart.png")
    record_refused(store, case, [SkippedInput(cat, "out of scope: not a blood film (photo)"),
                                 SkippedInput(chart, "out of scope: not a blood film (chart)")])
    store.close()
    with CaseStore.open(tmp_path / "data") as again:
        assert [x.path for x in load_case(again, case).refused] == [cat, chart]
        assert refused_images(again, case)[0].reason.endswith("(photo)")
        fid = again.add_field_image(case, rgb=image(), source=cat)  # analysed anyway
        again.save_field_result(fid, field_result())
        assert [x.path for x in refused_images(again, case)] == [chart]
        actions = [e.action for e in again.audit_log(case)]
        assert actions.count("image-refused") == 2
        again.sign_case(case, "Dr Who")
        with pytest.raises(CaseSignedError):
            record_refused(again, case, [SkippedInput(chart, "out of scope: again")])
