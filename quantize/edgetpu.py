"""Edge TPU compatibility check of a .tflite file, and edgetpu_compiler when installed.

The Edge TPU runs only a fixed list of quantized ops with static shapes; an unsupported op
splits the graph and everything after it runs on the CPU. Checking here names such ops
before a clinic buys a Coral.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np

# Ops the Edge TPU compiler maps to the TPU (Coral "TensorFlow models on the Edge TPU" list).
EDGETPU_OPS = {
    "ADD", "AVERAGE_POOL_2D", "CONCATENATION", "CONV_2D", "DEPTHWISE_CONV_2D", "EXPAND_DIMS",
    "FULLY_CONNECTED", "L2_NORMALIZATION", "LOGISTIC", "LSTM", "MAX_POOL_2D", "MAXIMUM", "MEAN",
    "MINIMUM", "MUL", "PACK", "PAD", "PRELU", "QUANTIZE", "REDUCE_MAX", "REDUCE_MIN", "RELU",
    "RELU6", "RELU_N1_TO_1", "RESHAPE", "RESIZE_BILINEAR", "RESIZE_NEAREST_NEIGHBOR", "RSQRT",
    "SLICE", "SOFTMAX", "SPACE_TO_DEPTH", "SPLIT", "SQUEEZE", "STRIDED_SLICE", "SUB", "SUM",
    "SQUARED_DIFFERENCE", "TANH", "TRANSPOSE", "TRANSPOSE_CONV", "DEQUANTIZE",
}


def _interpreter(path: Path):
    from ai_edge_litert.interpreter import Interpreter, OpResolverType

    it = Interpreter(model_path=str(path),
                     experimental_op_resolver_type=OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES)
    it.allocate_tensors()
    return it


def check(path: Path) -> dict:
    """Ops outside the Edge TPU list, dynamic shapes, float tensors and tensors of rank > 4."""
    it = _interpreter(path)
    ops = [o["op_name"] for o in it._get_ops_details()]
    tensors = it.get_tensor_details()
    unsupported = sorted({o for o in ops if o not in EDGETPU_OPS})
    dynamic = [t["name"] for t in tensors
               if "shape_signature" in t and np.any(np.asarray(t["shape_signature"])[1:] < 0)]
    batch_dynamic = [t["name"] for t in tensors
                     if "shape_signature" in t and len(t["shape_signature"])
                     and t["shape_signature"][0] < 0]
    floats = [t["name"] for t in tensors if np.dtype(t["dtype"]).kind == "f"]
    high_rank = [t["name"] for t in tensors if len(t["shape"]) > 4]
    ok = not (unsupported or dynamic or floats or high_rank or batch_dynamic)
    return {
        "compatible": ok,
        "ops": sorted(set(ops)),
        "unsupported_ops_fall_back_to_cpu": unsupported,
        "dynamic_shapes": dynamic[:10],
        "dynamic_batch": batch_dynamic[:10],
        "float_tensors": floats[:10],
        "rank_over_4": high_rank[:10],
        "all_tensors_integer": not floats,
    }


def compile_if_available(path: Path) -> dict:
    """Run edgetpu_compiler when on PATH; otherwise say so plainly."""
    exe = shutil.which("edgetpu_compiler")
    if not exe:
        return {"compiled": False,
                "message": "edgetpu_compiler not found on PATH (it is x86-64 Linux only); "
                           "the CPU model ships alone. Install the Edge TPU compiler "
                           "and re-run `python -m quantize.convert --task ...`."}
    proc = subprocess.run([exe, "-s", "-o", str(path.parent), str(path)],
                          capture_output=True, text=True, check=False)
    out = path.with_name(path.stem + "_edgetpu.tflite")
    return {"compiled": proc.returncode == 0 and out.exists(), "file": out.name,
            "log": proc.stdout[-2000:] + proc.stderr[-1000:]}
