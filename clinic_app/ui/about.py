"""Help > About: the version, the models in use (from their manifest) and the intended use."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from clinic_app import __version__
from clinic_app.results import ModelInfo


def about_dialog(parent: QWidget | None, models: list[ModelInfo], backend: str) -> QDialog:
    """A modal dialog; the models are the engine's (``Ready``), else "not loaded"."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(dialog.tr("About Blood smear screening"))
    rows = "".join(f"<tr><td>{escape(m.id)}</td><td>{escape(m.version)}</td>"
                   f"<td><code>{escape(m.sha256[:12])}</code></td></tr>" for m in models)
    table = (f"<table cellspacing='6'><tr><th align='left'>{dialog.tr('Model')}</th>"
             f"<th align='left'>{dialog.tr('Version')}</th><th align='left'>sha256</th></tr>"
             f"{rows}</table>") if models else f"<p>{dialog.tr('Models not loaded.')}</p>"
    text = QLabel(
        f"<h3>{dialog.tr('Blood smear screening')} {escape(__version__)}</h3>"
        f"<p><b>{dialog.tr('Intended use')}:</b> " + dialog.tr(
            "a screening aid for trained laboratory staff: white-cell differential and acute "
            "lymphoblastic leukaemia (ALL) screening of stained blood films. It is not a "
            "diagnosis; every finding must be confirmed by microscopy of the stained smear by "
            "a qualified person. Images that are not blood films are refused.") + "</p>"
        f"<p><b>{dialog.tr('Models')}</b> ({escape(backend or dialog.tr('not loaded'))})</p>"
        + table + "<p>" + dialog.tr("Runs offline: nothing is sent over the network.") + "</p>")
    text.setTextFormat(Qt.TextFormat.RichText)
    text.setWordWrap(True)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    text.setAccessibleName(dialog.tr("About this application"))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    lay = QVBoxLayout(dialog)
    lay.addWidget(text)
    lay.addWidget(buttons)
    dialog.setMinimumWidth(460)
    return dialog
