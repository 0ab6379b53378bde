"""Users dialog (File > Users…): the lab's accounts, a new one, a password change, a closure.

An administrator adds accounts (technologist, pathologist, admin), resets a forgotten password
and closes an account (kept, so names in audit logs stay known); anyone changes their own
password, with the old one. The rules live in ``store.users``; this only collects them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.store import CaseStore, StoreError
from clinic_app.store.users import (
    ROLES,
    User,
    change_password,
    deactivate_user,
    list_users,
    reset_password,
)
from clinic_app.ui.login import AccountForm


class NewUserDialog(AccountForm):
    """File > Users… > New user: any role."""

    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(store, self.tr("New user"),
                         self.tr("A new account for this data folder."), ROLES, parent)


class UsersDialog(QDialog):
    """The account list and what the logged-in ``user`` may do with it."""

    def __init__(self, store: CaseStore, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Users"))
        self.setMinimumWidth(420)
        self.store, self.user = store, user
        self.admin = user.role == "admin"
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("User accounts"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.add_button = QPushButton(self.tr("New user…"))
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.close_button = QPushButton(self.tr("Close account"))
        self.own_button = QPushButton(self.tr("Change my password…"))
        for b, on in ((self.add_button, self.admin), (self.reset_button, self.admin),
                      (self.close_button, self.admin), (self.own_button, True)):
            b.setEnabled(on)
        self.add_button.clicked.connect(self.add_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.close_button.clicked.connect(self.close_account)
        self.own_button.clicked.connect(self.change_own_password)
        row = QHBoxLayout()
        for b in (self.add_button, self.reset_button, self.close_button, self.own_button):
            row.addWidget(b)
        layout = QVBoxLayout(self)
        if not self.admin:
            layout.addWidget(QLabel(self.tr("Only an administrator adds or closes accounts.")))
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        self.users = list_users(self.store)
        for u in self.users:
            self.list.addItem(f"{u.username} — {u.full_name or '-'} ({u.role})")

    def selected(self) -> User | None:
        row = self.list.currentRow()
        return self.users[row] if 0 <= row < len(self.users) else None

    def add_user(self) -> None:
        dialog = NewUserDialog(self.store, self)
        if dialog.exec() and dialog.user is not None:
            self.message.setText(self.tr("Account %s created.") % dialog.user.username)
            self.refresh()

    def reset_password(self) -> None:
        target = self.selected()
        if target is None:
            return
        new, ok = QInputDialog.getText(self, self.tr("Reset password"),
                                       self.tr("New password for %s:") % target.username,
                                       QLineEdit.EchoMode.Password)
        if ok:
            self._do(lambda: reset_password(self.store, self.user, target.username, new),
                     self.tr("Password of %s reset.") % target.username)

    def close_account(self) -> None:
        target = self.selected()
        if target is not None:
            self._do(lambda: deactivate_user(self.store, self.user, target.username),
                     self.tr("Account %s closed.") % target.username)

    def change_own_password(self) -> None:
        old, ok = QInputDialog.getText(self, self.tr("Change my password"),
                                       self.tr("Current password:"), QLineEdit.EchoMode.Password)
        if not ok:
            return
        new, ok = QInputDialog.getText(self, self.tr("Change my password"),
                                       self.tr("New password:"), QLineEdit.EchoMode.Password)
        if ok:
            self._do(lambda: change_password(self.store, self.user.username, old, new),
                     self.tr("Your password was changed."))

    def _do(self, action: Callable[[], None], done: str) -> None:
        try:
            action()
        except (StoreError, ValueError) as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(done)
        self.refresh()
