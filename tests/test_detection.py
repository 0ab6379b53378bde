"""The detector's geometry (letterbox, peak decoding, suppression) and the white-cell scale cue."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import needs_models

from clinic_app import scale
from clinic_app.detection import (
    BOX_SCALE,
    centred_in,
    decode,
    join_parts,
    letterbox,
    suppress,
    to_field,
)
from clinic_app.results import BBox
from clinic_app.segmentation import ellipse_outline


def test_letterbox_keeps_aspect_and_maps_back():
    rgb = np.zeros((480, 640, 3), np.uint8)
    rgb[100:200, 300:420] = 200
    img, lb = letterbox(rgb, 256)
    assert img.shape == (256, 256, 3)
    assert lb.scale == pytest.approx(0.4)
    assert (lb.x0, lb.y0) == (0, 32)
    # the bright patch lands where the mapping says
    assert img[lb.y0 + 60, lb.x0 + 140].max() == 200
    back = to_field(np.array([[120.0, 72.0, 168.0, 112.0, 0.9]], np.float32), lb)
    np.testing.assert_allclose(back[0, :4], [300, 100, 420, 200], atol=1e-3)
    assert back[0, 4] == pytest.approx(0.9)


def _heat(g: int, peaks: list[tuple[int, int, float, float, float]]) -> np.ndarray:
    out = np.zeros((g, g, 3), np.float32)
    for y, x, score, w, h in peaks:
        out[y, x] = (score, w / BOX_SCALE, h / BOX_SCALE)
    return out


def test_decode_gives_one_box_per_peak_above_threshold():
    out = _heat(64, [(10, 20, 0.9, 40, 32), (40, 50, 0.5, 20, 20), (5, 5, 0.1, 8, 8)])
    boxes = decode(out, stride=4, threshold=0.3)
    assert len(boxes) == 2  # the 0.1 peak is below the threshold
    best = boxes[0]
    assert best[4] == pytest.approx(0.9)
    cx, cy = 20 * 4, 10 * 4  # cell (i, j) is the input point (j, i) x stride, as trained
    np.testing.assert_allclose(best[:4], [cx - 20, cy - 16, cx + 20, cy + 16], atol=1e-4)


def test_decode_reads_back_the_centres_training_draws():
    """The heat map training draws for a box (``training.detector.targets``) decodes to that
    box: no half-cell shift, and a centre between cells is found between cells."""
    detector = pytest.importorskip("training.detector")
    truth = np.array([[101.0, 57.0, 161.0, 121.0], [30.0, 170.0, 66.0, 206.0]], np.float32)
    t = detector.targets(truth)
    g = t.shape[0]
    out = np.zeros((g, g, 3), np.float32)
    out[..., 0] = t[..., 0]
    out[..., 1:] = t[..., 1:3].max(axis=(0, 1), keepdims=True)  # sizes: not what is tested
    found = decode(out, stride=detector.STRIDE, threshold=0.3)
    centres = np.sort((found[:, :2] + found[:, 2:4]) / 2, axis=0)
    np.testing.assert_allclose(centres, np.sort((truth[:, :2] + truth[:, 2:]) / 2, axis=0),
                               atol=0.05)


def test_suppress_merges_two_peaks_on_one_cell_but_keeps_neighbours():
    rows = np.array([[0, 0, 40, 40, 0.9], [2, 2, 42, 42, 0.6], [60, 0, 100, 40, 0.7]],
                    np.float32)
    kept = suppress(rows)
    assert len(kept) == 2
    assert kept[0, 4] == pytest.approx(0.9) and kept[1, 4] == pytest.approx(0.7)


def test_ellipse_outline_lies_in_its_box():
    box = BBox(10, 20, 50, 40)
    pts = ellipse_outline(box)
    assert pts[:, 0].min() >= 10 and pts[:, 0].max() <= 50
    assert pts[:, 1].min() >= 20 and pts[:, 1].max() <= 40


def test_white_cells_are_a_ruler_and_the_cue_says_how_sure():
    # 14 um cells drawn 140 px wide: 0.1 um/px
    assert scale.from_white_cells([130.0, 140.0, 150.0]) == pytest.approx(0.1)
    assert scale.from_white_cells([]) is None
    assert scale.from_white_cells([0.5]) is None  # 28 um/px: no microscope
    assert scale.cue_uncertainty("red-cells (median of 12 fields)") == pytest.approx(0.12)
    assert scale.cue_uncertainty("white-cells (3 on the field)") == pytest.approx(0.3)
    assert scale.cue_uncertainty("given") == 0.0
    assert scale.cue_uncertainty(scale.UNKNOWN) is None


@needs_models
def test_the_shipped_detector_finds_the_white_cells_of_a_foreign_field(data):
    """BCCD fields 1-100 were trained on; field 104 is one of the 192 it never saw. The app
    routes a high-magnification field to the detector and a coarse one to the segmenter."""
    import cv2

    from clinic_app.analysis import SEGMENTER_FROM_UM, Analyzer, AnalyzerOptions
    from training.evaluate_detection import DEV_FIELDS, wbc_boxes

    root = data / "bccd"
    files = sorted((root / "JPEGImages").glob("*.jpg"))
    if len(files) <= DEV_FIELDS:
        pytest.skip("BCCD fields not available")
    path = files[DEV_FIELDS + 3]
    rgb = cv2.cvtColor(cv2.imread(str(path)), cv2.COLOR_BGR2RGB)
    truth = wbc_boxes(root / "Annotations" / f"{path.stem}.xml")
    with Analyzer(AnalyzerOptions(backend="cpu")) as a:
        assert a.detector is not None
        found, um, how = a.find_cells(rgb, 0.09, "red-cells")
        assert (um, how) == (0.09, "red-cells")
        assert all(max(f.bbox.iou(t) for f in found) >= 0.3 for t in truth)
        assert len(found) <= len(truth) + 1
        # no red cell measured: the detected white cells are the ruler (BCCD is ~0.09 um/px)
        _, um, how = a.find_cells(rgb, scale.DEFAULT_UM_PER_PX, scale.UNKNOWN)
        assert how.startswith(scale.WHITE_CELLS) and 0.05 < um < 0.16
        coarse, _, _ = a.find_cells(rgb, SEGMENTER_FROM_UM, "given")  # the segmenter's domain
        assert [c.bbox for c in coarse] != [c.bbox for c in found]


class _Recorder:
    """A stand-in model at the hardware edge: records the input it is given, finds nothing."""

    input_shape = (256, 256)

    def __init__(self) -> None:
        from types import SimpleNamespace

        self.entry = SimpleNamespace(thresholds=SimpleNamespace(peak_min=0.5))
        self.inputs: list[np.ndarray] = []

    def run(self, img: np.ndarray) -> list[np.ndarray]:
        self.inputs.append(img)
        return [np.zeros((64, 64, 3), np.float32)]


def test_a_small_high_magnification_field_is_not_drawn_larger_than_training_fields():
    from clinic_app.detection import MAX_SCALE_UNKNOWN, UM_PER_INPUT_PX, WhiteCellDetector

    rec = _Recorder()
    d = WhiteCellDetector(rec)
    field = np.zeros((256, 256, 3), np.uint8)
    field[:] = (240, 200, 210)
    field[100:156, 100:156] = (90, 40, 150)  # a 56 px purple square
    drawn = []
    for um in (0.086, None):
        d.boxes(field, um)
        img = rec.inputs[-1]
        purple = (img[..., 2].astype(int) - img[..., 1] > 60).any(axis=0)
        drawn.append(int(purple.sum()))
    assert drawn[0] == pytest.approx(56 * 0.086 / UM_PER_INPUT_PX, abs=2)  # 0.4x: as trained
    assert drawn[1] == pytest.approx(56 * MAX_SCALE_UNKNOWN, abs=2)  # no scale: capped
    big = np.zeros((480, 640, 3), np.uint8)
    d.boxes(big, 0.3)  # a whole field is fitted, never enlarged past the input
    assert rec.inputs[-1].shape == (256, 256, 3)


def test_whole_cell_mask_from_boxes_and_stained_pixels():
    from clinic_app.segmentation import MIN_STAINED_UM2, whole_cell_mask

    stained = np.zeros((100, 200), np.uint8)
    stained[40:60, 18:24] = 255  # a lobe reaching past the box's ellipse, inside the box
    stained[10:30, 150:170] = 255  # a nucleus no box holds: 400 px
    stained[80:83, 100:103] = 255  # a platelet-sized speck: 9 px
    box = BBox(20, 20, 80, 80)
    um = float(np.sqrt(MIN_STAINED_UM2 / 100))  # 100 px is the smallest kept object
    m = whole_cell_mask(stained.shape, [box], stained, um)
    assert m[50, 50] == 255 and m[21, 21] == 0  # ellipse: centre in, box corner out
    assert m[50, 20] == 255  # the stained lobe inside the box
    assert m[20, 160] == 255 and m[81, 101] == 0  # nucleus kept, speck dropped
    assert whole_cell_mask(stained.shape, [box])[20, 160] == 0  # scale unknown: boxes only


def _cell_on_glass(centre: tuple[int, int], radius: int) -> tuple[np.ndarray, np.ndarray]:
    """A pale-bordered lilac cell with a dark nucleus on pink-white glass, and its disc."""
    import cv2

    rng = np.random.default_rng(0)
    rgb = np.full((160, 200, 3), (236, 222, 226), np.uint8)
    cv2.circle(rgb, centre, radius, (196, 170, 214), -1)
    cv2.circle(rgb, (centre[0] - 6, centre[1] + 4), radius // 2, (96, 52, 140), -1)
    rgb = np.clip(rgb + rng.normal(0, 4, rgb.shape), 0, 255).astype(np.uint8)
    disc = np.zeros(rgb.shape[:2], np.uint8)
    cv2.circle(disc, centre, radius, 1, -1)
    return rgb, disc


def test_cell_outline_follows_the_cell_where_the_box_is_off():
    from clinic_app.segmentation import cell_outline, whole_cell_mask

    rgb, disc = _cell_on_glass((100, 80), 34)
    box = BBox(74, 52, 148, 124)  # 10 px right of and 4 px below the cell, a little large
    found = cell_outline(rgb, box)
    assert found is not None
    (y0, x0), cell = found
    outline = np.zeros_like(disc)
    outline[y0:y0 + cell.shape[0], x0:x0 + cell.shape[1]] = cell
    ellipse = np.zeros_like(disc)
    import cv2

    cv2.fillPoly(ellipse, [ellipse_outline(box)], 1)

    def iou(a: np.ndarray) -> float:
        return float((a & disc).sum() / (a | disc).sum())
    assert iou(outline) > 0.9 > iou(ellipse)
    drawn = whole_cell_mask(rgb.shape, [box], rgb=rgb) > 0
    assert (drawn == outline.astype(bool)).all()  # whole_cell_mask draws the outline


def test_cell_outline_gives_way_to_the_ellipse_where_nothing_stands_out():
    from clinic_app.segmentation import cell_outline, whole_cell_mask

    glass = np.full((120, 120, 3), 230, np.uint8)
    box = BBox(30, 30, 90, 90)
    assert cell_outline(glass, box) is None
    m = whole_cell_mask(glass.shape, [box], rgb=glass)
    assert m[60, 60] == 255 and m[31, 31] == 0  # the ellipse, as without an image


def _cast_crop(tmp_path, name: str, hide_beyond: int | None = None):
    """A PBC image shrunk to 120 px with a yellow cast and saved as JPEG q90 (another camera:
    small, yellowish), loaded as the app loads it. ``hide_beyond``: everything farther than
    that from the centre painted the background colour (no red cell left to measure)."""
    import cv2
    from conftest import EXAMPLES

    from clinic_app import images, stain

    img = cv2.imread(str(EXAMPLES / "pbc" / f"{name}.jpg")).astype(np.float32)
    img = cv2.resize(img, (120, 120), interpolation=cv2.INTER_AREA)
    img = np.clip(img * np.array([0.80, 0.97, 1.05], np.float32), 0, 255).astype(np.uint8)
    if hide_beyond is not None:
        yy, xx = np.mgrid[:120, :120]
        img[(yy - 60) ** 2 + (xx - 60) ** 2 > hide_beyond ** 2] = stain.background_rgb(img)
    path = tmp_path / f"{name}_{hide_beyond}.jpg"
    cv2.imwrite(str(path), img, [cv2.IMWRITE_JPEG_QUALITY, 90])
    return images.load_field(path)


@needs_models
def test_a_yellowish_small_crop_keeps_its_red_cell_scale(tmp_path):
    """The 120 px yellow-cast crop still shows a few red cells at its edges: measured once the
    background is grey (the cast no longer makes them read as saturated as white cells), they
    give its scale (0.209 um/px x 181 / 120 = 0.315), the erythroblast is found and named, and
    a platelet crop gives no white cell (what it finds is called platelet, as at full size)."""
    from clinic_app.analysis import Analyzer, AnalyzerOptions
    from clinic_app.summary import NOT_WHITE_CELLS

    with Analyzer(AnalyzerOptions("cpu")) as a:
        ery = a.analyze_field(_cast_crop(tmp_path, "erythroblast_ERB_101031"))
        plt = a.analyze_field(_cast_crop(tmp_path, "platelet_PLATELET_100529"))
    assert ery.scale_source == "red-cells"
    assert ery.um_per_px == pytest.approx(0.315, rel=0.15)
    assert [c.label for c in ery.cells] == ["erythroblast"]
    assert all(c.label in NOT_WHITE_CELLS for c in plt.cells)


@needs_models
def test_small_crop_without_scale_gets_a_second_look(tmp_path):
    """The same crop with its rim painted background (no red cell left to measure): the
    erythroblast, too small at the unknown-scale cap, is found by the fitted second look, and
    the cell itself is the ruler."""
    from clinic_app.analysis import Analyzer, AnalyzerOptions

    with Analyzer(AnalyzerOptions("cpu")) as a:
        field = _cast_crop(tmp_path, "erythroblast_ERB_101031", hide_beyond=30)
        assert scale.red_cells(field.image).diameter_px is None
        assert a.detector.find_cells(field.image, None, second_look=False) == []
        ery = a.analyze_field(field)
    assert [c.label for c in ery.cells] == ["erythroblast"]
    assert ery.scale_source.startswith(scale.WHITE_CELLS)  # the cell itself was the ruler


@needs_models
def test_white_cells_overrule_a_coarse_red_cell_reading_on_a_small_crop():
    """A 256 px crop around a BCCD white cell (0.086 um/px): the red-cell search outlines
    something far smaller than a red cell and reads ~0.6 um/px, which would send the crop to
    the low-magnification segmenter (and cut the cell into lobes). The white cells found
    without a scale say the field is much finer: they become the ruler."""
    import cv2
    from conftest import EXAMPLES

    from clinic_app.analysis import SEGMENTER_FROM_UM, Analyzer, AnalyzerOptions

    field = cv2.cvtColor(cv2.imread(str(EXAMPLES / "bccd" / "BloodImage_00001.jpg")),
                         cv2.COLOR_BGR2RGB)
    with Analyzer(AnalyzerOptions("cpu")) as a:
        um_field, how_field = scale.estimate_um_per_px(field)
        cells, _, _ = a.find_cells(field, um_field, how_field)
        box = max(cells, key=lambda c: c.bbox.area).bbox
        cx, cy = (box.x0 + box.x1) // 2, (box.y0 + box.y1) // 2
        x0, y0 = int(np.clip(cx - 128, 0, 640 - 256)), int(np.clip(cy - 128, 0, 480 - 256))
        crop = np.ascontiguousarray(field[y0:y0 + 256, x0:x0 + 256])
        um, how = scale.estimate_um_per_px(crop)
        assert how == "red-cells" and um >= SEGMENTER_FROM_UM  # the misreading this guards
        found, um2, how2 = a.find_cells(crop, um, how)
    assert how2.startswith(scale.WHITE_CELLS) and um2 < 0.15
    assert len(found) == 1 and found[0].bbox.area > 0.25 * 256 * 256  # the whole cell


def test_suppress_drops_a_box_half_inside_a_better_one():
    """A lobe's box inside the whole cell's (IoU only 0.25: NMS alone keeps both) is dropped;
    a neighbour that only touches the cell's box is kept."""
    rows = np.array([[0, 0, 100, 100, 0.9],    # the whole cell
                     [10, 10, 60, 60, 0.8],    # a lobe: all inside, IoU 0.25
                     [90, 0, 150, 60, 0.7]],   # a neighbour: 1/6 of it inside
                    np.float32)
    kept = suppress(rows)
    assert kept[:, 4].tolist() == pytest.approx([0.9, 0.7])


def test_join_parts_makes_one_box_of_two_halves_of_a_cell():
    """Two boxes that each hold part of one large cell (overlap 40 % of the smaller) become one
    box around both, with the better score, first; a neighbour that only touches is kept."""
    rows = np.array([[0, 0, 120, 160, 0.9],     # upper-left part of a large cell
                     [60, 40, 200, 220, 0.8],   # lower-right part: 60x120 in common
                     [200, 0, 256, 60, 0.4]],   # a neighbour touching the edge of the first
                    np.float32)
    joined = join_parts(rows)
    np.testing.assert_allclose(joined, [[0, 0, 200, 220, 0.9], [200, 0, 256, 60, 0.4]])
    np.testing.assert_array_equal(join_parts(rows, min_share=0.5), rows)
    np.testing.assert_array_equal(join_parts(rows[:1]), rows[:1])


@needs_models
def test_detector_joins_parts_only_on_small_images(monkeypatch):
    """``find_cells`` joins parts on an image of ``SINGLE_CELL_PX`` or less, never on a larger
    field (clumped cells there are several cells)."""
    from clinic_app import detection, modelpack

    det = detection.WhiteCellDetector(modelpack.open_model("wbc-detect", "cpu"))
    halves = np.array([[10, 10, 130, 170, 0.9], [70, 50, 200, 230, 0.8]], np.float32)
    monkeypatch.setattr(det, "boxes", lambda rgb, um=None, fitted=False: halves.copy())
    small = det.find_cells(np.zeros((256, 256, 3), np.uint8), 0.1)
    large = det.find_cells(np.zeros((480, 640, 3), np.uint8), 0.1)
    assert [c.bbox.as_list() for c in small] == [[10, 10, 200, 230]]
    assert len(large) == 2


def test_a_box_centred_off_the_field_is_dropped():
    """A weak peak in the letterbox margin gives a box centred outside the field (clipped, a
    small corner "cell"); a cell cut by the field's edge keeps its centre on the field."""
    rows = np.array([[40, 45, 210, 205, 0.78],     # the white cell
                     [-88, 202, 51, 347, 0.15],    # centre (-19, 275): in the margin
                     [200, 10, 300, 90, 0.5]],     # cut by the right edge, centre on the field
                    np.float32)
    kept = centred_in(rows, (256, 256, 3))
    assert kept[:, 4].tolist() == pytest.approx([0.78, 0.5])


@needs_models
def test_white_cells_overrule_a_fine_misreading_on_a_small_crop():
    """A 256 px crop of a BCCD field (0.086 um/px) whose red-cell search reads ~0.19 um/px
    from parts of the white cell: fine enough for the detector, but drawn at that scale the
    cell is cut into pieces. The white cells found without a scale overrule the reading; a
    640x480 field keeps its red-cell scale (enough red cells to measure)."""
    import cv2
    from conftest import EXAMPLES

    from clinic_app.analysis import SEGMENTER_FROM_UM, SMALL_FIELD_PX, Analyzer, AnalyzerOptions

    field = cv2.cvtColor(cv2.imread(str(EXAMPLES / "bccd" / "BloodImage_00023.jpg")),
                         cv2.COLOR_BGR2RGB)
    with Analyzer(AnalyzerOptions("cpu")) as a:
        um_field, how_field = scale.estimate_um_per_px(field)
        cells, um_kept, how_kept = a.find_cells(field, um_field, how_field)
        assert max(field.shape[:2]) > SMALL_FIELD_PX and (um_kept, how_kept) == (um_field,
                                                                                 how_field)
        assert len(cells) == 1
        x0, y0 = 127, 37  # the cell off-centre towards the top left: the crop it was seen on
        crop = np.ascontiguousarray(field[y0:y0 + 256, x0:x0 + 256])
        um, how = scale.estimate_um_per_px(crop)
        assert how == "red-cells" and 0.15 < um < SEGMENTER_FROM_UM  # the misreading guarded
        found, um2, how2 = a.find_cells(crop, um, how)
    assert how2.startswith(scale.WHITE_CELLS) and um2 < 0.12
    assert len(found) == 1


@needs_models
@pytest.mark.parametrize("name", ["eosinophil_EO_100884", "monocyte_MO_102400"])
def test_a_small_crop_read_as_coarse_gets_its_whole_cell(name):
    """A CellaVision cell shrunk to 120 px with a yellow cast (another camera's crop) reads
    ~0.31 um/px: coarse, but only ~37 um across, one cell and not a low-magnification field.
    The detector, not the segmenter (which draws the nucleus), finds the cell there: the same
    whole cell as at full size."""
    import cv2
    from conftest import EXAMPLES

    from clinic_app.analysis import CROP_MAX_UM, SEGMENTER_FROM_UM, Analyzer, AnalyzerOptions
    from training.crop_eval import SIDE, another_camera

    bgr = cv2.imread(str(EXAMPLES / "pbc" / f"{name}.jpg"))
    full, small = bgr[..., ::-1].copy(), another_camera(bgr)[..., ::-1].copy()
    with Analyzer(AnalyzerOptions("cpu")) as a:
        um, how = scale.estimate_um_per_px(small)
        assert how == "red-cells" and um >= SEGMENTER_FROM_UM and SIDE * um < CROP_MAX_UM
        found, _, _ = a.find_cells(small, um, how)
        reference, _, _ = a.find_cells(full, *scale.estimate_um_per_px(full))
    f = SIDE / max(full.shape[:2])
    whole = max(reference, key=lambda c: c.bbox.area).bbox
    shrunk = BBox(*(round(v * f) for v in (whole.x0, whole.y0, whole.x1, whole.y1)))
    assert max(c.bbox.iou(shrunk) for c in found) >= 0.7
