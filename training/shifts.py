"""Acquisition shifts: what another microscope, camera or stain does to a field.

Each shift is a deterministic function ``(rgb uint8, strength) -> rgb uint8`` so that the
microscope-shift bench (``training.robustness``) can apply it at fixed strengths, and the
training augmentation (``training.augment``) can draw random strengths from the same code: the
model is trained on the very shifts it is judged on, at milder strengths.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

# Ruifrok & Johnston (2001) haematoxylin / eosin / DAB optical-density vectors (rows).
_HED = np.array([[0.65, 0.70, 0.29], [0.07, 0.99, 0.11], [0.27, 0.57, 0.78]], np.float32)
_HED /= np.linalg.norm(_HED, axis=1, keepdims=True)
_HED_INV = np.linalg.inv(_HED)


def _u8(x: np.ndarray) -> np.ndarray:
    return np.clip(x, 0, 255).astype(np.uint8)


def white_balance(rgb: np.ndarray, s: float) -> np.ndarray:
    """Colour temperature: s > 0 warmer (yellow lamp), s < 0 cooler (blue LED)."""
    gains = np.array([1 + 0.5 * s, 1.0, 1 - 0.5 * s], np.float32)
    return _u8(rgb.astype(np.float32) * gains)


def stain_hed(rgb: np.ndarray, s: float) -> np.ndarray:
    """Stain intensity and hue in HED space: haematoxylin up, eosin down by ``s``."""
    od = -np.log((rgb.astype(np.float32) + 1.0) / 256.0)
    hed = od.reshape(-1, 3) @ _HED_INV
    hed *= np.array([1 + s, 1 - 0.6 * s, 1.0], np.float32)
    hed += np.array([0.03 * s, -0.03 * s, 0.0], np.float32)
    out = 256.0 * np.exp(-(hed @ _HED)) - 1.0
    return _u8(out.reshape(rgb.shape))


def exposure(rgb: np.ndarray, s: float) -> np.ndarray:
    """Exposure (gain 2**s) then gamma 1 + s/2: an auto-exposure camera or a dim lamp."""
    x = np.clip(rgb.astype(np.float32) / 255.0 * 2.0 ** s, 0, 1)
    return _u8(255.0 * x ** (1.0 + 0.5 * s))


def jpeg(rgb: np.ndarray, s: float) -> np.ndarray:
    """JPEG at quality 95 - 85 s (s = 1: quality 10)."""
    q = int(np.clip(95 - 85 * s, 5, 100))
    ok, buf = cv2.imencode(".jpg", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR),
                           [cv2.IMWRITE_JPEG_QUALITY, q])
    return cv2.cvtColor(cv2.imdecode(buf, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)


def defocus(rgb: np.ndarray, s: float) -> np.ndarray:
    """Gaussian defocus, sigma = 3 s pixels of the image as given."""
    if s <= 0:
        return rgb
    return cv2.GaussianBlur(rgb, (0, 0), 3.0 * s)


def noise(rgb: np.ndarray, s: float, seed: int = 0) -> np.ndarray:
    """Sensor noise, sigma = 20 s grey levels (a fixed seed: the bench is repeatable)."""
    rng = np.random.default_rng(seed)
    return _u8(rgb.astype(np.float32) + rng.normal(0, 20.0 * s, rgb.shape))


def resolution(rgb: np.ndarray, s: float) -> np.ndarray:
    """Optics that resolve less: down to 2**-s of the size and back (s=1: half resolution)."""
    if s <= 0:
        return rgb
    h, w = rgb.shape[:2]
    small = cv2.resize(rgb, (max(4, round(w * 2 ** -s)), max(4, round(h * 2 ** -s))),
                       interpolation=cv2.INTER_AREA)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)


def vignetting(rgb: np.ndarray, s: float) -> np.ndarray:
    """Corners darker by ``s`` (0.5: half as bright) with a smooth radial fall-off."""
    h, w = rgb.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r2 = ((xx - w / 2) / (w / 2)) ** 2 + ((yy - h / 2) / (h / 2)) ** 2
    gain = 1.0 - s * np.clip(r2 / 2.0, 0, 1)
    return _u8(rgb.astype(np.float32) * gain[..., None])


def uneven(rgb: np.ndarray, s: float) -> np.ndarray:
    """Uneven illumination: a left-to-right ramp from 1 - s/2 to 1 + s/2."""
    w = rgb.shape[1]
    ramp = 1.0 + s * (np.linspace(-0.5, 0.5, w, dtype=np.float32))
    return _u8(rgb.astype(np.float32) * ramp[None, :, None])


def scale(rgb: np.ndarray, factor: float) -> np.ndarray:
    """Another magnification: the image resampled by ``factor`` (0.4x to 2.5x)."""
    h, w = rgb.shape[:2]
    size = (max(8, round(w * factor)), max(8, round(h * factor)))
    interp = cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR
    return cv2.resize(rgb, size, interpolation=interp)


Shift = Callable[[np.ndarray, float], np.ndarray]

# name -> (function, moderate strength, strong strength). "Moderate" is what a clinic's own
# camera and stain plausibly do; "strong" is meant to hurt.
SHIFTS: dict[str, tuple[Shift, float, float]] = {
    "white_balance_warm": (white_balance, 0.3, 0.6),
    "white_balance_cool": (white_balance, -0.3, -0.6),
    "stain_hed": (stain_hed, 0.25, 0.5),
    "stain_hed_pale": (stain_hed, -0.25, -0.5),
    "exposure_dark": (exposure, -0.5, -1.0),
    "exposure_bright": (exposure, 0.4, 0.8),
    "jpeg": (jpeg, 0.6, 0.95),
    "defocus": (defocus, 0.4, 1.0),
    "noise": (noise, 0.4, 1.0),
    "resolution": (resolution, 0.6, 1.3),
    "vignetting": (vignetting, 0.3, 0.6),
    "uneven_illumination": (uneven, 0.3, 0.6),
}
