"""``clinic-app --self-test``: one whole case through the real window, offscreen, then checked
from a fresh database connection.

It drives the same widgets and signals a technician does (new case, import, gallery key press,
sign button, report page) so an installation problem anywhere (Qt plugins, models, runtime,
fonts, disk) shows up as one failed step, named, with exit code 1.
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import clinic_app
from clinic_app.results import CaseInfo

if TYPE_CHECKING:
    from clinic_app.ui.main_window import MainWindow

STEP_TIMEOUT_S = 120.0


class SelfTestError(RuntimeError):
    """A step failed; the message names it."""


@dataclass
class Outcome:
    fields: int = 0
    cells: int = 0
    pdf_bytes: int = 0
    backend: str = ""


def example_images() -> list[Path]:
    """The bundled fields: ``examples/`` beside the package (a checkout), else the asset field.
    The pbc/ pictures are single-cell crops, not fields, so they are not imported."""
    repo = Path(clinic_app.__file__).resolve().parents[1] / "examples"
    found = sorted(p for sub in ("bccd", "all") for p in (repo / sub).glob("*.jpg"))
    return found or sorted((Path(clinic_app.__file__).parent / "assets").glob("*.jpg"))


def run_self_test(data_dir: str | None) -> int:
    """Exit code 0 when every step passed; prints one summary line either way."""
    if os.environ.get("QT_QPA_PLATFORM") is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="clinic-selftest-") as tmp:
        folder = Path(data_dir) if data_dir else Path(tmp) / "data"
        try:
            out = _run(folder, Path(tmp))
        except SelfTestError as exc:
            print(f"self-test: FAILED: {exc}")
            return 1
        except Exception as exc:  # noqa: BLE001 - any failure is a failed step, never an abort
            text = " ".join(str(exc).split())[:200]
            print(f"self-test: FAILED: {type(exc).__name__}: {text}")
            return 1
    print(f"self-test: ok: {out.fields} fields, {out.cells} cells analysed, 1 reclassified, "
          f"signed, report {out.pdf_bytes // 1024} KiB, database checked "
          f"({out.backend}; {time.monotonic() - start:.1f} s)")
    return 0


def _run(folder: Path, tmp: Path) -> Outcome:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    from clinic_app.ui.app import make_app
    from clinic_app.ui.main_window import MainWindow
    from clinic_app.ui.settings import AppSettings

    make_app()
    images = example_images()
    if not images:
        raise SelfTestError("no example images found")
    settings = AppSettings(data_dir=str(folder), reviewer="")
    user, password = _self_test_user(folder)  # logged in programmatically (no dialog)
    window = MainWindow(settings, QSettings(str(tmp / "settings.ini"),
                                            QSettings.Format.IniFormat), user=user)
    window.show()
    out = Outcome()
    try:
        _step("load the models", lambda: bool(window.backend or window.models_error))
        if not window.backend:
            raise SelfTestError(f"load the models: {window.models_error}")
        out.backend = window.backend
        case_id = window.new_case(CaseInfo(patient_id="SELFTEST-1", patient_name="Self Test",
                                           age="40", sex="F", operator="self-test"))
        _step("open the new case", lambda: window.session is not None
              and window.session.case_id == case_id)
        s = window.session
        assert s is not None
        window.import_paths([str(p) for p in images])
        _step("import and analyse the examples", lambda: len(s.fields) == len(images)
              and not s.pending() and not window.requested)
        if s.failed():
            raise SelfTestError(f"analyse: {s.failed()[0].error}")
        out.fields = len(s.fields)
        out.cells = sum(len(f.result.cells) for f in s.fields.values() if f.result)
        window.tabs.setCurrentWidget(window.review)
        ref, new_label = _reclassify_one(window, QTest, Qt)
        _step("reclassify a cell", lambda: s.fields[ref.field_id].result.cells[ref.index].label
              == new_label)
        _sign(window, password)
        _step("sign", lambda: s.signed)
        window.tabs.setCurrentWidget(window.report)
        window.report.build()
        _step("write the PDF report", lambda: window.report.pdf is not None
              and not window.report.building)
        pdf = window.report.pdf
        if pdf is None or pdf.read_bytes()[:5] != b"%PDF-":
            raise SelfTestError(f"write the PDF report: {window.report.state.text()}")
        out.pdf_bytes = pdf.stat().st_size
    finally:
        window.shutdown()
        window.deleteLater()
    _check_database(folder, case_id, len(images), ref, new_label, user.actor)
    return out


def _sign(window: MainWindow, password: str) -> None:
    """Sign the open case as a reviewer does: the sign button, then the password."""
    window._refresh_summary()
    if not window.review.summary.sign_button.isEnabled():
        raise SelfTestError(f"sign: {window.review.summary.sign_state.text()}")
    window.review.summary.sign_button.click()  # the sign-off dialog: summary + password
    if window.signoff is None:
        raise SelfTestError("sign: the sign-off dialog did not open")
    window.signoff.password.setText(password)
    window.signoff.sign()


def _self_test_user(folder: Path) -> tuple[object, str]:
    """A one-off account in the data folder, as the first-account screen makes one."""
    import secrets

    from clinic_app.store import CaseStore
    from clinic_app.store.users import create_user

    password = secrets.token_urlsafe(16)
    with CaseStore(folder) as store:
        user = create_user(store, f"self-test-{secrets.token_hex(3)}", password, "Self Test")
    return user, password


def _step(name: str, done: object) -> None:
    from clinic_app.ui.qtutil import wait_until

    if not wait_until(done, STEP_TIMEOUT_S):  # type: ignore[arg-type]
        raise SelfTestError(f"{name}: timed out after {STEP_TIMEOUT_S:.0f} s")


def _reclassify_one(window: object, qtest: object, qt: object) -> tuple[object, str]:
    """Select the first cell in the gallery and press the number key of another class."""
    from clinic_app.ui.gallery import key_of

    gallery = window.review.gallery  # type: ignore[attr-defined]
    for cells in gallery.lists.values():
        if cells.count():
            item = cells.item(0)
            labels = gallery.session.labels
            new_label = next(lab for lab in labels if lab != cells.label)
            ref = cells.refs([item])[0]  # the gallery rebuilds (and deletes items) on a change
            cells.setCurrentItem(item)
            qtest.keyClick(cells, key_of(new_label, labels))  # type: ignore[attr-defined]
            return ref, new_label
    raise SelfTestError("reclassify a cell: the models found no cell in the examples")


def _check_database(folder: Path, case_id: int, n_fields: int, ref: object,
                    new_label: str, signer: str) -> None:
    """Reopen the store from disk: everything the window did must be there."""
    from clinic_app.store import CaseStore

    with CaseStore(folder) as store:
        if store.integrity_check() != "ok":
            raise SelfTestError(f"database integrity: {store.integrity_check()}")
        case = store.get_case(case_id)
        if case.status != "signed" or case.reviewer != signer:
            raise SelfTestError(f"reopen: case status {case.status!r}, reviewer {case.reviewer!r}")
        fields = store.fields(case_id)
        if len(fields) != n_fields or not all(f.analysed and f.image_path.is_file()
                                              for f in fields):
            raise SelfTestError(f"reopen: {len(fields)} of {n_fields} fields stored and analysed")
        by_id = {f.id: f for f in fields}
        cell = by_id[ref.field_id].result.cells[ref.index]  # type: ignore[attr-defined]
        if cell.label != new_label or not cell.reviewed:
            raise SelfTestError(f"reopen: reclassified cell reads {cell.label!r}")
        actions = [a.action for a in store.audit_log(case_id)]
        for needed in ("case-created", "field-added", "field-analysed", "cell-reclassified",
                       "case-signed"):
            if needed not in actions:
                raise SelfTestError(f"audit log lacks {needed}")
