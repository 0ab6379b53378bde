"""Issue 14.7: the store checks itself on open; a damaged file opens read-only with a way out
(rolling backups, restore); a read-only folder opens for viewing."""

from __future__ import annotations

import os
import sqlite3
import time

import pytest

from clinic_app.results import CaseInfo
from clinic_app.store import CaseStore, StoreError, integrity
from clinic_app.store.schema import DB_NAME


def fill(data, n: int = 300) -> list[int]:
    with CaseStore(data) as store:
        ids = [store.create_case(CaseInfo(patient_id=f"P{i}", notes="n" * 400))
               for i in range(n)]
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return ids


def corrupt(db, size: int = 4096) -> None:
    """Overwrite 4 KiB in the middle of the file (issue 14's damage)."""
    with open(db, "r+b") as fh:
        fh.seek(os.path.getsize(db) // 2)
        fh.write(b"\xa5" * size)


def test_a_damaged_store_opens_read_only_and_restores_from_a_backup(tmp_path):
    data = tmp_path / "data"
    ids = fill(data)
    for old in integrity.backups(data):  # the backup of the empty store made at first open
        old.unlink()
    with CaseStore(data) as store:  # the daily backup is due again: it holds the 300 cases
        assert not store.read_only and len(integrity.backups(data)) == 1
    corrupt(data / DB_NAME)

    store = CaseStore(data)
    assert store.read_only and "damaged" in store.damage and "restore" in store.damage
    with pytest.raises(StoreError, match="damaged"):
        store.create_case(CaseInfo(patient_id="NEW"))
    assert store.recover().missing == []  # nothing is written into a damaged file
    store.close()

    restored = integrity.restore(data)
    assert restored == integrity.backups(data)[0]
    assert list(data.glob(f"{DB_NAME}.damaged-*"))  # the damaged file is kept beside it
    with CaseStore(data) as store:
        assert not store.read_only and store.integrity_check() == "ok"
        assert [c.id for c in store.search_cases(limit=1000)] == sorted(ids, reverse=True)
        store.create_case(CaseInfo(patient_id="AFTER"))


def test_restore_command_line(tmp_path, capsys):
    data = tmp_path / "data"
    fill(data, 50)
    with CaseStore(data) as store:
        store.backup("manual")
    corrupt(data / DB_NAME)
    assert integrity.main(["check", str(data)]) == 1
    assert integrity.main(["restore", str(data)]) == 0
    assert integrity.main(["check", str(data)]) == 0
    assert "restored" in capsys.readouterr().out


def test_backups_roll(tmp_path, monkeypatch):
    data = tmp_path / "data"
    fill(data, 1)
    monkeypatch.setattr(integrity, "KEEP", 3)
    with CaseStore(data) as store:
        for _ in range(5):
            store.backup()
            time.sleep(0.01)
    assert len(integrity.backups(data)) == 3


def test_a_backup_is_taken_before_a_migration(tmp_path, monkeypatch):
    from clinic_app.store import schema

    data = tmp_path / "data"
    fill(data, 3)
    old = schema.SCHEMA_VERSION
    monkeypatch.setitem(schema.MIGRATIONS, old + 1, "CREATE TABLE extra (x INTEGER);")
    monkeypatch.setattr(schema, "SCHEMA_VERSION", old + 1)
    from clinic_app.store import case_store
    monkeypatch.setattr(case_store, "SCHEMA_VERSION", old + 1)
    with CaseStore(data):
        pass
    before = [p for p in integrity.backups(data) if "before-migration" in p.name]
    assert len(before) == 1
    conn = sqlite3.connect(before[0])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == old
    conn.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_opens_for_viewing(tmp_path):
    data = tmp_path / "data"
    fill(data, 5)
    for p in [data, *data.rglob("*")]:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        with CaseStore(data) as store:
            assert store.read_only and "cannot be written" in store.damage
            assert len(store.search_cases()) == 5
            with pytest.raises(StoreError):
                store.create_case(CaseInfo(patient_id="X"))
    finally:
        for p in [data, *data.rglob("*")]:
            p.chmod(0o755 if p.is_dir() else 0o644)


def test_an_unwritable_database_opens_for_viewing(tmp_path, monkeypatch):
    """As root the folder test above is skipped: the same path, forced by a failing connect."""
    from clinic_app.store import case_store

    data = tmp_path / "data"
    fill(data, 5)

    def refuse(path):
        raise sqlite3.OperationalError("attempt to write a readonly database")
    monkeypatch.setattr(case_store, "connect", refuse)
    with CaseStore(data) as store:
        assert store.read_only and "cannot be written" in store.damage
        assert len(store.search_cases()) == 5
        with pytest.raises(StoreError):
            store.create_case(CaseInfo(patient_id="X"))


def test_the_window_shows_a_damaged_store_with_a_banner(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from clinic_app.ui.main_window import MainWindow
    from clinic_app.ui.settings import AppSettings
    from tests.ui_users import make_user

    data = tmp_path / "data"
    fill(data, 20)
    user = make_user(str(data))
    corrupt(data / DB_NAME)
    w = MainWindow(AppSettings(data_dir=str(data)),
                   QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                   user=user, store=CaseStore(data))
    qtbot.addWidget(w)
    w.show()
    assert w.store.read_only and w.store_banner.isVisible()
    assert "damaged" in w.store_banner.text() and "restore" in w.store_banner.text()
    w.shutdown()
