"""Local user accounts: who signs and who operates is an authenticated user, not free text.

Passwords are kept only as an scrypt hash (``hashlib.scrypt``, RFC 7914; n=2**14, r=8, p=1, a
16-byte random salt, 32-byte key; OWASP's minimum for scrypt), encoded as
``scrypt$n$r$p$salt$key`` (base64) so the cost can be raised later without breaking old
accounts. A wrong user name and a wrong password give the same error, in the same time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import sqlite3
from dataclasses import dataclass

from clinic_app.store.case_store import CaseStore
from clinic_app.store.records import StoreError, utc_now

N, R, P, KEY_LEN, SALT_LEN = 2 ** 14, 8, 1, 32, 16
MIN_PASSWORD = 8
ROLES = ("technologist", "pathologist", "admin")
# Verified when the user name is unknown, so timing does not tell which names exist.
_DUMMY = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + base64.b64encode(bytes(32)).decode()


class AuthError(StoreError):
    """Unknown user, wrong password or an inactive account (one message for all three)."""


@dataclass(frozen=True)
class User:
    id: int
    username: str
    full_name: str
    role: str

    @property
    def actor(self) -> str:
        """How the audit log names the user: ``username (Full Name)``."""
        return f"{self.username} ({self.full_name})" if self.full_name else self.username


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(SALT_LEN)
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=KEY_LEN)
    b64 = base64.b64encode
    return f"scrypt${N}${R}${P}${b64(salt).decode()}${b64(key).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, key = stored.split("$")
        if kind != "scrypt":
            return False
        want = base64.b64decode(key)
        got = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n),
                             r=int(r), p=int(p), dklen=len(want))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, want)


def create_user(store: CaseStore, username: str, password: str, full_name: str = "",
                role: str = "technologist") -> User:
    """A new active account; the user name is kept as typed and matched without case."""
    username = username.strip()
    if not username or len(username) > 64:
        raise ValueError("a user name of 1 to 64 characters is needed")
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"a password of at least {MIN_PASSWORD} characters is needed")
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    digest = hash_password(password)
    try:
        with store._tx() as conn:  # noqa: SLF001 - this module extends the store
            if _row(conn, username) is not None:
                raise StoreError(f"user {username!r} exists")
            cur = conn.execute("INSERT INTO users (username, full_name, role, password_hash, "
                               "created_at) VALUES (?, ?, ?, ?, ?)",
                               (username, full_name.strip(), role, digest, utc_now()))
    except sqlite3.Error as exc:
        raise StoreError(f"could not create user {username!r}: {exc}") from exc
    return User(int(cur.lastrowid), username, full_name.strip(), role)


def authenticate(store: CaseStore, username: str, password: str) -> User:
    """The user, or ``AuthError`` (the same for a wrong name or a wrong password)."""
    with store._lock:  # noqa: SLF001
        row = _row(store._conn, username.strip())  # noqa: SLF001
    ok = verify_password(password, row["password_hash"] if row is not None else _DUMMY)
    if row is None or not ok or not row["active"]:
        raise AuthError("wrong user name or password")
    return User(row["id"], row["username"], row["full_name"], row["role"])


def list_users(store: CaseStore) -> list[User]:
    rows = store._read("SELECT * FROM users WHERE active = 1 ORDER BY username")  # noqa: SLF001
    return [User(r["id"], r["username"], r["full_name"], r["role"]) for r in rows]


def _row(conn: sqlite3.Connection, username: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM users WHERE casefold(username) = ?",
                        (username.casefold(),)).fetchone()


def require_admin(user: User) -> None:
    if user.role != "admin":
        raise AuthError(f"{user.actor} is not an administrator")


def set_password(store: CaseStore, username: str, new_password: str) -> None:
    """Replace a user's password hash (who may is the caller's rule: ``change_password`` for
    one's own, ``reset_password`` for an administrator)."""
    if len(new_password) < MIN_PASSWORD:
        raise ValueError(f"a password of at least {MIN_PASSWORD} characters is needed")
    _update(store, username, "password_hash", hash_password(new_password))


def change_password(store: CaseStore, username: str, old_password: str,
                    new_password: str) -> None:
    """A user's own change: the old password first (``AuthError`` otherwise)."""
    authenticate(store, username, old_password)
    set_password(store, username, new_password)


def reset_password(store: CaseStore, admin: User, username: str, new_password: str) -> None:
    """An administrator sets another user's (forgotten) password."""
    require_admin(admin)
    set_password(store, username, new_password)


def deactivate_user(store: CaseStore, admin: User, username: str) -> None:
    """An administrator closes another account (kept, so the audit log's names stay known)."""
    require_admin(admin)
    if username.strip().casefold() == admin.username.casefold():
        raise ValueError("an administrator cannot close their own account")
    _update(store, username, "active", 0)


def _update(store: CaseStore, username: str, column: str, value: object) -> None:
    """Set one column (``password_hash`` or ``active``) of an existing user."""
    assert column in ("password_hash", "active")
    with store._tx() as conn:  # noqa: SLF001
        if _row(conn, username) is None:
            raise StoreError(f"no user {username!r}")
        conn.execute(f"UPDATE users SET {column} = ? WHERE casefold(username) = ?",  # noqa: S608
                     (value, username.strip().casefold()))
