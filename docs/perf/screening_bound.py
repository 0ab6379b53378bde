# python docs/perf/screening_bound.py bccd|all PARTS   (PARTS: comma list, or "none")
"""How low can bench's field_ms / field_model_ms go if parts of the screening cost nothing?

Each named part is replaced by its own answer computed once beforehand (so the rest of the flow
is unchanged and still runs), then bench.whole_field is timed as bench times it (median of 40
after 5, three times). Parts: scope (scope.image_features), scope128 (the same features on a
128 px copy instead of the 256 px one: an estimate of a cheaper check, its verdicts not
re-validated), red (scale.red_cells), quality (quality.assess), inputs (each cell's crop
preparation), heat (heat maps). docs/performance.md, 2026-12-05."""
import sys, time, statistics
from clinic_app import bench, images, scope, classification, scale, quality
from clinic_app.analysis import Analyzer, AnalyzerOptions
from clinic_app.imaging import shrink_to, WORK_SIDE
kind = sys.argv[1]; what = sys.argv[2].split(",")
f = images.load_field(bench.BENCH_FIELDS[kind])
small = shrink_to(f.image, WORK_SIDE)
if "scope" in what:
    feats = scope.image_features(f.image, small); scope.image_features = lambda *a, **k: feats
if "scope128" in what:
    orig = scope.image_features
    scope.image_features = lambda rgb, small=None: orig(shrink_to(small, 128), shrink_to(small,128))
if "quality" in what:
    q = quality.assess(f.image, small); quality.assess = lambda *a, **k: q
if "red" in what:
    rc = scale.red_cells(f.image, small); scale.red_cells = lambda *a, **k: rc
with Analyzer(AnalyzerOptions("auto", None)) as an:
    if "inputs" in what:
        cache = {}
        orig_inputs = an.cells._inputs
        def cached(rgb, um, bbox):
            k = (bbox.x0, bbox.y0)
            if k not in cache: cache[k] = orig_inputs(rgb, um, bbox)
            return cache[k]
        an.cells._inputs = cached
    if "heat" in what:
        classification.cam_heatmap = lambda cam, i, size: None
    timer = bench.InvokeTimer(an.tflite_models)
    for r in range(3):
        timer.seconds = 0
        ms = bench._median_ms(lambda: bench.whole_field(an, f), 40)
        model = timer.seconds * 1000 / 45
        print(what, f"field {ms:.1f} model {model:.1f} ratio {ms/model:.2f}")
