"""File > Users…: an administrator adds, resets and closes accounts; anyone changes their own
password; a technologist cannot administer (real widgets, real store)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog

from clinic_app.store import CaseStore
from clinic_app.store.users import AuthError, authenticate, create_user
from clinic_app.ui.users import NewUserDialog, UsersDialog

ADMIN_PW, NEW_PW = "admin password 1", "tech password 22"


@pytest.fixture
def store(tmp_path):
    with CaseStore(tmp_path / "data") as s:
        yield s


def test_admin_adds_resets_and_closes_an_account(qtbot, store, monkeypatch):
    admin = create_user(store, "ada", ADMIN_PW, "Ada Admin", role="admin")
    dialog = UsersDialog(store, admin)
    qtbot.addWidget(dialog)
    assert dialog.add_button.isEnabled() and dialog.list.count() == 1

    form = NewUserDialog(store, dialog)
    qtbot.addWidget(form)
    form.username.setText("tom")
    form.full_name.setText("Tom Tech")
    form.password.setText(NEW_PW)
    form.repeat.setText("a typo " + NEW_PW)
    form.submit()
    assert "differ" in form.error.text() and form.user is None
    form.password.setText(NEW_PW)
    form.repeat.setText(NEW_PW)
    form.submit()
    assert form.user is not None and form.user.role == "technologist"
    assert authenticate(store, "TOM", NEW_PW).full_name == "Tom Tech"
    dialog.refresh()
    assert dialog.list.count() == 2

    dialog.list.setCurrentRow([u.username for u in dialog.users].index("tom"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("reset password 3", True))
    dialog.reset_password()
    assert "reset" in dialog.message.text()
    authenticate(store, "tom", "reset password 3")
    dialog.list.setCurrentRow([u.username for u in dialog.users].index("tom"))
    dialog.close_account()
    assert dialog.list.count() == 1
    with pytest.raises(AuthError):
        authenticate(store, "tom", "reset password 3")
    dialog.list.setCurrentRow(0)  # the admin's own account stays open
    dialog.close_account()
    assert "own account" in dialog.message.text() and dialog.list.count() == 1


def test_a_technologist_only_changes_their_own_password(qtbot, store, monkeypatch):
    tech = create_user(store, "tom", NEW_PW, "Tom Tech")
    dialog = UsersDialog(store, tech)
    qtbot.addWidget(dialog)
    assert not dialog.add_button.isEnabled() and not dialog.close_button.isEnabled()
    answers = iter([("wrong old password", True), ("x", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    dialog.change_own_password()
    assert "wrong user name or password" in dialog.message.text()
    answers = iter([(NEW_PW, True), ("short", True)])
    dialog.change_own_password()
    assert "at least 8" in dialog.message.text()
    answers = iter([(NEW_PW, True), ("a brand new secret", True)])
    dialog.change_own_password()
    assert "changed" in dialog.message.text()
    authenticate(store, "tom", "a brand new secret")
