"""cProfile over `clinic-app analyze`; prints per-stage cumulative times (ms per field)."""
import cProfile, pstats, sys, time, io
argv = sys.argv[2:]
out = sys.argv[1]
from clinic_app.cli import main
import threading
_thread_profiles = []
_lock = threading.Lock()
def _profiled(fn):
    def wrapper(*a, **k):
        pr = cProfile.Profile(); pr.enable()
        try:
            return fn(*a, **k)
        finally:
            pr.disable()
            with _lock: _thread_profiles.append(pr)
    return wrapper
import os
from concurrent.futures import Future
class _Inline:
    """An executor that runs each job at submit (SYNC=1: per-stage costs without overlap)."""
    def __init__(self, *a, **k): pass
    def submit(self, fn, *a, **k):
        f = Future()
        try: f.set_result(fn(*a, **k))
        except BaseException as e: f.set_exception(e)
        return f
    def shutdown(self, *a, **k): pass
    def __enter__(self): return self
    def __exit__(self, *a): pass
try:
    from clinic_app import fields as _f, overlay as _o
    if os.environ.get("SYNC") and hasattr(_f, "_screen"):
        _f.ThreadPoolExecutor = _Inline; _o.ThreadPoolExecutor = _Inline
    elif hasattr(_f, "_screen"):  # after: screening and overlay encoding run on worker threads
        _f._screen = _profiled(_f._screen)
        _o.save = _profiled(_o.save)
except ImportError:
    pass
pr = cProfile.Profile()
t = time.perf_counter()
pr.enable()
rc = main(argv)
pr.disable()
wall = time.perf_counter() - t
pr.dump_stats(out)
st = pstats.Stats(pr)
for t in _thread_profiles:
    st.add(t)
STAGES = [
    ("decode (images.load_field)", "images.py", "load_field"),
    ("  PIL decode (ImageFile.load)", "ImageFile.py", "load"),
    ("consensus scales pass", "fields.py", "consensus_scales"),
    ("screening (threads: decode+scope+scale)", "fields.py", "_screen"),
    ("red-cell search (scale.red_cells)", "scale.py", "red_cells"),
    ("scale estimate (scale.estimate_um_per_px)", "scale.py", "estimate_um_per_px"),
    ("detector (detection.find_cells)", "detection.py", "find_cells"),
    ("  crop preparation (CellClassifier.prepare)", "classification.py", "prepare"),
    ("  HoughCircles", "~", "<built-in method cv2.HoughCircles>"),
    ("  per-circle stats (_red_cell_radii)", "scale.py", "_red_cell_radii"),
    ("scope features (scope.features)", "scope.py", "features"),
    ("quality (quality.assess)", "quality.py", "assess"),
    ("segmentation (find_cells)", "segmentation.py", "find_cells"),
    ("  post-processing (instances)", "segmentation.py", "instances"),
    ("cell classification (all cells)", "classification.py", "classify_cell"),
    ("cell classification (batched)", "classification.py", "classify_cells"),
    ("  stain normalisation", "stain.py", "apply"),
    ("  cell heat maps", "classification.py", "cam_heatmap"),
    ("field classification", "classification.py", "classify_field"),
    ("field model domain note", "analysis.py", "field_model_note"),
    ("field model domain note (before)", "scope.py", "field_model_note"),
    ("interpreter invoke (all models)", "~", "<method 'invoke' of 'ai_edge_litert._pywrap_litert_interpreter_wrapper.InterpreterWrapper' objects>"),
    ("  invoke wrapper", "interpreter.py", "invoke"),
    ("overlay image (overlay.save)", "overlay.py", "save"),
    ("thumbnail", "analysis.py", "thumbnail"),
    ("summary + analysis.json", "analysis.py", "assemble"),
    ("analysis.json dump", "__init__.py", "dumps"),
    ("JSON writer (results.write)", "results_writer.py", "write"),
]
stats = st.stats
print(f"rc={rc} wall={wall:.2f}s")
import json as _json
_table = {"wall": wall}
for name, fn, func in STAGES:
    tot = 0.0; calls = 0
    for (f, line, fu), (cc, nc, tt, ct, callers) in stats.items():
        if fu == func and (fn == "~" or f.endswith(fn)) and ct > tot:
            tot, calls = ct, nc  # the outermost of same-named functions (Writer.save > save)
    if calls:
        print(f"{name:45s} {tot:8.3f}s  calls={calls}")
        _table[name] = (tot, calls)
if os.environ.get("TABLE"):
    with open(os.environ["TABLE"], "a") as fh:
        fh.write(_json.dumps(_table) + "\n")
