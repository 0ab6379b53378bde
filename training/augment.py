"""Augmentations that make a model survive another microscope, camera and stain.

Geometry: flips, 90-degree rotations, small zoom and shift. Colour: brightness, contrast, hue
and saturation jitter (stain variation). Optics: blur and sensor noise. All in TensorFlow ops so
they run inside tf.data on the fly.
"""

from __future__ import annotations

import tensorflow as tf


def geometry(image: tf.Tensor, out_size: int, zoom: tuple[float, float] = (0.88, 1.12)
             ) -> tf.Tensor:
    """Random flip, rot90, and a random crop of (zoom[0]..zoom[1]) x ``out_size`` resized to
    ``out_size``: cells appear up to 1/zoom[0] times larger, as under another microscope."""
    image = tf.image.random_flip_left_right(image)
    image = tf.image.random_flip_up_down(image)
    image = tf.image.rot90(image, k=tf.random.uniform([], 0, 4, dtype=tf.int32))
    size = tf.shape(image)[0]
    lo = tf.cast(tf.cast(out_size, tf.float32) * zoom[0], tf.int32)
    hi = tf.minimum(size, tf.cast(tf.cast(out_size, tf.float32) * zoom[1], tf.int32))
    crop = tf.random.uniform([], lo, tf.maximum(lo + 1, hi + 1), dtype=tf.int32)
    crop = tf.minimum(crop, size)
    channels = tf.shape(image)[-1]
    image = tf.image.random_crop(image, tf.stack([crop, crop, channels]))
    return tf.image.resize(image, (out_size, out_size), method="bilinear")


def colour(image: tf.Tensor, strength: float = 1.0) -> tf.Tensor:
    """Stain and illumination jitter on a float 0-255 RGB image."""
    x = image / 255.0
    x = tf.image.random_brightness(x, 0.10 * strength)
    x = tf.image.random_contrast(x, 1 - 0.2 * strength, 1 + 0.2 * strength)
    x = tf.image.random_hue(x, 0.04 * strength)
    x = tf.image.random_saturation(x, 1 - 0.3 * strength, 1 + 0.3 * strength)
    return tf.clip_by_value(x, 0.0, 1.0) * 255.0


def blur_noise(image: tf.Tensor, p: float = 0.25) -> tf.Tensor:
    """Sometimes a slight defocus blur, sometimes camera noise."""
    k = tf.constant([1.0, 2.0, 1.0])
    k = tf.tensordot(k, k, axes=0) / 16.0
    kernel = tf.tile(k[:, :, None, None], [1, 1, 3, 1])
    blurred = tf.nn.depthwise_conv2d(image[None], kernel, [1, 1, 1, 1], "SAME")[0]
    image = tf.where(tf.random.uniform([]) < p, blurred, image)
    sigma = tf.random.uniform([], 0.0, 6.0)
    noisy = image + tf.random.normal(tf.shape(image), stddev=sigma)
    image = tf.where(tf.random.uniform([]) < p, noisy, image)
    return tf.clip_by_value(image, 0.0, 255.0)


def classification(image: tf.Tensor, out_size: int, zoom: tuple[float, float] = (0.88, 1.12),
                   strength: float = 1.0) -> tf.Tensor:
    image = geometry(tf.cast(image, tf.float32), out_size, zoom)
    return blur_noise(colour(image, strength))


def segmentation(image: tf.Tensor, mask: tf.Tensor, crop: int) -> tuple[tf.Tensor, tf.Tensor]:
    """Joint flip/rot/crop of image and mask (no resampling: masks stay pixel exact)."""
    both = tf.concat([tf.cast(image, tf.float32), tf.cast(mask[..., None], tf.float32)], axis=-1)
    both = tf.image.random_flip_left_right(both)
    both = tf.image.random_flip_up_down(both)
    both = tf.image.rot90(both, k=tf.random.uniform([], 0, 4, dtype=tf.int32))
    both = tf.image.random_crop(both, [crop, crop, 4])
    img = blur_noise(illumination(both[..., :3]), p=0.1)
    return img, both[..., 3:]


def illumination(image: tf.Tensor) -> tf.Tensor:
    """Brightness/contrast only: the given masks separate purple from pink cells by hue, so a
    hue shift would teach the segmenter labels that contradict them."""
    x = tf.image.random_brightness(image / 255.0, 0.06)
    x = tf.image.random_contrast(x, 0.9, 1.1)
    return tf.clip_by_value(x, 0.0, 1.0) * 255.0
