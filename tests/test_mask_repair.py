"""The redrawn masks that cell-seg trains on where the ALL set's own mask misses its cells."""

from __future__ import annotations

import numpy as np

from training.config import CONFIGS
from training.data import REPAIRS, load_split, mask_covers_cells, with_repaired_masks


def _dice(a: np.ndarray, b: np.ndarray) -> float:
    a, b = a.astype(bool), b.astype(bool)
    return 2.0 * float((a & b).sum()) / max(int(a.sum() + b.sum()), 1)


def test_hue_repair_draws_like_the_given_masks_and_keeps_the_blasts(data):
    split = load_split(data, CONFIGS["cell-seg"], "val", limit=120, use_cache=False)
    covering = [i for i in range(len(split.y)) if mask_covers_cells(split.x[i], split.y[i])]
    missing = [i for i in range(len(split.y)) if i not in covering]
    assert covering and missing
    agree = {name: np.mean([_dice(redraw(split.x[i]), split.y[i]) for i in covering])
             for name, redraw in REPAIRS.items()}
    assert agree["hue"] > agree["colour"] + 0.02  # the paler rim of a cell is kept
    repaired, n = with_repaired_masks(split, "hue")
    assert n == len(missing)
    for i in missing:  # every redrawn mask now covers the stained (blast) pixels
        assert mask_covers_cells(split.x[i], repaired.y[i])
    for i in covering:  # masks that cover their cells are left as given
        assert np.array_equal(repaired.y[i], split.y[i])
