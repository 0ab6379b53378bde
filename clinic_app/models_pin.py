"""The shipped model manifest's digest, pinned in the code (generated, not by hand).

Written by ``python -m quantize.pin`` and by ``quantize.convert`` when it ships a model;
``clinic_app.modelpack.load_manifest`` refuses any manifest whose ``manifest_digest`` differs.
"""

MANIFEST_SHA256 = "be2f5988ced261a0dfc50790fbacca2381229d3a5cca2498e391a3488c82b438"
