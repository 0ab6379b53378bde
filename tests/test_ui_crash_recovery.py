"""kill -9 of the running app in the middle of importing 50 images, then a restart.

Every image the app had reported saved must be in the case, no half-written file may be left,
the database must pass PRAGMA integrity_check, and the restarted app must finish the case.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading

import pytest
from conftest import EXAMPLES, REPO, needs_models
from PySide6.QtCore import QSettings

from clinic_app.fileio import TMP_PREFIX
from clinic_app.images import load_field
from clinic_app.store import CaseStore
from clinic_app.store.files import IMAGES_DIR
from clinic_app.store.schema import DB_NAME
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.settings import AppSettings

KILL_AFTER = 20
N_IMAGES = 50

CHILD = '''
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

from clinic_app.results import CaseInfo
from clinic_app.ui.app import make_app


def main():
    data, images = sys.argv[1], sys.argv[2]
    app = make_app()
    from clinic_app.ui.main_window import MainWindow
    from clinic_app.ui.settings import AppSettings

    ini = QSettings(str(Path(data).parent / "s.ini"), QSettings.Format.IniFormat)
    w = MainWindow(AppSettings(data_dir=data), ini)
    w.pipeline.saved.connect(lambda c, f, *_: print(f"saved {c} {f}", flush=True))
    w.case_opened.connect(lambda c: (print(f"case {c}", flush=True),
                                     w.import_paths([images], skip_duplicates=False)))
    QTimer.singleShot(0, lambda: w.new_case(CaseInfo(patient_id="KILL-9")))
    app.exec()


if __name__ == "__main__":
    main()
'''


def _lines(stream, out: queue.Queue) -> None:
    for line in stream:
        out.put(line.strip())
    out.put(None)


@needs_models
@pytest.mark.skipif(not hasattr(os, "killpg"), reason="POSIX process groups")
def test_kill_9_during_import_loses_nothing_saved(qtbot, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    fields = sorted((EXAMPLES / "bccd").glob("*.jpg"))
    for i in range(N_IMAGES):
        shutil.copy(fields[i % len(fields)], folder / f"field_{i:02d}.jpg")
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    data = tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.Popen([sys.executable, str(script), str(data), str(folder)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            start_new_session=True)  # own group: the engine process dies too
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_lines, args=(proc.stdout, lines), daemon=True).start()
    case_id, saved = 0, []
    try:
        while len(saved) < KILL_AFTER:
            line = lines.get(timeout=120)
            assert line is not None, "the app exited before the kill"
            if line.startswith("case "):
                case_id = int(line.split()[1])
            elif line.startswith("saved "):
                saved.append(int(line.split()[2]))
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the window and the engine, mid-import
        proc.wait(10)
    assert case_id and len(saved) == KILL_AFTER

    # the raw database first, before anything repairs it
    with sqlite3.connect(data / DB_NAME) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    with CaseStore(data) as store:
        report = store.recover()
        assert store.integrity_check() == "ok"
        stored = store.fields(case_id)
        ids = {f.id for f in stored}
        assert set(saved) <= ids  # everything reported saved survived the kill
        assert len(stored) < N_IMAGES  # the kill did land mid-import
        for f in stored:
            assert f.image_path.is_file()
            assert load_field(f.image_path).image.shape == (480, 640, 3)
        on_disk = list((data / IMAGES_DIR / str(case_id)).iterdir())
        assert not [p for p in on_disk if p.name.startswith(TMP_PREFIX)]
        assert len(on_disk) == len(stored)  # no orphan image left unregistered
        assert not report.missing and not report.unregistered
        print(f"\nkill -9 after {len(saved)} reported saves: {len(stored)} fields in the case "
              f"({len(report.registered)} re-registered, {len(report.removed_temp)} temp files "
              "removed); integrity_check ok", file=sys.stderr)

    # restart: the window opens the case and analyses what the kill left unanalysed
    settings = AppSettings(data_dir=str(data), reviewer="Tess Tech")
    w = MainWindow(settings, QSettings(str(tmp_path / "s2.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.open_case(case_id)
    qtbot.waitUntil(lambda: w.session is not None, timeout=30_000)
    qtbot.waitUntil(lambda: not w.session.pending(), timeout=120_000)
    assert len(w.session.fields) == len(stored) and not w.session.failed()
    assert w.store.get_case(case_id).status == "analysed"
    w.shutdown()

