"""The review page's list of fields: thumbnail, name and state (analysing, cells, excluded)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from clinic_app.app.case import FieldEntry
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
    if not entry.result.quality.usable:
        return tr("FieldList", "excluded (quality)")
    n = len(entry.result.cells)
    return tr("FieldList", "1 cell") if n == 1 else tr("FieldList", "%d cells") % n


class FieldList(QListWidget):
    """One row per field; the full name and any reason are in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIconSize(QSize(64, 48))
        self.setMinimumWidth(220)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _fill(self, item: QListWidgetItem, entry: FieldEntry) -> None:
        item.setText(f"{short(entry.name)}\n{field_status(entry)}")
        item.setData(FIELD_ROLE, entry.id)
        tip = entry.name
        if entry.error:
            tip += "\n" + entry.error
        elif entry.result is not None and not entry.result.quality.usable:
            tip += "\n" + self.tr("Excluded from the counts: %s") % entry.result.quality.reason
        item.setToolTip(tip)
        if entry.thumb is not None:
            item.setIcon(QIcon(to_pixmap(entry.thumb, 64)))

    def add_entry(self, entry: FieldEntry) -> None:
        item = QListWidgetItem()
        self._fill(item, entry)
        self.addItem(item)

    def update_entry(self, entry: FieldEntry) -> None:
        row = self.row_of(entry.id)
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
