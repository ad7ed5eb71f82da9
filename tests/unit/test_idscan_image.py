"""Decoding photos of ID cards: PDF417 symbols drawn with pdf417gen and read back."""

from __future__ import annotations

import io

import pdf417gen
import pytest
from PIL import Image

from app.idscan import ScanError, UnreadableImageError, parse_barcode
from app.idscan.image import decode_image, looks_like_image
from tests.unit.idscan_corpus import CARDS, TODAY


def _png(text: str, *, encoding: str = "utf-8", rotate: int = 0, scale: int = 3) -> bytes:
    image = pdf417gen.render_image(pdf417gen.encode(text.encode(encoding), columns=12), scale=scale, padding=20)
    if rotate:
        image = image.rotate(rotate, expand=True, fillcolor="white")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.mark.parametrize("card", CARDS[:4] + [c for c in CARDS if c.issuer == "QC"], ids=lambda c: c.name)
def test_a_photographed_card_reads_like_a_scanned_one(card):
    text = decode_image(_png(card.text))
    assert text == card.text
    assert parse_barcode(text, today=TODAY).fields == card.fields


def test_latin1_accents_are_read_too():
    card = next(c for c in CARDS if c.issuer == "QC")
    assert decode_image(_png(card.text, encoding="latin-1")) == card.text


def test_a_card_photographed_sideways(tmp_path):
    path = tmp_path / "card.png"
    path.write_bytes(_png(CARDS[0].text, rotate=90))
    assert decode_image(path) == CARDS[0].text
    assert decode_image(str(path)) == CARDS[0].text


def test_a_jpeg_photo():
    image = pdf417gen.render_image(pdf417gen.encode(CARDS[1].text, columns=12), scale=4, padding=20)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90)
    assert decode_image(out.getvalue()) == CARDS[1].text


def test_an_image_without_a_barcode():
    out = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(out, format="PNG")
    with pytest.raises(ScanError) as caught:
        decode_image(out.getvalue())
    assert not isinstance(caught.value, UnreadableImageError)


@pytest.mark.parametrize("source", [b"", b"\x89PNG\r\n\x1a\nbroken", b"not an image at all"])
def test_unreadable_image_bytes(source):
    with pytest.raises(UnreadableImageError):
        decode_image(source)


def test_a_missing_file(tmp_path):
    with pytest.raises(UnreadableImageError):
        decode_image(tmp_path / "nowhere.png")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n....", True),
        (b"\xff\xd8\xff\xe0....", True),
        (b"GIF89a..", True),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", True),
        (b"@\n\x1e\rANSI 636014", False),
        (b"", False),
    ],
)
def test_looks_like_image(data, expected):
    assert looks_like_image(data) is expected
