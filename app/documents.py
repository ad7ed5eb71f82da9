"""Document files (ID and medical card images): what the vendor accepts, checked by content.

The vendor takes jpeg, jpg, png and pdf. A file is judged by its first bytes, never by its
name alone: a renamed Word file is refused at once, with a message, before it is queued.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from app import wire
from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import Message

_C = "Documents"

# kind -> (the bytes every such file starts with, the content type sent)
KINDS: dict[str, tuple[bytes, str]] = {
    "jpeg": (b"\xff\xd8\xff", "image/jpeg"),
    "png": (b"\x89PNG\r\n\x1a\n", "image/png"),
    "pdf": (b"%PDF-", "application/pdf"),
}
EXTENSIONS: dict[str, str] = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".pdf": "pdf"}
FILE_DIALOG_FILTER = N(_C, "Images and PDF (*.jpg *.jpeg *.png *.pdf)")


class DocumentProblem(ValueError):
    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class DocumentData:
    filename: str
    content_type: str
    data: bytes = field(repr=False)

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


def sniff_kind(head: bytes) -> str | None:
    """The kind of file ``head`` (its first bytes) belongs to, or None."""
    for kind, (magic, _type) in KINDS.items():
        if head.startswith(magic):
            return kind
    return None


def _size_text(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} KB"


def check_document(filename: str, data: bytes, max_bytes: int) -> DocumentData:
    name = Path(filename).name or "document"
    if not data:
        raise DocumentProblem(Message(N(_C, "{name} is empty"), _C, name=name))
    if len(data) > max_bytes:
        raise DocumentProblem(Message(
            N(_C, "{name} is {size}; documents can be at most {limit}"), _C,
            name=name, size=_size_text(len(data)), limit=_size_text(max_bytes)))
    kind = sniff_kind(data[:16])
    if kind is None:
        raise DocumentProblem(Message(
            N(_C, "{name} is not a JPEG, PNG or PDF file; scan or save it as one of those"), _C, name=name))
    ext_kind = EXTENSIONS.get(Path(name).suffix.lower())
    if ext_kind is not None and ext_kind != kind:
        # the content decides; the name is corrected so the POS shows the right type
        name = f"{Path(name).stem}.{'jpg' if kind == 'jpeg' else kind}"
    elif ext_kind is None:
        name = f"{name}.{'jpg' if kind == 'jpeg' else kind}"
    return DocumentData(name, KINDS[kind][1], data)


def load_document(path: str | Path, max_bytes: int) -> DocumentData:
    """Read and check a file; the size is checked before reading a byte of a huge file."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentProblem(Message(
                N(_C, "{name} is {size}; documents can be at most {limit}"), _C,
                name=path.name, size=_size_text(size), limit=_size_text(max_bytes)))
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentProblem(Message(
            N(_C, "{name} cannot be read ({reason})"), _C, name=path.name, reason=exc.strerror or "error")) from None
    return check_document(path.name, data, max_bytes)


@dataclass(frozen=True)
class RecentFile:
    path: Path
    modified: float  # seconds since the epoch
    size: int


def recent_files(folder: str | Path, limit: int = 8) -> list[RecentFile]:
    """The newest JPEG, PNG and PDF files right in ``folder`` (a document scanner's output),
    newest first; an empty list when the folder cannot be read. Contents are not read here."""
    found: list[RecentFile] = []
    try:
        with os.scandir(Path(folder).expanduser()) as entries:
            for entry in entries:
                if Path(entry.name).suffix.lower() not in EXTENSIONS or entry.name.startswith("."):
                    continue
                try:
                    if not entry.is_file():
                        continue
                    info = entry.stat()
                except OSError:
                    continue
                found.append(RecentFile(Path(entry.path), info.st_mtime, info.st_size))
    except OSError:
        return []
    found.sort(key=lambda f: (-f.modified, f.path.name))
    return found[:limit]


# Words in a file's name that say it is the medical recommendation (or a medical card).
_MEDICAL_WORDS = ("medical", "mmj", "physician", "doctor", "letter", "recomend", "recommend")


def suggested_type(filename: str, types_present: Iterable[str]) -> str:
    """The document type to propose for a new file: the recommendation when its name says so,
    else the ID first and the recommendation after it. The clerk can change it."""
    stem = Path(filename).stem.lower()
    words = [w for w in re.split(r"[^a-z]+", stem) if w]
    if "rec" in words or any(w.startswith(m) for w in words for m in _MEDICAL_WORDS):
        return wire.DOC_TYPE_MEDICAL
    return wire.DOC_TYPE_MEDICAL if wire.DOC_TYPE_ID in set(types_present) else wire.DOC_TYPE_ID
