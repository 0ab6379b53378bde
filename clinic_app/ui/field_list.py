"""The review page's left column: the fields (thumbnail, name, state), the field actions
(exclude, delete), and the images the in-scope check refused, with "analyse anyway"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.app.case import FieldEntry
from clinic_app.results import SkippedInput
from clinic_app.ui.qtutil import to_pixmap, tr

FIELD_ROLE = Qt.ItemDataRole.UserRole
NAME_CHARS = 24


def short(text: str, n: int = NAME_CHARS) -> str:
    """Middle-elided, so both the start and the number at the end of a file name show."""
    return text if len(text) <= n else text[:n // 2 - 1] + "…" + text[-(n // 2):]


def field_status(entry: FieldEntry) -> str:
    if entry.error:
        return tr("FieldList", "⚠ not analysed")
    if entry.result is None:
        return tr("FieldList", "analysing…")
    if entry.excluded:
        return tr("FieldList", "excluded (reviewer)")
    if not entry.result.quality.usable:
        return tr("FieldList", "excluded (quality)")
    n = len(entry.result.cells)
    return tr("FieldList", "1 cell") if n == 1 else tr("FieldList", "%d cells") % n


class FieldList(QListWidget):
    """One row per field; the full name and any reason are in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIconSize(QSize(64, 48))
        self.setMinimumWidth(150)
        self.setAccessibleName(self.tr("Fields of the case"))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _fill(self, item: QListWidgetItem, entry: FieldEntry) -> None:
        item.setText(f"{short(entry.name)}\n{field_status(entry)}")
        item.setData(FIELD_ROLE, entry.id)
        tip = entry.name
        if entry.scope_problem:
            tip += "\n" + self.tr("Analysed anyway, although refused: %s") % entry.scope_problem
        if entry.excluded:
            tip += "\n" + self.tr("Excluded by the reviewer: %s") % entry.excluded
        if entry.error:
            tip += "\n" + entry.error
        elif entry.result is not None and not entry.result.quality.usable:
            tip += "\n" + self.tr("Excluded from the counts: %s") % entry.result.quality.reason
        item.setToolTip(tip)
        if entry.thumb is not None:
            item.setIcon(QIcon(to_pixmap(entry.thumb, 64)))

    def add_entry(self, entry: FieldEntry) -> None:
        if entry.deleted:
            return
        item = QListWidgetItem()
        self._fill(item, entry)
        self.addItem(item)

    def update_entry(self, entry: FieldEntry) -> None:
        row = self.row_of(entry.id)
        if entry.deleted:
            if row >= 0:
                self.takeItem(row)
            return
        if row < 0:
            self.add_entry(entry)
        else:
            self._fill(self.item(row), entry)

    def row_of(self, field_id: int) -> int:
        for row in range(self.count()):
            if self.item(row).data(FIELD_ROLE) == field_id:
                return row
        return -1

    def current_id(self) -> int:
        item = self.currentItem()
        return int(item.data(FIELD_ROLE)) if item is not None else 0


class FieldPanel(QWidget):
    """Fields, their actions, and the refused images (reason in the tooltip)."""

    exclude_requested = Signal()
    delete_requested = Signal()
    analyse_anyway_requested = Signal(list)  # paths

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = FieldList()
        self.exclude = QPushButton(self.tr("Exclude…"))
        self.exclude.setToolTip(self.tr("Leave the field out of the counts (audited)"))
        self.exclude.clicked.connect(self.exclude_requested)
        self.delete = QPushButton(self.tr("Delete…"))
        self.delete.setToolTip(self.tr("Take the field out of the case (audited; the image is "
                                       "kept in the data folder)"))
        self.delete.clicked.connect(self.delete_requested)
        self.retry = QPushButton(self.tr("Re-analyse failed fields"))
        self.retry.hide()
        self.refused_label = QLabel(self.tr("Refused (not a blood film)"))
        self.refused = QListWidget()
        self.refused.setAccessibleName(self.tr("Images refused by the in-scope check"))
        self.refused.setMaximumHeight(90)
        self.anyway = QPushButton(self.tr("Analyse anyway…"))
        self.anyway.setToolTip(self.tr("Analyse the selected refused image although the check "
                                       "says it is not a blood film (audited, said on the report)"))
        self.anyway.clicked.connect(self._anyway)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(self.tr("Fields")))
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.exclude)
        row.addWidget(self.delete)
        lay.addLayout(row)
        for w in (self.retry, self.refused_label, self.refused, self.anyway):
            lay.addWidget(w)
        self.set_refused([])

    def set_refused(self, skipped: list[SkippedInput]) -> None:
        self.refused.clear()
        for x in skipped:
            item = QListWidgetItem(short(Path(x.path).name))
            item.setToolTip(f"{x.path}\n{x.reason}")
            item.setData(FIELD_ROLE, x.path)
            self.refused.addItem(item)
        for w in (self.refused_label, self.refused, self.anyway):
            w.setVisible(bool(skipped))
        if skipped:
            self.refused.setCurrentRow(0)

    def _anyway(self) -> None:
        paths = [i.data(FIELD_ROLE) for i in self.refused.selectedItems()]
        if paths:
            self.analyse_anyway_requested.emit(paths)
