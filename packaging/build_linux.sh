#!/usr/bin/env bash
# Build the one-folder Linux program: dist/clinic-app/clinic-app (+ dist/clinic-app/_internal/).
#
#   bash packaging/build_linux.sh
#
# Needs: python3 (>= 3.10) with venv (Debian/Ubuntu: apt install python3-venv), network access to
# PyPI (or a mirror configured for pip), and the model pack in clinic_app/models/.
# It makes (or reuses) the virtual environment build/venv (build/ is git-ignored), installs the
# app with the "dev" extra only (PyInstaller; never the "train" extra: TensorFlow is not there to
# be bundled), runs PyInstaller with packaging/clinic-app.spec, then checks the result
# (packaging/check_bundle.py: data files, no TensorFlow/keras/torch/jax, size).
# Then: build/venv/bin/python packaging/smoke.py (run it) and bash packaging/build_deb.sh.
#
# Variables: PYTHON (interpreter for the venv, default python3), CLINIC_BUILD_VENV (default
# build/venv). Build on the oldest distribution you support: the program runs on that glibc
# and newer. Qt's system libraries found at build time (fontconfig, xkbcommon, dbus ...) are
# bundled; install them first (see packaging/README.md) so every build bundles the same set.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${CLINIC_BUILD_VENV:-build/venv}

if [ ! -x "$VENV/bin/python" ]; then
  echo "== creating $VENV"
  "$PYTHON" -m venv "$VENV"
fi
PY="$VENV/bin/python"
echo "== installing the app and PyInstaller into $VENV"
"$PY" -m pip install -q --upgrade pip
"$PY" -m pip install -q -e ".[dev]"
if "$PY" -c "import tensorflow" >/dev/null 2>&1; then
  echo "error: TensorFlow is installed in $VENV; use a clean build environment" >&2
  exit 1
fi

echo "== PyInstaller"
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/clinic-app.spec
echo "== built in $(( $(date +%s) - start )) s"

"$PY" packaging/check_bundle.py dist/clinic-app
