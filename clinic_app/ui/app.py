"""Application set-up: the QApplication, translations, settings, and ``run_app``.

Strings in the UI go through ``tr()``; a ``clinic_app_<lang>.qm`` file in
``clinic_app/translations`` (French, Spanish, Portuguese; made with ``pyside6-lupdate`` /
``pyside6-lrelease``, see the README there) is loaded for the language chosen in the settings,
or the user's locale when none is chosen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from clinic_app import __version__
from clinic_app.store import CaseStore, StoreError
from clinic_app.ui.settings import AppSettings, load_settings

ORG = "ClinicApp"
APP = "clinic-app"
I18N = Path(__file__).resolve().parents[1] / "translations"


def make_app(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (reused when a test or the self-test already made it)."""
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(ORG)
        QCoreApplication.setApplicationName(APP)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setStyle("Fusion")  # same look on Windows, Linux and the Jetson
    return app  # type: ignore[return-value]


def install_translator(app: QApplication, language: str = "") -> bool:
    """Load the chosen language ("" = the system locale; "en" = none); True when loaded."""
    if language == "en":
        return False
    translator = QTranslator(app)
    locale = QLocale(language) if language else QLocale()
    if translator.load(locale, "clinic_app", "_", str(I18N)):
        app.installTranslator(translator)
        return True
    return False


def user_settings(data_dir: str | None) -> tuple[AppSettings, QSettings]:
    """The user's saved settings; ``--data-dir`` overrides the data folder for this run."""
    qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)
    settings = load_settings(qs)
    if data_dir:
        settings.data_dir = str(Path(data_dir).expanduser().resolve())
    return settings, qs


def run_app(data_dir: str | None) -> int:
    """Log in (or create the first account), open the main window and run until it is
    closed; the exit code of the event loop (0 when the log-in is cancelled)."""
    app = make_app()
    settings, qs = user_settings(data_dir)
    install_translator(app, settings.language)
    from clinic_app.ui.login import log_in  # after QApplication: widgets need it
    from clinic_app.ui.main_window import MainWindow

    try:
        store = CaseStore(settings.data_dir)
    except StoreError as exc:
        QMessageBox.critical(None, "clinic-app", str(exc))
        return 1
    user = log_in(store, None, settings.reviewer)  # the last user name, never a password
    if user is None:
        store.close()
        return 0
    settings.reviewer = user.username
    try:
        window = MainWindow(settings, qs, user=user, store=store)
    except StoreError as exc:
        store.close()
        QMessageBox.critical(None, "clinic-app", str(exc))
        return 1
    window.show()
    return app.exec()
