"""Screenshots of every screen of the real window, for a person to look at before a release.

    python packaging/screenshots.py OUT_DIR [--size 1366x768] [--scale 1.5]

Runs one case like ``--self-test`` (new case, import the examples, analyse) in a temporary data
folder and saves ``cases.png``, ``capture.png``, ``review.png``, ``review-heatmaps.png``,
``report.png``, ``settings.png`` and ``about.png``. ``--size`` starts its own Xvfb screen of that
size (the laptop screens the issue names: 1366x768 at 100 %, 1920x1080 at 150 % is
``--size 1920x1080 --scale 1.5``); the window opens at the size the app picks for that
screen, and the sizes it ends up with are printed. Not a test: it asserts nothing a person
would not see.
"""

from __future__ import annotations

import argparse
import os
import subprocess
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
        from clinic_app.store import CaseStore
        from clinic_app.ui.login import first_dialog

        data = Path(tmp) / "data"
        password = "screenshot-pass"
        with CaseStore(data) as store:  # the start-up screens: first account, then log-in
            first = first_dialog(store)
            first.username.setText("tess")
            first.full_name.setText("Tess Tech")
            first.show()
            app.processEvents()
            first.grab().save(str(out / "first-account.png"))
            first.password.setText(password)
            first.repeat.setText(password)
            first.submit()
            login = first_dialog(store, username="tess")
            login.show()
            app.processEvents()
            login.grab().save(str(out / "login.png"))
            login.password.setText(password)
            login.submit()
            user = login.user
            login.close()
        window = MainWindow(AppSettings(data_dir=str(data), reviewer=""),
                            QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat),
                            user=user)
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
        screen = window.screen().availableGeometry()
        sign = window.review.summary.sign_button
        corner = sign.mapTo(window, sign.rect().bottomRight())
        print(f"screen {screen.width()}x{screen.height()} (logical), window "
              f"{window.frameGeometry().width()}x{window.frameGeometry().height()}, minimum "
              f"{window.minimumSizeHint().width()}x{window.minimumSizeHint().height()}, Sign "
              f"button bottom-right at {corner.x()},{corner.y()} visible="
              f"{not sign.visibleRegion().isEmpty()}")
        toggle = getattr(window.review, "heat", None)
        if toggle is not None:
            toggle.setChecked(True)
            shot("review-heatmaps.png")
        window.tabs.setCurrentWidget(window.report)
        window.report.build()
        wait_until(lambda: window.report.pdf is not None and not window.report.building, 120)
        wait_until(lambda: False, 1.0)
        shot("report.png")
        window.tabs.setCurrentWidget(window.review)
        window.review.summary.sign_button.click()  # the sign-off dialog (window-modal)
        dialog = window.signoff
        if dialog is not None:
            wait_until(lambda: False, 0.5)
            dialog.grab().save(str(out / "signoff.png"))
            window.grab().save(str(out / "signoff-window.png"))
            dialog.password.setText(password)
            dialog.sign()
            wait_until(lambda: window.session.signed, 30)
            wait_until(lambda: False, 0.5)
            shot("review-signed.png")
            window.tabs.setCurrentWidget(window.report)
            wait_until(lambda: not window.report.building and not window.report.stale, 120)
            wait_until(lambda: False, 1.0)
            shot("report-signed.png")
        dialog = SettingsDialog(window.settings, window.backend, window)
        dialog.show()
        QTimer.singleShot(0, lambda: None)
        app.processEvents()
        dialog.grab().save(str(out / "settings.png"))
        dialog.close()
        from clinic_app.ui.about import about_dialog

        about = about_dialog(window, window.models, window.backend)
        about.show()
        app.processEvents()
        about.grab().save(str(out / "about.png"))
        about.close()
        window.shutdown()
    print(f"screenshots in {out}")
    return 0


def _under_xvfb(args: argparse.Namespace) -> int:
    """Run this script again inside an Xvfb screen of ``args.size``."""
    w, h = args.size.lower().split("x")
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    env.pop("QT_SCALE_FACTOR", None)
    if args.scale:
        env["QT_SCALE_FACTOR"] = str(args.scale)
    cmd = ["xvfb-run", "-a", "-s", f"-screen 0 {int(w)}x{int(h)}x24", sys.executable, __file__,
           str(args.out), "--inside"]
    return subprocess.run(cmd, env=env, check=False).returncode


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="screenshots", type=Path)
    parser.add_argument("--size", help="screen size WxH: runs under its own Xvfb")
    parser.add_argument("--scale", type=float, default=0.0, help="QT_SCALE_FACTOR, e.g. 1.5")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    ns = parser.parse_args()
    if ns.size and not ns.inside:
        sys.exit(_under_xvfb(ns))
    sys.exit(main(ns.out))
