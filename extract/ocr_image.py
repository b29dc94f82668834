"""Page image clean-up before OCR: render, colour-mark suppression, orientation (quarter
turns), deskew, binarize.

Small pure functions on numpy images (uint8; gray is HxW, colour is HxWx3 RGB).
`ink` masks are uint8 with 255 where the page is printed and 0 on paper.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def level_page(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """(gray, ink, angle) of an upright gray page: deskewed, binarized. `angle` is the
    rotation applied (0.0 when the page was level enough)."""
    angle = estimate_skew(binarize(gray))
    if abs(angle) < MIN_ROTATION:
        angle = 0.0
    gray = rotate_gray(gray, angle)
    return gray, binarize(gray), angle


def clean_page(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """(gray, ink, angle): colour marks removed, deskewed, binarized (no orientation test:
    the page is taken as upright)."""
    return level_page(suppress_colour(rgb))


# --- Orientation: which quarter turn makes the page upright -------------------------------
#
# A cheap test on a half-size image, in two steps: (1) do text lines run across or down the
# image? In the direction of the lines, the ink profile of a narrow band is broken by the
# blank gap under every line; across them, the gaps between letters of several lines do not
# line up. (2) Which side is up? Vietnamese text carries much more ink above a line's core
# (capitals, ascenders, tone marks) than below it (descenders, the dot under "ạ").
# Rulings are removed first (tables would give both directions), the seal already is.

#: Scale of the image the cheap test works on (300 dpi → 150 dpi).
ORIENT_SCALE = 0.5
#: Rulings (px at ORIENT_SCALE) removed before the test: strokes this long are not letters.
ORIENT_RULE = 40
#: Width (px at ORIENT_SCALE) of the bands whose profiles are read: narrow enough that a
#: skew of a degree or two does not fill the gaps between lines (finding them), or smear
#: a line's core (weighing the ink above and below it).
ORIENT_BAND = 150
UPDOWN_BAND = 75
#: A gap between lines is at least this many blank profile rows (px at ORIENT_SCALE).
ORIENT_MIN_GAP = 3
#: Ratio (of gap densities; of ink above to below line cores) from which a step decides.
#: Measured on the scanned samples (41 pages): upright pages give >= 1.8 and >= 1.6, turned
#: ones the inverse; on renderings of the other samples skewed by 2-2.5° (78 pages) 6% of
#: the pages fall under 1.3 (then OSD decides), none on the wrong side.
LINE_RATIO = 1.3
UPDOWN_RATIO = 1.3
#: Least evidence for a decision: gaps between lines, and ink pixels above plus below cores.
MIN_LINE_GAPS = 8
MIN_UPDOWN_INK = 300
#: A text line's height (px at ORIENT_SCALE) lies in this range (8 to 30 pt type).
LINE_HEIGHT = (6, 60)


def turn_image(img: np.ndarray, turn: int) -> np.ndarray:
    """The image turned `turn` degrees clockwise (0, 90, 180 or 270): exact, no resampling."""
    k = (turn // 90) % 4
    return img if k == 0 else np.ascontiguousarray(np.rot90(img, -k))


def text_ink(gray: np.ndarray, scale: float = ORIENT_SCALE) -> np.ndarray:
    """Boolean ink of the page at `scale`, with long strokes (rulings) taken out."""
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale != 1 else gray
    ink = binarize(small)
    # A skewed rule is a staircase of short steps: thickened across first, it is one stroke.
    rect = cv2.getStructuringElement
    h = cv2.morphologyEx(cv2.dilate(ink, rect(cv2.MORPH_RECT, (1, 3))), cv2.MORPH_OPEN,
                         rect(cv2.MORPH_RECT, (ORIENT_RULE, 1)))
    v = cv2.morphologyEx(cv2.dilate(ink, rect(cv2.MORPH_RECT, (3, 1))), cv2.MORPH_OPEN,
                         rect(cv2.MORPH_RECT, (1, ORIENT_RULE)))
    return (ink > 0) & (h == 0) & (v == 0)


def _band_profiles(ink: np.ndarray, band: int):
    """Row profiles (ink per row) of vertical bands `band` wide, trimmed to their ink."""
    h, w = ink.shape
    for x in range(0, max(1, w - band // 2), band):
        p = ink[:, x:x + band].sum(axis=1)
        nz = np.flatnonzero(p)
        if len(nz):
            yield p[nz[0]:nz[-1] + 1]


def line_gaps(ink: np.ndarray) -> tuple[int, int]:
    """(gaps, length): blank runs of at least ORIENT_MIN_GAP rows inside the band profiles,
    and the profiles' total length. Text lines across the image give one gap per line."""
    gaps = length = 0
    for p in _band_profiles(ink, ORIENT_BAND):
        on = (p > 0).astype(np.int8)
        d = np.diff(on)
        ends, starts = np.flatnonzero(d == -1), np.flatnonzero(d == 1)
        gaps += int(((starts - ends) >= ORIENT_MIN_GAP).sum())
        length += len(p)
    return gaps, length


def ink_above_below(ink: np.ndarray) -> tuple[int, int]:
    """Ink above and below the cores of the text lines running across the image (a core:
    the rows of a line holding at least half its fullest row)."""
    above = below = 0
    for p in _band_profiles(ink, UPDOWN_BAND):
        on = p > 0
        on[1:-1] |= on[:-2] & on[2:]  # a one-row gap (a tone mark's) does not split a line
        d = np.diff(np.concatenate(([0], on.astype(np.int8), [0])))
        for y0, y1 in zip(np.flatnonzero(d == 1), np.flatnonzero(d == -1)):
            run = p[y0:y1]
            if not LINE_HEIGHT[0] <= len(run) <= LINE_HEIGHT[1] or run.max() < 4:
                continue
            core = np.flatnonzero(run >= run.max() / 2)
            above += int(run[:core[0]].sum())
            below += int(run[core[-1] + 1:].sum())
    return above, below


@dataclass(frozen=True, slots=True)
class QuickOrientation:
    """The cheap test's answer: `turn` (degrees clockwise making the page upright) when
    both steps decided, else None; with the two ratios and their evidence, for the note."""

    turn: int | None
    line_ratio: float
    line_gaps: int
    updown_ratio: float
    updown_ink: int


def _ratio(a: float, b: float) -> float:
    return a / b if b else (float("inf") if a else 1.0)


def _strength(ratio: float) -> float:
    """How far a ratio is from 1, either way (2.0 for 2.0 and for 0.5)."""
    return max(ratio, 1 / ratio) if ratio else float("inf")


def quick_orientation(gray: np.ndarray) -> QuickOrientation:
    """Text-line direction by band profiles, then which side is up by ink above/below the
    line cores (see above). About 50 ms of CPU for an A4 page at 300 dpi (1% of its OCR)."""
    ink = text_ink(gray)
    across, across_len = line_gaps(ink)
    down, down_len = line_gaps(np.ascontiguousarray(ink.T))
    ratio = _ratio(across / max(across_len, 1), down / max(down_len, 1))
    sideways = ratio < 1
    # Turn lines running down the image to run across (a clockwise quarter turn), then test.
    level = turn_image(ink, 90) if sideways else ink
    above, below = ink_above_below(level)
    updown = _ratio(above, below)
    decided = (_strength(ratio) >= LINE_RATIO and max(across, down) >= MIN_LINE_GAPS
               and _strength(updown) >= UPDOWN_RATIO and above + below >= MIN_UPDOWN_INK)
    turn = (90 if sideways else 0) + (0 if updown >= 1 else 180)
    return QuickOrientation(turn if decided else None, ratio, max(across, down), updown, above + below)
