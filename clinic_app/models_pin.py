"""The shipped model manifest's digest, pinned in the code (generated, not by hand).

Written by ``python -m quantize.pin`` and by ``quantize.convert`` when it ships a model;
``clinic_app.modelpack.load_manifest`` refuses any manifest whose ``manifest_digest`` differs.
"""

MANIFEST_SHA256 = "82bc1c9e5d4cef50d7b64b462fa3a9ed57e707953633e699aa81a9001cca0fb0"
