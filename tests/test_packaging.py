"""Packaging: the PyInstaller spec, build scripts, installers and the frozen program.

Fast checks run everywhere. The full build (PyInstaller + the frozen program's analyze, report,
Edge TPU fallback, self-test and start-up timing, then the .deb) takes about two minutes on two
cores and needs network access for its virtual environment: it runs only with
``CLINIC_BUILD_TEST=1``. ``CLINIC_AARCH64_TEST=1`` runs the Jetson wheel check (network).
"""

from __future__ import annotations

import ast
import configparser
import ctypes
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"
SPEC = PACKAGING / "clinic-app.spec"
SCRIPTS = ["build_linux.sh", "build_deb.sh", "check_aarch64.sh"]
FORBIDDEN = ["tensorflow", "keras", "torch", "jax", "matplotlib"]

sys.path.insert(0, str(PACKAGING))


def spec_list(name: str) -> list[str]:
    """A list-of-strings (or set) literal assigned to ``name`` in the spec."""
    for node in ast.walk(ast.parse(SPEC.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return list(ast.literal_eval(node.value))
    raise AssertionError(f"{name} not found in {SPEC.name}")


def test_spec_excludes_the_large_frameworks():
    excludes = spec_list("EXCLUDES")
    for name in FORBIDDEN + ["training", "quantize"]:
        assert name in excludes


def test_spec_keeps_every_qt_module_the_app_imports():
    """A Qt module used by the UI but excluded by the spec would break only the frozen app."""
    used = set()
    for path in (REPO / "clinic_app").rglob("*.py"):
        used |= set(re.findall(r"from PySide6\.(\w+) import", path.read_text(encoding="utf-8")))
        used |= set(re.findall(r"import PySide6\.(\w+)", path.read_text(encoding="utf-8")))
    kept = set(spec_list("QT_USED"))
    assert used <= kept, f"used by clinic_app but excluded from the bundle: {used - kept}"
    assert not kept & set(spec_list("QT_NOT_USED"))


def test_spec_bundles_the_data_the_app_finds_beside_its_package():
    text = SPEC.read_text(encoding="utf-8")
    for dest in ('"clinic_app/models"', '"clinic_app/fonts"', '"clinic_app/assets"',
                 '"examples"', '"ai_edge_litert.interpreter"'):
        assert dest in text


def test_build_scripts_are_executable_bash():
    for name in SCRIPTS:
        path = PACKAGING / name
        assert os.access(path, os.X_OK), f"{name} is not executable"
        assert path.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash")
        subprocess.run(["bash", "-n", str(path)], check=True)


def test_build_linux_never_installs_the_train_extra():
    text = (PACKAGING / "build_linux.sh").read_text(encoding="utf-8")
    installs = re.findall(r"pip install[^\n]*", text)
    assert installs and not any("train" in line for line in installs)
    assert "check_bundle.py" in text


def test_desktop_entry_is_valid():
    path = PACKAGING / "linux" / "clinic-app.desktop"
    validator = shutil.which("desktop-file-validate")
    if validator:
        proc = subprocess.run([validator, str(path)], capture_output=True, text=True)
        assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout + proc.stderr
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Exec"] == "clinic-app"
    assert entry["Icon"] == "clinic-app" and entry["Categories"].endswith(";")


def test_icons_are_drawn(tmp_path):
    import cv2
    import make_icon

    written = make_icon.write_icons(tmp_path)
    for size in make_icon.SIZES:
        img = cv2.imread(str(written[str(size)]), cv2.IMREAD_UNCHANGED)
        assert img.shape == (size, size, 4)
        assert img[size // 2, size // 2, 3] == 255 and img[0, 0, 3] == 0  # tile; clear corner
    pytest.importorskip("PIL")
    assert written["ico"].read_bytes()[:4] == b"\x00\x00\x01\x00"


def test_inno_setup_script_points_at_the_build():
    text = (PACKAGING / "clinic-app.iss").read_text(encoding="utf-8")
    assert r'Source: "..\dist\clinic-app\*"' in text
    assert r"SetupIconFile=..\build\icons\clinic-app.ico" in text
    license_file = re.search(r"^LicenseFile=(.+)$", text, re.M).group(1).strip()
    assert (PACKAGING / license_file).is_file()


def test_windows_workflow_builds_runs_and_packages():
    text = (PACKAGING / "windows-build.yml").read_text(encoding="utf-8")
    for needed in ("runs-on: windows-latest", "actions/setup-python", 'pip install -e ".[dev]"',
                   "build_windows.ps1", "clinic-app.exe analyze", "--report",
                   "clinic-app.exe --self-test", "iscc", "clinic-app.iss"):
        assert needed in text, needed
    try:
        import yaml as pyyaml
    except ImportError:
        return
    steps = pyyaml.safe_load(text)["jobs"]["build"]["steps"]
    assert len(steps) >= 8


def test_entry_point_runs_the_cli():
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, str(PACKAGING / "clinic_app_main.py"), "--version"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0 and proc.stdout.startswith("clinic-app ")


def test_library_load_errors_keep_the_system_reason(monkeypatch):
    """PyInstaller's ctypes hook hides why a library failed; the entry point restores it."""
    import clinic_app_main

    class FrozenCDLL:  # stands in for PyInstaller's PyInstallerCDLL
        def __init__(self, name, *args, **kwargs):
            try:
                raise OSError(f"{name}: invalid ELF header")
            except OSError as exc:
                raise OSError("Failed to load dynlib/dll; not found when frozen") from exc

    monkeypatch.setattr(ctypes, "CDLL", FrozenCDLL)
    monkeypatch.setattr(ctypes, "cdll", ctypes.cdll)
    clinic_app_main.keep_library_load_errors()
    with pytest.raises(OSError, match="invalid ELF header"):
        ctypes.CDLL("/nowhere/libedgetpu.so.1")


def _fake_bundle(root: Path) -> Path:
    internal = root / "_internal"
    models = internal / "clinic_app" / "models"
    models.mkdir(parents=True)
    (models / "manifest.json").write_text(json.dumps(
        {"models": [{"id": "m", "file": "m.tflite"}]}), encoding="utf-8")
    (models / "m.tflite").write_bytes(b"x" * 1024)
    (internal / "clinic_app" / "fonts").mkdir()
    (internal / "clinic_app" / "fonts" / "DejaVuSans.ttf").write_bytes(b"f")
    (internal / "clinic_app" / "assets").mkdir()
    (internal / "clinic_app" / "assets" / "a.jpg").write_bytes(b"a")
    (internal / "examples").mkdir()
    (internal / "examples" / "ATTRIBUTION.md").write_text("x", encoding="utf-8")
    (root / "clinic-app").write_bytes(b"not a real executable")
    return root


def test_check_bundle_finds_tensorflow_and_counts_links_once(tmp_path):
    import check_bundle

    bundle = _fake_bundle(tmp_path / "b")
    assert check_bundle.data_problems(bundle) == []
    assert check_bundle.framework_files(bundle) == []
    (bundle / "_internal" / "tensorflow").mkdir()
    assert check_bundle.framework_files(bundle) == [str(bundle / "_internal" / "tensorflow")]
    big = bundle / "_internal" / "big.so"
    big.write_bytes(b"\0" * 2**20)
    before = check_bundle.size_mb(bundle)
    (bundle / "_internal" / "big-link.so").symlink_to(big)
    assert check_bundle.size_mb(bundle) == before


def test_check_bundle_reports_a_missing_model(tmp_path):
    import check_bundle

    bundle = _fake_bundle(tmp_path / "b")
    (bundle / "_internal" / "clinic_app" / "models" / "m.tflite").unlink()
    assert any("m.tflite is missing" in p for p in check_bundle.data_problems(bundle))


def _bash(script: str, timeout: int) -> subprocess.CompletedProcess:
    """Run one of packaging/'s shell scripts from the repository root, output captured."""
    return subprocess.run(["bash", str(PACKAGING / script)], capture_output=True, text=True,
                          timeout=timeout, cwd=REPO)


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("CLINIC_AARCH64_TEST") != "1",
                    reason="set CLINIC_AARCH64_TEST=1 (needs PyPI) to check the Jetson wheels")
def test_dependencies_resolve_for_jetson_aarch64():
    proc = _bash("check_aarch64.sh", 600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "ai-edge-litert" in proc.stdout and "== ok" in proc.stdout


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("CLINIC_BUILD_TEST") != "1",
                    reason="set CLINIC_BUILD_TEST=1 to build and run the frozen program")
def test_frozen_linux_program_builds_and_runs():
    """build_linux.sh -> dist/clinic-app/clinic-app; smoke.py runs it; build_deb.sh packs it."""
    build = _bash("build_linux.sh", 1800)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    size = re.search(r"check: ok: .*?(\d+) MB unpacked", build.stdout)
    assert size and int(size.group(1)) <= 400, build.stdout[-2000:]
    python = REPO / "build" / "venv" / "bin" / "python"
    smoke = subprocess.run([str(python), str(PACKAGING / "smoke.py"), "dist/clinic-app",
                            "--runs", "1"], capture_output=True, text=True, timeout=900,
                           cwd=REPO)
    assert smoke.returncode == 0, smoke.stdout[-4000:] + smoke.stderr[-2000:]
    timings = json.loads((REPO / "build" / "smoke" / "timings.json").read_text("utf-8"))
    assert max(timings["startup"]["offscreen"]["window_s"]) <= 3.0
    if shutil.which("dpkg-deb") and shutil.which("objdump"):
        deb = _bash("build_deb.sh", 900)
        assert deb.returncode == 0, deb.stdout + deb.stderr
