# python docs/scripts/crops_under_shifts.py [moderate|strong] [eval]   (eval: the test-like
# BCCD eval crops instead of the development sets; measure once, after the choices)
"""256 px crops (BCCD dev, Bio-Net val: development data) under each shift of the bench, each
set analysed as a folder by `clinic-app analyze` (in-scope check and second look included):
recall / precision of analysis.json's boxes, refused crops counted as misses
(`training.detection_bench.analysed_as_folder`). The table in docs/scope.md."""
import contextlib
import io
import sys

from training.config import data_root
from training.detection_bench import analysed_as_folder, crop_sets
from training.robustness import CONDITIONS, apply_shift

level = sys.argv[1] if len(sys.argv) > 1 else "moderate"
test_like = len(sys.argv) > 2 and sys.argv[2] == "eval"
sets = {k: v for k, v in crop_sets(data_root(None)).items()
        if (k == "bccd_eval_crops") == test_like}
for cond in [c for c in CONDITIONS if c == "none" or c.endswith(level)]:
    row = {}
    for name, items in sets.items():
        with contextlib.redirect_stderr(io.StringIO()):
            r = analysed_as_folder(items, lambda rgb, c=cond: apply_shift(rgb, c))
        row[name] = (f"{100 * r['recall']:.1f} / {100 * r['precision']:.1f} "
                     f"({r['refused']} refused)")
    print(cond, row, flush=True)
