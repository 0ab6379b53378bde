"""The argument parser of ``clinic-app`` (contract in docs/cli.md)."""

from __future__ import annotations

import argparse

from clinic_app import __version__
from clinic_app.cli.common import UsageError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not argparse's usage dump
        raise UsageError(message)


def _add_backend(p: argparse.ArgumentParser) -> None:
    p.add_argument("--backend", default="auto", choices=["auto", "cpu", "edgetpu", "gpu"],
                   help="where models run; auto picks the best present and says which")
    p.add_argument("--threads", type=int, help="CPU threads (default: up to 4)")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="clinic-app", description="Offline blood-smear white-cell analysis "
                "(screening aid). Without a command, opens the desktop app.")
    p.add_argument("--version", action="version", version=f"clinic-app {__version__}")
    p.add_argument("--self-test", action="store_true",
                   help="open the real window offscreen, run a whole case, check it, exit 0/1")
    p.add_argument("--data-dir", help="desktop app data folder (cases database and images)")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    m = sub.add_parser("models", help="bundled models and their manifest data")
    m.add_argument("--json", action="store_true")

    c = sub.add_parser("classify", help="classify whole images with one model")
    c.add_argument("--model", required=True)
    c.add_argument("--json", dest="json_out", help="write JSON here instead of stdout")
    c.add_argument("paths", nargs="+")
    _add_backend(c)

    s = sub.add_parser("segment", help="write a 0/255 white-cell mask per image")
    s.add_argument("--model", default="cell-seg")
    s.add_argument("--out", required=True)
    s.add_argument("--um-per-px", type=float, help="scale of the images (default: estimate)")
    s.add_argument("paths", nargs="+")
    _add_backend(s)

    a = sub.add_parser("analyze", help="the whole flow: cells, counts, flags, report")
    a.add_argument("paths", nargs="+")
    a.add_argument("--out", required=True)
    a.add_argument("--report", help="write the PDF report here")
    a.add_argument("--patient-id", default="")
    a.add_argument("--patient-name", default="")
    a.add_argument("--operator", default="")
    a.add_argument("--lab-name", default="")
    a.add_argument("--um-per-px", type=float, help="scale of every field (default: estimate "
                   "from red-cell size)")
    a.add_argument("--target", type=int, default=100, choices=[100, 200])
    _add_backend(a)

    b = sub.add_parser("bench", help="latency of each model and of a whole field")
    b.add_argument("--json", action="store_true")
    b.add_argument("--runs", type=int, default=30)
    b.add_argument("--fp32-dir", default="runs",
                   help="folder with <task>/<task>_fp32.tflite for the INT8-vs-FP32 columns")
    _add_backend(b)
    return p
