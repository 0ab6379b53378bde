import json, statistics, sys
T = sys.argv[1]
ROWS = ["decode (images.load_field)", "consensus scales pass", "screening (threads: decode+scope+scale)",
        "scope features (scope.features)", "red-cell search (scale.red_cells)",
        "scale estimate (scale.estimate_um_per_px)",
        "quality (quality.assess)", "segmentation (find_cells)", "detector (detection.find_cells)",
        "cell classification (all cells)",
        "cell classification (batched)", "  crop preparation (CellClassifier.prepare)",
        "  stain normalisation", "field classification",
        "field model domain note (before)", "field model domain note",
        "interpreter invoke (all models)", "  invoke wrapper", "overlay PNG (overlay.save)",
        "overlay image (overlay.save)", "thumbnail"]
for s in ("bccd40", "all40"):
    runs = {}
    for k in ("before", "sync", "after"):
        try: runs[k] = [json.loads(l) for l in open(f"{T}.{k}.{s}")]
        except FileNotFoundError: runs[k] = []
    print(f"\n{s}: ms per field (median of {len(runs['before'])} runs; calls per field)\n")
    print("| stage | before | after, stages inline | after, threaded |")
    print("| --- | ---: | ---: | ---: |")
    walls = {k: statistics.median([r["wall"] for r in v]) if v else None for k, v in runs.items()}
    for row in ROWS:
        cells = []
        for k in ("before", "sync", "after"):
            vals = [r[row] for r in runs[k] if row in r]
            if not vals: cells.append("-"); continue
            ms = statistics.median(v[0] for v in vals) / 40 * 1000
            calls = vals[0][1] / 40
            cells.append(f"{ms:.1f} ({calls:g}x)")
        if any(c != "-" for c in cells):
            print(f"| {row.strip()} | " + " | ".join(cells) + " |")
    print("| whole run, wall (s) | " + " | ".join(f"{walls[k]:.2f}" if walls[k] else "-" for k in ("before", "sync", "after")) + " |")
