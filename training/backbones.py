"""Model architectures: two classification backbones and a small U-Net.

Every op is Edge-TPU friendly (Conv2D, DepthwiseConv2D, ReLU/ReLU6, pooling, add, concat,
resize-nearest, static shapes). Classifiers end in a 1x1 convolution to per-class maps followed
by global average pooling: that is mathematically the usual GAP + dense head, and it lets the
INT8 model output its class activation maps (CAM) directly, so the app draws heat maps with no
gradients and no extra weights.
"""

from __future__ import annotations

import keras
from keras import layers

BN_MOMENTUM = 0.9  # Keras' 0.99 lags far behind on short from-scratch runs


def conv_bn(x, filters: int, kernel: int = 3, stride: int = 1, act: str = "relu"):
    x = layers.Conv2D(filters, kernel, strides=stride, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization(momentum=BN_MOMENTUM)(x)
    return layers.ReLU(6.0 if act == "relu6" else None)(x)


def compact_cnn(x, width: int = 32):
    """Plain VGG-style CNN: fast on CPUs, simple to quantize."""
    x = conv_bn(x, width, stride=2)
    x = conv_bn(x, width)
    x = layers.MaxPooling2D()(x)
    x = conv_bn(x, width * 2)
    x = conv_bn(x, width * 2)
    x = layers.MaxPooling2D()(x)
    x = conv_bn(x, width * 4)
    x = conv_bn(x, width * 4)
    x = layers.MaxPooling2D()(x)
    return conv_bn(x, width * 8)


def _inverted_residual(x, filters: int, stride: int, expand: int = 4):
    inp = x
    c_in = x.shape[-1]
    x = conv_bn(x, c_in * expand, kernel=1, act="relu6")
    x = layers.DepthwiseConv2D(3, strides=stride, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization(momentum=BN_MOMENTUM)(x)
    x = layers.ReLU(6.0)(x)
    x = layers.Conv2D(filters, 1, use_bias=False)(x)
    x = layers.BatchNormalization(momentum=BN_MOMENTUM)(x)
    if stride == 1 and c_in == filters:
        x = layers.Add()([inp, x])
    return x


def mobile_net(x, width: int = 16):
    """MobileNetV2-style inverted residual blocks (depthwise), ReLU6."""
    x = conv_bn(x, width * 2, stride=2, act="relu6")
    for filters, stride in ((width, 1), (width * 2, 2), (width * 2, 1), (width * 4, 2),
                            (width * 4, 1), (width * 8, 2), (width * 8, 1)):
        x = _inverted_residual(x, filters, stride)
    return conv_bn(x, width * 16, kernel=1, act="relu6")


BACKBONES = {"compact": compact_cnn, "mobile": mobile_net}


def classifier(input_size: int, n_classes: int, backbone: str = "compact",
               width: int | None = None) -> tuple[keras.Model, keras.Model]:
    """Return (training model -> probabilities, export model -> [probabilities, class maps]).

    Input is float RGB 0-255 so the INT8 model takes raw uint8 pixels.
    """
    inp = keras.Input((input_size, input_size, 3), name="image")
    x = layers.Rescaling(1.0 / 255.0)(inp)
    fn = BACKBONES[backbone]
    feats = fn(x) if width is None else fn(x, width)
    feats = layers.Dropout(0.2)(feats)
    maps = layers.Conv2D(n_classes, 1, name="class_maps")(feats)
    logits = layers.GlobalAveragePooling2D()(maps)
    probs = layers.Softmax(name="probs", dtype="float32")(logits)
    maps_out = layers.Activation("linear", name="cam", dtype="float32")(maps)
    return keras.Model(inp, probs), keras.Model(inp, [probs, maps_out])


def upsample_concat(x):
    """Nearest-neighbour x2 with CONCATENATION and RESHAPE only (both run on the Edge TPU)."""
    h, w, c = x.shape[1:]
    x = layers.Reshape((h, 2 * w, c))(layers.Concatenate(axis=-1)([x, x]))
    return layers.Reshape((2 * h, 2 * w, c))(layers.Concatenate(axis=2)([x, x]))


UNET_WIDTHS = (8, 16, 32, 64, 128)  # cell-seg as shipped up to 1.x


def unet(input_size: int | None = None,
         widths: tuple[int, ...] = UNET_WIDTHS, edgetpu: bool = False) -> keras.Model:
    """Small U-Net: conv blocks, max-pool down, nearest-neighbour up, skip concatenation.

    Four poolings give a ~100 px receptive field: enough context to tell which cells the
    data set's masks include, at little cost (the deep levels are tiny)."""
    inp = keras.Input((input_size, input_size, 3), name="image")
    x = layers.Rescaling(1.0 / 255.0)(inp)
    skips = []
    for w in widths[:-1]:
        x = conv_bn(conv_bn(x, w), w)
        skips.append(x)
        x = layers.MaxPooling2D()(x)
    x = conv_bn(conv_bn(x, widths[-1]), widths[-1])
    for w, skip in zip(reversed(widths[:-1]), reversed(skips), strict=True):
        if edgetpu:  # UpSampling2D becomes TILE, which the Edge TPU lacks
            x = upsample_concat(x)
        else:  # static shape unknown while training on crops
            x = layers.UpSampling2D(interpolation="nearest")(x)
        x = layers.Concatenate()([x, skip])
        x = conv_bn(conv_bn(x, w), w)
    out = layers.Conv2D(1, 1, activation="sigmoid", name="mask", dtype="float32")(x)
    return keras.Model(inp, out)


def export_seg(model: keras.Model, size: int) -> keras.Model:
    """Rebuild the fully convolutional U-Net at the static shipped size (Edge TPU needs it)."""
    widths = tuple(layer.filters for layer in model.layers
                   if isinstance(layer, keras.layers.Conv2D) and layer.name != "mask")[::2]
    widths = widths[: len(widths) // 2 + 1]
    policy = keras.mixed_precision.global_policy()
    keras.mixed_precision.set_global_policy("float32")  # a GPU run trains in mixed float16
    try:
        fixed = unet(size, widths=widths, edgetpu=True)
    finally:
        keras.mixed_precision.set_global_policy(policy)
    fixed.set_weights(model.get_weights())
    return fixed
