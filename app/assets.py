"""One way to find the data files shipped in ``resources/``, from source, wheel or frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/`` (a real file on disk in every supported layout)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root, "resources", *parts)
    # ``resources`` is a plain package on disk (source tree, wheel or editable install); its
    # folder is found without importlib.resources, which costs start-up time.
    import resources

    return Path(resources.__file__).parent.joinpath(*parts)


def read_text(*parts: str) -> str:
    return resource_path(*parts).read_text(encoding="utf-8")


def read_bytes(*parts: str) -> bytes:
    return resource_path(*parts).read_bytes()
