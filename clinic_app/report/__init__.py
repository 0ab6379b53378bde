"""The PDF screening report; ``write_report`` is its public face (the parts are in ``pdf``,
``style``, ``images``, ``sections`` and ``gallery``)."""

from clinic_app.report.pdf import write_report

__all__ = ["write_report"]
