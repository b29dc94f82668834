"""The scanned samples are what tools/build_scans.py says: images only, same pages and gold."""

from __future__ import annotations

import json

import pytest

from kehoach.extract.pdf_pages import page_words
from ocr_support import GOLD_DIR, PDF_DIR, SCANNED_STEMS, build_scans, open_sample

MAX_BYTES = 6_000_000


@pytest.mark.parametrize("stem", SCANNED_STEMS)
def test_scan_is_images_only_with_source_pages_and_gold(stem: str) -> None:
    with open_sample(f"{stem}.a.pdf") as src, open_sample(f"{stem}.scan.pdf") as scan:
        assert scan.page_count == src.page_count
        for a, b in zip(src, scan):
            assert not page_words(b), f"page {b.number + 1} has a text layer"
            assert len(b.get_images()) == 1
            assert abs(a.rect.width - b.rect.width) < 1 and abs(a.rect.height - b.rect.height) < 1
    assert (PDF_DIR / f"{stem}.scan.pdf").stat().st_size <= MAX_BYTES
    gold = json.loads((GOLD_DIR / f"{stem}.a.plan.json").read_text(encoding="utf-8"))
    copy = json.loads((GOLD_DIR / f"{stem}.scan.plan.json").read_text(encoding="utf-8"))
    assert copy == gold, "scan gold is stale: rerun python tools/build_scans.py"


def test_mixed_sample_keeps_body_digital() -> None:
    with open_sample("003_tan_hung.a.pdf") as src, open_sample("003_tan_hung.mixed.pdf") as mixed:
        first = build_scans().appendix_start(src)
        assert 0 < first < src.page_count
        for page in mixed:
            assert bool(page_words(page)) == (page.number < first)
    gold = (GOLD_DIR / "003_tan_hung.a.plan.json").read_text(encoding="utf-8")
    assert json.loads((GOLD_DIR / "003_tan_hung.mixed.plan.json").read_text(encoding="utf-8")) == json.loads(gold)


def test_scan_angles_are_in_range_and_vary() -> None:
    bs = build_scans()
    angles = [bs.page_angle(bs.page_rng("000_phu_rieng", n)) for n in range(1, 20)]
    assert all(0.3 <= abs(a) <= 1.2 for a in angles)
    assert min(angles) < 0 < max(angles)
