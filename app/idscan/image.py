"""Decode the PDF417 barcode in a photo or scan of an ID card (for desks that photograph
cards instead of using a keyboard-mode scanner)."""

from __future__ import annotations

import io
import os

import zxingcpp
from PIL import Image, UnidentifiedImageError

from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import Message
from app.idscan.errors import ScanError, UnreadableImageError

# Leading bytes of the image formats Pillow reads that a desk camera or scanner produces.
_IMAGE_SIGNATURES: tuple[bytes, ...] = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"BM",  # BMP
    b"II*\x00",  # TIFF, little-endian
    b"MM\x00*",  # TIFF, big-endian
)

_C = "IdScan"  # translated by the window
NO_BARCODE = Message(N(
    _C, "No ID card barcode was found in the image: photograph the back of the card flat, "
    "in focus and filling most of the picture."), _C)
_UNREADABLE = Message(N(_C, "The image file cannot be read: use a PNG or JPEG photo of the card."), _C)


def looks_like_image(data: bytes) -> bool:
    """Whether ``data`` starts like an image file (PNG, JPEG, GIF, BMP, TIFF or WebP)."""
    if data.startswith(_IMAGE_SIGNATURES):
        return True
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP"


def _text_of(raw: bytes) -> str:
    # Cards write ASCII; a few write accented names in UTF-8, older ones in Latin-1.
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def decode_image(source: str | os.PathLike[str] | bytes) -> str:
    """The text of the ID barcode (PDF417) in an image file or its bytes.

    Raises ``UnreadableImageError`` when the image cannot be opened and ``ScanError`` when it
    holds no PDF417 barcode.
    """
    try:
        opened = Image.open(io.BytesIO(source) if isinstance(source, bytes | bytearray) else source)
        with opened as image:
            image.load()
            grey = image.convert("L")
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError) as exc:
        raise UnreadableImageError(_UNREADABLE) from exc
    try:
        barcodes = zxingcpp.read_barcodes(
            grey, formats=zxingcpp.BarcodeFormat.PDF417, text_mode=zxingcpp.TextMode.Plain
        )
    except (RuntimeError, ValueError) as exc:
        raise UnreadableImageError(_UNREADABLE) from exc
    texts = [_text_of(barcode.bytes) for barcode in barcodes if barcode.valid]
    if not texts:
        raise ScanError(NO_BARCODE)
    # A photo may catch more than one symbol; the card's own starts with its AAMVA header.
    return next((t for t in texts if "ANSI" in t or "AAMVA" in t), texts[0])
