"""Frozen sign-off through the real window (pytest-qt, offscreen, real models): sign with the
logged-in user's password, restart (a new store from disk and a new window), and the report page
shows the archived PDF byte for byte; crops and heat maps come back as they were verified; a
reopened case signed again is an amendment with both versions kept."""

from __future__ import annotations

import hashlib
import shutil
import subprocess

import numpy as np
import pytest
from conftest import EXAMPLES, needs_models
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog

from clinic_app import overlay
from clinic_app.results import CaseInfo
from clinic_app.store.archive import current_signed_report, signed_reports
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.settings import AppSettings
from tests.ui_users import PASSWORD, make_user, sign_in_window

pytestmark = needs_models
FIELDS = [EXAMPLES / "bccd" / "BloodImage_00001.jpg", EXAMPLES / "all" / "WBC-Benign-002.jpg"]
WAIT_MS = 90_000


def open_window(qtbot, settings, ini, user) -> MainWindow:
    w = MainWindow(settings, QSettings(str(ini), QSettings.Format.IniFormat), user=user)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: bool(w.backend or w.models_error), timeout=WAIT_MS)
    assert w.backend, w.models_error
    return w


def report_bytes(window, qtbot) -> bytes:
    """The PDF the Report page shows once it is built."""
    window.report.stale = True
    window.tabs.setCurrentWidget(window.report)
    qtbot.waitUntil(lambda: window.report.pdf is not None and not window.report.building
                    and not window.report.stale, timeout=WAIT_MS)
    return window.report.pdf.read_bytes()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_sign_restart_frozen_pdf_then_amendment(qtbot, tmp_path, monkeypatch):
    settings = AppSettings(data_dir=str(tmp_path / "data"))
    user = make_user(settings.data_dir)
    w = open_window(qtbot, settings, tmp_path / "s.ini", user)
    case_id = w.new_case(CaseInfo(patient_id="P-13", patient_name="Ada", accession="ACC-0013",
                                  birth_date="2023-05-01", operator="typed, ignored"))
    qtbot.waitUntil(lambda: w.session is not None and w.session.case_id == case_id)
    s = w.session
    w.import_paths([str(p) for p in FIELDS])
    qtbot.waitUntil(lambda: len(s.live()) == len(FIELDS) and not s.pending(), timeout=WAIT_MS)
    assert not s.failed()
    # the window's report header carries the case number and birth date (age)
    info = s.case_info()
    assert (info.accession, info.birth_date) == ("ACC-0013", "2023-05-01")
    before = {f.id: [(c.crop.copy(), None if c.heatmap is None else c.heatmap.copy())
                     for c in f.result.cells] for f in s.live()}
    assert any(h is not None for cells in before.values() for _, h in cells)

    # a wrong password keeps the dialog open and the case unsigned
    w.tabs.setCurrentWidget(w.review)
    w._refresh_summary()
    sign_in_window(w, qtbot, password="not the password")
    assert "wrong user name or password" in w.signoff.error.text() and not s.signed
    w.signoff.password.setText(PASSWORD)
    w.signoff.sign()
    qtbot.waitUntil(lambda: s.signed and w.signoff is None)
    v1 = current_signed_report(w.store, case_id)
    assert v1 is not None and v1.version == 1 and v1.signed_by == user.actor
    log = w.store.audit_log(case_id)
    assert {e.actor for e in log if e.action in ("case-created", "case-signed")} == {"Tess Tech"}
    assert next(e for e in log if e.action == "case-signed").detail["report_sha256"] == v1.sha256
    shown = report_bytes(w, qtbot)
    assert sha(shown) == v1.sha256 and w.report.pdf == v1.path
    assert "Signed report" in w.report.state.text()
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(v1.path), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "ACC-0013" in text and "Tess Tech" in text
    w.shutdown()

    # restart: a new store object from disk, a new window
    w2 = open_window(qtbot, settings, tmp_path / "s.ini", user)
    w2.open_case(case_id)
    qtbot.waitUntil(lambda: w2.session is not None and w2.session.case_id == case_id,
                    timeout=WAIT_MS)
    s2 = w2.session
    assert s2.signed
    for f in s2.live():  # what the reviewer verified: same crops (not re-cut), same heat maps
        for cell, (crop, heat) in zip(f.result.cells, before[f.id], strict=True):
            assert np.array_equal(cell.crop, crop)
            assert (heat is None) == (cell.heatmap is None)
            if heat is not None:
                assert np.abs(cell.heatmap - heat).max() <= 1 / 255 + 1e-6
    assert sha(report_bytes(w2, qtbot)) == v1.sha256
    assert w2.report.pdf.read_bytes() == v1.path.read_bytes()

    # reopen, change a label, sign again: an amendment beside the first version
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("label typo", True))
    w2.tabs.setCurrentWidget(w2.review)
    w2.review.summary.reopen_button.click()
    assert not s2.signed
    qtbot.waitUntil(lambda: not w2.report.building, timeout=WAIT_MS)
    field = next(f for f in s2.live() if f.result.cells)
    from clinic_app.app.case import CellRef

    cell = field.result.cells[0]
    new = "lymphocyte" if cell.label != "lymphocyte" else "monocyte"
    assert s2.reclassify([CellRef(field.id, 0)], new, w2.actor_name()) == 1
    w2._refresh_summary()
    sign_in_window(w2, qtbot)
    qtbot.waitUntil(lambda: s2.signed and w2.signoff is None)
    versions = signed_reports(w2.store, case_id)
    assert [v.version for v in versions] == [1, 2]
    assert all(v.intact() for v in versions) and versions[0] == v1
    assert versions[1].sha256 != v1.sha256
    assert sha(report_bytes(w2, qtbot)) == versions[1].sha256
    assert "amendment 2" in w2.report.state.text()
    actions = [e.action for e in w2.store.audit_log(case_id)]
    assert actions.count("case-signed") == 1 and actions.count("case-amended") == 1
    w2.shutdown()


def test_overlay_labels_a_reviewed_cell_without_the_models_score(monkeypatch):
    from clinic_app.results import BBox, CellResult, FieldResult, QualityReport

    texts: list[str] = []
    real = overlay.cv2.putText
    monkeypatch.setattr(overlay.cv2, "putText", lambda img, text, *a, **k: (
        texts.append(text), real(img, text, *a, **k))[1])
    cell = CellResult(BBox(10, 10, 40, 40), "platelet", {"platelet": 0.99, "lymphocyte": 0.01})
    cell.label, cell.reviewed = "lymphocyte", True
    kept = CellResult(BBox(50, 10, 80, 40), "neutrophil", {"neutrophil": 0.9})
    result = FieldResult("f.png", 100, 60, 0.1, "test", QualityReport(100.0, 0, 0, 1.0),
                         cells=[cell, kept])
    overlay.draw(result, np.zeros((60, 100, 3), np.uint8))
    assert "lymphocyte (reviewed)" in texts and not any("lymphocyte 99" in t for t in texts)
    assert "neutrophil 90%" in texts


@pytest.mark.parametrize("kind,name", [("csv", "P-13_ACC-0013_cells.csv"),
                                       ("fhir", "P-13_ACC-0013_fhir.json"),
                                       ("hl7", "P-13_ACC-0013_oru.hl7")])
def test_export_names_carry_patient_and_case(qtbot, kind, name):
    from clinic_app.export import export_basename
    from clinic_app.ui.report_page import ReportPage
    from clinic_app.ui.workers import TaskRunner

    page = ReportPage(TaskRunner())
    qtbot.addWidget(page)
    page.basename = lambda k: export_basename(CaseInfo(patient_id="P-13", accession="ACC-0013"), k)
    assert page.export_name(kind)[0] == name
