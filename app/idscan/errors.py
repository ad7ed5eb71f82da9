"""The two ways reading an ID barcode can fail."""

from __future__ import annotations


class ScanError(ValueError):
    """The input is not a readable ID-card barcode. The message is written for the clerk
    and never repeats the customer's data."""


class UnreadableImageError(ScanError):
    """The image file itself could not be opened (missing, truncated, not an image)."""
