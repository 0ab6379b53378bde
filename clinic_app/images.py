"""Reading field images robustly: a file or bytes in, RGB uint8 ``Field`` out (or ``ImageError``).

Images reach the app from lab cameras, scanners, e-mail and USB sticks, so the loader trusts
nothing: the format is decided by magic bytes (not by the suffix), the pixel count is checked from
the header before any pixel is decoded (decompression bombs), truncated files are an error rather
than a half-grey picture, and every bit depth, grey/alpha/palette mode and EXIF orientation ends
as the same HxWx3 RGB uint8 array. Pillow decodes everything (it reads headers lazily, reports
truncation and understands EXIF); OpenCV's ``imread`` does neither of the first two reliably.

Memory is bounded for any accepted input (issue 14; figures in docs/hardening.md): a strip of
implausible shape (``MAX_ASPECT``) is refused from its header, and an image above
``WORK_PIXELS`` is reduced by an integer factor while it is decoded (JPEG: DCT scaling with
``draft``; other formats: ``reduce`` right after decoding), so no later stage sees more than
about 12 MP. A given ``um_per_px`` is scaled by the same factor. Pillow's warnings (broken EXIF,
short reads) are silenced: the loader's own one-line ``ImageError`` is the only report.
"""

from __future__ import annotations

import io
import math
import stat
import warnings
from pathlib import Path
from typing import BinaryIO

import numpy as np
from PIL import Image, ImageFile, UnidentifiedImageError

from clinic_app.image_paths import NOT_REGULAR, file_status, os_problem
from clinic_app.results import Field

MAX_PIXELS = 64_000_000  # refuse larger images before decoding: 64 MP RGB is already 192 MB
MAX_FILE_BYTES = 512 * 1024 * 1024  # a 64 MP 16-bit RGB TIFF, uncompressed, is 384 MB
MIN_SIDE = 32  # smaller than this cannot hold even one cell at any magnification we support
MAX_ASPECT = 20  # a camera field is ~4:3; a 20:1 strip is no field (and a cheap memory bomb)
WORK_PIXELS = 12_000_000  # larger images are reduced while decoding (at most 36 MB of RGB)

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

# One stderr line per bad input: Pillow's UserWarnings ("Truncated File Read", "Corrupt EXIF
# data", ...) would add two more. Set once at import (``catch_warnings`` is not thread-safe and
# the engine decodes on two threads). Our own limits replace Pillow's bomb warning.
warnings.filterwarnings("ignore", category=UserWarning, module=r"(PIL|clinic_app\.images)")
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)


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
    with _open_file(path) as fh:
        rgb, factor = _decode(fh, fh.read(16), source)
    return _field(rgb, source, um_per_px, factor)


def decode_bytes(data: bytes, source: str, um_per_px: float | None = None) -> Field:
    """Decode an encoded image held in memory (camera frame, drag and drop) with the same checks."""
    if not data:
        raise ImageError(source, "empty file (0 bytes)")
    rgb, factor = _decode(io.BytesIO(bytes(data)), bytes(data[:16]), source)
    return _field(rgb, source, um_per_px, factor)


def _field(rgb: np.ndarray, source: str, um_per_px: float | None, factor: float = 1.0) -> Field:
    """``factor``: how much decoding reduced the image (a given scale grows by as much)."""
    if um_per_px is not None and not um_per_px > 0:
        raise ValueError(f"um_per_px must be positive, got {um_per_px!r}")
    scale_source = "given" if um_per_px else "unknown"
    um = um_per_px * factor if um_per_px else um_per_px
    return Field(image=rgb, source=source, um_per_px=um, scale_source=scale_source)


def _open_file(path: Path) -> BinaryIO:
    """Open a regular file for reading after the checks that need no bytes; Pillow then reads
    only what it decodes (a large file is never all in memory). Devices, pipes and sockets are
    refused before opening: reading one could block for ever or never end."""
    source = str(path)
    st, problem = file_status(path)
    if st is None:
        raise ImageError(source, problem)
    if stat.S_ISDIR(st.st_mode):
        raise ImageError(source, "is a folder, not an image file")
    if not stat.S_ISREG(st.st_mode):
        raise ImageError(source, NOT_REGULAR)
    if st.st_size == 0:
        raise ImageError(source, "empty file (0 bytes)")
    if st.st_size > MAX_FILE_BYTES:
        raise ImageError(source, f"file too large ({st.st_size // 2**20} MiB)")
    try:
        return open(path, "rb")  # closed by the caller's ``with``
    except OSError as exc:
        raise ImageError(source, os_problem(exc)) from None


def decode_image(data: bytes, source: str) -> np.ndarray:
    """Decode encoded bytes to an upright RGB uint8 HxWx3 contiguous array, or raise ImageError.

    Images above ``WORK_PIXELS`` come back reduced (see the module note)."""
    if not data:
        raise ImageError(source, "empty file (0 bytes)")
    return _decode(io.BytesIO(data), data[:16], source)[0]


def _decode(fp: BinaryIO, head: bytes, source: str) -> tuple[np.ndarray, float]:
    """The decoder behind every entry point: (RGB array, linear reduction factor >= 1)."""
    if not head:
        raise ImageError(source, "empty file (0 bytes)")
    fmt = sniff_format(head)
    if fmt is None:
        raise ImageError(source, _unsupported_reason(head))
    fp.seek(0)
    img = _open_header(fp, fmt, source)
    width = img.size[0]
    try:
        k = reduction(*img.size)
        if k > 1 and fmt == "JPEG":  # DCT scaling: decoded at 1/2, 1/4 or 1/8 directly
            img.draft(img.mode, (math.ceil(img.size[0] / k), math.ceil(img.size[1] / k)))
        img.load()  # LOAD_TRUNCATED_IMAGES is False: a cut file raises instead of padding grey
        orientation = _orientation(img)
        img = _reduce(img, reduction(*img.size))
        arr = _to_rgb8(_pil_to_array(img, source), source)
    except ImageError:
        raise
    except (OSError, ValueError, SyntaxError, EOFError, MemoryError) as exc:
        raise ImageError(source, f"damaged or truncated {fmt} data ({_short(exc)})") from None
    finally:
        img.close()
    factor = width / arr.shape[1]
    return np.ascontiguousarray(_apply_orientation(arr, orientation)), factor


def reduction(width: int, height: int) -> int:
    """The integer factor that brings ``width x height`` to at most ``WORK_PIXELS``."""
    pixels = width * height
    return 1 if pixels <= WORK_PIXELS else math.ceil(math.sqrt(pixels / WORK_PIXELS))


def _reduce(img: Image.Image, k: int) -> Image.Image:
    """Box-reduce a decoded image by ``k`` (modes ``reduce`` lacks are converted first)."""
    if k <= 1:
        return img
    if img.mode not in ("L", "LA", "RGB", "RGBA", "I", "I;16", "F"):
        img = img.convert("RGBA" if "transparency" in img.info else "RGB")
    try:
        return img.reduce(k)
    except ValueError:  # a mode this Pillow cannot reduce
        return img.convert("RGB").reduce(k)


def image_size(path: str | Path) -> tuple[int, int]:
    """Width and height from the header only (the size before any reduction)."""
    path = Path(path)
    with _open_file(path) as fh:
        fmt = sniff_format(fh.read(16))
        if fmt is None:
            raise ImageError(str(path), "not an image (unknown format)")
        fh.seek(0)
        img = _open_header(fh, fmt, str(path))
        size = img.size
        img.close()
    return size


def _open_header(fp: BinaryIO, fmt: str, source: str) -> Image.Image:
    """Open lazily (header only) and enforce the pixel, shape and minimum-size limits before
    decoding."""
    if ImageFile.LOAD_TRUNCATED_IMAGES:
        raise ImageError(source, "Pillow is set to accept truncated images; refusing to decode")
    try:
        img = Image.open(fp, formats=_PILLOW_FORMATS[fmt])
    except Image.DecompressionBombError:
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
    if max(width, height) > MAX_ASPECT * min(width, height):
        img.close()
        raise ImageError(source, f"implausible shape for a microscope field ({width}x{height}; "
                                 f"sides more than {MAX_ASPECT}:1)")
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
