"""Desktop conventions through the real window: Ctrl+F, search by exact patient ID at any age,
Help/About, printing on a worker with a confirmation, the window fitting 1366x768."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import EXAMPLES, needs_models
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter

from clinic_app.results import CaseInfo
from clinic_app.ui.about import about_dialog
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.settings import AppSettings
from tests.ui_users import make_user

pytestmark = needs_models
WAIT_MS = 90_000


@pytest.fixture
def window(qtbot, tmp_path):
    settings = AppSettings(data_dir=str(tmp_path / "data"))
    w = MainWindow(settings, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                   user=make_user(settings.data_dir))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: bool(w.backend or w.models_error), timeout=WAIT_MS)
    yield w
    w.shutdown()


def test_window_fits_a_1366x768_screen(window):
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 700  # and 1280x720 logical at 150 %
    window.review.hint.setText("a very long hint " * 40)
    assert window.minimumSizeHint().width() <= 1366  # the hint never sets the width


def test_ctrl_f_and_exact_patient_id_at_any_age(window, qtbot, tmp_path):
    old = window.new_case(CaseInfo(patient_id="MRN-77", patient_name="Old"))
    window.new_case(CaseInfo(patient_id="MRN-770", patient_name="Other"))
    with sqlite3.connect(tmp_path / "data" / "cases.sqlite") as db:  # three years ago
        db.execute("UPDATE cases SET created_at = '2021-01-05T10:00:00.000Z' WHERE id = ?",
                   (old,))
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.Find))
    assert window.tabs.currentWidget() is window.cases
    assert window.cases.search.hasFocus()
    window.cases.search.setText("MRN-77")
    window.cases.refresh()
    assert old in [r.id for r in window.cases.records]  # outside the one-year range
    window.cases.search.setText("MRN")
    window.cases.refresh()
    assert old not in [r.id for r in window.cases.records]  # partial text: date range applies


def test_about_names_version_models_and_intended_use(window):
    dialog = about_dialog(window, window.models, window.backend)
    text = dialog.findChild(type(window.case_label)).text()
    from clinic_app import __version__

    assert __version__ in text and "Intended use" in text
    assert all(m.id in text for m in window.models) and window.models


def test_printing_runs_on_a_worker_and_confirms(window, qtbot, tmp_path):
    window.new_case(CaseInfo(patient_id="P-PRINT"))
    qtbot.waitUntil(lambda: window.session is not None)
    window.import_paths([str(EXAMPLES / "bccd" / "BloodImage_00001.jpg")])
    qtbot.waitUntil(lambda: len(window.session.fields) == 1 and not window.session.pending(),
                    timeout=WAIT_MS)
    page = window.report
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.pdf is not None and not page.building, timeout=WAIT_MS)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    with qtbot.waitSignal(page.printed, timeout=WAIT_MS) as sent:
        page.print_async(printer)
        assert not page.print_button.isEnabled()  # returned at once: the worker renders
    assert sent.args[0] >= 1
    assert "sent to" in page.state.text()
    assert out.stat().st_size > 1000
    assert page.print_button.isEnabled()



@pytest.mark.parametrize(("lang", "file_menu"), [("fr", "&Fichier"), ("es", "&Archivo"),
                                                 ("pt", "&Arquivo")])
def test_translations_load_for_the_chosen_language(qapp, lang, file_menu):
    from PySide6.QtCore import QCoreApplication

    from clinic_app.ui.app import install_translator

    assert install_translator(qapp, lang)
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == file_menu
    finally:
        for t in qapp.findChildren(__import__("PySide6.QtCore", fromlist=["QTranslator"])
                                   .QTranslator):
            qapp.removeTranslator(t)
