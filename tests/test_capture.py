"""Frame sources, reconnect logic and live meters (Qt-free: ``clinic_app.capture``)."""

from __future__ import annotations

import time
from pathlib import Path

import cv2
import numpy as np
import pytest
from conftest import EXAMPLES

from clinic_app import capture
from clinic_app.capture import FeedEvent, LiveFeed, SourceLost, SourceSpec


def test_folder_source_loops_rgb_frames_at_its_rate():
    src = capture.FolderSource(EXAMPLES / "bccd", fps=50)
    start = time.monotonic()
    frames = [src.read() for _ in range(7)]
    elapsed = time.monotonic() - start
    src.close()
    assert all(f.dtype == np.uint8 and f.shape == (480, 640, 3) for f in frames)
    assert np.array_equal(frames[0], frames[3])  # 3 images, then round again
    assert 0.1 <= elapsed < 1.0  # paced (7 frames at 50 fps), not as fast as the disk


def test_folder_without_images_is_lost(tmp_path):
    with pytest.raises(SourceLost, match="no images"):
        capture.FolderSource(tmp_path)


def _write_video(path: Path, frames: int = 6) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 30, (160, 120))
    assert writer.isOpened()
    for i in range(frames):
        frame = np.zeros((120, 160, 3), np.uint8)
        frame[:, :, 2] = 40 * i  # red channel in BGR: ramps up frame by frame
        writer.write(frame)
    writer.release()
    return path


def test_video_source_plays_and_loops(tmp_path):
    src = capture.open_source(capture.spec_for_path(_write_video(tmp_path / "demo.avi")))
    frames = [src.read() for _ in range(8)]
    src.close()
    assert frames[0].shape == (120, 160, 3)
    reds = [int(f[..., 0].mean()) for f in frames]  # RGB now: red is channel 0
    assert reds[1] > reds[0] and reds[6] < reds[5]  # ramps, then starts again


def test_spec_for_path_and_bad_kind(tmp_path):
    assert capture.spec_for_path(tmp_path / "x.mp4").kind == "video"
    assert capture.spec_for_path(tmp_path).kind == "folder"
    assert SourceSpec("camera", "0").label == "camera 0"
    with pytest.raises(ValueError):
        capture.open_source(SourceSpec("scanner", "x"))
    with pytest.raises(SourceLost):
        capture.open_source(SourceSpec("video", str(tmp_path / "missing.avi")))


def test_missing_camera_is_a_clear_error():
    with pytest.raises(SourceLost, match="camera 97"):
        capture.CameraSource(97)


def test_list_cameras_offers_only_devices_that_exist(monkeypatch):
    monkeypatch.setattr(capture.platform, "system", lambda: "Linux")
    monkeypatch.setattr(capture.glob, "glob",
                        lambda pattern: ["/dev/video2", "/dev/video0", "/dev/video-meta"])
    assert capture.list_cameras() == [0, 2]

    class Probe:  # elsewhere each index is opened: only index 1 answers
        def __init__(self, index: int) -> None:
            if index != 1:
                raise SourceLost(f"camera {index}")

        def close(self) -> None:
            pass

    monkeypatch.setattr(capture.platform, "system", lambda: "Windows")
    monkeypatch.setattr(capture, "CameraSource", Probe)
    assert capture.list_cameras(max_index=4) == [1]


class _Flaky:
    """A camera that gives ``good`` frames, then is unplugged."""

    name = "flaky"

    def __init__(self, good: int) -> None:
        self.good = good

    def read(self) -> np.ndarray:
        if self.good <= 0:
            raise SourceLost("unplugged")
        self.good -= 1
        return np.full((8, 8, 3), 200, np.uint8)

    def close(self) -> None:
        pass


def test_live_feed_survives_an_unplugged_camera():
    now = [0.0]
    opens = iter([_Flaky(2), SourceLost("no device"), _Flaky(1)])

    def opener() -> _Flaky:
        item = next(opens)
        if isinstance(item, Exception):
            raise item
        return item

    feed = LiveFeed(opener, retry_s=1.0, clock=lambda: now[0])
    feed.open()
    kinds = [feed.poll().kind for _ in range(3)]
    assert kinds == ["frame", "frame", "lost"]
    assert not feed.connected
    assert feed.poll() == FeedEvent("waiting")  # too early to retry
    now[0] = 1.5
    assert feed.poll().kind == "waiting"  # retried: still unplugged
    now[0] = 3.0
    event = feed.poll()
    assert event.kind == "reconnected" and feed.connected
    assert feed.poll().kind == "frame"
    feed.close()


def test_meters_tell_sharp_from_blurred_fast():
    rgb = cv2.cvtColor(cv2.imread(str(EXAMPLES / "bccd" / "BloodImage_00001.jpg")),
                       cv2.COLOR_BGR2RGB)
    big = cv2.resize(rgb, (2592, 1944))  # a 5 MP camera frame
    sharp = capture.meters(rgb)
    blurred = capture.meters(cv2.GaussianBlur(rgb, (0, 0), 12))
    assert sharp.usable and sharp.focus > 3 * blurred.focus
    assert not blurred.usable
    start = time.perf_counter()
    for _ in range(5):
        capture.meters(big)
    assert (time.perf_counter() - start) / 5 < 0.1
