"""The whole flow on real example fields: outputs, bad inputs, image kinds, report, offline."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess

import cv2
import numpy as np
import pytest
from conftest import EXAMPLES, needs_models

from clinic_app.cli import main
from clinic_app.summary import OUTSIDE_DIFFERENTIAL

pytestmark = needs_models
BCCD = EXAMPLES / "bccd" / "BloodImage_00001.jpg"
ALL = EXAMPLES / "all" / "WBC-Malignant-Early-002.jpg"


@pytest.fixture
def mixed_folder(tmp_path):
    """Two good fields, the odd image kinds, and five kinds of bad file, in nested folders."""
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(BCCD, src / "good.jpg")
    rgb = cv2.imread(str(ALL))
    cv2.imwrite(str(src / "sub" / "sixteen.png"), rgb.astype(np.uint16) * 257)
    cv2.imwrite(str(src / "sub" / "grey.png"), cv2.cvtColor(rgb, cv2.COLOR_BGR2GRAY))
    cv2.imwrite(str(src / "sub" / "rgba.png"), cv2.cvtColor(rgb, cv2.COLOR_BGR2BGRA))
    (src / "zero.jpg").write_bytes(b"")
    (src / "truncated.jpg").write_bytes(BCCD.read_bytes()[:4000])
    (src / "text.png").write_bytes(b"hello, not an image\n")
    (src / "random.bmp").write_bytes(np.random.default_rng(1).bytes(3000))
    bomb = np.zeros((16, 16), np.uint8)
    ok, png = cv2.imencode(".png", bomb)
    data = bytearray(png.tobytes())
    data[16:24] = (40000).to_bytes(4, "big") + (40000).to_bytes(4, "big")  # IHDR width/height
    (src / "bomb.png").write_bytes(bytes(data))
    return src


def test_analyze_folder_with_bad_files(mixed_folder, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["analyze", str(mixed_folder), "--out", str(out)]) == 0
    data = json.loads((out / "analysis.json").read_text())
    names = sorted(p["path"].rsplit("/", 1)[-1] for p in data["images"])
    assert names == ["good.jpg", "rgba.png", "sixteen.png"]
    skipped = {s["path"].rsplit("/", 1)[-1]: s["problem"] for s in data["skipped"]}
    assert set(skipped) == {"zero.jpg", "truncated.jpg", "text.png", "random.bmp", "bomb.png",
                            "grey.png"}
    assert all(skipped.values())
    # A greyscale image shows no stain: out of scope (issue 12), listed like a bad file.
    assert skipped["grey.png"].startswith("out of scope: greyscale")
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("skipped") == 6
    good = next(p for p in data["images"] if p["path"].endswith("good.jpg"))
    assert (good["width"], good["height"]) == (640, 480) and len(good["cells"]) >= 1
    for cell in good["cells"]:
        x0, y0, x1, y1 = cell["bbox"]
        assert 0 <= x0 < x1 <= 640 and 0 <= y0 < y1 <= 480
        assert abs(sum(cell["scores"].values()) - 1) < 0.02
    assert len(list((out / "overlays").glob("*_overlay.jpg"))) == 3
    s = data["summary"]
    outside = set(OUTSIDE_DIFFERENTIAL)
    assert s["cells_counted"] == sum(v for k, v in s["counts"].items() if k not in outside)


def test_analyze_report_pdf(tmp_path):
    out = tmp_path / "out"
    pdf = out / "report.pdf"
    assert main(["analyze", str(EXAMPLES / "bccd"), str(ALL), "--out", str(out), "--report",
                 str(pdf), "--patient-id", "P-0042", "--patient-name", "Иван Петров"]) == 0
    assert pdf.read_bytes()[:4] == b"%PDF"
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not installed")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for needle in ("P-0042", "Иван Петров", "wbc-type", "cell-seg", "all-subtype", "Page 1 of",
                   "confirm"):
        assert needle in text, needle
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True)
    assert len(images.stdout.splitlines()) - 2 >= 4  # field thumbnails and cell crops


def test_whole_flow_opens_no_socket(tmp_path, monkeypatch):
    """Offline means offline: any attempt to open a socket fails the test."""
    opened = []

    def refuse(*args, **kwargs):
        opened.append(args)
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert main(["analyze", str(EXAMPLES / "bccd"), "--out", str(tmp_path),
                 "--report", str(tmp_path / "r.pdf")]) == 0
    assert opened == []


def test_given_scale_is_used(tmp_path):
    assert main(["analyze", str(BCCD), "--out", str(tmp_path), "--um-per-px", "0.09"]) == 0
    img = json.loads((tmp_path / "analysis.json").read_text())["images"][0]
    assert img["um_per_px"] == 0.09 and img["scale_source"] == "given"


def test_bench_reports_every_model(capsys):
    assert main(["bench", "--json", "--runs", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {m["id"] for m in data["models"]} == {"all-subtype", "wbc-type", "cell-seg",
                                                 "wbc-detect"}
    assert data["field_ms"] > 0 and all(m["int8_ms"] > 0 for m in data["models"])


def test_parallel_analysis_gives_the_same_results_in_order():
    """``analyze`` runs two fields at a time (its own interpreters each): the results are the
    ones one analyser gives, field for field, in the input order."""
    from clinic_app.analysis import Analyzer, AnalyzerOptions, ParallelAnalyzer
    from clinic_app.fields import iter_fields

    paths = sorted((EXAMPLES / "all-preb").glob("*.jpg")) + sorted((EXAMPLES / "bccd").glob("*"))
    fields = list(iter_fields(paths, [], consensus=True, in_scope=True))
    assert len(fields) >= 6
    with Analyzer(AnalyzerOptions("cpu")) as one:
        expected = [one.analyze_field(f).to_dict() for f in fields]
    with ParallelAnalyzer(AnalyzerOptions("cpu"), workers=2) as two:
        assert len(two.analyzers) == 2
        got = [(f.source, r.to_dict()) for f, r in two.map(iter(fields))]
    assert [s for s, _ in got] == [f.source for f in fields]
    assert [r for _, r in got] == expected
