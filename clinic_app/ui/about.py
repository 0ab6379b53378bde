"""Help > About: the version, the models in use (from their manifest) and the intended use."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from clinic_app import __version__
from clinic_app.results import ModelInfo


class AboutDialog(QDialog):
    """A modal dialog; the models are the engine's (``Ready``), else "not loaded". Every text
    is a plain ``self.tr`` call (lupdate finds them under this class's context)."""

    def __init__(self, parent: QWidget | None, models: list[ModelInfo], backend: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Blood smear screening"))
        title, use_h = self.tr("Blood smear screening"), self.tr("Intended use")
        use = self.tr(
            "a screening aid for trained laboratory staff: white-cell differential and acute "
            "lymphoblastic leukaemia (ALL) screening of stained blood films. It is not a "
            "diagnosis; every finding must be confirmed by microscopy of the stained smear by "
            "a qualified person. Images that are not blood films are refused.")
        models_h, offline = self.tr("Models"), self.tr(
            "Runs offline: nothing is sent over the network.")
        text = QLabel(f"<h3>{title} {escape(__version__)}</h3><p><b>{use_h}:</b> {use}</p>"
                      f"<p><b>{models_h}</b> ({escape(backend or self.tr('not loaded'))})</p>"
                      f"{self._table(models)}<p>{offline}</p>")
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setAccessibleName(self.tr("About this application"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(text)
        lay.addWidget(buttons)
        self.setMinimumWidth(460)
        self.text = text

    def _table(self, models: list[ModelInfo]) -> str:
        if not models:
            return "<p>" + self.tr("Models not loaded.") + "</p>"
        model_h, version_h = self.tr("Model"), self.tr("Version")
        rows = "".join(f"<tr><td>{escape(m.id)}</td><td>{escape(m.version)}</td>"
                       f"<td><code>{escape(m.sha256[:12])}</code></td></tr>" for m in models)
        return (f"<table cellspacing='6'><tr><th align='left'>{model_h}</th>"
                f"<th align='left'>{version_h}</th><th align='left'>sha256</th></tr>{rows}</table>")


def about_dialog(parent: QWidget | None, models: list[ModelInfo], backend: str) -> QDialog:
    """The About dialog (kept as a function for callers)."""
    return AboutDialog(parent, models, backend)
