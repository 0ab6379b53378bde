"""Keras weights back from a shipped INT8 classifier, to fine-tune it when its run is gone.

    python -m training.recover --task wbc-type|all-subtype --out runs_rec/TASK.weights.h5

The training runs (``runs*/``) are not kept with the code, so a shipped model may outlive its
Keras weights. The INT8 file still holds every weight: per-channel int8 kernels with their
scales, with each BatchNormalization folded into the conv before it (kernel x gamma/sigma, one
bias). This builds the ``compact`` classifier of ``training.backbones`` and sets:

- each conv kernel to the dequantized folded kernel (int8 x scale: within half a quantization
  step of the float weights that were converted);
- each BatchNormalization so that it adds the folded bias and nothing else *and* sees the
  statistics of its training inputs: moving mean/variance = the conv output's mean/variance
  over augmented training batches (``pipeline.Batches``, as the original BN saw them), gamma =
  that standard deviation, beta = mean + bias. Inference is then exactly conv + bias (as in the
  INT8 file), and a training step, which normalises with the batch's own statistics, starts
  from (nearly) the same function instead of re-scaling every channel. (Statistics of clean
  crops instead cost a fine-tune 4 points of val accuracy in its first epoch.)

The check: the rebuilt float model and the INT8 file agree on the top class of the val cells
(printed; a fine-tune should start only from an agreement close to the INT8/FP32 agreement
at conversion, 99.6 %).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
from pathlib import Path

import numpy as np

MODELS = Path(__file__).resolve().parents[1] / "clinic_app" / "models"


def folded_layers(tflite: Path) -> list[tuple[np.ndarray, np.ndarray]]:
    """(kernel HWIO float, bias float) of every conv in file order (input side first)."""
    from ai_edge_litert.interpreter import Interpreter

    it = Interpreter(model_path=str(tflite))
    it.allocate_tensors()
    details = {d["index"]: d for d in it.get_tensor_details()}
    out = []
    for op in it._get_ops_details():  # noqa: SLF001 - the op graph is only exposed here
        if op["op_name"] != "CONV_2D":
            continue
        inp, w, b = op["inputs"]
        wd, bd = details[w], details[b]
        ws = wd["quantization_parameters"]["scales"]
        kernel = it.get_tensor(w).astype(np.float32) * ws[:, None, None, None]
        bias = it.get_tensor(b).astype(np.float32) * bd["quantization_parameters"]["scales"]
        out.append((kernel.transpose(1, 2, 3, 0), bias))
    return out


def rebuild(task: str, tflite: Path, calib: np.ndarray):
    """The training and export models of ``task`` carrying the INT8 file's weights."""
    import keras

    from training import backbones
    from training.config import CONFIGS

    cfg = CONFIGS[task]
    train_model, export = backbones.classifier(cfg.input_size, len(cfg.labels), "compact")
    convs = [la for la in train_model.layers if isinstance(la, keras.layers.Conv2D)]
    bns = [la for la in train_model.layers if isinstance(la, keras.layers.BatchNormalization)]
    folded = folded_layers(tflite)
    if len(folded) != len(convs) or len(bns) != len(convs) - 1:
        raise ValueError(f"{tflite.name}: {len(folded)} convs, the compact model has {len(convs)}")
    # The file's first conv takes raw 0-255 pixels (input scale 1): Rescaling(1/255) is folded
    # into its kernel, and the Keras model applies it before the conv.
    folded[0] = (folded[0][0] * 255.0, folded[0][1])
    for conv, (k, _) in zip(convs[:-1], folded[:-1], strict=True):
        conv.set_weights([k])
    convs[-1].set_weights([folded[-1][0], folded[-1][1]])
    for i, (conv, bn) in enumerate(zip(convs[:-1], bns, strict=True)):
        bias = folded[i][1]
        eps = bn.epsilon
        probe = keras.Model(train_model.input, conv.output)
        pre = probe.predict(calib, batch_size=64, verbose=0).reshape(-1, bias.size)
        mean, var = pre.mean(0), pre.var(0) + 1e-6
        gamma = np.sqrt(var + eps)
        bn.set_weights([gamma, mean + bias, mean, var])
    return train_model, export


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--task", default="wbc-type", choices=["wbc-type", "all-subtype"])
    p.add_argument("--models", default=str(MODELS))
    p.add_argument("--data")
    p.add_argument("--calib", type=int, default=1024, help="train crops for the BN statistics")
    p.add_argument("--limit", type=int, help="only N images per split (smoke runs)")
    p.add_argument("--out", required=True, help="where the .weights.h5 goes")
    args = p.parse_args(argv)

    from quantize.convert import run_int8
    from training.cells import load_cells
    from training.config import CONFIGS, data_root
    from training.data import centre, load_split
    from training.pipeline import Batches
    from training.robustness import entry_of
    from training.scale import PBC_UM_PER_PX

    models, root = Path(args.models), data_root(args.data)
    norm = entry_of(models, args.task)["preprocessing"].get("stain_norm", "none")
    # the shipped model's own preprocessing, whatever the config says now (a fine-tune may
    # change it): BN statistics of the inputs the file was trained on
    cfg = dataclasses.replace(CONFIGS[args.task], stain_norm=norm,
                              normalise_after_augment=norm != "none"
                              and CONFIGS[args.task].normalise_after_augment)
    if cfg.task == "wbc-type":
        train = load_cells(root, cfg, "train", "none", PBC_UM_PER_PX, args.limit)
        val = load_cells(root, cfg, "val", norm, PBC_UM_PER_PX, args.limit)
    else:
        raw = "none" if cfg.normalise_after_augment else norm
        train = load_split(root, cfg, "train", args.limit, raw)
        val = load_split(root, cfg, "val", args.limit, norm)
    batches = Batches(train.x, train.y, cfg, train=True)  # augmented as in training
    calib = np.concatenate([batches[i][0] for i in range(min(len(batches),
                                                               max(1, args.calib // cfg.batch)))])
    tflite = models / f"{args.task}.tflite"
    train_model, export = rebuild(args.task, tflite, calib)
    x = centre(val.x, cfg.input_size).astype(np.float32)
    fp = train_model.predict(x, batch_size=64, verbose=0)
    q = run_int8(tflite.read_bytes(), x)[0]
    agree = float((fp.argmax(1) == q.argmax(1)).mean())
    print(f"val: rebuilt float accuracy {(fp.argmax(1) == val.y).mean():.4f}, INT8 "
          f"{(q.argmax(1) == val.y).mean():.4f}, top class agreement {agree:.4f}")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    train_model.save_weights(args.out)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    raise SystemExit(main())
