"""Full-integer INT8 conversion, FP32-vs-INT8 parity and Edge TPU checks (needs TensorFlow)."""
