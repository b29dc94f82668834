"""Which pages have a usable text layer: digital, scanned and mixed samples; garbage layers."""

from __future__ import annotations

import pytest

from kehoach.extract.model import Word
from kehoach.extract.pdf_pages import page_words
from kehoach.extract.textlayer import image_area, is_plausible_token, text_layer_usable
from ocr_support import open_sample


def usable_pages(name: str) -> list[bool]:
    with open_sample(name) as doc:
        return [text_layer_usable(page_words(p), p.rect.width * p.rect.height, image_area(p))[0] for p in doc]


def words(text: str) -> list[Word]:
    return [Word(t, 10.0 * i, 0, 10.0 * i + 8, 10) for i, t in enumerate(text.split())]


def test_born_digital_pages_are_usable() -> None:
    assert all(usable_pages("003_tan_hung.a.pdf"))


def test_scanned_pages_are_not() -> None:
    with open_sample("003_tan_hung.scan.pdf") as doc:
        for page in doc:
            usable, reason = text_layer_usable(page_words(page), page.rect.width * page.rect.height, image_area(page))
            assert not usable and "scan" in reason


def test_mixed_document_body_digital_appendix_scanned() -> None:
    flags = usable_pages("003_tan_hung.mixed.pdf")
    first_scanned = flags.index(False)
    assert first_scanned >= 2
    assert all(flags[:first_scanned]) and not any(flags[first_scanned:])


@pytest.mark.parametrize("text, usable", [
    ("Ủy ban nhân dân xã Phú Riềng triển khai thực hiện Nghị quyết số 57-NQ/TW (b/c); KH&CN ≥ 90%", True),
    # TCVN3 (ABC) bytes shown as Latin-1: "Ủy ban nhân dân ..."
    ("Uû ban nh©n d©n x· Phó RiÒng triÓn khai thùc hiÖn NghÞ quyÕt sè 57-NQ/TW cña Bé ChÝnh trÞ", False),
    # VNI bytes shown as Latin-1
    ("UÛy ban nhaân daân xaõ Phuù Rieàng trieån khai thöïc hieän Nghò quyeát soá 57-NQ/TW cuûa Boä", False),
    # glyph soup: replacement and private-use characters
    ("\ufffd\ufffd \ue010\ue011\ue012 abc \ufffd " * 8, False),
])
def test_garbage_text_layers(text: str, usable: bool) -> None:
    ok, reason = text_layer_usable(words(text), 595 * 842, 0.0)
    assert ok is usable, reason


def test_empty_page_is_a_scan_only_when_an_image_covers_it() -> None:
    area = 595.0 * 842.0
    assert text_layer_usable([], area, area)[0] is False
    assert text_layer_usable([], area, 0.0) == (True, "blank page")
    assert text_layer_usable([], area, None)[0] is False  # unknown: OCR to be safe


@pytest.mark.parametrize("token", ["Nghị", "người", "57-NQ/TW", "KH&CN", "(b/c);", "≥", "2026./.", "IoT,"])
def test_plausible_tokens(token: str) -> None:
    assert is_plausible_token(token)


@pytest.mark.parametrize("token", ["nh©n", "Uû", "nhaân", "Ò×Ø"])
def test_implausible_tokens(token: str) -> None:
    assert not is_plausible_token(token)
