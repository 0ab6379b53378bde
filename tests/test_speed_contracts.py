"""Behaviour behind issue 15 (fast and flat); no timings are asserted here (docs/performance.md).

- ``bench --json`` has the contract keys, on a field with >= 5 white cells, for both kinds;
- cells batched into one interpreter call score exactly as one by one;
- ``analyze`` writes overlays while it goes, keeps compact records, decodes a small batch once;
- the progress display stays off when stderr is not a terminal.
"""

from __future__ import annotations

import io
import json
import shutil

import numpy as np
import pytest

from clinic_app import fields, images
from clinic_app.analysis import Analyzer, Retention
from clinic_app.bench import BENCH_FIELDS
from clinic_app.cli import main
from clinic_app.cli.progress import ProgressBar
from tests.conftest import EXAMPLES, needs_models

pytestmark = needs_models


def test_bench_json_has_model_time_and_enough_cells(capsys):
    assert main(["bench", "--json", "--runs", "1"]) == 0
    doc = json.loads(capsys.readouterr().out)
    for key in ("field_ms", "field_model_ms", "field_cells"):
        assert key in doc
    assert set(doc["fields"]) == {"bccd", "all"}
    assert doc["fields"]["bccd"]["size"] == [640, 480]
    for kind in doc["fields"].values():
        assert kind["field_cells"] >= 5
        assert 0 < kind["field_model_ms"] < kind["field_ms"]


def test_batched_cells_score_as_one_by_one():
    with Analyzer() as a:
        field = images.load_field(BENCH_FIELDS["all"])
        result = a.analyze_field(field)
        crops = [a.cells.crop_of(field.image, result.um_per_px, c.bbox, a.cells.context)
                 for c in result.cells]
        assert len(crops) >= 5
        batched = a.cells.run_many(crops)
        single = [a.cells.run(c) for c in crops]  # back to batch 1 in between
        again = a.cells.run_many(crops[:3])  # another batch size
    for (sb, cb), (s1, c1) in zip(batched, single, strict=True):
        assert sb == s1
        assert np.array_equal(cb, c1)
    assert [s for s, _ in again] == [s for s, _ in single[:3]]
    assert [c.scores for c in result.cells] == [s for s, _ in single]


def test_analyze_writes_overlays_as_it_goes(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(7):  # more fields than the overlay writer lets wait (4)
        shutil.copy(EXAMPLES / "all" / "WBC-Malignant-Early-002.jpg", src / f"f{i}.jpg")
    out = tmp_path / "out"
    seen: list[int] = []
    analyse = Analyzer.analyze_field

    def spy(self, field):
        folder = out / "overlays"
        seen.append(len(list(folder.glob("*_overlay.jpg"))) if folder.exists() else 0)
        return analyse(self, field)

    monkeypatch.setattr(Analyzer, "analyze_field", spy)
    assert main(["analyze", str(src), "--out", str(out)]) == 0
    assert seen[-1] >= 1  # earlier fields' overlays were on disk before the last was analysed
    doc = json.loads((out / "analysis.json").read_text())
    assert len(doc["images"]) == 7
    assert all((out / "overlays").joinpath(p.split("/")[-1]).exists()
               for p in (im["overlay"] for im in doc["images"]))


def test_retention_keeps_only_what_a_report_shows():
    with Analyzer() as a:
        results = [a.analyze_field(images.load_field(BENCH_FIELDS["all"])) for _ in range(2)]
    keep = Retention(thumbnails=1, cells_per_label=1)
    for r in results:
        keep.apply(r)
    assert results[0].thumbnail is not None and results[1].thumbnail is None
    kept = [c for r in results for c in r.cells if c.crop is not None]
    assert len(kept) == len({c.label for r in results for c in r.cells})
    flat = Retention()
    r = flat.apply(results[0])
    assert r.thumbnail is None and all(c.crop is None and c.heatmap is None for c in r.cells)


def test_small_consensus_batch_is_decoded_once(monkeypatch):
    calls: list[str] = []
    load = images.load_field

    def counting(path, um_per_px=None):
        calls.append(str(path))
        return load(path, um_per_px)

    monkeypatch.setattr(images, "load_field", counting)
    skipped: list = []
    got = list(fields.iter_fields([EXAMPLES / "normal-smear"], skipped, consensus=True,
                                  in_scope=True))
    assert len(got) == 6
    assert len(calls) == len(set(calls)) == 6
    assert all(f.scale_source.startswith("red-cells") for f in got)
    assert all(f.features is not None for f in got)


def test_progress_is_off_when_stderr_is_not_a_terminal(tmp_path, capsys):
    stream = io.StringIO()
    bar = ProgressBar(stream)
    update = bar.stage("analysing")
    for i in range(3):
        update(i, 3)
    bar.close()
    assert not bar.enabled and stream.getvalue() == ""
    assert main(["analyze", str(EXAMPLES / "all"), "--out", str(tmp_path / "o")]) == 0
    err = capsys.readouterr().err
    assert "\r" not in err and "screening" not in err and "analysing" not in err


def test_progress_shows_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    with ProgressBar(stream) as bar:
        update = bar.stage("analysing")
        update(0, 2)
        update(2, 2)
    assert bar.enabled and "analysing" in stream.getvalue()


@pytest.mark.parametrize("budget", [0])
def test_large_batch_decodes_again_instead_of_holding_images(monkeypatch, budget):
    monkeypatch.setattr(fields, "KEEP_DECODED_BYTES", budget)
    skipped: list = []
    got = list(fields.iter_fields([EXAMPLES / "normal-smear"], skipped, consensus=True,
                                  in_scope=True))
    assert len(got) == 6 and not skipped


def test_handover_is_bounded_and_taken_once():
    h = fields.Handover(limit=2)
    for k in range(3):
        h.put(k, f"field {k}")
    assert h.take(0) is None  # the oldest was let go: its analysis decodes the stored file
    assert h.take(2) == "field 2" and h.take(2) is None


def test_cell_pictures_do_not_hold_the_field():
    """A crop at the field's edge is a view into a mirrored copy of the whole field; batching
    must not keep those copies alive (a 2,700 px field with 2,600 cells reached 1.8 GB)."""
    with Analyzer() as a:
        result = a.analyze_field(images.load_field(BENCH_FIELDS["all"]))
    assert result.cells
    assert all(c.crop.base is None and c.crop.flags.c_contiguous for c in result.cells)


def _mirrored_whole_field(rgb: np.ndarray, cx: float, cy: float, side: int) -> np.ndarray:
    """The reference framing: mirror the whole field, then cut (what square_crop once did)."""
    import cv2

    x0, y0 = int(round(cx)) - side // 2, int(round(cy)) - side // 2
    p = side + 2
    big = cv2.copyMakeBorder(rgb, p, p, p, p, cv2.BORDER_REFLECT_101)
    return big[y0 + p:y0 + p + side, x0 + p:x0 + p + side]


def test_edge_crops_are_the_pixels_of_a_mirrored_field():
    """square_crop mirrors only the part of the field it needs: same pixels as mirroring the
    whole field, at the edges, corners, and for crops larger than the field."""
    from clinic_app.imaging import square_crop

    rng = np.random.default_rng(0)
    for _ in range(300):
        h, w = (int(v) for v in rng.integers(5, 90, 2))
        rgb = rng.integers(0, 256, (h, w, 3), dtype=np.uint8)
        side = int(rng.integers(2, 2 * max(h, w)))
        cx, cy = rng.uniform(0, w - 1), rng.uniform(0, h - 1)
        if side > min(h, w) - 1:  # reflections beyond one field width: the fallback path
            side = min(side, 2 * min(h, w) - 2)
        got = square_crop(rgb, cx, cy, side)
        assert got.shape == (side, side, 3)
        np.testing.assert_array_equal(got, _mirrored_whole_field(rgb, cx, cy, side))


def test_background_colour_is_the_median_of_the_brightest_quarter():
    """The fast background estimate equals numpy's reductions on the same pixels, bit for bit."""
    from clinic_app import stain

    rng = np.random.default_rng(1)
    for shape in ((113, 113), (96, 130), (480, 640)):
        rgb = rng.integers(0, 256, (*shape, 3), dtype=np.uint8)
        px = rgb.reshape(-1, 3)
        if len(px) > 40_000:
            px = px[:: len(px) // 20_000]
        grey = px.astype(np.float32).mean(axis=1)
        want = np.median(px[grey >= np.percentile(grey, 75)], axis=0).astype(np.float32)
        np.testing.assert_array_equal(stain.background_rgb(rgb), want)


def test_measurements_keep_averaging_and_only_pictures_take_the_fast_resize():
    """The focus measure and meters shrink with INTER_AREA at every factor (their figures were
    calibrated so); only a cell's display copy takes the faster bilinear path under 2x."""
    import cv2

    from clinic_app.imaging import display_copy, shrink_to

    rgb = np.random.default_rng(2).integers(0, 256, (363, 360, 3), dtype=np.uint8)
    area = cv2.resize(rgb, (254, 256), interpolation=cv2.INTER_AREA)
    np.testing.assert_array_equal(shrink_to(rgb, 256), area)
    fast = display_copy(rgb, 256)
    assert fast.shape == area.shape and not np.array_equal(fast, area)
    assert display_copy(rgb, 400) is rgb
    np.testing.assert_array_equal(display_copy(rgb, 100), shrink_to(rgb, 100))


def test_screening_copy_measures_exactly_as_each_stage_alone():
    """The one WORK_SIDE copy screening makes gives the red-cell search, the in-scope features
    and the quality check the same figures as their own copies; a copy of another size is not
    taken for it."""
    from dataclasses import asdict

    from clinic_app import quality, scale, scope
    from clinic_app.imaging import WORK_SIDE, shrink_to, work_copy

    for path in sorted((EXAMPLES / "bccd").glob("*.jpg"))[:2]:
        rgb = images.load_field(path).image
        small = shrink_to(rgb, WORK_SIDE)
        assert small.shape[:2] != rgb.shape[:2]
        alone = scale.red_cells(rgb)
        assert scale.red_cells(rgb, small) == alone and alone.diameter_px is not None
        assert scope.features(rgb, alone.outlines, small) == scope.features(rgb, alone.outlines)
        assert asdict(quality.assess(rgb, small)) == asdict(quality.assess(rgb))
    wrong = shrink_to(rgb, WORK_SIDE - 40)
    assert work_copy(rgb, WORK_SIDE, wrong) is not wrong
    assert work_copy(rgb, WORK_SIDE, small) is small


def test_atomic_writes_from_threads_into_a_missing_folder(tmp_path):
    """Overlay encoder threads write the first files of a run at once: the folder they all
    create must not fail the second one (it did: FileExistsError once analysis ran in pairs)."""
    import threading

    from clinic_app.fileio import atomic_write

    folder = tmp_path / "new" / "overlays"
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def write(i: int) -> None:
        start.wait()
        try:
            atomic_write(folder / f"{i}.bin", b"x" * 10, durable=False)
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(list(folder.iterdir())) == 8


def test_consensus_needs_red_cells_on_half_the_fields_of_a_size():
    """A few red-cell readings among small fields that show none (crops filled by one white
    cell) are misreadings: no consensus, and those small fields are left without a red-cell
    scale (the white cells are the ruler then); larger fields of such a minority keep their
    own. Where most fields read, they share the median; fields of another size form their own
    group."""
    from pathlib import Path

    from clinic_app.fields import CONSENSUS_MIN_SHARE, MINORITY_UNTRUSTED_PX, _medians, _Screening

    def rec(name: str, scale: tuple[float, str], size=(256, 256)) -> _Screening:
        return _Screening(Path(name), scale=scale, size=size)

    unknown = (0.42, "unknown")
    few = [rec("a", (0.25, "red-cells")), rec("b", (0.55, "red-cells"))]
    few += [rec(f"u{i}", unknown) for i in range(6)]
    assert 2 < CONSENSUS_MIN_SHARE * 8 and max(few[0].size) <= MINORITY_UNTRUSTED_PX
    assert _medians(few) == {Path("a"): unknown, Path("b"): unknown}
    large = [rec(r.path.name, r.scale, size=(640, 480)) for r in few]
    assert _medians(large) == {}  # each keeps its own reading
    most = [rec(f"r{i}", (0.08 + 0.01 * i, "red-cells")) for i in range(5)]
    most += [rec("u", unknown), rec("big", (0.2, "red-cells"), size=(640, 480))]
    got = _medians(most)
    assert got[Path("r0")] == got[Path("r4")] == (pytest.approx(0.10),
                                                  "red-cells (median of 5 fields)")
    assert Path("u") not in got and got[Path("big")] == (0.2, "red-cells")


def test_a_coarse_field_gets_one_detector_look_for_the_white_cell_check():
    """On a low-magnification field the detector only checks the red-cell scale (the segmenter
    finds the cells): one look at the unscaled cap, never the enlarged second look meant for a
    single-cell crop (it cost ~7 ms an ALL field and changed no result; docs/performance.md)."""
    from clinic_app.analysis import AnalyzerOptions
    from clinic_app.bench import whole_field

    field = images.load_field(BENCH_FIELDS["all"])
    looks: list[bool] = []
    with Analyzer(AnalyzerOptions("cpu")) as analyzer:
        boxes = analyzer.detector.boxes

        def counted(rgb, um_per_px=None, fitted=False):
            looks.append(fitted)
            return boxes(rgb, um_per_px, fitted)
        analyzer.detector.boxes = counted
        result = whole_field(analyzer, field)
    assert result.um_per_px >= 0.3 and len(result.cells) >= 5
    assert looks == [False]
