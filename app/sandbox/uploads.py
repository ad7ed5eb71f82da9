"""What the sandbox accepts as a document file: the vendor takes jpeg, jpg, png and pdf, and
the sandbox judges a file by its first bytes with the station's own table (app.documents)."""

from __future__ import annotations

from app.documents import sniff_kind

DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024

__all__ = ["DEFAULT_MAX_UPLOAD_BYTES", "sniff_kind"]
