"""Issue 14.5: event waits without ``processEvents`` busy loops (PySide6 6.12 leaks a reference
to ``None`` in each call: a long wait crashed with ``none_dealloc``), and a self-test that
reports a failed step with exit 1 instead of aborting."""

from __future__ import annotations

import sys
import time

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402

from clinic_app.ui import qtutil, selftest  # noqa: E402


def test_a_long_wait_never_calls_process_events(qapp, monkeypatch):
    calls = []
    monkeypatch.setattr(QCoreApplication, "processEvents",
                        lambda *a, **k: calls.append(a))
    fired = []
    QTimer.singleShot(100, lambda: fired.append(1))  # the event loop really runs
    before = sys.getrefcount(None)
    start = time.monotonic()
    assert qtutil.wait_until(lambda: False, 6.0, step_ms=5) is False  # ~1200 polls
    assert time.monotonic() - start >= 5.9
    assert fired and not calls
    # the leak took one reference per call; a handful of temporaries may come and go
    assert sys.getrefcount(None) >= before - 50


def test_wait_returns_when_the_condition_holds(qapp):
    done = []
    QTimer.singleShot(200, lambda: done.append(1))
    start = time.monotonic()
    assert qtutil.wait_until(lambda: bool(done), 30.0)
    assert time.monotonic() - start < 5


def test_an_error_in_the_condition_ends_the_wait_and_is_raised(qapp):
    def broken() -> bool:
        raise KeyError("gone")
    assert qtutil.wait_until(lambda: True, 1.0)
    with pytest.raises(KeyError):
        qtutil.wait_until(lambda: broken() if qapp else False, 30.0)


def test_self_test_reports_an_unexpected_error_as_a_failed_step(monkeypatch, capsys, tmp_path):
    def boom(folder, tmp):
        raise AttributeError("'NoneType' object has no attribute 'fields'")
    monkeypatch.setattr(selftest, "_run", boom)
    assert selftest.run_self_test(str(tmp_path / "data")) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out == ["self-test: FAILED: AttributeError: 'NoneType' object has no attribute "
                   "'fields'"]


def test_self_test_step_timeout_is_exit_1(monkeypatch, capsys, tmp_path, qapp):
    monkeypatch.setattr(selftest, "STEP_TIMEOUT_S", 0.3)

    def slow(folder, tmp):
        selftest._step("write the PDF report", lambda: False)
    monkeypatch.setattr(selftest, "_run", slow)
    assert selftest.run_self_test(str(tmp_path / "data")) == 1
    assert "write the PDF report: timed out" in capsys.readouterr().out
