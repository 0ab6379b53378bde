"""Quality check: real fields pass, blurred / blank / unstained / burnt-out fields do not."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from clinic_app.images import load_field
from clinic_app.quality import assess


def _smear(h: int = 240, w: int = 320, seed: int = 0) -> np.ndarray:
    """A synthetic stained field: pink red cells and a few purple nuclei on a pale background."""
    rng = np.random.default_rng(seed)
    rgb = np.full((h, w, 3), (235, 228, 238), np.uint8)
    for _ in range(40):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        cv2.circle(rgb, (x, y), 12, (205, 150, 175), -1)
    for _ in range(3):
        x, y = int(rng.integers(20, w - 20)), int(rng.integers(20, h - 20))
        cv2.circle(rgb, (x, y), 16, (110, 60, 160), -1)
    noise = rng.normal(0, 2, rgb.shape)
    return np.clip(rgb + noise, 0, 255).astype(np.uint8)


def _real_fields(data):
    picks = [
        *sorted((data / "all" / "images").glob("*/*.jpg"))[::700],
        *sorted((data / "bccd" / "JPEGImages").glob("*.jpg"))[::100],
        *sorted((data / "pbc").glob("*/*.jpg"))[::4000],
    ]
    if len(picks) < 6:
        pytest.skip("all/, bccd/ or pbc/ images missing")
    return [load_field(p).image for p in picks]


def test_synthetic_smear_is_usable():
    q = assess(_smear())
    assert q.usable and q.reason == "" and q.warnings == ()
    assert 0.0 <= q.clipped_dark <= 1.0 and 0.0 <= q.clipped_bright <= 1.0
    assert 0.2 < q.stain <= 1.0 and q.focus > 10


def test_real_fields_usable_without_warnings(data):
    for rgb in _real_fields(data):
        q = assess(rgb)
        assert q.usable, q.reason
        assert q.warnings == ()


def test_heavy_blur_refused(data):
    for rgb in [_smear(), *_real_fields(data)]:
        sigma = 0.02 * max(rgb.shape[:2])
        q = assess(cv2.GaussianBlur(rgb, (0, 0), sigma))
        assert not q.usable and "out of focus" in q.reason


@pytest.mark.parametrize(
    "value,reason",
    [(0, "too dark"), (255, "overexposed"), (128, "blank field"), (200, "blank field")],
)
def test_flat_fields_refused(value, reason):
    q = assess(np.full((480, 640, 3), value, np.uint8))
    assert not q.usable and reason in q.reason
    assert q.stain == 0.0 and q.focus == 0.0


def test_unstained_field_refused():
    grey = cv2.cvtColor(cv2.cvtColor(_smear(), cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB)
    q = assess(grey)
    assert not q.usable and "no stain" in q.reason and q.stain < 0.02


def test_partly_clipped_dark_warns_but_counts():
    rgb = _smear()
    rgb[:12] = 0  # 5% of the rows black: a dust shadow or the edge of the field stop
    q = assess(rgb)
    assert q.usable
    assert any("dark areas clipped" in w for w in q.warnings)
    assert q.clipped_dark == pytest.approx(0.05, abs=0.005)


def test_mostly_black_refused():
    rgb = _smear()
    rgb[: rgb.shape[0] // 2] = 0
    q = assess(rgb)
    assert not q.usable and "too dark" in q.reason


def test_focus_is_resolution_robust_when_shrinking():
    """A field and its 2x enlargement-by-capture agree roughly once both are shrunk to 256 px."""
    big = _smear(480, 640)
    half = cv2.resize(big, (320, 240), interpolation=cv2.INTER_AREA)
    f_big, f_half = assess(big).focus, assess(half).focus
    assert 0.5 < f_big / f_half < 2.0


def test_rejects_bad_arrays():
    with pytest.raises(ValueError):
        assess(np.zeros((10, 10), np.uint8))
    with pytest.raises(ValueError):
        assess(np.zeros((10, 10, 3), np.float32))
