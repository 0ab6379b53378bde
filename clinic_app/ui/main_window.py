"""The main window: four pages (Cases, Capture, Review, Report) around one open case.

It wires the pages to the workers and to the ``CaseSession``; it holds no analysis logic. Every
slow step (decode, save, analyse, report) happens on a worker, and the summary is refreshed at
most a few times a second while a batch is analysed, so the event loop keeps breathing.
The engine's requests and events (``engine_events``) and the case actions: sign-off, reopening,
report inputs and exports (``case_actions``) are mixins kept in their own files.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clinic_app import runtime
from clinic_app.app.case import LoadedCase, load_case, pack_defaults
from clinic_app.results import CaseInfo, ModelInfo
from clinic_app.store import CaseStore
from clinic_app.store.users import User
from clinic_app.ui.about import about_dialog
from clinic_app.ui.acquisition import AcquisitionPage
from clinic_app.ui.case_actions import CaseActions
from clinic_app.ui.cases import CasesPage, NewCaseDialog
from clinic_app.ui.engine_events import EngineEvents
from clinic_app.ui.login import log_in
from clinic_app.ui.report_page import ReportPage
from clinic_app.ui.review import ReviewPage
from clinic_app.ui.session import CaseSession
from clinic_app.ui.settings import AppSettings, SettingsDialog, save_settings
from clinic_app.ui.signoff import SignOffDialog
from clinic_app.ui.users import UsersDialog
from clinic_app.ui.widgets import accept_file_drag, take_dropped
from clinic_app.ui.workers import Pipeline, TaskRunner

SUMMARY_EVERY_MS = 300


class MainWindow(EngineEvents, CaseActions):
    """One window for the whole day's work, used by one logged-in ``user``.

    ``run_app`` logs the user in (``ui.login``) before the window opens and passes the store it
    opened; tests and the self-test pass a ``User`` they created. A window made without one
    asks for a log-in at the first change (never a free-text name).
    """

    case_opened = Signal(int)
    signed = Signal(int)  # case id, once signed and archived

    def __init__(self, settings: AppSettings, qsettings: QSettings | None = None,
                 user: User | None = None, store: CaseStore | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.qsettings = qsettings
        self.data_dir = Path(settings.data_dir)
        self.store = store if store is not None else CaseStore(self.data_dir)
        self.user = user
        self.signoff: SignOffDialog | None = None
        self.recovery = self.store.recover()
        self.session: CaseSession | None = None
        self.labels, self.field_thresholds = pack_defaults()  # the engine's Ready replaces them
        self.backend = ""
        self.models_error = ""
        self.models: list[ModelInfo] = []
        self.requested: set[int] = set()
        self.duplicates: list[str] = []
        self.closed = False
        self.tasks = TaskRunner(self)
        self.pipeline = Pipeline(self.data_dir, self)
        self.setWindowTitle(self.tr("Blood smear screening"))
        self.setAcceptDrops(True)
        self._build_pages()
        self._build_menu()
        self._connect_pipeline()
        self.summary_timer = QTimer(self)
        self.summary_timer.setSingleShot(True)
        self.summary_timer.setInterval(SUMMARY_EVERY_MS)
        self.summary_timer.timeout.connect(self._refresh_summary)
        self.pipeline.load(settings.analyzer_options())
        self.cases.refresh()
        self._fit_to_screen()
        if not self.recovery.clean:
            QTimer.singleShot(0, self._report_recovery)

    # -- construction ----------------------------------------------------------------------

    def _with_store_banner(self, body: QWidget) -> QWidget:
        """``body`` under a red banner when the store opened read-only (damaged file or an
        unwritable folder): cases can be viewed, nothing can be saved, and the banner names
        the way out (``python -m clinic_app.store.integrity restore``)."""
        self.store_banner = QLabel(self.store.damage)
        self.store_banner.setWordWrap(True)
        self.store_banner.setAccessibleName(self.tr("Case store problem"))
        self.store_banner.setStyleSheet("background: #b00020; color: white; padding: 6px;")
        self.store_banner.setVisible(bool(self.store.read_only))
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.store_banner)
        layout.addWidget(body)
        return box

    def _build_pages(self) -> None:
        self.tabs = QTabWidget()
        self.cases = CasesPage(self.store)
        self.acquisition = AcquisitionPage()
        self.review = ReviewPage(self.tasks)
        self.report = ReportPage(self.tasks)
        for page, title in ((self.cases, self.tr("1  Cases")), (self.acquisition,
                            self.tr("2  Capture")), (self.review, self.tr("3  Review")),
                            (self.report, self.tr("4  Report"))):
            self.tabs.addTab(page, title)
        self.setCentralWidget(self._with_store_banner(self.tabs))
        self.case_label = QLabel(self.tr("No case open"))
        self.progress_label = QLabel("")
        self.backend_label = QLabel(self.tr("Loading models…"))
        for label in (self.progress_label, self.case_label, self.backend_label):
            label.setStyleSheet("padding: 0 8px; border-left: 1px solid #b0b0b0;")
            self.statusBar().addPermanentWidget(label)  # showMessage() uses the left side
        self.cases.open_requested.connect(self.open_case)
        self.cases.new_requested.connect(self.new_case_dialog)
        self.acquisition.capture_requested.connect(self.capture)
        self.acquisition.import_requested.connect(self.import_paths)
        self.acquisition.cancel_import.connect(self.pipeline.cancel_import)
        self.review.reanalyse_requested.connect(self._analyse)
        self.review.analyse_anyway_requested.connect(self.analyse_anyway)
        self.acquisition.panel.keep_duplicates_button.clicked.connect(self.keep_duplicates)
        self.review.summary.sign_requested.connect(self.sign)
        self.review.summary.reopen_requested.connect(self.reopen)
        self.review.who = self.require_user
        self._show_user()
        for page in (self.review, self.report):
            page.status_message.connect(self.show_message)
        self.report.inputs = self._report_inputs
        self.report.archived = self._archived
        self.report.exporter = self._export
        self.report.basename = self._basename
        self._enable_case_pages(False)

    def _build_menu(self) -> None:
        def add(menu: QMenu, text: str, key: object, slot: object) -> QAction:
            action = QAction(text, self)
            if key:
                action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            menu.addAction(action)
            return action

        menu = self.menuBar().addMenu(self.tr("&File"))
        add(menu, self.tr("&New case…"), QKeySequence.StandardKey.New, self.new_case_dialog)
        self.find_action = add(menu, self.tr("&Find case…"), QKeySequence.StandardKey.Find,
                               self.find_case)
        add(menu, self.tr("&Import images…"), "Ctrl+I", self.acquisition.panel.choose_folder)
        add(menu, self.tr("&Settings…"), QKeySequence.StandardKey.Preferences, self.open_settings)
        add(menu, self.tr("&Users…"), None, self.open_users)
        add(menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = add(edit, self.tr("&Undo"), QKeySequence.StandardKey.Undo, self.undo)
        self.redo_action = add(edit, self.tr("&Redo"), QKeySequence.StandardKey.Redo, self.redo)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        add(help_menu, self.tr("&About…"), QKeySequence.StandardKey.HelpContents, self.about)
        self._undo_state()

    def _fit_to_screen(self) -> None:
        """1360x860 where there is room; never larger than the screen's free area."""
        screen = self.screen().availableGeometry() if self.screen() else None
        w, h = 1360, 860
        if screen is not None:
            w, h = min(w, screen.width() - 20), min(h, screen.height() - 40)
        self.resize(w, h)

    # -- the logged-in user ----------------------------------------------------------------

    def actor_name(self) -> str:
        """The audit log's name for the logged-in user ("" when nobody is logged in)."""
        return self.user.actor if self.user is not None else ""

    def require_user(self) -> str:
        """The logged-in user's name, asking for a log-in first when nobody is logged in."""
        if self.user is None:
            self.user = log_in(self.store, self)
            self._show_user()
        return self.actor_name()

    def _show_user(self) -> None:
        self.review.summary.reviewer.setText(self.actor_name())
        self.review.update_sign_state()

    def find_case(self) -> None:
        """Ctrl+F: the Cases page with the cursor in its search box."""
        self.tabs.setCurrentWidget(self.cases)
        self.cases.search.setFocus()
        self.cases.search.selectAll()

    def about(self) -> None:
        about_dialog(self, self.models, self.backend).exec()

    def open_users(self) -> None:
        """The accounts of this data folder (adding and closing them: administrators only)."""
        if self.user is not None:
            self.users_dialog = UsersDialog(self.store, self.user, self)
            self.users_dialog.open()

    def undo(self) -> None:
        if self.session is not None and not self.session.signed:
            text = self.session.undo()
            self.show_message(self.tr("Undone: %s") % text if text else self.tr("Nothing to undo"))

    def redo(self) -> None:
        if self.session is not None and not self.session.signed:
            text = self.session.redo()
            self.show_message(self.tr("Redone: %s") % text if text else self.tr("Nothing to redo"))

    def _undo_state(self) -> None:
        s = self.session
        can = s is not None and not s.signed
        self.undo_action.setEnabled(can and bool(s.undo_stack))  # type: ignore[union-attr]
        self.redo_action.setEnabled(can and bool(s.redo_stack))  # type: ignore[union-attr]
        if can and s.undo_stack:  # type: ignore[union-attr]
            self.undo_action.setText(self.tr("&Undo %s") % s.undo_stack[-1].text)  # type: ignore[union-attr]
        else:
            self.undo_action.setText(self.tr("&Undo"))

    def _enable_case_pages(self, on: bool) -> None:
        for page in (self.review, self.report):
            self.tabs.setTabEnabled(self.tabs.indexOf(page), on)
        panel = self.acquisition.panel
        if not on:
            panel.set_can_capture(False, self.tr("Create or open a case to capture fields."))
        elif self.session is not None and self.session.signed:
            panel.set_can_capture(False, self.tr("This case is signed. Reopen it on the Review "
                                                 "page to add fields."))
        else:
            panel.set_can_capture(True)
            self._update_counts()

    # -- cases -----------------------------------------------------------------------------

    def new_case_dialog(self) -> None:
        operator = self.require_user()
        if not operator:
            return
        dialog = NewCaseDialog(operator, self)
        if dialog.exec() == NewCaseDialog.DialogCode.Accepted:
            self.new_case(dialog.info())

    def new_case(self, info: CaseInfo) -> int:
        """Create and open a case, then go to Capture (what comes next at the microscope).
        The operator is the logged-in user when there is one."""
        if self.user is not None:
            info = replace(info, operator=self.user.actor)
        case_id = self.store.create_case(info, actor=info.operator)
        self.cases.refresh()
        self.open_case(case_id, page=self.acquisition)
        return case_id

    def open_case(self, case_id: int, page: QWidget | None = None) -> None:
        """Load the case on a worker (it decodes every field for thumbnails), then show it."""
        self.case_label.setText(self.tr("Opening case %d…") % case_id)
        self.tasks.run(lambda: load_case(self.store, case_id),
                       lambda loaded: self._opened(loaded, page),
                       lambda msg: self.show_message(msg, error=True))

    def _opened(self, loaded: LoadedCase, page: QWidget | None) -> None:
        """Show the case: by default on Review, or on Capture while it has no field yet."""
        page = page or (self.review if loaded.fields else self.acquisition)
        self.session = CaseSession(self.store, loaded, self._assemble, self.labels)
        s = self.session
        s.summary_changed.connect(self.summary_timer.start)
        s.status_changed.connect(self._status_changed)
        s.field_added.connect(lambda _fid: self._update_counts())
        s.undo_changed.connect(self._undo_state)
        s.fields_changed.connect(self._update_counts)
        for page_ in (self.review, self.acquisition):
            page_.setEnabled(True)
        self.review.set_session(s)
        self.report.stale = True
        self._enable_case_pages(True)
        self._status_changed()
        self._analyse(s.pending())
        self._refresh_summary()
        self.tabs.setCurrentWidget(page)
        self._undo_state()
        self.case_opened.emit(s.case_id)

    def _case_text(self) -> str:
        r = self.session.record if self.session else None
        if r is None:
            return self.tr("No case open")
        return self.tr("Case %d · %s %s · %s · %s") % (r.id, r.patient_id, r.patient_name,
                                                      r.sample_type, self.tr(r.status))

    def _status_changed(self) -> None:
        self.case_label.setText(self._case_text())
        self.setWindowTitle(self.tr("Blood smear screening — %s") % self._case_text())
        self._enable_case_pages(self.session is not None)
        self.review.update_sign_state()

    # -- settings, messages, shutdown ------------------------------------------------------

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self.backend, self)
        self.tasks.run(runtime.detect, dialog.show_detected,
                       lambda msg: dialog.detected.setText(msg))
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        new = dialog.result_settings()
        reload = new.analyzer_options() != self.settings.analyzer_options()
        if new.data_dir != self.settings.data_dir:
            self.show_message(self.tr("The new data folder is used after a restart."))
        self.settings = new
        if self.qsettings is not None:
            save_settings(self.qsettings, new)
        if reload:
            self.backend_label.setText(self.tr("Loading models…"))
            self.pipeline.load(new.analyzer_options())

    def show_message(self, text: str, error: bool = False) -> None:
        self.statusBar().showMessage(("⚠ " if error else "") + text, 15_000)

    def _report_recovery(self) -> None:
        r = self.recovery
        lines = []
        if r.registered:
            lines.append(self.tr("%d field image(s) saved just before the app stopped were "
                                 "added back to their cases.") % len(r.registered))
        if r.missing:
            lines.append(self.tr("%d field image(s) are missing from the data folder.")
                         % len(r.missing))
        if r.unregistered:
            lines.append(self.tr("Unreadable files: %s") % "; ".join(r.unregistered[:5]))
        if lines:
            QMessageBox.information(self, self.tr("Recovery"), "\n".join(lines))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt name
        accept_file_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt name
        if paths := take_dropped(event):
            self.import_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt name
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the camera, let the workers finish the field in hand, close the store."""
        if self.closed:
            return
        self.closed = True
        self.cases.timer.stop()  # a search typed just before closing must not query a closed store
        self.cases.closed = True
        self.acquisition.stop_preview()
        self.pipeline.stop()
        self.tasks.wait()
        if self.qsettings is not None:
            save_settings(self.qsettings, self.settings)
        self.store.close()
