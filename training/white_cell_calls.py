"""What the shipped ``wbc-type`` calls annotated white cells it has no type for.

    python -m training.white_cell_calls [--models DIR] [--part P ...] [--json OUT]

Parts: ``bccd-check`` (the 50 BCCD dev fields whose boxes ``--boxed-repeat`` training leaves
out: every other one), ``bccd-eval`` (the 192 fields after the first 100: never trained or
tuned on), ``bionet-val`` and ``bionet-test`` (their ``WBC`` boxes, typed or not).

Every annotated ``WBC`` box is classified as ``clinic-app analyze`` classifies a found cell: its
crop at the scale the app measures (BCCD as one folder, the median of its fields' red-cell
scales, as ``analyze``'s consensus; Bio-Net, whose fields mix magnifications, field by field),
so the finder's own errors stay out. A white cell called ``platelet`` or ``erythroblast`` is
wrong whatever its type; ``unidentified`` is the model declining. BCCD has no types here, so
this measures the one error that can be measured without them (docs/models.md, "Small white
cells called platelet"). On ``bccd-check`` and ``bccd-eval`` it also scores the calls against
the types given by eye to those boxes (``training/labels/bccd_by_eye.csv``, boxes marked
``unsure`` left out; docs/models.md, "BCCD white cells typed by eye").
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

from clinic_app import images, modelpack, scale
from clinic_app.classification import CellClassifier
from clinic_app.fields import consensus_scales
from training.cells import NOT_WHITE, boxed_dev_fields, by_eye_types, type_of
from training.config import data_root
from training.detection_bench import detection_sets
from training.evaluate_detection import wbc_boxes

PARTS = ("bccd-check", "bccd-eval", "bionet-val", "bionet-test")


def part_fields(root: Path, part: str) -> list[tuple[Path, Path]]:
    """(image, annotation) of one part, from the finder benches' own set lists."""
    if part == "bccd-check":
        return boxed_dev_fields(detection_sets(root, "dev")["bccd"], False)
    if part == "bccd-eval":
        return detection_sets(root, "eval")["bccd"]
    return detection_sets(root, bionet_split=part.split("-")[1])["bionet"]


BY_EYE_USE = {"bccd-check": "check", "bccd-eval": "eval"}  # training/labels, per part


def calls(classifier: CellClassifier, root: Path, part: str) -> list[tuple[str, str | None]]:
    """(call, type by eye or None) for each of the part's annotated ``WBC`` boxes. BCCD takes
    ``analyze``'s folder consensus (``fields.consensus_scales``); Bio-Net, field by field,
    its own estimate."""
    pairs = part_fields(root, part)
    consensus = consensus_scales([img for img, _ in pairs]) if part.startswith("bccd") else {}
    typed = by_eye_types(BY_EYE_USE[part]) if part in BY_EYE_USE else {}
    out: list[tuple[str, str | None]] = []
    for img, xml in pairs:
        boxes = wbc_boxes(xml)
        truths = [type_of((b.x0, b.y0, b.x1, b.y1), typed.get(img.stem, [])) for b in boxes]
        rgb = images.load_field(img).image
        um, cue = consensus.get(img) or scale.estimate_um_per_px(rgb)
        if cue == scale.UNKNOWN:
            out += [("(no scale)", t) for t in truths]
            continue
        cells = classifier.classify_cells(rgb, um, [(b, None) for b in boxes])
        out += [(cell.label, t) for cell, t in zip(cells, truths, strict=True)]
    return out


def summary(rows: list[tuple[str, str | None]]) -> dict:
    counts = collections.Counter(call for call, _ in rows)
    n = len(rows)
    not_white = sum(counts[c] for c in NOT_WHITE)
    out = {"cells": n, "calls": dict(counts.most_common()),
           "not_white_share": round(not_white / n, 4) if n else None,
           "unidentified_share": round(counts["unidentified"] / n, 4) if n else None}
    typed = [(call, t) for call, t in rows if t is not None]
    if typed:
        out["by_eye"] = by_eye_scores(typed)
    return out


def by_eye_scores(typed: list[tuple[str, str]]) -> dict:
    """Against the types given by eye: each type's recall (``unidentified`` counts wrong),
    their mean (balanced accuracy), and the accuracy of the cells the model did name."""
    by_type: dict[str, list[bool]] = collections.defaultdict(list)
    for call, truth in typed:
        by_type[truth].append(call == truth)
    named = [call == truth for call, truth in typed if call != "unidentified"]
    return {"cells": len(typed),
            "recall": {t: f"{sum(v)}/{len(v)}" for t, v in sorted(by_type.items())},
            "balanced_accuracy": round(sum(sum(v) / len(v) for v in by_type.values())
                                       / len(by_type), 4),
            "accuracy_of_named": round(sum(named) / len(named), 4) if named else None,
            "confusions": dict(collections.Counter(f"{t} -> {c}" for c, t in typed
                                                   if c != t).most_common())}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--models", default=str(modelpack.MODELS_DIR))
    p.add_argument("--data")
    p.add_argument("--part", nargs="+", choices=PARTS, default=["bccd-check", "bionet-val"])
    p.add_argument("--json", help="write the figures here too")
    args = p.parse_args(argv)
    root = data_root(args.data)
    entry = modelpack.load_manifest(Path(args.models))["wbc-type"]
    classifier = CellClassifier(modelpack.TFLiteModel(entry, "cpu", models_dir=Path(args.models)))
    result = {"models": args.models, "version": entry.raw.get("version"),
              **{part: summary(calls(classifier, root, part)) for part in args.part}}
    print(json.dumps(result, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
