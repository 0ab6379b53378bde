"""The microscope-shift bench: each shipped INT8 model under simulated acquisition shifts.

    python -m training.robustness --task wbc-type|all-subtype|detection|scope [--models DIR]
        [--compare OLD_DIR] [--limit N] [--json OUT]

``BENCH_FINDERS=detector`` (environment) limits the detection bench to one finder (the
segmenter's half is the slow one).

For every shift of ``training.shifts`` at its moderate and strong strength, the model's test
figure is measured next to the unshifted one: balanced accuracy for ``wbc-type`` (PBC test
cells, 8 classes, and blast recall on ALL test cells), accuracy for ``all-subtype``, and
white-cell recall/precision of the app's cell finder (``cell-seg`` + instance split) on BCCD
evaluation fields and the Bio-Net test split for ``detection``; for ``scope``, the share of test
smears and cell images the in-scope check lets through (``clinic_app.scope``: a shift that
makes it refuse real smears loses them before any model sees them). Shifts are applied to the raw
image before the app's own preprocessing (stain normalisation, scale), as a camera would.
``--compare`` runs the same bench on another model pack (e.g. the previous release) so both
appear in one table.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import cv2
import numpy as np

from clinic_app import stain
from clinic_app.classification import combine_views, views_of
from clinic_app.modelpack import dequantize, pixels
from training import shifts
from training.calibration import calibrate, ece
from training.cells import load_cells
from training.config import CONFIGS, data_root
from training.data import centre, load_split
from training.scale import PBC_UM_PER_PX

CONDITIONS = ["none"] + [f"{n}:{lvl}" for n in shifts.SHIFTS for lvl in ("moderate", "strong")]


def apply_shift(rgb: np.ndarray, condition: str) -> np.ndarray:
    if condition == "none":
        return rgb
    name, level = condition.split(":")
    fn, moderate, strong = shifts.SHIFTS[name]
    return fn(rgb, moderate if level == "moderate" else strong)


class Int8:
    """A shipped model file run image by image (static batch 1): the probabilities of one RGB
    image, through the app's own input and output conversions (``modelpack``)."""

    def __init__(self, path: Path) -> None:
        from ai_edge_litert.interpreter import Interpreter

        self.it = Interpreter(model_path=str(path), num_threads=os.cpu_count() or 1)
        self.it.allocate_tensors()
        self.inp = self.it.get_input_details()[0]
        self.out = min(self.it.get_output_details(), key=lambda o: len(o["shape"]))
        self.size = tuple(self.inp["shape"][1:3])

    def probs(self, rgb: np.ndarray, views: int = 1) -> np.ndarray:
        """Probabilities for one image; ``views`` > 1 combines its rotated copies as the app's
        cell classifier does."""
        x = cv2.resize(rgb, self.size[::-1], interpolation=cv2.INTER_AREA)
        if views > 1:
            return combine_views(np.stack([self.probs(v) for v in views_of(x, views)]))
        self.it.set_tensor(self.inp["index"], pixels(x[None], self.inp))
        self.it.invoke()
        return dequantize(self.it.get_tensor(self.out["index"]), self.out)[0]


def balanced_accuracy(y: np.ndarray, pred: np.ndarray) -> float:
    return float(np.mean([(pred[y == c] == c).mean() for c in np.unique(y)]))


def bench_wbc(models: Path, root: Path, limit: int | None) -> dict:
    cfg = CONFIGS["wbc-type"]
    model = Int8(models / "wbc-type.tflite")
    labels = json_labels(models, "wbc-type")
    cells = load_cells(root, cfg, "test", "none", PBC_UM_PER_PX, limit)
    # as the app does (manifest stain_context): normalise the whole cached crop, then show the
    # model its centre
    pbc = cells.source == "pbc"
    blasts = (cells.source == "all") & (cells.group != "Benign")
    out = {}
    t = temperature(models, "wbc-type")
    entry = entry_of(models, "wbc-type")
    norm, views = entry["preprocessing"]["stain_norm"], views_of_entry(entry)
    for cond in CONDITIONS:
        probs = np.stack([model.probs(centre(
            stain.apply(apply_shift(c, cond), norm)[None], cfg.input_size)[0], views)
            for c in cells.x])
        pred = probs.argmax(1)
        row = {"pbc_balanced_accuracy": balanced_accuracy(cells.y[pbc], pred[pbc]),
               "ece_calibrated": ece(calibrate(probs, t), cells.y)}
        if "blast" in labels and blasts.any():
            row["blast_recall"] = float((pred[blasts] == labels.index("blast")).mean())
            row["pbc_called_blast"] = float((pred[pbc] == labels.index("blast")).mean())
        out[cond] = row
        print(cond, json.dumps(row), flush=True)
    return out


def bench_all(models: Path, root: Path, limit: int | None) -> dict:
    cfg = CONFIGS["all-subtype"]
    model = Int8(models / "all-subtype.tflite")
    test = load_split(root, cfg, "test", limit)
    out = {}
    t = temperature(models, "all-subtype")
    # the pack's own normalisation after the shift, as FieldClassifier.run applies it
    norm = entry_of(models, "all-subtype")["preprocessing"].get("stain_norm", "none")
    for cond in CONDITIONS:
        probs = np.stack([model.probs(stain.apply(apply_shift(x, cond), norm)) for x in test.x])
        pred = probs.argmax(1)
        out[cond] = {"accuracy": float((pred == test.y).mean()),
                     "ece_calibrated": ece(calibrate(probs, t), test.y),
                     "malignant_called_benign": float(((test.y > 0) & (pred == 0)).sum()
                                                      / max(1, (test.y > 0).sum()))}
        print(cond, json.dumps(out[cond]), flush=True)
    return out


def entry_of(models: Path, model_id: str) -> dict:
    """The raw manifest entry of ``model_id`` in the pack (an older or unpinned pack too)."""
    manifest = json.loads((models / "manifest.json").read_text())
    return next(m for m in manifest["models"] if m["id"] == model_id)


def views_of_entry(entry: dict) -> int:
    """How many views of a crop the pack's answer combines (1 for packs before ``views``)."""
    return int(entry["preprocessing"].get("views", 1))


def temperature(models: Path, model_id: str) -> float:
    """The pack's calibration temperature (1.0 for a pack from before calibration)."""
    return float(entry_of(models, model_id).get("thresholds", {}).get("temperature", 1.0))


def json_labels(models: Path, model_id: str) -> list[str]:
    return entry_of(models, model_id)["labels"]


def bench_detection(models: Path, root: Path, limit: int | None) -> dict:
    from training.detection_bench import detection_under

    names = tuple(os.environ.get("BENCH_FINDERS", "segmenter,detector").split(","))
    out = {}
    for cond in CONDITIONS:
        out[cond] = detection_under(models, root, lambda rgb, c=cond: apply_shift(rgb, c), limit,
                                    names)
        print(cond, json.dumps(out[cond]), flush=True)
    return out


def scope_sets(root: Path, limit: int | None) -> dict[str, list[Path]]:
    """Test images of each source for the scope bench: BCCD's fields after the 100 tuned on
    (every 2nd), ALL (every 6th), Bio-Net (every 2nd), PBC (every 40th)."""
    from training.scope_eval import positives

    picks = {"bccd": ("bccd", 2), "all": ("all", 6), "bionet": ("bionet", 2), "pbc": ("pbc", 40)}
    return {name: positives(root, src, "test")[::step][:limit]
            for name, (src, step) in picks.items()}


def bench_scope(models: Path, root: Path, limit: int | None) -> dict:
    """Share of real smears the in-scope check accepts under each shift: ``scope.check`` alone
    (no model), and as the app screens (``fields.scope_verdict`` with the pack's detector for
    the second look at images refused for their red cells alone)."""
    from clinic_app.analysis import AnalyzerOptions, scope_witness
    from clinic_app.fields import scope_verdict
    from training.data import read_rgb

    images = {name: [read_rgb(p) for p in paths]
              for name, paths in scope_sets(root, limit).items()}
    witness = scope_witness(AnalyzerOptions(backend="cpu", models_dir=models))
    out = {}
    for cond in CONDITIONS:
        out[cond] = {}
        for name, ims in images.items():
            alone, app = [], []
            for rgb in ims:
                v = scope_verdict(apply_shift(rgb, cond), witness)
                alone.append(v.in_scope and not v.vouched)  # the check's own answer
                app.append(v.in_scope)
            out[cond][f"{name} in scope"] = float(np.mean(alone))
            out[cond][f"{name} in scope (app)"] = float(np.mean(app))
        print(cond, json.dumps(out[cond]), flush=True)
    if witness is not None:
        witness.close()
    return out


BENCHES = {"wbc-type": bench_wbc, "all-subtype": bench_all, "detection": bench_detection,
           "scope": bench_scope}


def table(results: dict[str, dict]) -> str:
    """A markdown table: one row per condition, one column per (pack, figure)."""
    cols = [(pack, k) for pack, res in results.items() for k in res["none"]]
    lines = ["| condition | " + " | ".join(f"{p}: {k}" for p, k in cols) + " |",
             "|---" * (len(cols) + 1) + "|"]
    for cond in CONDITIONS:
        cells = [f"{100 * results[p][cond][k]:.1f}" for p, k in cols]
        lines.append(f"| {cond} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--task", required=True, choices=sorted(BENCHES))
    p.add_argument("--models", default=str(Path(__file__).resolve().parents[1] / "clinic_app"
                                           / "models"), help="model pack to test")
    p.add_argument("--compare", help="a second model pack (e.g. the previous release)")
    p.add_argument("--data", help="data root (default $CLINIC_DATA or ../shared/data)")
    p.add_argument("--limit", type=int, help="only N images per split (smoke runs)")
    p.add_argument("--json", help="write the results here")
    args = p.parse_args(argv)
    root = data_root(args.data)
    packs = {"shipped": Path(args.models)}
    if args.compare:
        packs["compare"] = Path(args.compare)
    results = {name: BENCHES[args.task](path, root, args.limit) for name, path in packs.items()}
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
