"""`clinic-app analyze --hl7 --fhir` (DESIGN.md contract), the `analyse` alias, the result line
with the ALL result and the blast %, help text on every option, and no TFLite INFO line on
stderr (issue 13 §8)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from hl7apy.consts import VALIDATION_LEVEL
from hl7apy.parser import parse_message

from clinic_app.cli.parser import build_parser

ROOT = Path(__file__).resolve().parents[1]
IMAGES = sorted((ROOT / "examples" / "all-preb").glob("*.jpg"))[:2]


def test_analyse_alias_writes_hl7_and_fhir_and_says_the_result(tmp_path: Path) -> None:
    from fhir.resources.R4B.diagnosticreport import DiagnosticReport

    hl7, fhir = tmp_path / "r.hl7", tmp_path / "r.json"
    run = subprocess.run([sys.executable, "-m", "clinic_app", "analyse", *map(str, IMAGES),
                          "--out", str(tmp_path / "out"), "--hl7", str(hl7), "--fhir", str(fhir),
                          "--patient-id", "MRN-9", "--accession", "ACC-9", "--age", "4",
                          "--backend", "cpu"], capture_output=True, text=True, cwd=ROOT,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    assert "XNNPACK delegate" not in run.stderr and "INFO:" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1  # only "using cpu ..."
    line = run.stdout.splitlines()[0]
    assert "ALL: " in line and "blasts: " in line and "%" in line
    msg = parse_message(hl7.read_bytes().decode("utf-8"),
                        validation_level=VALIDATION_LEVEL.STRICT)
    msg.validate()
    result = msg.oru_r01_patient_result
    assert result.oru_r01_patient.pid.pid_3.to_er7() == "MRN-9^^^^MR"
    order = result.oru_r01_order_observation
    assert order.obr.obr_25.to_er7() == "P" and order.obr.obr_3.to_er7() == "ACC-9"
    codes = [o.obx.obx_3.to_er7().split("^")[0] for o in order.oru_r01_observation]
    assert "blast-count" in codes and "all-screen" in codes
    doc = json.loads(fhir.read_text("utf-8"))
    assert DiagnosticReport.model_validate(doc).status == "preliminary"
    summary = json.loads((tmp_path / "out" / "analysis.json").read_text("utf-8"))["summary"]
    blast_obs = next(o for o in doc["contained"] if o["id"] == "obs-blast-count")
    assert blast_obs["valueInteger"] == summary["blasts"]["cells"]


def _actions(parser: argparse.ArgumentParser, path: str = "clinic-app"):
    for action in parser._actions:  # noqa: SLF001 - argparse has no public list
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for name, sub in action.choices.items():
                yield from _actions(sub, f"{path} {name}")
        else:
            yield path, action


def test_every_option_has_help() -> None:
    missing = [f"{path} {a.option_strings or a.dest}" for path, a in _actions(build_parser())
               if not a.help]
    assert missing == []


def test_analyse_is_an_alias_of_analyze() -> None:
    args = build_parser().parse_args(["analyse", "x.png", "--out", "o"])
    from clinic_app.cli.commands import COMMANDS

    assert COMMANDS[args.command] is COMMANDS["analyze"]
