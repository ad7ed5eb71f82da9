"""What the sandbox accepts as a document file: the vendor takes jpeg, jpg, png and pdf, and
the sandbox judges a file by its first bytes, as the product does, never by its name."""

from __future__ import annotations

DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024

# kind -> the bytes every file of that kind starts with
MAGIC_BYTES: dict[str, bytes] = {
    "jpeg": b"\xff\xd8\xff",
    "png": b"\x89PNG\r\n\x1a\n",
    "pdf": b"%PDF-",
}


def sniff_kind(head: bytes) -> str | None:
    """The document kind ``head`` (the first bytes of a file) belongs to, or None."""
    for kind, magic in MAGIC_BYTES.items():
        if head.startswith(magic):
            return kind
    return None
