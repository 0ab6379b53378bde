"""Issue 14, hostile inputs: folders that loop or lead nowhere (2), masks that would overwrite
each other (3), library warnings on stderr (4) and images that would take gigabytes (9)."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import EXAMPLES, REPO, needs_models
from PIL import Image

from clinic_app import images
from clinic_app.fields import iter_fields
from clinic_app.image_paths import iter_image_paths
from clinic_app.images import ImageError, load_field

FIELD = EXAMPLES / "bccd" / "BloodImage_00001.jpg"
RSS_CAP_MB = 600


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "clinic_app", *args], capture_output=True,
                          text=True, cwd=REPO, env=env, timeout=300)


def hostile_folder(root: Path) -> Path:
    """One good field among a link loop, a self loop, a broken link, a pipe and a device."""
    root.mkdir()
    (root / "good.jpg").write_bytes(FIELD.read_bytes())
    (root / "loop-a.png").symlink_to(root / "loop-b.png")
    (root / "loop-b.png").symlink_to(root / "loop-a.png")
    (root / "self.tif").symlink_to(root / "self.tif")
    (root / "broken.jpg").symlink_to(root / "nowhere.jpg")
    os.mkfifo(root / "pipe.png")
    (root / "device.bmp").symlink_to("/dev/zero")
    (root / "sub").mkdir()
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)  # a folder loop
    return root


# -- 2: folder walking ---------------------------------------------------------------------

def test_walk_skips_loops_links_and_devices_with_a_reason(tmp_path):
    root = hostile_folder(tmp_path / "in")
    found, skipped = iter_image_paths([root, root / "loop-a.png", root / "broken.jpg"])
    assert found == [root / "good.jpg"]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert reasons["loop-a.png"] == reasons["self.tif"] == "symbolic link loop"
    assert reasons["broken.jpg"] == "broken symbolic link"
    assert reasons["pipe.png"] == reasons["device.bmp"] == \
        "not a regular file (device, pipe or socket)"


def test_loader_refuses_devices_and_loops_without_blocking(tmp_path):
    root = hostile_folder(tmp_path / "in")
    for name, problem in (("pipe.png", "not a regular file"), ("device.bmp", "not a regular"),
                          ("self.tif", "symbolic link loop"), ("broken.jpg", "broken")):
        with pytest.raises(ImageError, match=problem):
            load_field(root / name)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_folder_is_reported(tmp_path):
    root = hostile_folder(tmp_path / "in")
    locked = root / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        _, skipped = iter_image_paths([root])
    finally:
        locked.chmod(0o755)
    assert any("cannot read folder" in s.reason for s in skipped)


def test_an_unexpected_decoder_error_skips_one_file_not_the_batch(tmp_path, monkeypatch):
    root = hostile_folder(tmp_path / "in")
    (root / "bad.jpg").write_bytes(FIELD.read_bytes())
    real = images.load_field

    def flaky(path, um_per_px=None):
        if Path(path).name == "bad.jpg":
            raise RuntimeError("decoder bug")
        return real(path, um_per_px)

    monkeypatch.setattr(images, "load_field", flaky)
    skipped: list = []
    fields = list(iter_fields([root], skipped, consensus=True))
    assert [Path(f.source).name for f in fields] == ["good.jpg"]
    assert any("RuntimeError: decoder bug" in s.reason for s in skipped)


@needs_models
def test_classify_a_hostile_folder_goes_on(tmp_path):
    root = hostile_folder(tmp_path / "in")
    proc = run_cli("classify", "--model", "all-subtype", "--backend", "cpu", str(root))
    assert proc.returncode == 0, proc.stderr
    assert [r["path"] for r in json.loads(proc.stdout)["results"]] == [str(root / "good.jpg")]
    assert "symbolic link loop" in proc.stderr and "Traceback" not in proc.stderr


# -- 3: segment never overwrites -----------------------------------------------------------

@needs_models
def test_segment_keeps_both_masks_when_stems_clash(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    rgb = np.asarray(Image.open(FIELD))
    Image.fromarray(rgb).save(src / "x.png")
    Image.fromarray(rgb[:, ::-1]).save(src / "x.tif")
    (src / "y.jpg").write_bytes(FIELD.read_bytes())
    out = tmp_path / "masks"
    proc = run_cli("segment", "--model", "cell-seg", "--backend", "cpu", "--out", str(out),
                   str(src))
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["x.png", "x.tif.png", "y.png"]
    a, b = (np.asarray(Image.open(out / n)) for n in ("x.png", "x.tif.png"))
    assert a.shape == b.shape == rgb.shape[:2] and not np.array_equal(a, b)
    assert "x.tif.png" in proc.stderr


# -- 4: one stderr line --------------------------------------------------------------------

def broken_tiff(path: Path) -> Path:
    """A TIFF whose description tag points past the end: Pillow warns 'Truncated File Read'."""
    Image.fromarray(np.zeros((40, 40, 3), np.uint8)).save(path, "TIFF",
                                                          tiffinfo={270: "x" * 100})
    d = bytearray(path.read_bytes())
    ifd = struct.unpack("<I", d[4:8])[0]
    for i in range(struct.unpack("<H", d[ifd:ifd + 2])[0]):
        e = ifd + 2 + 12 * i
        if struct.unpack("<H", d[e:e + 2])[0] == 270:
            d[e + 8:e + 12] = struct.pack("<I", len(d) + 1000)
    path.write_bytes(bytes(d))
    return path


def broken_exif_jpeg(path: Path) -> Path:
    """A JPEG whose EXIF block is cut short (Pillow: 'Corrupt EXIF data' on some versions)."""
    exif = b"Exif\x00\x00II*\x00\x08\x00\x00\x00\x05\x00\x12\x01\x03\x00\x01\x00\x00"
    data = FIELD.read_bytes()
    seg = b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif
    path.write_bytes(data[:2] + seg + data[2:])
    return path


@needs_models
@pytest.mark.parametrize("make", [broken_tiff, broken_exif_jpeg])
def test_a_bad_input_gives_exactly_one_stderr_line(make, tmp_path):
    bad = make(tmp_path / ("bad.tif" if make is broken_tiff else "bad.jpg"))
    proc = run_cli("classify", "--model", "wbc-type", "--backend", "cpu", str(bad))
    lines = proc.stderr.strip().splitlines()
    if proc.returncode == 2:  # refused: the one line is the loader's
        assert len(lines) == 1 and lines[0].startswith("clinic-app: error:"), proc.stderr
    else:  # read anyway (EXIF ignored): only the runtime's lines, no warning
        assert proc.returncode == 0, proc.stderr
        assert all(ln.startswith(("INFO:", "clinic-app: using")) for ln in lines), proc.stderr
    assert "Warning" not in proc.stderr


# -- 9: bounded memory ---------------------------------------------------------------------

def peak_rss_mb(code: str) -> tuple[float, str]:
    """Run ``code`` in a fresh interpreter; its peak RSS in MB (getrusage of the child)."""
    # VmHWM, not getrusage's ru_maxrss: Linux keeps ru_maxrss across execve, so a child forked
    # from a large pytest process would report the parent's size.
    script = (code + "\nhwm = [ln for ln in open('/proc/self/status') if ln.startswith('VmHWM')]"
              "\nprint('RSS', int(hwm[0].split()[1]) / 1024)")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=REPO, timeout=600)
    assert proc.returncode == 0, proc.stderr
    rss = float(proc.stdout.split("RSS")[-1])
    return rss, proc.stdout


def strip_tiff(path: Path) -> Path:
    """A few KB of TIFF (Group 4 fax) that decodes to 524288 x 48 pixels."""
    Image.new("1", (524288, 48), 1).save(path, "TIFF", compression="group4")
    return path


def test_a_long_strip_is_refused_from_its_header(tmp_path):
    path = strip_tiff(tmp_path / "strip.tif")
    assert path.stat().st_size < 20_000
    with pytest.raises(ImageError, match="implausible shape"):
        load_field(path)
    rss, _ = peak_rss_mb(f"from clinic_app.images import load_field, ImageError\n"
                         f"try:\n    load_field({str(path)!r})\nexcept ImageError:\n    pass")
    assert rss <= RSS_CAP_MB


@pytest.fixture(scope="module")
def big_png(tmp_path_factory) -> Path:
    """An 8000 x 8000 PNG of real fields, tiled (64 MP: the largest accepted)."""
    path = tmp_path_factory.mktemp("big") / "big.png"
    tile = np.asarray(Image.open(FIELD).convert("RGB"))
    reps = (-(-8000 // tile.shape[0]), -(-8000 // tile.shape[1]), 1)
    Image.fromarray(np.tile(tile, reps)[:8000, :8000]).save(path, compress_level=1)
    return path


def test_a_huge_image_is_reduced_while_decoding(big_png):
    field = load_field(big_png, um_per_px=0.1)
    assert field.width * field.height <= images.WORK_PIXELS
    k = images.reduction(8000, 8000)
    assert k > 1 and field.width == -(-8000 // k)
    assert field.um_per_px == pytest.approx(0.1 * 8000 / field.width)  # the scale follows
    assert images.image_size(big_png) == (8000, 8000)


@needs_models
def test_huge_png_whole_analysis_stays_under_the_cap(big_png):
    rss, out = peak_rss_mb(
        "from clinic_app.images import load_field\n"
        "from clinic_app.analysis import Analyzer, AnalyzerOptions\n"
        f"f = load_field({str(big_png)!r})\n"
        "a = Analyzer(AnalyzerOptions('cpu', 2))\n"
        "r = a.analyze_field(f)\n"
        "print('cells', len(r.cells), f.width, f.height)")
    print(out)
    assert rss <= RSS_CAP_MB, out
