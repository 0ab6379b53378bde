#!/bin/bash
# `clinic-app bench --json --runs 40` before (a copy of clinic_app/ from an older commit) and after,
# alternating: bash docs/perf/bench_alternate.sh BEFORE_CODE_DIR [ROUNDS]
BEFORE=${1:?before code dir}; N=${2:-3}; REPO=$(cd "$(dirname "$0")/../.." && pwd)
for r in $(seq $N); do
 for side in old new; do
  if [ $side = old ]; then out=$(cd ${BEFORE} && PYTHONPATH=${BEFORE} $REPO/.venv/bin/python -m clinic_app bench --json --runs 40 2>/dev/null)
  else out=$(cd "$REPO" && .venv/bin/python -m clinic_app bench --json --runs 40 2>/dev/null); fi
  echo "$r $side $(echo "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print(' '.join(f\"{k}:{v['field_ms']}/{v['field_model_ms']}={v['field_ratio']}\" for k,v in d['fields'].items()))")"
 done
done
