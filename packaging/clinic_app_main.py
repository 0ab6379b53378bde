"""Entry point of the frozen program (PyInstaller): the same as ``python -m clinic_app``.

``multiprocessing.freeze_support()`` must run first: the desktop app starts its analysis engine
with multiprocessing's "spawn" method, which in a frozen program re-launches this executable
with ``--multiprocessing-fork``; freeze_support runs the child's work there and exits.
"""

import multiprocessing
import os
import sys


def keep_library_load_errors() -> None:
    """Give back the system's reason when a shared library fails to load.

    PyInstaller's ctypes hook replaces it with "Most likely this dynlib/dll was not found when
    the application was frozen", which misleads here: the Edge TPU and GPU delegates are
    system libraries, never bundled, and the user needs to read "No such file" or "invalid ELF
    header" to tell a missing runtime from a broken one. The hook's bundle-first lookup stays.
    """
    import ctypes

    frozen_cdll = ctypes.CDLL

    class CDLL(frozen_cdll):  # type: ignore[misc, valid-type]
        def __init__(self, name, *args, **kwargs):
            try:
                super().__init__(name, *args, **kwargs)
            except OSError as exc:
                if exc.__cause__ is None:
                    raise
                raise OSError(str(exc.__cause__)) from exc.__cause__

    ctypes.CDLL = CDLL
    ctypes.cdll = ctypes.LibraryLoader(CDLL)


if __name__ == "__main__":
    multiprocessing.freeze_support()
    if getattr(sys, "frozen", False):
        keep_library_load_errors()
    if os.environ.get("CLINIC_STARTUP_PROBE"):  # packaging/smoke.py measures start-up
        import startup_probe

        startup_probe.install()
    from clinic_app.cli import main

    sys.exit(main())
