# python docs/perf/model_cpu.py   (wall, process CPU, and CPU inside the interpreters' invokes, per bench field)
import time
from clinic_app import bench, images
from clinic_app.analysis import Analyzer, AnalyzerOptions
with Analyzer(AnalyzerOptions("auto", None)) as an:
    cpu = [0.0]
    for m in an.tflite_models:
        it = m.interpreter; orig = it.invoke
        def timed(orig=orig):
            c = time.process_time(); orig(); cpu[0] += time.process_time() - c
        it.invoke = timed
    for kind, path in bench.BENCH_FIELDS.items():
        f = images.load_field(path)
        for _ in range(5): bench.whole_field(an, f)
        cpu[0] = 0.0; c0 = time.process_time(); w0 = time.perf_counter()
        for _ in range(40): bench.whole_field(an, f)
        tot = (time.process_time() - c0) * 25; wall = (time.perf_counter() - w0) * 25
        print(kind, f"wall {wall:.1f} ms, CPU {tot:.1f} ms, of which inside invokes {cpu[0]*25:.1f}, outside {tot - cpu[0]*25:.1f}")
