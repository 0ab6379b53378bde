"""Reading field images robustly: files and folders in, RGB uint8 ``Field`` out (or ``ImageError``).

Images reach the app from lab cameras, scanners, e-mail and USB sticks, so the loader trusts
nothing: the format is decided by magic bytes (not by the suffix), the pixel count is checked from
the header before any pixel is decoded (decompression bombs), truncated files are an error rather
than a half-grey picture, and every bit depth, grey/alpha/palette mode and EXIF orientation ends
as the same HxWx3 RGB uint8 array. Pillow decodes everything (it reads headers lazily, reports
truncation and understands EXIF); OpenCV's ``imread`` does neither of the first two reliably.
"""

from __future__ import annotations

import io
import os
import warnings
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from PIL import Image, ImageFile, UnidentifiedImageError

from clinic_app.results import Field, SkippedInput

MAX_PIXELS = 64_000_000  # refuse larger images before decoding: 64 MP RGB is already 192 MB
MAX_FILE_BYTES = 512 * 1024 * 1024  # a 64 MP 16-bit RGB TIFF, uncompressed, is 384 MB
MIN_SIDE = 32  # smaller than this cannot hold even one cell at any magnification we support
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp"})

# Magic bytes -> Pillow format name. Only these four are decoded; Pillow is told so, so no other
# (less audited) Pillow plugin ever sees untrusted bytes.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
)
# Formats we recognise but do not accept, so the message can say what the file is.
_KNOWN_OTHER: tuple[tuple[bytes, str], ...] = (
    (b"GIF8", "GIF"),
    (b"%PDF", "PDF"),
    (b"II+\x00", "BigTIFF"),
    (b"MM\x00+", "BigTIFF"),
    (b"PK\x03\x04", "ZIP"),
)
_PILLOW_FORMATS = {"JPEG": ["JPEG"], "PNG": ["PNG"], "TIFF": ["TIFF"], "BMP": ["BMP"]}
_EXIF_ORIENTATION = 0x0112


class ImageError(ValueError):
    """An input that is not a usable image; the message is one line naming the file."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


def sniff_format(head: bytes) -> str | None:
    """Return ``JPEG``/``PNG``/``TIFF``/``BMP`` from the first bytes, ``None`` for anything else."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    return None


def _unsupported_reason(head: bytes) -> str:
    """Say what a rejected file is, when we can tell; WebP and HEIC are common camera outputs."""
    for magic, name in _KNOWN_OTHER:
        if head.startswith(magic):
            return f"unsupported image format ({name}); use JPEG, PNG, TIFF or BMP"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "unsupported image format (WebP); use JPEG, PNG, TIFF or BMP"
    if head[4:8] == b"ftyp":
        return "unsupported image format (HEIC/MP4 container); use JPEG, PNG, TIFF or BMP"
    return "not an image (unknown format)"


def load_field(path: str | Path, um_per_px: float | None = None) -> Field:
    """Read one image file as a ``Field``; every failure is an ``ImageError`` naming the file."""
    path = Path(path)
    source = str(path)
    data = _read_file(path)
    return _field(decode_image(data, source), source, um_per_px)


def decode_bytes(data: bytes, source: str, um_per_px: float | None = None) -> Field:
    """Decode an encoded image held in memory (camera frame, drag and drop) with the same checks."""
    return _field(decode_image(bytes(data), source), source, um_per_px)


def _field(rgb: np.ndarray, source: str, um_per_px: float | None) -> Field:
    if um_per_px is not None and not um_per_px > 0:
        raise ValueError(f"um_per_px must be positive, got {um_per_px!r}")
    scale_source = "given" if um_per_px else "unknown"
    return Field(image=rgb, source=source, um_per_px=um_per_px, scale_source=scale_source)


def _read_file(path: Path) -> bytes:
    """Read the whole file after the checks that need no bytes (exists, is a file, size)."""
    source = str(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise ImageError(source, "no such file") from None
    except OSError as exc:
        raise ImageError(source, f"cannot read ({exc.strerror or exc})") from None
    if path.is_dir():
        raise ImageError(source, "is a folder, not an image file")
    if st.st_size == 0:
        raise ImageError(source, "empty file (0 bytes)")
    if st.st_size > MAX_FILE_BYTES:
        raise ImageError(source, f"file too large ({st.st_size // 2**20} MiB)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImageError(source, f"cannot read ({exc.strerror or exc})") from None


def decode_image(data: bytes, source: str) -> np.ndarray:
    """Decode encoded bytes to an upright RGB uint8 HxWx3 contiguous array, or raise ImageError."""
    if not data:
        raise ImageError(source, "empty file (0 bytes)")
    fmt = sniff_format(data[:16])
    if fmt is None:
        raise ImageError(source, _unsupported_reason(data[:16]))
    img = _open_header(data, fmt, source)
    try:
        img.load()  # LOAD_TRUNCATED_IMAGES is False: a cut file raises instead of padding grey
        orientation = _orientation(img)
        arr = _to_rgb8(_pil_to_array(img, source), source)
    except ImageError:
        raise
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise ImageError(source, f"damaged or truncated {fmt} data ({_short(exc)})") from None
    finally:
        img.close()
    return np.ascontiguousarray(_apply_orientation(arr, orientation))


def _open_header(data: bytes, fmt: str, source: str) -> Image.Image:
    """Open lazily (header only) and enforce the pixel and minimum-size limits before decoding."""
    if ImageFile.LOAD_TRUNCATED_IMAGES:
        raise ImageError(source, "Pillow is set to accept truncated images; refusing to decode")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data), formats=_PILLOW_FORMATS[fmt])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError(source, _too_large()) from None
    except UnidentifiedImageError:
        raise ImageError(source, f"damaged {fmt} header (cannot be parsed)") from None
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise ImageError(source, f"damaged {fmt} header ({_short(exc)})") from None
    width, height = img.size
    if width * height > MAX_PIXELS:
        img.close()
        raise ImageError(source, f"{_too_large()}: {width}x{height}")
    if min(width, height) < MIN_SIDE:
        img.close()
        raise ImageError(source, f"too small ({width}x{height}; need {MIN_SIDE} px a side)")
    return img


def _too_large() -> str:
    return f"image too large (more than {MAX_PIXELS / 1e6:g} megapixels)"


def _short(exc: BaseException) -> str:
    """One line of an exception, for messages that must stay one line."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:120]


def _orientation(img: Image.Image) -> int:
    """EXIF orientation (1..8; JPEG, TIFF, PNG eXIf); 1 when absent or nonsense."""
    try:
        value = int(img.getexif().get(_EXIF_ORIENTATION, 1))
    except (TypeError, ValueError, OSError, SyntaxError):
        return 1
    return value if 1 <= value <= 8 else 1


def _pil_to_array(img: Image.Image, source: str) -> np.ndarray:
    """Pillow image -> numpy: 8-bit L/LA/RGB/RGBA or 16-bit grey; odd modes converted first."""
    mode = img.mode
    if mode.startswith("I;16"):
        return np.asarray(img).astype(np.uint16)
    if mode == "I":  # 32-bit integer grey; cameras that write it fill the 16-bit range
        return np.clip(np.asarray(img), 0, 65535).astype(np.uint16)
    if mode == "F":
        raise ImageError(source, "unsupported pixel type (floating point)")
    if "transparency" in img.info or mode in ("PA", "La", "RGBa"):
        img = img.convert("RGBA")
    elif mode not in ("L", "LA", "RGB", "RGBA"):  # 1, P, CMYK, YCbCr, LAB, HSV
        img = img.convert("RGB")
    return np.asarray(img)


def _to_rgb8(arr: np.ndarray, source: str) -> np.ndarray:
    """Any of grey/grey+alpha/RGB/RGBA at 8 or 16 bits -> RGB uint8, alpha composited on white.

    16-bit data is scaled by the range of its type (>> 8), not by the image's own maximum, so a
    dim 16-bit exposure stays dim and the quality check can see it.
    """
    if arr.dtype == np.uint16:
        arr = (arr >> 8).astype(np.uint8)
    if arr.dtype != np.uint8:
        raise ImageError(source, f"unsupported pixel type ({arr.dtype})")
    if arr.ndim == 2:
        arr = arr[:, :, None]
    channels = arr.shape[2]
    if channels in (2, 4):
        arr = _composite_on_white(arr[:, :, :-1], arr[:, :, -1])
    if arr.shape[2] == 1:
        arr = np.repeat(arr, 3, axis=2)
    if arr.shape[2] != 3:
        raise ImageError(source, f"unsupported channel count ({channels})")
    return arr


def _composite_on_white(colour: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """Transparent parts become white, like the empty slide background they stand for."""
    a = alpha.astype(np.float32)[:, :, None] / 255.0
    out = colour.astype(np.float32) * a + 255.0 * (1.0 - a)
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)


def _apply_orientation(arr: np.ndarray, orientation: int) -> np.ndarray:
    """Turn the stored pixels upright as the EXIF orientation tag says (same as Pillow's)."""
    if orientation == 2:
        return arr[:, ::-1]
    if orientation == 3:
        return arr[::-1, ::-1]
    if orientation == 4:
        return arr[::-1]
    if orientation == 5:
        return arr.transpose(1, 0, 2)
    if orientation == 6:
        return np.rot90(arr, k=-1)
    if orientation == 7:
        return arr[::-1, ::-1].transpose(1, 0, 2)
    if orientation == 8:
        return np.rot90(arr, k=1)
    return arr


def iter_image_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[SkippedInput]]:
    """Expand files and folders into image files, in a stable order, plus what was skipped.

    Files are taken as given whatever their suffix (the loader decides by content); folders are
    searched recursively for image suffixes, hidden files and folders excluded, symlinked folders
    not followed. A path named twice (or a file inside a named folder) is listed once.
    """
    found: list[Path] = []
    skipped: list[SkippedInput] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = _images_in_folder(path)
            if not files:
                skipped.append(SkippedInput(str(path), "no images found in folder"))
        elif path.exists():
            files = [path]
        else:
            skipped.append(SkippedInput(str(path), "no such file or folder"))
            continue
        for file in files:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                found.append(file)
    return found, skipped


def _images_in_folder(folder: Path) -> list[Path]:
    """Image files under ``folder``, sorted by relative path so batches are reproducible."""
    out: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in IMAGE_SUFFIXES:
                out.append(Path(root) / name)
    return out
