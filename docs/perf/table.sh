#!/bin/bash
# Per-stage profile, before / after (stages inline, SYNC=1) / after (threads), REPS times alternating.
REPS=${1:-3}; T=/tmp/perf/table_$(date -u +%H%M)
for r in $(seq $REPS); do for set in bccd40 all40; do
  (cd /tmp/perf && TABLE=$T.before.$set PYTHONPATH=/tmp/before nice -n 10 /work/main/.venv/bin/python /tmp/perf/prof.py /tmp/perf/x.prof analyze /tmp/perf/$set --out /tmp/perf/tb_out >/dev/null 2>&1)
  (cd /work/main && SYNC=1 TABLE=$T.sync.$set nice -n 10 .venv/bin/python /tmp/perf/prof.py /tmp/perf/x.prof analyze /tmp/perf/$set --out /tmp/perf/tb_out >/dev/null 2>&1)
  (cd /work/main && TABLE=$T.after.$set nice -n 10 .venv/bin/python /tmp/perf/prof.py /tmp/perf/x.prof analyze /tmp/perf/$set --out /tmp/perf/tb_out >/dev/null 2>&1)
done; done
echo $T
