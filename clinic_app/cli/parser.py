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
    m.add_argument("--json", action="store_true", help="print the manifest data as JSON")

    c = sub.add_parser("classify", help="classify whole images with one model")
    c.add_argument("--model", required=True, help="model id (see `clinic-app models`)")
    c.add_argument("--json", dest="json_out", metavar="OUT",
                   help="write JSON here instead of stdout")
    c.add_argument("paths", nargs="+", help="image files or folders (searched recursively)")
    _add_backend(c)

    s = sub.add_parser("segment", help="write a 0/255 white-cell mask per image")
    s.add_argument("--model", default="cell-seg",
                   help="segmentation model id (default: %(default)s)")
    s.add_argument("--out", required=True, metavar="DIR", help="folder for the masks")
    s.add_argument("--um-per-px", type=float, help="scale of the images (default: estimate)")
    s.add_argument("paths", nargs="+", help="image files or folders (searched recursively)")
    _add_backend(s)

    a = sub.add_parser("analyze", aliases=["analyse"],
                       help="the whole flow: cells, counts, flags, report (alias: analyse)")
    _add_analyze(a)

    b = sub.add_parser("bench", help="latency of each model and of a whole field")
    b.add_argument("--json", action="store_true", help="print the figures as JSON")
    b.add_argument("--runs", type=int, default=30, help="timed runs per model (default: 30)")
    b.add_argument("--fp32-dir", default="runs",
                   help="folder with <task>/<task>_fp32.tflite for the INT8-vs-FP32 columns")
    _add_backend(b)
    return p


def _add_analyze(a: argparse.ArgumentParser) -> None:
    a.add_argument("paths", nargs="+", help="image files or folders (searched recursively)")
    a.add_argument("--out", required=True, metavar="DIR",
                   help="folder for analysis.json and the overlays")
    a.add_argument("--report", metavar="FILE.pdf", help="write the PDF report here")
    a.add_argument("--hl7", metavar="FILE", help="write the result as an HL7 v2.5.1 ORU^R01 "
                   "message (result status P: preliminary, not signed)")
    a.add_argument("--fhir", metavar="FILE", help="write the result as a FHIR R4 "
                   "DiagnosticReport JSON (status preliminary)")
    a.add_argument("--patient-id", default="", help="patient id (HL7 PID-3, report header)")
    a.add_argument("--patient-name", default="", help="patient name for the report")
    a.add_argument("--birth-date", default="", metavar="YYYY-MM-DD",
                   help="date of birth: age in months and age-specific reference values")
    a.add_argument("--age", default="", help='age when the date of birth is not known, e.g. '
                   '"14 months", "2 y 3 m", "54"')
    a.add_argument("--sex", default="", help="patient sex (M, F, ...)")
    a.add_argument("--accession", default="", help="the lab's accession / case number")
    a.add_argument("--operator", default="", help="who ran the analysis")
    a.add_argument("--lab-name", default="", help="laboratory name for the report header")
    a.add_argument("--um-per-px", type=float, help="scale of every field (default: estimate "
                   "from red-cell size)")
    a.add_argument("--target", type=int, default=100, choices=[100, 200],
                   help="white cells to count (default: %(default)s)")
    _add_backend(a)
