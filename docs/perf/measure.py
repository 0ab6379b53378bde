"""Wall time and peak RSS of `clinic-app analyze DIR` (fresh process each run), and per-field
times from the overlays' mtimes (written as the run goes)."""
import os, subprocess, sys, tempfile, time, statistics, json
from pathlib import Path
SRC = sys.argv[1]  # code root for PYTHONPATH ("" = installed working tree)
reps = int(sys.argv[2])
dirs = sys.argv[3:]
res = {}
for d in dirs:
    walls, rss, per, cpus = [], [], [], []
    for r in range(reps):
        out = tempfile.mkdtemp(prefix="perf_out_")
        env = dict(os.environ)
        if SRC: env["PYTHONPATH"] = SRC
        cmd = ["/usr/bin/time", "-f", "%e %M %U %S", "nice", "-n", "10", "/work/main/.venv/bin/python", "-m", "clinic_app", "analyze", d, "--out", out]
        p = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=SRC or "/work/main")
        wall, maxrss, usr, sys_ = p.stderr.strip().splitlines()[-1].split()
        walls.append(float(wall)); rss.append(int(maxrss) / 1024); cpus.append(float(usr) + float(sys_))
        m = sorted(f.stat().st_mtime for f in Path(out, "overlays").glob("*_overlay.*"))
        if len(m) > 20:
            n = len(m); q = n // 10
            first = (m[2 * q] - m[q]) / q * 1000; last = (m[-1] - m[-1 - q]) / q * 1000
            per.append((round(first, 1), round(last, 1)))
        subprocess.run(["rm", "-rf", out])
    res[d] = {"wall_s": walls, "median_wall_s": statistics.median(walls), "cpu_s": cpus, "median_cpu_s": statistics.median(cpus), "peak_rss_mb": [round(x, 1) for x in rss], "per_field_ms_2nd_vs_last_decile": per}
    print(d, json.dumps(res[d]), flush=True)
