"""Fuzz target: the image loader and the whole analysis of one field (issue 14).

    pip install -e .[fuzz]                                   # atheris
    python fuzz/fuzz_field.py /tmp/fuzz-work fuzz/corpus -max_total_time=1200 -rss_limit_mb=600
    python fuzz/fuzz_field.py --loader-only /tmp/fuzz-work fuzz/corpus -max_total_time=600
    python fuzz/fuzz_field.py --fallback 1200                # no atheris: random mutations

The contract under test: any bytes either decode to a field that analyses without an exception,
or are refused with ``ImageError`` (the one-line message the app prints). Anything else is a
crash; libFuzzer saves the input (``crash-*``), the fallback saves it under ``fuzz/crashes/``.
libFuzzer's ``-rss_limit_mb`` holds peak memory to the cap; the fallback reports its own peak.
Give the work folder first so new inputs land there, not in the committed corpus.
"""

from __future__ import annotations

import hashlib
import random
import resource
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
_ANALYZER = None
LOADER_ONLY = "--loader-only" in sys.argv


def _analyzer():
    global _ANALYZER
    if _ANALYZER is None:
        from clinic_app.analysis import Analyzer, AnalyzerOptions

        _ANALYZER = Analyzer(AnalyzerOptions("cpu", 1))
    return _ANALYZER


def one_input(data: bytes) -> None:
    """Decode ``data`` as a camera frame or dropped file would be; analyse what decodes."""
    from clinic_app import images

    try:
        field = images.decode_bytes(data, "fuzz")
    except images.ImageError as exc:
        assert "\n" not in str(exc), "an ImageError message must be one line"
        return
    if LOADER_ONLY:
        return
    _analyzer().analyze_field(field)


# -- fallback: random mutations of the corpus, the same target ------------------------------

def mutate(data: bytearray, rng: random.Random) -> bytearray:
    """Bit flips, byte runs, magic numbers in header fields, truncation, splices."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6)
        pos = rng.randrange(len(out)) if out else 0
        if op == 0 and out:
            out[pos] ^= 1 << rng.randrange(8)
        elif op == 1 and out:
            out[pos] = rng.choice((0, 1, 0x7F, 0x80, 0xFF))
        elif op == 2:
            out[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif op == 3 and len(out) > 8:
            del out[pos:pos + rng.randint(1, 64)]
        elif op == 4 and len(out) > 4:  # a big number in a header-sized field
            pos = rng.randrange(min(len(out) - 4, 256))
            out[pos:pos + 4] = rng.choice((b"\xff\xff\xff\xff", b"\x00\x00\xff\xff",
                                           b"\x7f\xff\xff\xff", b"\x00\x01\x00\x00"))
        elif op == 5 and len(out) > 16:
            out = out[:rng.randrange(8, len(out))]
    return out


def fallback(seconds: float, seed: int = 14) -> int:
    rng = random.Random(seed)
    seeds = [bytearray(p.read_bytes()) for p in sorted(CORPUS.iterdir()) if p.is_file()]
    crashes = HERE / "crashes"
    end, execs, found = time.monotonic() + seconds, 0, 0
    while time.monotonic() < end:
        data = bytes(mutate(rng.choice(seeds), rng))
        execs += 1
        try:
            one_input(data)
        except Exception:  # noqa: BLE001 - a crash: saved and counted
            found += 1
            crashes.mkdir(exist_ok=True)
            name = crashes / f"crash-{hashlib.sha1(data).hexdigest()[:12]}"
            name.write_bytes(data)
            print(f"CRASH {name}:\n{traceback.format_exc()}", file=sys.stderr)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"fallback: {execs} execs in {seconds:.0f} s, {found} crashes, peak RSS {rss:.0f} MB")
    return 1 if found else 0


def main() -> int:
    argv = [a for a in sys.argv if a != "--loader-only"]
    if len(argv) > 2 and argv[1] == "--fallback":
        return fallback(float(argv[2]))
    import atheris

    with atheris.instrument_imports(include=["clinic_app"]):
        from clinic_app import images  # noqa: F401

    if not LOADER_ONLY:
        _analyzer()
    atheris.Setup(argv, one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
