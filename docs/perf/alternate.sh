#!/bin/bash
# Marginal `analyze` time, before and after, in alternation (fresh process each run):
#   bash docs/perf/alternate.sh BEFORE_CODE_DIR [ROUNDS]
# BEFORE_CODE_DIR: a copy of clinic_app/ from the commit to compare with
# (mkdir -p /tmp/headcode && git archive REV clinic_app | tar -x -C /tmp/headcode).
# Field sets: /tmp/perf/f1 and /tmp/perf/bccd40 (docs/perf/setup.sh). Prints per round and side
# the wall, user, system seconds and peak RSS (KB); marginal = (T40 - T1) / 39.
BEFORE=${1:?before code dir}; ROUNDS=${2:-4}; REPO=$(cd "$(dirname "$0")/../.." && pwd)
for r in $(seq "$ROUNDS"); do
 for side in old new; do
  for d in f1 bccd40; do
   o=$(mktemp -d)
   if [ $side = old ]; then (cd "$BEFORE" && PYTHONPATH="$BEFORE" /usr/bin/time -o /tmp/alt_t -f "%e %U %S %M" "$REPO/.venv/bin/python" -m clinic_app analyze /tmp/perf/$d --out "$o" >/dev/null 2>&1)
   else (cd "$REPO" && /usr/bin/time -o /tmp/alt_t -f "%e %U %S %M" .venv/bin/python -m clinic_app analyze /tmp/perf/$d --out "$o" >/dev/null 2>&1); fi
   echo "$r $side $d $(cat /tmp/alt_t)"; rm -rf "$o"
  done
 done
done
