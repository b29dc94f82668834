"""Page image clean-up: deskew recovers a known rotation; seal suppression removes red."""

from __future__ import annotations

import cv2
import fitz
import numpy as np
import pytest

from kehoach.extract.ocr_image import binarize, estimate_skew, render_page, rotate_gray, suppress_colour
from ocr_support import build_scans, open_sample


@pytest.fixture(scope="module")
def body_gray() -> np.ndarray:
    with open_sample("003_tan_hung.a.pdf") as doc:
        return cv2.cvtColor(render_page(doc[1]), cv2.COLOR_RGB2GRAY)


@pytest.fixture(scope="module")
def table_gray() -> np.ndarray:
    with open_sample("003_tan_hung.a.pdf") as doc:
        return cv2.cvtColor(render_page(doc[7]), cv2.COLOR_RGB2GRAY)


@pytest.mark.parametrize("angle", [0.35, -0.8, 1.15, -2.4])
def test_deskew_recovers_known_rotation_on_text(body_gray: np.ndarray, angle: float) -> None:
    turned = rotate_gray(body_gray, angle)
    assert abs(estimate_skew(binarize(turned)) + angle) <= 0.1


@pytest.mark.parametrize("angle", [0.6, -1.0])
def test_deskew_recovers_known_rotation_on_table(table_gray: np.ndarray, angle: float) -> None:
    turned = rotate_gray(table_gray, angle)
    assert abs(estimate_skew(binarize(turned)) + angle) <= 0.1


def test_level_page_stays_level(body_gray: np.ndarray) -> None:
    assert abs(estimate_skew(binarize(body_gray))) <= 0.05


@pytest.mark.parametrize("number", [1, 3, 8])
def test_deskew_on_scanned_sample_pages(number: int) -> None:
    """The scan builder's own angle (seeded per page) is found within 0.1°."""
    bs = build_scans()
    true = bs.page_angle(bs.page_rng("003_tan_hung", number))
    with open_sample("003_tan_hung.scan.pdf") as doc:
        gray = suppress_colour(render_page(doc[number - 1]))
    assert abs(estimate_skew(binarize(gray)) + true) <= 0.1


def test_seal_suppression_removes_red_and_keeps_text_under_it() -> None:
    bs = build_scans()
    with open_sample("003_tan_hung.a.pdf") as doc:
        sig = bs.find_signature(doc, "Lê Viết Truyền", "PHÓ CHỦ TỊCH")
        assert sig is not None
        index, at = sig
        page = doc[index]
        gray = cv2.cvtColor(render_page(page), cv2.COLOR_RGB2GRAY)
    scale = 300 / 72
    radius = int(17.5 / 25.4 * 300)
    cx, cy = int(at.x * scale), int(at.y * scale)
    stamped = bs.stamp(gray, (cx, cy), radius, np.random.default_rng(7))
    hsv = cv2.cvtColor(stamped, cv2.COLOR_RGB2HSV)
    assert int((hsv[:, :, 1] > 100).sum()) > 10_000  # the seal is there, and red

    clean = binarize(suppress_colour(stamped)) > 0
    plain = binarize(gray) > 0
    box = (slice(cy - radius - 5, cy + radius + 5), slice(cx - radius - 5, cx + radius + 5))
    seal_ink = (binarize(cv2.cvtColor(stamped, cv2.COLOR_RGB2GRAY)) > 0)[box] & ~plain[box]
    left = clean[box] & ~plain[box]
    assert left.sum() <= 0.02 * seal_ink.sum(), "seal ink left after suppression"
    kept = (clean[box] & plain[box]).sum() / max(1, plain[box].sum())
    assert kept >= 0.9, f"only {kept:.0%} of the text under the seal kept"
