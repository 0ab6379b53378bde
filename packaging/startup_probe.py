"""Start-up timing of the frozen desktop app, switched on by ``CLINIC_STARTUP_PROBE=1``.

The launcher passes its own clock as ``CLINIC_STARTUP_T0`` (seconds since the epoch, taken just
before it starts the executable), so the figures include the bootloader, unpacking nothing (one
folder), Python start-up and every import. Two moments are printed on stdout:

- ``window``: the main window has been shown and the event loop has run once (it is on screen);
- ``models``: the analysis engine (a second, spawned process) reports its models loaded, i.e.
  the app can analyse a field.

Then the window is closed normally (its ``closeEvent`` stops the engine). Nothing in the app
changes when the variable is not set; the probe patches ``QMainWindow.show`` only in this run.

The app starts with a log-in (or first-account) dialog, which a probe cannot type into: the
probe creates its own account in the run's (fresh) data folder and logs in as it through the
store, so the figures are the program's own time without a person typing a password. The
moment the dialog would have been shown is printed too (``login``).
"""

from __future__ import annotations

import os
import time

MODELS_TIMEOUT_S = 120.0


def _t0() -> float:
    try:
        return float(os.environ["CLINIC_STARTUP_T0"])
    except (KeyError, ValueError):
        return time.time()


PROBE_USER = "startup-probe"


def _log_in_as_probe(store, parent=None, username: str = ""):
    """Stands in for ``ui.login.log_in``: the probe's own account, created on first use."""
    import secrets

    from clinic_app.store.users import authenticate, create_user, list_users

    print(f"startup-probe: login {time.time() - _t0():.2f} s", flush=True)
    password = secrets.token_urlsafe(16)
    if any(u.username == PROBE_USER for u in list_users(store)):
        raise RuntimeError("start-up probe: use a fresh --data-dir")
    create_user(store, PROBE_USER, password, "start-up probe", role="admin")
    return authenticate(store, PROBE_USER, password)


def install() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMainWindow

    from clinic_app.ui import login

    login.log_in = _log_in_as_probe  # ui.app imports it at run time, after this
    t0 = _t0()
    original_show = QMainWindow.show

    def show(window: QMainWindow) -> None:
        original_show(window)

        def shown() -> None:
            print(f"startup-probe: window {time.time() - t0:.2f} s", flush=True)
            poll.start(20)

        def models() -> None:
            ready = getattr(window, "backend", "") or getattr(window, "models_error", "")
            if not ready and time.time() - t0 < MODELS_TIMEOUT_S:
                return
            poll.stop()
            print(f"startup-probe: models {time.time() - t0:.2f} s ({ready or 'timed out'})",
                  flush=True)
            window.close()

        poll = QTimer(window)
        poll.timeout.connect(models)
        QTimer.singleShot(0, shown)

    QMainWindow.show = show  # type: ignore[method-assign]
