"""Average several trained classifiers into one model (one .tflite file, one interpreter call).

    python -m training.ensemble --task all-subtype --runs runs_ens [--members seed2,seed3]

Members are earlier ``training.train`` runs of the same task and input size in
``<runs>/<task>/<name>/`` (default: every run there); every run there competes with the
ensemble. The ensemble's outputs are the mean of
the members' probabilities and the mean of their class maps, so the app's CAM heat maps work
unchanged. It joins ``comparison.json`` as ``ensemble`` and is chosen, like any run, on the
validation split: accuracy first, then log loss (lower is better) to break ties, which a
324-image validation split near 99 % often has. Test figures are reported, never used.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
from pathlib import Path

import keras
from keras import layers

from training import backbones, selection
from training.config import CONFIGS, TaskConfig, data_root, sized
from training.data import load_split
from training.evaluation import evaluate


def rebuild(cfg: TaskConfig, run_dir: Path) -> keras.Model:
    """A run's export model, rebuilt from its backbone with fresh (unique) layer names."""
    backbone = json.loads((run_dir / "metrics.json").read_text())["backbone"]
    _, export = backbones.classifier(cfg.input_size, len(cfg.labels), backbone)
    export.set_weights(keras.models.load_model(run_dir / "model.keras").get_weights())
    return export


def average(members: list[keras.Model], input_size: int) -> keras.Model:
    """One model: image -> [mean probabilities, mean class maps].

    The mean is an ADD chain and one constant multiply: both run on the Edge TPU (DIV does not).
    """
    inp = keras.Input((input_size, input_size, 3), name="image")
    outs = [m(inp) for m in members]
    scale = 1.0 / len(members)

    def mean(tensors: list, name: str):
        total = tensors[0] if len(tensors) == 1 else layers.Add()(tensors)
        return layers.Rescaling(scale, name=name, dtype="float32")(total)

    probs = mean([o[0] for o in outs], "probs")
    return keras.Model(inp, [probs, mean([o[1] for o in outs], "cam")])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--task", default="all-subtype", choices=["all-subtype", "wbc-type"])
    p.add_argument("--runs", default="runs")
    p.add_argument("--members", help="comma list of run names (default: all runs of the task)")
    p.add_argument("--data")
    p.add_argument("--limit", type=int, help="only N images per split (smoke runs)")
    args = p.parse_args(argv)

    task_dir = Path(args.runs) / args.task
    comparison = json.loads((task_dir / "comparison.json").read_text())
    cfg = CONFIGS[args.task]
    if args.task == "all-subtype":
        cfg = sized(cfg, comparison.get("input_size", cfg.input_size))
    runs_here = sorted(d.name for d in task_dir.iterdir()
                       if (d / "metrics.json").exists() and d.name != "ensemble")
    names = args.members.split(",") if args.members else runs_here
    if len(names) < 2 or not set(names) <= set(runs_here):
        raise SystemExit(f"an ensemble needs at least two of the runs in {task_dir} "
                         f"({', '.join(runs_here)}); asked for {names}")
    models = {n: rebuild(cfg, task_dir / n) for n in runs_here}
    root = data_root(args.data)
    stain_norm = comparison.get("stain_norm", "none")
    lim = args.limit
    val = load_split(root, cfg, "val", lim and max(8, lim // 4), stain_norm)
    test = load_split(root, cfg, "test", lim and max(8, lim // 4), stain_norm)

    ensemble = average([models[n] for n in names], cfg.input_size)
    runs = {n: {"val": evaluate(cfg, m, val), "test": evaluate(cfg, m, test),
                "params": int(m.count_params())} for n, m in models.items()}
    runs["ensemble"] = {"val": evaluate(cfg, ensemble, val), "test": evaluate(cfg, ensemble, test),
                        "params": int(ensemble.count_params()), "members": names}
    out = task_dir / "ensemble"
    out.mkdir(exist_ok=True)
    ensemble.save(out / "model.keras")
    (out / "metrics.json").write_text(json.dumps(
        {"task": args.task, "backbone": "ensemble", **runs["ensemble"], "member_runs": runs},
        indent=1))
    chosen = selection.best(runs)
    shutil.copy(task_dir / chosen / "model.keras", task_dir / "model.keras")
    comparison.update({
        "chosen": chosen, "chosen_by": "training.selection.rank on val",
        "comparison": {n: {"val": r["val"]["accuracy"], "val_log_loss": r["val"]["log_loss"],
                           "test": r["test"]["accuracy"], "params": r["params"],
                           **({"members": r["members"]} if "members" in r else {})}
                       for n, r in runs.items()},
    })
    (task_dir / "comparison.json").write_text(json.dumps(comparison, indent=1))
    print(json.dumps(comparison, indent=1))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    raise SystemExit(main())
