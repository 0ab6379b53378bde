"""The store's health: a quick check on open, rolling backups, read-only viewing, restore.

Why: with 4 KiB overwritten mid-file the store used to open, report nothing and write new cases
into the damaged file; a raw ``sqlite3.DatabaseError`` surfaced later (issue 14). Now:

- ``CaseStore`` runs ``PRAGMA quick_check`` on open; a damaged file opens **read-only**
  (``store.read_only``, ``store.damage`` says why and how to restore) and every write raises
  ``StoreError``;
- a data folder that cannot be written (a read-only share, a CD) opens read-only for viewing;
- backups are taken with SQLite's online backup API (consistent even while the app writes):
  at open when the newest is a day old, and before a schema migration; the newest
  ``KEEP`` are kept in ``<data_dir>/backups/``;
- ``restore`` puts the newest backup that passes its own check back in place, keeping the
  damaged file beside it (``cases.sqlite.damaged-<time>``). From a shell::

      python -m clinic_app.store.integrity check   DATA_DIR
      python -m clinic_app.store.integrity backup  DATA_DIR
      python -m clinic_app.store.integrity restore DATA_DIR [BACKUP_FILE]

Images are plain files beside the database and are not part of these backups.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import time
from datetime import datetime, timezone
from pathlib import Path

from clinic_app.store.records import StoreError
from clinic_app.store.schema import DB_NAME

BACKUP_DIR = "backups"
KEEP = 7
DAILY_S = 24 * 3600


def quick_check(conn: sqlite3.Connection) -> str:
    """``"ok"`` or the first problems ``PRAGMA quick_check`` finds (an unreadable file too)."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as exc:
        return str(exc)
    problems = [str(r[0]) for r in rows if r[0] != "ok"]
    return "; ".join(problems[:3]) or "ok"


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes: ``mode=ro`` (sees the WAL), else ``immutable`` (a folder
    where not even the WAL index can be created), for a damaged file or a read-only folder."""
    from clinic_app.store.schema import _casefold

    uri = path.resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None,
                               check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        conn = sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None,
                               check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.create_function("casefold", 1, _casefold, deterministic=True)
    return conn


def restore_hint(data_dir: Path) -> str:
    return f"python -m clinic_app.store.integrity restore {data_dir}"


def backups(data_dir: Path) -> list[Path]:
    """The backups of a data folder, newest first."""
    folder = Path(data_dir) / BACKUP_DIR
    return sorted(folder.glob("cases-*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)


def backup(conn: sqlite3.Connection, data_dir: Path, reason: str = "daily") -> Path:
    """A consistent copy of the open database (SQLite backup API), then the oldest pruned."""
    folder = Path(data_dir) / BACKUP_DIR
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    dest = folder / f"cases-{stamp}-{reason}.sqlite"
    tmp = dest.with_suffix(".tmp")
    try:
        folder.mkdir(exist_ok=True)
        target = sqlite3.connect(tmp)
        try:
            conn.backup(target)
        finally:
            target.close()
        os.replace(tmp, dest)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"cannot back up the case store to {folder}: {exc}") from exc
    for old in backups(data_dir)[KEEP:]:
        old.unlink(missing_ok=True)
    return dest


def backup_if_due(conn: sqlite3.Connection, data_dir: Path) -> Path | None:
    """The rolling daily backup: taken when the newest is older than a day (or there is none).
    A failed backup never stops the store from opening."""
    newest = backups(data_dir)
    if newest and time.time() - newest[0].stat().st_mtime < DAILY_S:
        return None
    try:
        return backup(conn, data_dir, "daily")
    except StoreError:
        return None


def restore(data_dir: Path, source: Path | None = None) -> Path:
    """Put a backup in place of ``cases.sqlite`` (the newest healthy one unless ``source``);
    the current file and its WAL are kept as ``*.damaged-<time>``. The store must be closed."""
    data_dir = Path(data_dir)
    candidates = [Path(source)] if source else backups(data_dir)
    chosen = next((c for c in candidates if _healthy(c)), None)
    if chosen is None:
        raise StoreError(f"no healthy backup to restore in {data_dir / BACKUP_DIR}")
    db = data_dir / DB_NAME
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    for suffix in ("", "-wal", "-shm"):
        part = db.with_name(db.name + suffix)
        if part.exists():
            os.replace(part, part.with_name(f"{part.name}.damaged-{stamp}"))
    src = sqlite3.connect(f"{chosen.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(db)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return chosen


def _healthy(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return quick_check(conn) == "ok"
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="check, back up or restore a case store")
    p.add_argument("action", choices=("check", "backup", "restore"))
    p.add_argument("data_dir")
    p.add_argument("backup_file", nargs="?")
    args = p.parse_args(argv)
    data_dir = Path(args.data_dir)
    try:
        if args.action == "restore":
            print(f"restored {restore(data_dir, args.backup_file)} into {data_dir / DB_NAME}")
            return 0
        db = data_dir / DB_NAME
        if not db.is_file():
            raise StoreError(f"no case store in {data_dir}")
        conn = open_read_only(db)
        try:
            problem = quick_check(conn)
            if args.action == "check" or problem != "ok":
                print(problem)
                return 0 if problem == "ok" else 1
            print(f"backup: {backup(conn, data_dir, 'manual')}")
            return 0
        finally:
            conn.close()
    except StoreError as exc:
        print(f"store: error: {exc}")
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
