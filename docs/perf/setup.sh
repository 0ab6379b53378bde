#!/bin/bash
# The field sets of docs/performance.md, under /tmp/perf, and the "before" code in /tmp/before.
# Usage: docs/perf/setup.sh [BEFORE_COMMIT]   (run from the repository root)
set -e
D=${CLINIC_DATA:-/work/shared/data}
mkdir -p /tmp/perf/bccd40 /tmp/perf/all40 /tmp/perf/f1 /tmp/perf/f100 /tmp/perf/f1000 /tmp/before
ls $D/bccd/JPEGImages/*.jpg | head -40 | xargs -I{} ln -sf {} /tmp/perf/bccd40/
for c in Benign Early Pre Pro; do ls $D/all/images/$c/*.jpg | head -10 | xargs -I{} ln -sf {} /tmp/perf/all40/; done
python3 - "$D" <<'PY'
import glob, shutil, sys
src = sorted(glob.glob(sys.argv[1] + "/bccd/JPEGImages/*.jpg"))
for i in range(1000):  # real fields repeated under different names
    shutil.copy(src[i % len(src)], f"/tmp/perf/f1000/field_{i:04d}.jpg")
    if i < 100:
        shutil.copy(src[i % len(src)], f"/tmp/perf/f100/field_{i:04d}.jpg")
shutil.copy(src[0], "/tmp/perf/f1/field_0000.jpg")
PY
git archive ${1:-0c3dc80} clinic_app | tar -x -C /tmp/before
cp docs/perf/*.py docs/perf/*.sh /tmp/perf/
