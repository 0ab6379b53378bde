"""One field's independent parts side by side (``clinic_app.parallel``, issue 15): the same
results as one after the other, inline in a batch's workers, and the exact helpers the faster
paths rely on (histogram medians, the circle test's counts)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pytest

from clinic_app import fields, images, parallel, quality, scale, scope
from clinic_app.imaging import uint8_medians
from clinic_app.results import Field
from tests.conftest import EXAMPLES


def test_side_by_side_keeps_order_and_uses_a_helper(monkeypatch):
    monkeypatch.setattr(parallel, "helpers", lambda: 1)
    names: list[str] = []

    def part(value: int):
        def run() -> int:
            names.append(threading.current_thread().name)
            return value
        return run

    assert parallel.side_by_side(part(1), part(2), part(3)) == [1, 2, 3]
    assert any(n.startswith("field-part") for n in names)
    assert threading.current_thread().name in names  # the last part ran on the caller


def test_parts_run_inline_without_helpers_and_in_batch_workers(monkeypatch):
    seen: list[str] = []

    def where() -> str:
        seen.append(threading.current_thread().name)
        return seen[-1]

    monkeypatch.setattr(parallel, "helpers", lambda: 0)
    assert parallel.side_by_side(where, where) == [threading.current_thread().name] * 2
    monkeypatch.setattr(parallel, "helpers", lambda: 1)
    with ThreadPoolExecutor(1, thread_name_prefix="batch",
                            initializer=parallel.batch_worker) as pool:
        names = pool.submit(lambda: parallel.map_parts(lambda _: where(), range(4))).result()
    assert all(n.startswith("batch") for n in names)


def test_map_parts_is_a_plain_map(monkeypatch):
    monkeypatch.setattr(parallel, "helpers", lambda: 1)
    items = list(range(11))
    assert parallel.map_parts(lambda x: x * x, items) == [x * x for x in items]
    assert parallel.map_parts(lambda x: x, []) == []
    with pytest.raises(ZeroDivisionError):
        parallel.map_parts(lambda x: 1 // (x - 5), items)


@pytest.mark.parametrize("n", [1, 2, 7, 1000, 30_001])
def test_uint8_medians_equal_numpy(n):
    rng = np.random.default_rng(n)
    px = rng.integers(0, 256, (n, 3)).astype(np.uint8)
    px[: n // 3, 1] = 17  # ties
    assert np.array_equal(uint8_medians(px), np.median(px, axis=0))
    with pytest.raises(ValueError):
        uint8_medians(px[:0])


@pytest.mark.parametrize("n", [1, 2, 5, 64, 301])
def test_circle_median_equals_numpy(n):
    values = np.random.default_rng(n).integers(0, 256, n).astype(np.uint8)
    assert scale._median(values) == float(np.median(values))


def test_screening_side_by_side_measures_as_one_after_the_other(monkeypatch):
    """Red cells, scope features and the quality report of a screened field equal each stage
    run alone, with a helper thread and without."""
    for path in sorted((EXAMPLES / "bccd").glob("*.jpg"))[:1] + sorted(
            (EXAMPLES / "all-preb").glob("*.jpg"))[:1]:
        rgb = images.load_field(path).image
        alone = scale.red_cells(rgb)
        for n in (0, 1):
            monkeypatch.setattr(parallel, "helpers", lambda n=n: n)
            rec = fields.screen_field(Field(rgb, str(path)), Path(path), True, True)
            assert rec.features == scope.features(rgb, alone.outlines)
            assert asdict(rec.quality) == asdict(quality.assess(rgb))
            assert rec.scale == scale.estimate_um_per_px(rgb, alone)
            assert fields.screened(rec).quality is rec.quality


def test_grey_balanced_copy_by_lookup_equals_the_float_formula():
    from clinic_app.stain import background_rgb

    rng = np.random.default_rng(3)
    small = rng.integers(0, 256, (96, 128, 3)).astype(np.uint8)
    small[:60] = (200, 228, 250)  # a cool background over most of the copy
    gains = background_rgb(small).astype(np.float32)
    gains = gains.max() / np.maximum(gains, 1.0)
    expected = np.clip(small.astype(np.float32) * gains, 0, 255).astype(np.uint8)
    assert np.array_equal(scale._neutral(small), expected)
    assert not np.array_equal(expected, small)
