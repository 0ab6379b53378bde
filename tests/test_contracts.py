"""Import contracts: the shipped app never imports TensorFlow; only ui/ imports Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import tomllib
from conftest import REPO

PKG = REPO / "clinic_app"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module":
            if node.args and isinstance(node.args[0], ast.Constant):
                names.add(str(node.args[0].value).split(".")[0])
    return names


def test_no_tensorflow_import_in_app_except_runtime_fallback():
    offenders = [p for p in PKG.rglob("*.py") if {"tensorflow", "keras"} & imported_modules(p)
                 and p.name != "runtime.py"]
    assert offenders == []


def test_only_ui_imports_qt():
    offenders = [p for p in PKG.rglob("*.py")
                 if "PySide6" in imported_modules(p) and "ui" not in p.relative_to(PKG).parts]
    assert offenders == []


def test_base_install_has_no_tensorflow():
    meta = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert not any("tensorflow" in d for d in meta["dependencies"])
    assert any("tensorflow" in d for d in meta["optional-dependencies"]["train"])


def test_running_a_model_loads_no_tensorflow(tmp_path):
    """The classify path in a fresh interpreter leaves tensorflow out of sys.modules."""
    code = (
        "import sys, clinic_app.cli.commands, clinic_app.analysis, clinic_app.report;"
        "from clinic_app import runtime; runtime.runtime_name();"
        "print('tensorflow' in sys.modules, 'PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
