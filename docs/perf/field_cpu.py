"""Wall and process CPU time of bench.whole_field on both bench fields (40 runs):
    python docs/perf/field_cpu.py 1|0   (1: helper threads as shipped; 0: none)
"""
import time, statistics, sys
from clinic_app import bench, images
from clinic_app.analysis import Analyzer, AnalyzerOptions
try:
    from clinic_app import parallel
    if sys.argv[1] == "0": parallel.helpers = lambda: 0
except ImportError: pass
with Analyzer(AnalyzerOptions("auto", None)) as an:
    for kind, path in bench.BENCH_FIELDS.items():
        f = images.load_field(path)
        for _ in range(5): bench.whole_field(an, f)
        w0, c0 = time.perf_counter(), time.process_time()
        for _ in range(40): bench.whole_field(an, f)
        print(kind, "wall", round((time.perf_counter()-w0)*25,1), "cpu", round((time.process_time()-c0)*25,1))
