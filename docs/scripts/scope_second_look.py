# python docs/scripts/scope_second_look.py [CROPS_DIR]
"""The figures behind scope.SECOND_LOOK_MIN_P and WITNESS_MIN_SCORE (docs/scope.md).

1. The negative set held out by family (each image's P(smear) from the regression fitted
   without its family, as training.scope_eval does): the images the second look would be asked
   about (no hard rule, P >= SECOND_LOOK_MIN_P, below the threshold, red cells the weakest
   feature) and the detector's best score on each; every negative's best score beside the
   shipped check's P.
2. Refused smear crops (default: the scope check's train crops, .cache/scope_crops/train: 256 px
   around a white cell of the first 100 BCCD fields and of Bio-Net train fields): P, weakest
   feature and the detector's best score.
Needs .cache/negatives and .cache/scope_features.npz (python -m training.scope_eval).
"""
import sys
from pathlib import Path

import numpy as np

from clinic_app import modelpack, scale, scope
from clinic_app.detection import WhiteCellWitness
from clinic_app.images import load_field
from training import scope_eval as E

witness = WhiteCellWitness(lambda: modelpack.open_model("wbc-detect", "cpu"))


def best_score(rgb: np.ndarray) -> float:
    um, how = scale.estimate_um_per_px(rgb)
    return witness(rgb, um if how == "red-cells" else None)


table = E.feature_table(None, None)
g, n = table["group"], table["name"]
asked, all_neg = [], []
for fam in sorted(set(n[g == "neg"])):
    model = E.fit(table, fam)
    w, b, mean, std = model
    for row, path in zip(table["x"][(g == "neg") & (n == fam)],
                         table["path"][(g == "neg") & (n == fam)], strict=True):
        feats = dict(zip(scope.FEATURES, row[:-1], strict=True))
        x = scope.vector(feats)
        p = float(scope.probability(x, *model)[0])
        weakest = scope.MODEL_FEATURES[int(np.argmin((x - mean) / std * w))]
        rgb = load_field(path).image
        s = best_score(rgb)
        all_neg.append((s, scope.check(rgb).probability, path))
        hard = scope.hard_reason(feats, (1, 1) if row[-1] else (1000, 1000))
        if (not hard and scope.SECOND_LOOK_MIN_P <= p < scope.THRESHOLD
                and weakest == "red_cells"):
            asked.append((s, p, path))
print(f"held-out negatives the second look would ask about: {len(asked)}; best detector score "
      f"{max(a[0] for a in asked):.2f}; let in (>= {scope.WITNESS_MIN_SCORE}): "
      f"{sum(a[0] >= scope.WITNESS_MIN_SCORE for a in asked)}")
for s, p, path in sorted(asked, reverse=True)[:5]:
    print(f"  score {s:.2f}  held-out P {p:.2f}  {Path(path).parent.name}/{Path(path).name}")
hi = [a for a in all_neg if a[0] >= scope.WITNESS_MIN_SCORE]
print(f"negatives with a box >= {scope.WITNESS_MIN_SCORE}: {len(hi)} of {len(all_neg)}; their "
      f"shipped P(smear) <= {max(a[1] for a in hi):.3f}" if hi else "no negative box >= min")

crops = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(".cache/scope_crops/train")
rows = []
for f in sorted(crops.glob("*.png")):
    rgb = load_field(f).image
    v = scope.check(rgb)
    if not v.in_scope:
        rows.append((f.name, v.probability, v.weakest, best_score(rgb)))
let_in = [r for r in rows if scope.vouched(scope.ScopeVerdict(
    False, r[1], weakest=r[2]), r[3]).in_scope]
print(f"{crops}: {len(rows)} refused; the second look lets in {len(let_in)}")
for name, p, weakest, s in rows:
    print(f"  {name}  P {p:.2f}  weakest {weakest or '(hard rule)'}  score {s:.2f}")
