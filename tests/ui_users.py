"""A logged-in user for window tests: created in the data folder before the window opens, as
the first-account screen would, and passed to ``MainWindow(user=...)`` (no log-in dialog)."""

from __future__ import annotations

from pathlib import Path

from clinic_app.store import CaseStore
from clinic_app.store.users import User, create_user

PASSWORD = "correct horse battery"
NAME = "Tess Tech"  # user name without a full name: the audit log's actor is "Tess Tech"


def make_user(data_dir: Path | str, username: str = NAME) -> User:
    with CaseStore(data_dir) as store:
        return create_user(store, username, PASSWORD)


def sign_in_window(window, qtbot, password: str = PASSWORD) -> None:
    """Press Sign, then give the password in the sign-off dialog the window opened."""
    from PySide6.QtCore import Qt

    qtbot.mouseClick(window.review.summary.sign_button, Qt.MouseButton.LeftButton)
    dialog = window.signoff
    assert dialog is not None and dialog.isVisible()
    assert dialog.username.text() == window.user.username
    dialog.password.setText(password)
    dialog.sign()
