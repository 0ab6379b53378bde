"""Reading field images: every format and mode we accept, and every way a file can be bad."""

from __future__ import annotations

import io
import struct
import time
import zlib
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageOps

from clinic_app import images
from clinic_app.image_paths import iter_image_paths
from clinic_app.images import ImageError, decode_bytes, load_field


def _pattern(h: int = 48, w: int = 64) -> np.ndarray:
    """Smooth RGB gradient with a red block at the top left, so orientation can be checked."""
    y, x = np.mgrid[0:h, 0:w]
    rgb = np.stack([x * 255 // w, y * 255 // h, np.full_like(x, 128)], axis=2).astype(np.uint8)
    rgb[:8, :8] = (255, 0, 0)
    return rgb


def _save(path: Path, rgb: np.ndarray, fmt: str, **kwargs) -> Path:
    Image.fromarray(rgb).save(path, fmt, **kwargs)
    return path


def _png_header(width: int, height: int) -> bytes:
    """A PNG signature and IHDR claiming ``width`` x ``height`` (RGB, 8-bit), with no pixels."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr
    chunk += struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xFFFFFFFF)
    idat = zlib.compress(b"\0" * 16)
    chunk += struct.pack(">I", len(idat)) + b"IDAT" + idat
    chunk += struct.pack(">I", zlib.crc32(b"IDAT" + idat) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk


def _check_field(field, path: Path) -> np.ndarray:
    rgb = field.image
    assert rgb.dtype == np.uint8 and rgb.ndim == 3 and rgb.shape[2] == 3
    assert rgb.flags["C_CONTIGUOUS"]
    assert field.source == str(path)
    return rgb


# --- formats and modes -------------------------------------------------------------------------


def test_jpeg_rgb(tmp_path):
    rgb = _pattern()
    path = _save(tmp_path / "f.jpg", rgb, "JPEG", quality=95)
    field = load_field(path)
    out = _check_field(field, path)
    assert out.shape == rgb.shape
    assert np.abs(out.astype(int) - rgb).mean() < 3
    assert field.um_per_px is None and field.scale_source == "unknown"


def test_given_scale_is_recorded(tmp_path):
    path = _save(tmp_path / "f.png", _pattern(), "PNG")
    field = load_field(path, um_per_px=0.25)
    assert field.um_per_px == 0.25 and field.scale_source == "given"


@pytest.mark.parametrize("fmt,suffix", [("PNG", ".png"), ("TIFF", ".tif"), ("BMP", ".bmp")])
def test_lossless_formats_roundtrip(tmp_path, fmt, suffix):
    rgb = _pattern()
    path = _save(tmp_path / f"f{suffix}", rgb, fmt)
    assert np.array_equal(load_field(path).image, rgb)


@pytest.mark.parametrize("suffix", [".png", ".tif"])
def test_16bit_rgb_scaled_by_type_range(tmp_path, suffix):
    rng = np.random.default_rng(0)
    bgr16 = rng.integers(0, 65536, size=(40, 50, 3), dtype=np.uint16)
    path = tmp_path / f"f16{suffix}"
    assert cv2.imwrite(str(path), bgr16)
    out = load_field(path).image
    assert np.array_equal(out, (bgr16[:, :, ::-1] >> 8).astype(np.uint8))


def test_16bit_grey_dim_exposure_stays_dim(tmp_path):
    grey16 = np.tile(np.arange(0, 4096, 64, dtype=np.uint16), (40, 1))  # 12-bit data, 16-bit file
    path = tmp_path / "g16.png"
    assert cv2.imwrite(str(path), grey16)
    out = load_field(path).image
    assert out.shape == (40, 64, 3)
    assert out.max() <= 16  # scaled by 65535, not stretched to the image's own maximum
    assert np.array_equal(out[:, :, 0], (grey16 >> 8).astype(np.uint8))
    assert np.array_equal(out[:, :, 0], out[:, :, 2])


def test_grayscale_becomes_rgb(tmp_path):
    grey = _pattern()[:, :, 1]
    path = _save(tmp_path / "g.png", grey, "PNG")
    out = load_field(path).image
    assert out.shape == grey.shape + (3,)
    assert all(np.array_equal(out[:, :, c], grey) for c in range(3))


def test_rgba_composited_on_white(tmp_path):
    rgba = np.zeros((40, 40, 4), np.uint8)
    rgba[..., :3] = (200, 0, 100)
    rgba[:, :10, 3] = 255  # opaque
    rgba[:, 10:20, 3] = 0  # transparent
    rgba[:, 20:, 3] = 128  # half
    out = load_field(_save(tmp_path / "a.png", rgba, "PNG")).image
    assert tuple(out[5, 5]) == (200, 0, 100)
    assert tuple(out[5, 15]) == (255, 255, 255)
    assert np.allclose(out[5, 30], (227, 127, 177), atol=2)


def test_grey_alpha_composited_on_white(tmp_path):
    la = np.zeros((40, 40, 2), np.uint8)
    la[:, :20, 1] = 255
    out = load_field(_save(tmp_path / "la.png", la, "PNG")).image
    assert tuple(out[0, 0]) == (0, 0, 0) and tuple(out[0, 39]) == (255, 255, 255)


def test_palette_png_with_and_without_transparency(tmp_path):
    rgb = _pattern()
    pal = Image.fromarray(rgb).quantize(16)
    pal.save(tmp_path / "p.png")
    out = load_field(tmp_path / "p.png").image
    assert np.array_equal(out, np.asarray(pal.convert("RGB")))
    pal.info["transparency"] = int(np.asarray(pal)[0, 0])
    pal.save(tmp_path / "pt.png", transparency=pal.info["transparency"])
    assert tuple(load_field(tmp_path / "pt.png").image[0, 0]) == (255, 255, 255)


def test_format_decided_by_content_not_suffix(tmp_path):
    rgb = _pattern()
    path = _save(tmp_path / "really_a_png.jpg", rgb, "PNG")
    assert np.array_equal(load_field(path).image, rgb)


# --- EXIF orientation ----------------------------------------------------------------------------


@pytest.mark.parametrize("orientation", range(1, 9))
def test_jpeg_exif_orientation_applied(tmp_path, orientation):
    path = tmp_path / f"o{orientation}.jpg"
    exif = Image.Exif()
    exif[0x0112] = orientation
    Image.fromarray(_pattern()).save(path, "JPEG", quality=95, exif=exif)
    expected = np.asarray(ImageOps.exif_transpose(Image.open(path)).convert("RGB"))
    out = load_field(path).image
    assert out.shape == expected.shape
    assert np.abs(out.astype(int) - expected).mean() < 1.0
    if orientation == 6:  # rotated 90 degrees clockwise: the red corner goes to the top right
        assert out.shape[:2] == (64, 48)
        assert out[2, -3, 0] > 200 and out[2, -3, 1] < 60


def test_tiff_exif_orientation_applied(tmp_path):
    path = _save(tmp_path / "o.tif", _pattern(), "TIFF", tiffinfo={0x0112: 8})
    out = load_field(path).image
    assert out.shape[:2] == (64, 48)  # rotated 90 degrees counter-clockwise
    assert tuple(out[-3, 2]) == (255, 0, 0)  # red corner now bottom left


# --- bad inputs ----------------------------------------------------------------------------------


def _error(path) -> str:
    with pytest.raises(ImageError) as info:
        load_field(path)
    message = str(info.value)
    assert "\n" not in message and str(path) in message
    return message


def test_missing_file(tmp_path):
    assert "no such file" in _error(tmp_path / "nope.jpg")


def test_directory(tmp_path):
    assert "folder" in _error(tmp_path)


def test_zero_bytes(tmp_path):
    (tmp_path / "empty.jpg").write_bytes(b"")
    assert "empty" in _error(tmp_path / "empty.jpg")


def test_random_bytes(tmp_path):
    (tmp_path / "noise.png").write_bytes(np.random.default_rng(1).bytes(5000))
    assert "not an image (unknown format)" in _error(tmp_path / "noise.png")


def test_text_named_jpg(tmp_path):
    (tmp_path / "notes.jpg").write_text("patient notes, not a picture\n")
    assert "not an image (unknown format)" in _error(tmp_path / "notes.jpg")


def test_gif_rejected_by_name(tmp_path):
    _save(tmp_path / "a.gif", _pattern(), "GIF")
    assert "unsupported image format (GIF)" in _error(tmp_path / "a.gif")


@pytest.mark.parametrize("fmt,suffix", [("JPEG", ".jpg"), ("PNG", ".png"), ("BMP", ".bmp")])
def test_truncated_file_is_an_error_not_grey(tmp_path, fmt, suffix):
    rng = np.random.default_rng(2)
    rgb = rng.integers(0, 256, size=(200, 200, 3), dtype=np.uint8)
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, fmt)
    data = buf.getvalue()
    (tmp_path / f"cut{suffix}").write_bytes(data[: len(data) // 2])
    message = _error(tmp_path / f"cut{suffix}")
    assert "truncated" in message or "damaged" in message


def test_too_small(tmp_path):
    path = _save(tmp_path / "tiny.png", _pattern(20, 20), "PNG")
    assert "too small" in _error(path)


def test_decompression_bomb_refused_from_header(tmp_path):
    path = tmp_path / "bomb.png"
    path.write_bytes(_png_header(30000, 30000))
    start = time.perf_counter()
    assert "too large" in _error(path)
    assert time.perf_counter() - start < 1.0


def test_pixel_limit_is_ours_not_pillows(tmp_path):
    path = tmp_path / "big.png"
    path.write_bytes(_png_header(9000, 8000))  # 72 MP: over MAX_PIXELS, under Pillow's own limit
    message = _error(path)
    assert "too large" in message and "9000x8000" in message


def test_pixel_limit_configurable(tmp_path, monkeypatch):
    path = _save(tmp_path / "f.png", _pattern(), "PNG")
    monkeypatch.setattr(images, "MAX_PIXELS", 1000)
    assert "too large" in _error(path)


# --- bytes ---------------------------------------------------------------------------------------


def test_decode_bytes_same_checks():
    buf = io.BytesIO()
    Image.fromarray(_pattern()).save(buf, "PNG")
    field = decode_bytes(buf.getvalue(), "camera-1")
    assert field.source == "camera-1" and field.image.shape == (48, 64, 3)
    with pytest.raises(ImageError, match="camera-1: empty"):
        decode_bytes(b"", "camera-1")
    with pytest.raises(ImageError, match="unknown format"):
        decode_bytes(b"GARBAGE" * 10, "drop")
    data = buf.getvalue()
    with pytest.raises(ImageError, match="truncated|damaged"):
        decode_bytes(data[: len(data) // 2], "drop")


# --- folders -------------------------------------------------------------------------------------


def test_iter_image_paths(tmp_path):
    root = tmp_path / "slide"
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".thumbs").mkdir()
    for rel in ("b/2.PNG", "b/1.jpg", "a/3.tif", "z.jpeg", "y.BMP", ".hidden.jpg", ".thumbs/t.jpg"):
        (root / rel).write_bytes(b"x")
    (root / "notes.txt").write_text("x")
    odd = tmp_path / "odd.dat"
    odd.write_bytes(b"x")
    empty = tmp_path / "empty"
    empty.mkdir()
    missing = tmp_path / "missing"

    found, skipped = iter_image_paths([root, odd, missing, empty, root / "z.jpeg"])
    names = [p.relative_to(tmp_path).as_posix() for p in found]
    assert names == [
        "slide/y.BMP", "slide/z.jpeg", "slide/a/3.tif", "slide/b/1.jpg", "slide/b/2.PNG", "odd.dat",
    ]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert reasons == {"missing": "no such file or folder", "empty": "no images found in folder"}
    assert iter_image_paths([root])[0] == iter_image_paths([str(root)])[0]  # deterministic
