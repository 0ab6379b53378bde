# python docs/perf/stages.py bccd|all RUNS
"""Wall time of each stage of bench.whole_field, in-process, median of N runs."""
import sys, time, statistics
from pathlib import Path
from clinic_app import bench, images, fields, scale, scope, quality, parallel
from clinic_app.analysis import Analyzer, AnalyzerOptions
from clinic_app.imaging import shrink_to, WORK_SIDE
from clinic_app.results import Field
kind = sys.argv[1]; n = int(sys.argv[2])
def med(fn):
    for _ in range(5): fn()
    ts=[]
    for _ in range(n):
        t=time.perf_counter(); fn(); ts.append((time.perf_counter()-t)*1000)
    return statistics.median(ts)
with Analyzer(AnalyzerOptions("auto", None)) as an:
    f = images.load_field(bench.BENCH_FIELDS[kind])
    timer = bench.InvokeTimer(an.tflite_models)
    work = shrink_to(f.image, WORK_SIDE)
    rec = fields.screen_field(Field(f.image, f.source), Path("x"), True, False)
    sf = fields.screened(rec)
    found = scale.red_cells(f.image, work)
    print("work copy", round(med(lambda: shrink_to(f.image, WORK_SIDE)),2))
    print("red cells", round(med(lambda: scale.red_cells(f.image, work)),2))
    print("scope image feats", round(med(lambda: scope.image_features(f.image, work)),2))
    print("quality", round(med(lambda: quality.assess(f.image, work)),2))
    print("screen_field", round(med(lambda: fields.screen_field(Field(f.image, f.source), Path("x"), True, False)),2))
    print("analyze_field", round(med(lambda: an.analyze_field(sf)),2))
    um = sf.um_per_px
    inst,_,_ = an.find_cells(f.image, um, sf.scale_source)
    print("find_cells", round(med(lambda: an.find_cells(f.image, um, sf.scale_source)),2))
    cells=[(i.bbox,i.contour) for i in inst]
    print("classify_cells", round(med(lambda: an.cells.classify_cells(f.image, um, cells)),2))
    timer.seconds=0; an.cells.classify_cells(f.image, um, cells); print("  of which invoke", round(timer.seconds*1000,2))
    timer.seconds=0; an.find_cells(f.image, um, sf.scale_source); print("find_cells invoke", round(timer.seconds*1000,2))
    print("field model", round(med(lambda: (an.fields.applicable(f.image, um) or an.field_model_note(sf)) or an.fields.classify_field(f.image, um)),2))
    from clinic_app.analysis import thumbnail
    print("thumbnail", round(med(lambda: thumbnail(f.image)),2))
    print("whole", round(med(lambda: bench.whole_field(an, f)),2))
