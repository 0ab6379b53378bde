#!/bin/bash
# cell-seg runs on the GPU machine (run from the repo root there, after training/gpu/prepare.sh
# here; carry .gpu and .whl). The runs share the GPU; each writes
# $OUT/<name>/{model.keras,metrics.json} and $OUT/<name>.log. Convert here with
# `python -m quantize.convert --task cell-seg --runs DIR` (docs/models.md, cell-seg).
#   bash training/gpu/cell_seg.sh [NAME:WIDTHS:EPOCHS[:EXTRA TRAIN ARGS]] ...
# Without arguments: the three width runs of 2026-12-04 (w16, w12, w16long).
python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade \
  --target /tmp/site .whl/*.whl || exit 1
export PYTHONPATH=/tmp/site:$PWD PYTHONUNBUFFERED=1 KERAS_BACKEND=jax
[ $# -gt 0 ] || set -- w16:16,32,64,128,256:80 w12:12,24,48,96,192:80 \
  w16long:16,32,64,128,256:140
# each run gets an equal share of GPU memory and of the CPUs that augment its batches
export XLA_PYTHON_CLIENT_MEM_FRACTION=$(python3 -c "print(round(0.9 / $#, 2))")
workers=$(( $(nproc) / $# - 1 )); [ "$workers" -ge 1 ] || workers=1
python3 -c "import keras, jax; print(keras.__version__, jax.devices())" || exit 1
run() { IFS=: read -r name widths ep extra <<< "$1"
  # shellcheck disable=SC2086  # extra: train arguments, split on purpose
  timeout "${RUN_TIMEOUT:-520}" python3 -m training.train --task cell-seg --data .gpu/data \
    --skip-test --workers "$workers" --widths "$widths" --epochs "$ep" --out "/tmp/r_$name" \
    --name "$name" $extra > "$OUT/$name.log" 2>&1
  echo "$name exit $?"; mkdir -p "$OUT/$name"
  cp "/tmp/r_$name/cell-seg/$name/model.keras" "/tmp/r_$name/cell-seg/$name/metrics.json" \
    "$OUT/$name/"; }
for spec in "$@"; do run "$spec" & done
wait
