#!/bin/bash
# Prepare what a GPU machine without TensorFlow needs for `training.train` (JAX backend):
# the ALL set's train+val images and masks (the test split stays here; --skip-test there) and
# the Keras wheels it lacks. Both folders are git-ignored (.git/info/exclude) and travel as
# `carry` paths of the device tool (64 MiB in all with the tree).
#   bash training/gpu/prepare.sh [DATA_ROOT]
set -euo pipefail
DATA=${1:-../shared/data}
grep -qx '/.gpu/' .git/info/exclude 2>/dev/null || printf '/.gpu/\n/.whl/\n' >> .git/info/exclude
rm -rf .gpu/data && mkdir -p .gpu/data/all
python - "$DATA" <<'PY'
import csv, shutil, sys
from pathlib import Path
src, dst = Path(sys.argv[1]) / "all", Path(".gpu/data/all")
rows = [r for r in csv.DictReader(open(src / "splits.csv")) if r["split"] in ("train", "val")]
with open(dst / "splits.csv", "w", newline="") as fh:
    w = csv.DictWriter(fh, ["path", "label", "split"])
    w.writeheader()
    w.writerows(rows)
for r in rows:
    for sub, rel in (("images", r["path"]), ("masks", str(Path(r["path"]).with_suffix(".png")))):
        (dst / sub / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src / sub / rel, dst / sub / rel)
print(f"{len(rows)} train+val images in .gpu/data/all")
PY
python -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
  --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 -d .whl \
  keras==3.15.1 namex==0.1.0 optree==0.20.0
