"""The shipped model manifest's digest, pinned in the code (generated, not by hand).

Written by ``python -m quantize.pin`` and by ``quantize.convert`` when it ships a model;
``clinic_app.modelpack.load_manifest`` refuses any manifest whose ``manifest_digest`` differs.
"""

MANIFEST_SHA256 = "e9da13be7ef02090b8a150bce5232b45e862f6e4a3496dab0f98dc53dc9ae31a"
