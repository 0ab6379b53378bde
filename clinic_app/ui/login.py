"""Log-in at start-up: who works in the window is an authenticated local user (``store.users``).

With no account in the data folder yet, the first screen creates one (an administrator); after
that, a user name and password open the window. The user's ``actor`` name is what the audit log
records for every change made in the window; it is never typed as free text. Tests and the
self-test pass a ``User`` to the window directly (see ``MainWindow(user=...)``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clinic_app.store import CaseStore, StoreError
from clinic_app.store.users import (
    MIN_PASSWORD,
    AuthError,
    User,
    authenticate,
    create_user,
    list_users,
)


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class _Form(QDialog):
    """A titled form with an error line and OK/Cancel; ``submit`` decides whether to close."""

    def __init__(self, title: str, intro: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(400)
        self.user: User | None = None
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00000")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        text = QLabel(intro)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def submit(self) -> None:
        raise NotImplementedError


class AccountForm(_Form):
    """A new account: user name, full name, a role when there is a choice, a password typed
    twice (the first account of a data folder, and File > Users… > New user)."""

    def __init__(self, store: CaseStore, title: str, intro: str,
                 roles: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(title, intro, self.tr("Create account"), parent)
        self.store, self.roles = store, roles
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("User name"))
        self.full_name = QLineEdit()
        self.full_name.setAccessibleName(self.tr("Full name"))
        self.role = QComboBox()
        self.role.addItems(list(roles))
        self.role.setAccessibleName(self.tr("Role"))
        self.password = _password_field(self.tr("Password"))
        self.repeat = _password_field(self.tr("Repeat password"))
        self.password.setPlaceholderText(self.tr("at least %d characters") % MIN_PASSWORD)
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Full name"), self.full_name)
        if len(roles) > 1:
            self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow(self.tr("Repeat password"), self.repeat)

    def submit(self) -> None:
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ."))
            return
        try:
            self.user = create_user(self.store, self.username.text(), self.password.text(),
                                    self.full_name.text(), role=self.role.currentText())
        except (StoreError, ValueError) as exc:
            self.error.setText(str(exc))
            return
        finally:
            self.password.clear()
            self.repeat.clear()
        self.accept()


class FirstAccountDialog(AccountForm):
    """The first account of a new data folder (an administrator)."""

    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(store, self.tr("Create the first account"), self.tr(
            "No user account exists in this data folder yet. Create the first one: every "
            "change and every sign-off is recorded under a user's name."), ("admin",), parent)


class LoginDialog(_Form):
    """User name and password; a wrong one keeps the dialog open with one message."""

    def __init__(self, store: CaseStore, parent: QWidget | None = None,
                 username: str = "") -> None:
        super().__init__(self.tr("Log in"), self.tr("Log in to work on cases."),
                         self.tr("Log in"), parent)
        self.store = store
        self.username = QLineEdit(username)
        self.username.setAccessibleName(self.tr("User name"))
        self.password = _password_field(self.tr("Password"))
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Password"), self.password)
        (self.password if username else self.username).setFocus()

    def submit(self) -> None:
        try:
            self.user = authenticate(self.store, self.username.text(), self.password.text())
        except AuthError as exc:
            self.error.setText(str(exc))
            return
        finally:
            self.password.clear()
        self.accept()


def first_dialog(store: CaseStore, parent: QWidget | None = None,
                 username: str = "") -> _Form:
    """The dialog the app starts with: the first account, or the log-in."""
    if not list_users(store):
        return FirstAccountDialog(store, parent)
    return LoginDialog(store, parent, username)


def log_in(store: CaseStore, parent: QWidget | None = None, username: str = "") -> User | None:
    """Ask until someone is logged in; None when the user cancels (the app then closes)."""
    dialog = first_dialog(store, parent, username)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.user
