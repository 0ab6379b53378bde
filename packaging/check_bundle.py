"""Static checks of a built one-folder bundle, on Linux and Windows; prints its size.

    python packaging/check_bundle.py [dist/clinic-app]

- the executable and the data files the app finds beside its package (models named in the
  manifest, fonts, assets, examples) are there;
- no TensorFlow, keras, torch, jax or matplotlib: neither as folders or native libraries nor as
  modules inside the executable's Python archive (needs PyInstaller importable; skipped, with a
  note, where it is not);
- the unpacked size in MB (1 MB = 2**20 bytes), against the 400 MB budget.

Exit code 0 when every check passed, 1 otherwise (each problem on its own line).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FORBIDDEN = ("tensorflow", "tensorflow_cpu", "tf_keras", "keras", "torch", "jax", "jaxlib",
             "matplotlib")
FORBIDDEN_LIBS = ("libtensorflow_framework", "_pywrap_tensorflow_internal", "libtorch",
                  "tensorflow_cc")
SIZE_BUDGET_MB = 400


def executable(bundle: Path) -> Path:
    exe = bundle / "clinic-app.exe"
    return exe if exe.exists() else bundle / "clinic-app"


def files_of(bundle: Path) -> list[Path]:
    """Regular files; symbolic links (PyInstaller links some libraries) are not counted twice."""
    return [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]


def size_mb(bundle: Path) -> float:
    return sum(p.stat().st_size for p in files_of(bundle)) / 2**20


def data_problems(bundle: Path) -> list[str]:
    internal = bundle / "_internal"
    problems = []
    models = internal / "clinic_app" / "models"
    manifest = models / "manifest.json"
    if not manifest.is_file():
        return [f"{manifest} is missing"]
    for entry in json.loads(manifest.read_text(encoding="utf-8"))["models"]:
        if not (models / entry["file"]).is_file():
            problems.append(f"model {entry['id']}: {entry['file']} is missing")
    for rel in ("clinic_app/fonts/DejaVuSans.ttf", "examples/ATTRIBUTION.md"):
        if not (internal / rel).is_file():
            problems.append(f"{internal / rel} is missing")
    if not any((internal / "clinic_app" / "assets").glob("*")):
        problems.append("clinic_app/assets is empty or missing")
    return problems


def framework_files(bundle: Path) -> list[str]:
    found = []
    for path in bundle.rglob("*"):
        if path.is_dir() and path.name in FORBIDDEN:
            found.append(str(path))
        elif path.is_file() and path.name.startswith(FORBIDDEN_LIBS):
            found.append(str(path))
    return found


def archived_modules(exe: Path) -> set[str] | None:
    """Names inside the executable's archive (and a separate PYZ); None without PyInstaller."""
    try:
        from PyInstaller.archive.readers import ZlibArchiveReader, pkg_archive_contents
    except ImportError:
        return None
    names = set(pkg_archive_contents(str(exe), recursive=True))
    for pyz in exe.parent.glob("_internal/*.pyz"):
        names |= set(ZlibArchiveReader(str(pyz)).toc)
    return names


def main(argv: list[str]) -> int:
    bundle = Path(argv[0] if argv else "dist/clinic-app")
    exe = executable(bundle)
    problems = [] if exe.is_file() else [f"{exe} is missing"]
    problems += data_problems(bundle)
    problems += [f"forbidden framework in the bundle: {p}" for p in framework_files(bundle)]
    names = archived_modules(exe) if exe.is_file() else None
    if names is None:
        print("check: PyInstaller not importable here; the archive's modules were not listed")
    else:
        roots = {n.replace("/", ".").split(".")[0] for n in names}
        bad = sorted(roots.intersection(FORBIDDEN))
        problems += [f"forbidden module in the executable's archive: {b}" for b in bad]
        print(f"check: {len(names)} entries in the executable's archive, "
              f"none of {', '.join(FORBIDDEN)}" if not bad else "check: forbidden modules found")
    mb = size_mb(bundle) if bundle.is_dir() else 0.0
    files = len(files_of(bundle)) if bundle.is_dir() else 0
    if mb > SIZE_BUDGET_MB:
        problems.append(f"{mb:.0f} MB unpacked is over the {SIZE_BUDGET_MB} MB budget")
    for p in problems:
        print(f"check: FAILED: {p}")
    if not problems:
        print(f"check: ok: {exe}; no TensorFlow/keras/torch/jax/matplotlib; "
              f"{mb:.0f} MB unpacked in {files} files (budget {SIZE_BUDGET_MB} MB)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
