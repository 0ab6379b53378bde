"""Offline white-cell differential and leukemia screening aid.

The package never imports TensorFlow: models run through a TFLite interpreter chosen in
:mod:`clinic_app.runtime`.
"""

__version__ = "0.1.0"
