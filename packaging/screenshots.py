"""Screenshots of every screen of the real window, for a person to look at before a release.

    xvfb-run -s "-screen 0 1600x1000x24" python packaging/screenshots.py OUT_DIR

Runs one case like ``--self-test`` (new case, import the examples, analyse) in a temporary data
folder and saves ``cases.png``, ``capture.png``, ``review.png``, ``review-heatmaps.png``,
``report.png`` and ``settings.png``. Not a test: it asserts nothing a person would not see.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def main(out: Path) -> int:
    from PySide6.QtCore import QSettings, QTimer

    from clinic_app.results import CaseInfo
    from clinic_app.ui.app import make_app
    from clinic_app.ui.main_window import MainWindow
    from clinic_app.ui.qtutil import wait_until
    from clinic_app.ui.selftest import example_images
    from clinic_app.ui.settings import AppSettings, SettingsDialog

    out.mkdir(parents=True, exist_ok=True)
    app = make_app()
    with tempfile.TemporaryDirectory(prefix="clinic-shots-") as tmp:
        window = MainWindow(AppSettings(data_dir=str(Path(tmp) / "data"), reviewer=""),
                            QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1400, 900)
        window.show()
        wait_until(lambda: bool(window.backend or window.models_error), 60)
        window.new_case(CaseInfo(patient_id="DEMO-001", patient_name="Amina Diallo", age="34",
                                 sex="F", operator="tech"))
        wait_until(lambda: window.session is not None, 30)
        shot = lambda name: (app.processEvents(), window.grab().save(str(out / name)))  # noqa: E731
        window.tabs.setCurrentWidget(window.cases)
        shot("cases.png")
        window.tabs.setCurrentWidget(window.acquisition)
        images = example_images()
        window.import_paths([str(p) for p in images])
        s = window.session
        wait_until(lambda: len(s.fields) == len(images) and not s.pending(), 180)
        shot("capture.png")
        window.tabs.setCurrentWidget(window.review)
        wait_until(lambda: False, 1.0)
        shot("review.png")
        toggle = getattr(window.review, "heat", None)
        if toggle is not None:
            toggle.setChecked(True)
            shot("review-heatmaps.png")
        window.tabs.setCurrentWidget(window.report)
        window.report.build()
        wait_until(lambda: window.report.pdf is not None and not window.report.building, 120)
        wait_until(lambda: False, 1.0)
        shot("report.png")
        dialog = SettingsDialog(window.settings, window.backend, window)
        dialog.show()
        QTimer.singleShot(0, lambda: None)
        app.processEvents()
        dialog.grab().save(str(out / "settings.png"))
        dialog.close()
        window.shutdown()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")))
