"""Log-in at start-up: the first-account screen on an empty data folder, then the log-in dialog
(wrong password refused); the window records the logged-in user, never typed text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from clinic_app.results import CaseInfo
from clinic_app.store import CaseStore
from clinic_app.store.users import list_users
from clinic_app.ui import login
from clinic_app.ui.login import FirstAccountDialog, LoginDialog, first_dialog
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.settings import AppSettings
from tests.ui_users import PASSWORD, make_user


@pytest.fixture
def store(tmp_path):
    with CaseStore(tmp_path / "data") as s:
        yield s


def test_first_account_then_log_in(qtbot, store):
    first = first_dialog(store)
    qtbot.addWidget(first)
    assert isinstance(first, FirstAccountDialog)
    first.username.setText("ana")
    first.full_name.setText("Ana Silva")
    first.password.setText(PASSWORD)
    first.repeat.setText(PASSWORD + "x")
    first.submit()
    assert "differ" in first.error.text() and not list_users(store)
    first.password.setText("short")
    first.repeat.setText("short")
    first.submit()
    assert "at least" in first.error.text() and not list_users(store)
    first.password.setText(PASSWORD)
    first.repeat.setText(PASSWORD)
    first.submit()
    assert first.result() == FirstAccountDialog.DialogCode.Accepted
    assert first.user.actor == "ana (Ana Silva)" and first.user.role == "admin"
    assert first.password.text() == "" and first.repeat.text() == ""

    dialog = first_dialog(store, username="ana")
    qtbot.addWidget(dialog)
    assert isinstance(dialog, LoginDialog) and dialog.username.text() == "ana"
    dialog.password.setText("wrong password")
    dialog.submit()
    assert "wrong user name or password" in dialog.error.text() and dialog.user is None
    assert dialog.password.text() == ""
    dialog.password.setText(PASSWORD)
    dialog.submit()
    assert dialog.result() == LoginDialog.DialogCode.Accepted and dialog.user.username == "ana"


def test_window_records_the_logged_in_user(qtbot, tmp_path, monkeypatch):
    settings = AppSettings(data_dir=str(tmp_path / "data"), reviewer="Last Reviewer")
    user = make_user(settings.data_dir, "nurse")
    # a window without a user asks for a log-in at the first change (never a typed name)
    asked = []
    monkeypatch.setattr(login, "log_in", lambda *a, **k: asked.append(a) or user)
    monkeypatch.setattr("clinic_app.ui.main_window.log_in", login.log_in)
    w = MainWindow(settings, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    try:
        assert w.actor_name() == "" and w.review.summary.reviewer.text() == ""
        assert w.review.summary.reviewer.isReadOnly()
        assert w.require_user() == "nurse" and len(asked) == 1
        assert w.review.reviewer_name() == "nurse" and len(asked) == 1  # asked once
        case_id = w.new_case(CaseInfo(patient_id="P-1", operator="Last Reviewer"))
        created = next(e for e in w.store.audit_log(case_id) if e.action == "case-created")
        assert created.actor == "nurse" and w.store.get_case(case_id).operator == "nurse"
    finally:
        w.shutdown()
