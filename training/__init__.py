"""Model factory: one command per shipped model (``python -m training.train --task ...``).

Needs TensorFlow (``pip install -e .[train]``); the app itself never imports it.
"""
