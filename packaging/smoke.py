"""Run the built program the way a clinic would, and time it (Linux and Windows).

    python packaging/smoke.py [dist/clinic-app] [--out build/smoke] [--runs 3]

Steps (each one named on failure; exit code 1):
1. ``--version``: start-up of the program itself (bootloader, Python, the CLI import); the first
   run and the best of ``--runs`` more.
2. ``models --json``: the three bundled models and their integrity; every backend listed.
3. ``analyze`` on the bundle's own ``examples/`` (bccd + all fields) with ``--report``,
   ``--hl7`` and ``--fhir``: ``analysis.json`` has every field, the report is a PDF, the HL7
   message and the FHIR resource are written.
4. Edge TPU: ``--backend edgetpu`` without a compiled model falls back to the CPU and says so;
   a missing, then a broken, ``libedgetpu`` (``CLINIC_EDGETPU_LIB``) is reported unavailable
   and why; a compiled model that the pinned manifest does not name is refused.
5. ``--self-test`` (offscreen): the real window, a whole case, the PDF, the database.
6. Desktop start-up: the time from launching the program until the main window is shown,
   and until the analysis engine has its models loaded (``packaging/startup_probe.py``), under
   Qt's offscreen platform and, where ``xvfb-run`` exists, under a real X server (xcb).

Figures go to ``OUT/timings.json`` and are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

TIMEOUT_S = 300


class SmokeError(RuntimeError):
    pass


def run(cmd: list[str], env: dict[str, str] | None = None,
        timeout: float = TIMEOUT_S) -> tuple[subprocess.CompletedProcess, float]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **(env or {})},
                          timeout=timeout, check=False)
    return proc, time.perf_counter() - start


def expect_ok(name: str, proc: subprocess.CompletedProcess) -> None:
    if proc.returncode != 0:
        raise SmokeError(f"{name}: exit {proc.returncode}\n{proc.stdout[-2000:]}\n"
                         f"{proc.stderr[-3000:]}")


def step_version(exe: Path, runs: int) -> dict:
    times = []
    for _ in range(runs + 1):
        proc, dt = run([str(exe), "--version"])
        expect_ok("--version", proc)
        times.append(dt)
    print(f"smoke: --version: {proc.stdout.strip()}; first {times[0]:.2f} s, "
          f"best of next {runs} {min(times[1:]):.2f} s")
    return {"first_s": round(times[0], 3), "best_s": round(min(times[1:]), 3),
            "median_s": round(statistics.median(times[1:]), 3)}


def step_models(exe: Path) -> dict:
    proc, dt = run([str(exe), "models", "--json"])
    expect_ok("models --json", proc)
    data = json.loads(proc.stdout)
    ids = sorted(m["id"] for m in data["models"])
    if ids != ["all-subtype", "cell-seg", "wbc-detect", "wbc-type"]:
        raise SmokeError(f"models: {ids}")
    if set(data.get("backends", {})) != {"cpu", "edgetpu", "gpu"}:
        raise SmokeError(f"models: backends {data.get('backends')}")
    print(f"smoke: models: {', '.join(ids)}; runtime {data.get('runtime')}; "
          f"backends {data['backends']} ({dt:.2f} s)")
    return {"seconds": round(dt, 3), "backends": data["backends"]}


def step_analyze(exe: Path, bundle: Path, out: Path) -> dict:
    examples = bundle / "_internal" / "examples"
    fields = [examples / "bccd", examples / "all"]
    n_images = sum(len(list(f.glob("*.jpg"))) for f in fields)
    report, hl7, fhir = out / "report.pdf", out / "result.hl7", out / "result.fhir.json"
    proc, dt = run([str(exe), "analyze", *map(str, fields), "--out", str(out / "analyze"),
                    "--report", str(report), "--hl7", str(hl7), "--fhir", str(fhir),
                    "--patient-id", "SMOKE-1", "--backend", "cpu"])
    expect_ok("analyze", proc)
    # the exporters' libraries (hl7apy, fhir.resources) load data by name at run time
    if not hl7.read_text(encoding="utf-8").startswith("MSH|") or "ORU^R01" not in hl7.read_text(
            encoding="utf-8"):
        raise SmokeError("analyze: --hl7 wrote no ORU^R01 message")
    if json.loads(fhir.read_text(encoding="utf-8")).get("resourceType") not in (
            "DiagnosticReport", "Bundle"):
        raise SmokeError("analyze: --fhir wrote no FHIR resource")
    analysis = json.loads((out / "analyze" / "analysis.json").read_text(encoding="utf-8"))
    cells = sum(len(img["cells"]) for img in analysis["images"])
    if len(analysis["images"]) != n_images:
        raise SmokeError(f"analyze: {len(analysis['images'])} of {n_images} images")
    if report.read_bytes()[:5] != b"%PDF-":
        raise SmokeError("analyze: the report is not a PDF")
    print(f"smoke: analyze: {n_images} fields, {cells} cells, report "
          f"{report.stat().st_size // 1024} KiB ({dt:.2f} s)")
    return {"seconds": round(dt, 3), "fields": n_images, "cells": cells,
            "report_bytes": report.stat().st_size}


def _edgetpu_message(exe: Path, image: Path, lib: Path | None) -> str:
    env = {"CLINIC_EDGETPU_LIB": str(lib)} if lib else {}
    proc, _ = run([str(exe), "classify", "--model", "wbc-type", "--backend", "edgetpu",
                   str(image)], env=env)
    expect_ok("classify --backend edgetpu", proc)
    lines = [ln for ln in proc.stderr.splitlines() if "edgetpu" in ln or "cpu" in ln]
    return lines[0] if lines else proc.stderr.strip()


def _edgetpu_status(exe: Path, lib: Path) -> str:
    """What ``models --json`` says of the Edge TPU with ``CLINIC_EDGETPU_LIB`` = ``lib``: the
    delegate is loaded here whether or not a compiled model is in the pack."""
    proc, _ = run([str(exe), "models", "--json"], env={"CLINIC_EDGETPU_LIB": str(lib)})
    expect_ok("models --json (edgetpu library)", proc)
    return str(json.loads(proc.stdout).get("backends", {}).get("edgetpu", ""))


def step_edgetpu(exe: Path, bundle: Path, out: Path) -> dict:
    """The Edge TPU paths a clinic can meet, in the frozen program:

    - no compiled model in the pack: ``--backend edgetpu`` falls back to the CPU and names the
      missing file;
    - a missing, then a broken ``libedgetpu``: the backend is reported unavailable and why
      (``models --json``, which loads the delegate itself);
    - a compiled model dropped beside the shipped one without going through ``quantize/`` (no
      hash in the pinned manifest): refused with a clear error, nothing run on it.

    The manifest is pinned in the program (``clinic_app.models_pin``), so a pack with a real
    compiled model is a new build (``quantize.convert`` writes its hash, then the program is
    built); this step never edits a manifest."""
    image = next((bundle / "_internal" / "examples" / "pbc").glob("*.jpg"))
    found: dict[str, str] = {}
    msg = _edgetpu_message(exe, image, None)
    if "falling back to cpu" not in msg or "wbc-type_edgetpu.tflite" not in msg:
        raise SmokeError(f"edgetpu without a compiled model: {msg!r}")
    found["no compiled model"] = msg
    libname = "edgetpu.dll" if platform.system() == "Windows" else "libedgetpu.so.1"
    missing = out / "missing" / libname
    broken = out / "broken" / libname
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_bytes(b"\x7fELF this is not a shared library")
    for name, lib in (("missing library", missing), ("broken library", broken)):
        status = _edgetpu_status(exe, lib)
        if not status.startswith("not available") or "could not be loaded" not in status:
            raise SmokeError(f"edgetpu with a {name}: {status!r}")
        found[name] = status
    found["unlisted compiled model"] = _unlisted_compiled_model(exe, bundle, out, image)
    for name, msg in found.items():
        print(f"smoke: edgetpu, {name}: {msg}")
    return found


def _unlisted_compiled_model(exe: Path, bundle: Path, out: Path, image: Path) -> str:
    """A copy of the bundle (hard links: cheap) with ``wbc-type_edgetpu.tflite`` added that the
    manifest does not name: the program must refuse the pack and say why."""
    copy = out / "bundle-edgetpu"
    shutil.rmtree(copy, ignore_errors=True)
    try:
        shutil.copytree(bundle, copy, copy_function=os.link)
    except OSError:
        shutil.copytree(bundle, copy)
    models = copy / "_internal" / "clinic_app" / "models"
    shutil.copyfile(models / "wbc-type.tflite", models / "wbc-type_edgetpu.tflite")
    proc, _ = run([str(copy / exe.name), "classify", "--model", "wbc-type", "--backend", "cpu",
                   str(image)])
    shutil.rmtree(copy, ignore_errors=True)
    said = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    if proc.returncode == 0 or "has no hash in the manifest" not in said:
        raise SmokeError(f"edgetpu model without a hash was not refused: rc {proc.returncode}, "
                         f"{said!r}")
    return said


def step_self_test(exe: Path) -> dict:
    proc, dt = run([str(exe), "--self-test"], env={"QT_QPA_PLATFORM": "offscreen"})
    expect_ok("--self-test", proc)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("self-test:")), "")
    if not line.startswith("self-test: ok"):
        raise SmokeError(f"--self-test: {proc.stdout[-2000:]}")
    print(f"smoke: {line} [wall {dt:.2f} s]")
    return {"seconds": round(dt, 3), "line": line}


def _probe(cmd_prefix: list[str], exe: Path, out: Path, env: dict[str, str]) -> dict:
    data = out / "probe-data"
    shutil.rmtree(data, ignore_errors=True)
    env = {**env, "CLINIC_STARTUP_PROBE": "1", "XDG_CONFIG_HOME": str(out / "probe-config"),
           "CLINIC_STARTUP_T0": repr(time.time())}
    proc, dt = run([*cmd_prefix, str(exe), "--data-dir", str(data)], env=env)
    expect_ok("start-up probe", proc)
    found = dict(re.findall(r"startup-probe: (login|window|models) ([0-9.]+) s", proc.stdout))
    if not {"login", "window", "models"} <= set(found):
        raise SmokeError(f"start-up probe: {proc.stdout[-1000:]} {proc.stderr[-2000:]}")
    return {"login_s": float(found["login"]), "window_s": float(found["window"]),
            "models_s": float(found["models"]), "process_s": round(dt, 3)}


def step_startup(exe: Path, out: Path, runs: int) -> dict:
    results: dict[str, list[dict]] = {"offscreen": []}
    for _ in range(runs):
        results["offscreen"].append(_probe([], exe, out, {"QT_QPA_PLATFORM": "offscreen"}))
    xvfb = shutil.which("xvfb-run") if platform.system() == "Linux" else None
    if xvfb:
        results["xvfb"] = []
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        env["QT_QPA_PLATFORM"] = "xcb"
        for _ in range(runs):
            results["xvfb"].append(_probe([xvfb, "-a"], exe, out, env))
    summary = {}
    for name, rows in results.items():
        window = [r["window_s"] for r in rows]
        models = [r["models_s"] for r in rows]
        summary[name] = {"window_s": window, "models_s": models}
        print(f"smoke: start-up ({name}): window shown {', '.join(f'{w:.2f}' for w in window)} s;"
              f" models loaded {', '.join(f'{m:.2f}' for m in models)} s")
    return summary


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bundle", nargs="?", default="dist/clinic-app")
    ap.add_argument("--out", default="build/smoke")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    bundle = Path(args.bundle).resolve()
    exe = bundle / ("clinic-app.exe" if platform.system() == "Windows" else "clinic-app")
    out = Path(args.out).resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    figures: dict = {"platform": platform.platform(), "cpus": os.cpu_count()}
    try:
        figures["version"] = step_version(exe, args.runs)
        figures["models"] = step_models(exe)
        figures["analyze"] = step_analyze(exe, bundle, out)
        figures["edgetpu"] = step_edgetpu(exe, bundle, out)
        figures["self_test"] = step_self_test(exe)
        figures["startup"] = step_startup(exe, out, args.runs)
    except (SmokeError, subprocess.TimeoutExpired, OSError, ValueError, KeyError) as exc:
        print(f"smoke: FAILED: {exc}")
        return 1
    finally:
        (out / "timings.json").write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(f"smoke: ok ({out / 'timings.json'})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
