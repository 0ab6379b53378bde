"""Pin the shipped model manifest in the code: ``clinic_app/models_pin.py``.

    python -m quantize.pin            # re-pin clinic_app/models/manifest.json after an edit
    python -m quantize.pin --check    # exit 1 when the manifest is not the pinned one

The app refuses a manifest whose digest (``clinic_app.modelpack.manifest_digest``) differs
from the pinned one, so a manifest changed on a clinic PC (labels swapped, a threshold moved, a
file pointed elsewhere) never reaches the analysis. ``quantize.convert`` re-pins when it ships a
model into the shipped folder; run this only after a deliberate manual edit, and commit the
manifest and ``clinic_app/models_pin.py`` together.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from clinic_app import modelpack

PIN_FILE = Path(modelpack.__file__).resolve().parent / "models_pin.py"

_TEMPLATE = '''"""The shipped model manifest's digest, pinned in the code (generated, not by hand).

Written by ``python -m quantize.pin`` and by ``quantize.convert`` when it ships a model;
``clinic_app.modelpack.load_manifest`` refuses any manifest whose ``manifest_digest`` differs.
"""

MANIFEST_SHA256 = "{digest}"
'''


def pin_text(digest: str) -> str:
    return _TEMPLATE.format(digest=digest)


def write_pin(models_dir: Path | None = None, pin_file: Path = PIN_FILE) -> str | None:
    """Pin the manifest of ``models_dir`` when it is the shipped folder; return the digest.

    A pack written elsewhere (smoke runs into a temporary folder) is not pinned: the pin
    belongs to the models that ship inside the package."""
    folder = (models_dir or modelpack.MODELS_DIR).resolve()
    if folder != modelpack.MODELS_DIR.resolve():
        return None
    data = modelpack.read_manifest(folder)
    digest = modelpack.manifest_digest(data)
    tmp = pin_file.with_name(pin_file.name + ".tmp")
    tmp.write_text(pin_text(digest), encoding="utf-8")
    tmp.replace(pin_file)
    modelpack.models_pin.MANIFEST_SHA256 = digest  # this process sees the new pin too
    # Pinned either way (the pin says "this is the file we shipped"); a manifest the schema
    # check refuses is then reported here rather than first on a clinic PC.
    modelpack.parse_manifest(data)
    return digest


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--check", action="store_true", help="only check; exit 1 on a mismatch")
    args = p.parse_args(argv)
    try:
        if args.check:
            modelpack.load_manifest()
            print(f"manifest pinned: {modelpack.models_pin.MANIFEST_SHA256}")
            return 0
        digest = write_pin()
    except modelpack.ModelIntegrityError as exc:
        print(f"quantize.pin: {exc}")
        return 1
    print(f"pinned {modelpack.MODELS_DIR / modelpack.MANIFEST}: {digest} -> {PIN_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
