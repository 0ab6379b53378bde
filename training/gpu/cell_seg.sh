#!/bin/bash
# cell-seg width runs on the GPU machine (run from the repo root there, after
# training/gpu/prepare.sh here; carry .gpu and .whl). Three runs share the GPU; each writes
# $OUT/<name>/{model.keras,metrics.json} and $OUT/<name>.log. Convert here with
# `python -m quantize.convert --task cell-seg --runs DIR` (docs/models.md, cell-seg).
python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade \
  --target /tmp/site .whl/*.whl || exit 1
export PYTHONPATH=/tmp/site:$PWD PYTHONUNBUFFERED=1 KERAS_BACKEND=jax XLA_PYTHON_CLIENT_MEM_FRACTION=0.25
python3 -c "import keras, jax; print(keras.__version__, jax.devices())" || exit 1
run() { name=$1; widths=$2; ep=$3; shift 3
  timeout 520 python3 -m training.train --task cell-seg --data .gpu/data --skip-test --workers 5 \
    --widths "$widths" --epochs "$ep" --out "/tmp/r_$name" --name "$name" "$@" > "$OUT/$name.log" 2>&1
  echo "$name exit $?"; mkdir -p "$OUT/$name"
  cp "/tmp/r_$name/cell-seg/$name/model.keras" "/tmp/r_$name/cell-seg/$name/metrics.json" "$OUT/$name/"; }
run w16 16,32,64,128,256 80 &
run w12 12,24,48,96,192 80 &
run w16long 16,32,64,128,256 140 &
wait
