"""Page image clean-up before OCR: render, colour-mark suppression, deskew, binarize.

Small pure functions on numpy images (uint8; gray is HxW, colour is HxWx3 RGB).
`ink` masks are uint8 with 255 where the page is printed and 0 on paper.
"""

from __future__ import annotations

import cv2
import fitz  # PyMuPDF
import numpy as np

#: Resolution at which pages are OCR'd.
OCR_DPI = 300
#: Largest skew searched, degrees either way.
MAX_SKEW = 3.0
#: Smaller skews (degrees) are not corrected: 0.05° drifts 2 px across an A4 page at 300 dpi.
MIN_ROTATION = 0.05
#: Saturation (0..255) above which a pixel is colour ink (a seal, a blue signature), not print.
COLOUR_SATURATION = 50
#: Width (pixels) by which the colour mask is grown over the strokes' colourless rims.
COLOUR_GROW = 7
#: Value (0..255) under which a saturated pixel is black text under the ink.
COLOUR_MIN_VALUE = 60
#: Rim pixels lighter than this are the fringe of a colour stroke, darker ones are text.
RIM_MIN_VALUE = 90
#: Gain undoing the ink's own absorption in its clearest channel (seal red: R ≈ 0.8).
INK_CLEAR = 1.2


def render_page(page: fitz.Page, dpi: int = OCR_DPI) -> np.ndarray:
    """The page as an RGB image at `dpi`."""
    pix = page.get_pixmap(dpi=dpi, colorspace=fitz.csRGB, alpha=False)
    return np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, 3).copy()


def colour_masks(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(ink, rim) boolean masks: saturated pixels (a red seal, a blue pen, and black text
    seen through them), and the colourless rim around light colour strokes (anti-aliasing,
    JPEG's half-resolution chroma leave a gray fringe)."""
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    s, v = hsv[:, :, 1], hsv[:, :, 2]
    ink = s > COLOUR_SATURATION
    light = (ink & (v > COLOUR_MIN_VALUE)).astype(np.uint8)
    grown = cv2.dilate(light, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (COLOUR_GROW, COLOUR_GROW)))
    return ink, (grown > 0) & ~ink


def suppress_colour(rgb: np.ndarray) -> np.ndarray:
    """Gray image with coloured marks (seal, signature ink) turned to paper.

    A colour pixel takes the value of its brightest channel (red ink is nearly clear in the
    red channel, blue ink in the blue one), so black text under a red seal stays black with
    its edges; the gray fringe around colour strokes is whitened.
    """
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    if rgb.ndim != 3:
        return gray
    # Cheap test first: a gray scan has (almost) equal channels everywhere.
    sample = rgb[::4, ::4]
    spread = sample.max(axis=2).astype(np.int16) - sample.min(axis=2)
    if int((spread > COLOUR_SATURATION // 2).sum()) < 4:
        return gray
    ink, rim = colour_masks(rgb)
    seen_through = np.minimum(255, rgb.max(axis=2).astype(np.float32) * INK_CLEAR).astype(np.uint8)
    gray = gray.copy()
    gray[ink] = seen_through[ink]
    gray[rim & (gray > RIM_MIN_VALUE)] = 255
    return gray


def binarize(gray: np.ndarray) -> np.ndarray:
    """Ink mask by Otsu's threshold on a lightly smoothed image."""
    blur = cv2.GaussianBlur(gray, (3, 3), 0)
    _, ink = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return ink


def binarize_lines(gray: np.ndarray) -> np.ndarray:
    """A more generous ink mask for finding rules: thin (0.5 pt) rules render light gray,
    so the threshold sits halfway between Otsu's and the paper's tone."""
    blur = cv2.GaussianBlur(gray, (3, 3), 0)
    t, _ = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    paper = float(np.percentile(gray[::4, ::4], 90))
    _, ink = cv2.threshold(gray, (t + paper) / 2, 255, cv2.THRESH_BINARY_INV)
    return ink


def _rotate(img: np.ndarray, angle: float, border: int = 0, interp: int = cv2.INTER_NEAREST) -> np.ndarray:
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(img, m, (w, h), flags=interp, borderValue=border)


def _profile_score(ink: np.ndarray, angle: float) -> float:
    """Sharpness of the horizontal projection profile after rotating by `angle`."""
    prof = _rotate(ink, angle).sum(axis=1, dtype=np.float64)
    return float(np.square(np.diff(prof)).sum())


def estimate_skew(ink: np.ndarray, max_angle: float = MAX_SKEW) -> float:
    """The rotation (degrees, counter-clockwise as cv2 counts it) that levels the page.

    Projection profile: text lines and horizontal rulings give the sharpest row profile
    when level. Coarse-to-fine search on a half-size image (steps 0.25, 0.05, 0.01 deg).
    """
    h, w = ink.shape
    scale = min(1.0, 1400 / max(w, 1))
    small = cv2.resize(ink, (int(w * scale), int(h * scale)), interpolation=cv2.INTER_AREA) if scale < 1 else ink
    if int(np.count_nonzero(small)) < 100:
        return 0.0
    best, span = 0.0, max_angle
    for step in (0.25, 0.05, 0.01):
        angles = np.arange(best - span, best + span + step / 2, step)
        scores = [_profile_score(small, a) for a in angles]
        best = float(angles[int(np.argmax(scores))])
        span = step
    return round(best, 2)


def rotate_gray(gray: np.ndarray, angle: float) -> np.ndarray:
    """Rotate a gray page by `angle` degrees about its centre, filling with white.
    Below MIN_ROTATION the page is left alone (resampling would only blur it)."""
    if abs(angle) < MIN_ROTATION:
        return gray
    return _rotate(gray, angle, border=255, interp=cv2.INTER_LINEAR)


def clean_page(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """(gray, ink, angle): colour marks removed, deskewed, binarized. `angle` is the
    rotation applied (0.0 when the page was level enough)."""
    gray = suppress_colour(rgb)
    angle = estimate_skew(binarize(gray))
    if abs(angle) < MIN_ROTATION:
        angle = 0.0
    gray = rotate_gray(gray, angle)
    return gray, binarize(gray), angle
