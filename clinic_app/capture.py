"""Frame sources for live acquisition: a USB camera (OpenCV), or a folder / video file standing in.

Qt-free on purpose (only ``clinic_app/ui`` imports Qt), so the sources, the reconnect logic and
the live meters are tested without a display. Every source returns RGB uint8 frames, like
``Field.image``, so a captured frame goes through the same analysis as an imported file.

A microscope camera on a long USB cable does get unplugged: ``LiveFeed`` turns a failed read
into a ``lost`` event, keeps trying to reopen the device, and reports ``reconnected``; it never
raises, so the acquisition screen (and the fields already captured) survive.
"""

from __future__ import annotations

import glob
import platform
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

from clinic_app import image_paths, images, quality
from clinic_app.imaging import shrink_to

METER_SIDE = 320  # live meters run on a copy this size: a few ms, even for a 5 MP camera
MAX_FAILED_READS = 5  # consecutive empty reads before a camera counts as unplugged
VIDEO_SUFFIXES = frozenset({".avi", ".mp4", ".mkv", ".mov", ".m4v", ".webm"})


class SourceLost(RuntimeError):
    """The source stopped giving frames (camera unplugged, file gone)."""


class FrameSource(Protocol):
    """Anything that yields RGB uint8 frames; ``read`` blocks about one frame interval."""

    name: str

    def read(self) -> np.ndarray: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class SourceSpec:
    """What to open: ``kind`` is ``camera`` (target = device index), ``folder`` or ``video``."""

    kind: str
    target: str
    width: int = 0
    height: int = 0
    fps: float = 15.0

    @property
    def label(self) -> str:
        if self.kind == "camera":
            return f"camera {self.target}"
        return f"{self.kind} {Path(self.target).name}"


class _Pacer:
    """Sleeps so that a file-based source plays at ``fps`` like a camera would."""

    def __init__(self, fps: float) -> None:
        self.interval = 1.0 / max(1.0, fps)
        self.next = time.monotonic()

    def wait(self) -> None:
        now = time.monotonic()
        if self.next > now:
            time.sleep(self.next - now)
        self.next = max(self.next + self.interval, time.monotonic())


class CameraSource:
    """A USB / UVC camera through ``cv2.VideoCapture``, at the requested resolution if it can."""

    def __init__(self, index: int, width: int = 0, height: int = 0) -> None:
        api = cv2.CAP_DSHOW if platform.system() == "Windows" else cv2.CAP_ANY
        self.cap = cv2.VideoCapture(index, api)
        if not self.cap.isOpened():
            self.cap.release()
            raise SourceLost(f"camera {index} cannot be opened (not connected or in use)")
        if width and height:
            self.cap.set(cv2.CAP_PROP_FRAME_WIDTH, width)
            self.cap.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
        self.name = f"camera {index}"

    def read(self) -> np.ndarray:
        for _ in range(MAX_FAILED_READS):
            ok, frame = self.cap.read()
            if ok and frame is not None and frame.size:
                return _bgr_to_rgb(frame)
            time.sleep(0.02)
        raise SourceLost(f"{self.name} stopped sending frames (unplugged?)")

    def close(self) -> None:
        self.cap.release()


class FolderSource:
    """Plays the images of a folder in a loop: the camera of demos and tests."""

    def __init__(self, folder: str | Path, fps: float = 15.0) -> None:
        self.folder = Path(folder)
        paths, _ = image_paths.iter_image_paths([self.folder])
        if not paths:
            raise SourceLost(f"no images in {self.folder}")
        self.paths = paths
        self.index = 0
        self.pacer = _Pacer(fps)
        self.name = f"folder {self.folder.name}"
        self._cache: dict[Path, np.ndarray] = {}

    def read(self) -> np.ndarray:
        self.pacer.wait()
        path = self.paths[self.index % len(self.paths)]
        self.index += 1
        if path not in self._cache:
            try:
                self._cache[path] = images.load_field(path).image
            except images.ImageError as exc:
                raise SourceLost(str(exc)) from None
        return self._cache[path]

    def close(self) -> None:
        self._cache.clear()


class VideoSource:
    """Plays a video file in a loop at its own frame rate."""

    def __init__(self, path: str | Path, fps: float = 0.0) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise SourceLost(f"no video file {self.path}")
        self.cap = cv2.VideoCapture(str(self.path))
        if not self.cap.isOpened():
            raise SourceLost(f"{self.path.name} cannot be played")
        own = self.cap.get(cv2.CAP_PROP_FPS) or 0.0
        self.pacer = _Pacer(fps or (own if 1 <= own <= 120 else 15.0))
        self.name = f"video {self.path.name}"

    def read(self) -> np.ndarray:
        self.pacer.wait()
        ok, frame = self.cap.read()
        if not ok:  # end of file: start again
            self.cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, frame = self.cap.read()
        if not ok or frame is None:
            raise SourceLost(f"{self.name} gives no frames")
        return _bgr_to_rgb(frame)

    def close(self) -> None:
        self.cap.release()


def _bgr_to_rgb(frame: np.ndarray) -> np.ndarray:
    if frame.ndim == 2:
        return cv2.cvtColor(frame, cv2.COLOR_GRAY2RGB)
    if frame.shape[2] == 4:
        return cv2.cvtColor(frame, cv2.COLOR_BGRA2RGB)
    return cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)


def open_source(spec: SourceSpec) -> FrameSource:
    """Open what ``spec`` names; ``SourceLost`` with a readable reason when it cannot."""
    if spec.kind == "camera":
        return CameraSource(int(spec.target), spec.width, spec.height)
    if spec.kind == "folder":
        return FolderSource(spec.target, spec.fps)
    if spec.kind == "video":
        return VideoSource(spec.target)
    raise ValueError(f"unknown source kind {spec.kind!r}")


def spec_for_path(path: str | Path) -> SourceSpec:
    """A folder or a video file chosen by the user as the stand-in camera."""
    p = Path(path)
    kind = "video" if p.suffix.lower() in VIDEO_SUFFIXES else "folder"
    return SourceSpec(kind, str(p))


def list_cameras(max_index: int = 4) -> list[int]:
    """Camera indices worth offering. On Linux read /dev/video*; elsewhere probe a few indices."""
    if platform.system() == "Linux":
        found = sorted(int(p.removeprefix("/dev/video")) for p in glob.glob("/dev/video*")
                       if p.removeprefix("/dev/video").isdigit())
        return found[:max_index * 2]
    out = []
    for i in range(max_index):
        try:
            CameraSource(i).close()
            out.append(i)
        except SourceLost:
            continue
    return out


@dataclass(frozen=True)
class Meters:
    """Live focus and exposure, from ``quality.assess`` on a small copy of the frame."""

    focus: float
    clipped_dark: float
    clipped_bright: float
    usable: bool
    reason: str
    warnings: tuple[str, ...]


def meters(rgb: np.ndarray) -> Meters:
    """Cheap enough to run on every few frames of the live preview."""
    small = shrink_to(rgb, METER_SIDE, min_px=2)
    q = quality.assess(np.ascontiguousarray(small))
    return Meters(q.focus, q.clipped_dark, q.clipped_bright, q.usable, q.reason, q.warnings)


@dataclass(frozen=True)
class FeedEvent:
    """What one ``LiveFeed.poll`` produced: a frame, or a change of connection state."""

    kind: str  # "frame", "lost", "reconnected", "waiting"
    frame: np.ndarray | None = None
    message: str = ""


class LiveFeed:
    """A source that survives being unplugged: lost -> retry every ``retry_s`` -> reconnected."""

    def __init__(self, opener: Callable[[], FrameSource], retry_s: float = 1.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.opener = opener
        self.retry_s = retry_s
        self.clock = clock
        self.source: FrameSource | None = None
        self.next_try = 0.0

    @property
    def connected(self) -> bool:
        return self.source is not None

    def open(self) -> None:
        """First open: raises ``SourceLost`` so the user hears at once that nothing is there."""
        self.source = self.opener()

    def poll(self) -> FeedEvent:
        if self.source is not None:
            try:
                return FeedEvent("frame", self.source.read())
            except SourceLost as exc:
                self._drop()
                return FeedEvent("lost", message=str(exc))
        if self.clock() < self.next_try:
            return FeedEvent("waiting")
        try:
            self.source = self.opener()
        except SourceLost as exc:
            self.next_try = self.clock() + self.retry_s
            return FeedEvent("waiting", message=str(exc))
        return FeedEvent("reconnected", message=f"{self.source.name} reconnected")

    def _drop(self) -> None:
        if self.source is not None:
            try:
                self.source.close()
            except (cv2.error, OSError, RuntimeError):  # a dead device may fail to close
                pass
        self.source = None
        self.next_try = self.clock() + self.retry_s

    def close(self) -> None:
        if self.source is not None:
            self.source.close()
        self.source = None
