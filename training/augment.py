"""Augmentations that make a model survive another microscope, camera and stain.

Plain numpy/OpenCV on uint8 images, so the same pipeline feeds Keras on any backend
(TensorFlow here, JAX or PyTorch on a GPU machine). Geometry: flips, 90-degree rotations, zoom
and shift. Colour and optics: random strengths of the very shifts the microscope-shift bench
applies (``training.shifts``): white balance, HED stain, exposure/gamma, JPEG, defocus, noise,
lost resolution, vignetting, uneven illumination, plus hue/saturation jitter.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

from training import shifts


def flip_rot(rng: np.random.Generator, *arrays: np.ndarray) -> list[np.ndarray]:
    """The same random flip/rot90 applied to each array (image and mask)."""
    k, fh, fv = int(rng.integers(4)), rng.random() < 0.5, rng.random() < 0.5
    out = []
    for a in arrays:
        a = np.rot90(a, k)
        a = a[:, ::-1] if fh else a
        a = a[::-1] if fv else a
        out.append(np.ascontiguousarray(a))
    return out


def zoom_crop(img: np.ndarray, out_size: int, zoom: tuple[float, float],
              rng: np.random.Generator) -> np.ndarray:
    """A random square of (zoom[0]..zoom[1]) x ``out_size`` resized to ``out_size``: cells
    appear up to 1/zoom[0] times larger, as under another microscope."""
    size = img.shape[0]
    lo = int(out_size * zoom[0])
    hi = min(size, int(out_size * zoom[1]))
    crop = min(size, int(rng.integers(lo, max(lo + 1, hi + 1))))
    y0, x0 = (int(rng.integers(0, size - crop + 1)) for _ in range(2))
    img = img[y0:y0 + crop, x0:x0 + crop]
    if crop != out_size:
        interp = cv2.INTER_AREA if crop > out_size else cv2.INTER_LINEAR
        img = cv2.resize(img, (out_size, out_size), interpolation=interp)
    return img


def hue_saturation(img: np.ndarray, strength: float, rng: np.random.Generator) -> np.ndarray:
    hsv = cv2.cvtColor(img, cv2.COLOR_RGB2HSV).astype(np.int16)
    hsv[..., 0] = (hsv[..., 0] + int(rng.uniform(-7, 7) * strength)) % 180
    hsv[..., 1] = np.clip(hsv[..., 1] * rng.uniform(1 - 0.3 * strength, 1 + 0.3 * strength),
                          0, 255)
    return cv2.cvtColor(hsv.astype(np.uint8), cv2.COLOR_HSV2RGB)


def colour(img: np.ndarray, strength: float, rng: np.random.Generator) -> np.ndarray:
    """Random white balance, stain, exposure and hue/saturation, each half the time."""
    s = strength
    if rng.random() < 0.5:
        img = shifts.white_balance(img, rng.uniform(-0.3, 0.3) * s)
    if rng.random() < 0.5:
        img = shifts.stain_hed(img, rng.uniform(-0.25, 0.25) * s)
    if rng.random() < 0.5:
        img = shifts.exposure(img, rng.uniform(-0.45, 0.45) * s)
    if rng.random() < 0.5:
        img = hue_saturation(img, s, rng)
    return img


def optics(img: np.ndarray, rng: np.random.Generator, p: float = 0.25) -> np.ndarray:
    """Sometimes defocus, noise, JPEG, vignetting or uneven light."""
    if rng.random() < p:
        img = shifts.defocus(img, rng.uniform(0.1, 0.5))
    if rng.random() < p:
        img = shifts.noise(img, rng.uniform(0.0, 0.4), seed=int(rng.integers(1 << 30)))
    if rng.random() < p:
        img = shifts.jpeg(img, rng.uniform(0.0, 0.7))
    if rng.random() < p / 2:
        img = shifts.vignetting(img, rng.uniform(0.0, 0.3))
    if rng.random() < p / 2:
        img = shifts.uneven(img, rng.uniform(-0.3, 0.3))
    return img


def degrade(img: np.ndarray, rng: np.random.Generator, worst: float, p: float) -> np.ndarray:
    """With probability ``p``, lose resolution down to ``worst`` of the linear size: PBC
    cells brought to the ALL set's coarse sampling, so sharpness carries no label."""
    if rng.random() >= p:
        return img
    return shifts.resolution(img, float(-np.log2(rng.uniform(worst, 1.0))))


def classification(img: np.ndarray, out_size: int, zoom: tuple[float, float],
                   strength: float, rng: np.random.Generator,
                   worst_resolution: float = 1.0, p_degrade: float = 0.0,
                   normalise: Callable[[np.ndarray], np.ndarray] | None = None) -> np.ndarray:
    """One training view of a cached classification image (uint8 in, uint8 out).

    With ``normalise`` (the app's stain normalisation), the colour and optics shifts come
    first, on the whole cached crop, then the normalisation, then the view: the order in which
    a camera's shift and the app's preprocessing reach the model."""
    img = degrade(img, rng, worst_resolution, p_degrade)
    (img,) = flip_rot(rng, img)
    if normalise is not None:
        img = normalise(optics(colour(np.ascontiguousarray(img), strength, rng), rng))
        return zoom_crop(img, out_size, zoom, rng)
    img = zoom_crop(img, out_size, zoom, rng)
    return optics(colour(img, strength, rng), rng)


def segmentation(img: np.ndarray, mask: np.ndarray, crop: int,
                 rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Joint flip/rot/crop of image and mask (no resampling: masks stay pixel exact), then
    brightness/contrast only: the given masks separate purple from pink cells by hue, so a hue
    shift would teach the segmenter labels that contradict them."""
    img, mask = flip_rot(rng, img, mask)
    h, w = mask.shape
    y0, x0 = int(rng.integers(0, h - crop + 1)), int(rng.integers(0, w - crop + 1))
    img, mask = img[y0:y0 + crop, x0:x0 + crop], mask[y0:y0 + crop, x0:x0 + crop]
    x = img.astype(np.float32) * rng.uniform(0.9, 1.1) + rng.uniform(-15, 15)
    img = np.clip(x, 0, 255).astype(np.uint8)
    return optics(img, rng, p=0.1), mask
