"""The shipped model manifest's digest, pinned in the code (generated, not by hand).

Written by ``python -m quantize.pin`` and by ``quantize.convert`` when it ships a model;
``clinic_app.modelpack.load_manifest`` refuses any manifest whose ``manifest_digest`` differs.
"""

MANIFEST_SHA256 = "1f24f84ae6bf70351a734d218628b49006cc1c5e7c9b5cec42a01cd5e635ad2d"
