"""The window's file and folder choosers: always Qt's own file dialog, never the platform's.

A native dialog (Windows, macOS, a desktop portal) runs outside the application's event filters:
an ID scanned while it is open would type the barcode's text into its file name field, and the
barcode's line breaks (Enter) would press Open or Save. Qt's own dialog is made of the
application's widgets, so the scanner's filter (``ui.widgets.scan_capture.WedgeFilter``) sees its
keys and swallows such a burst like in any other dialog of the window.

Each function blocks until the dialog closes and returns "" (or []) when it was cancelled.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

OPTIONS = QFileDialog.Option.DontUseNativeDialog


def open_file(parent: QWidget | None, caption: str, folder: str = "", filters: str = "") -> str:
    path, _filter = QFileDialog.getOpenFileName(parent, caption, folder, filters, options=OPTIONS)
    return path


def open_files(parent: QWidget | None, caption: str, folder: str = "", filters: str = "") -> list[str]:
    paths, _filter = QFileDialog.getOpenFileNames(parent, caption, folder, filters, options=OPTIONS)
    return list(paths)


def save_file(parent: QWidget | None, caption: str, suggested: str = "", filters: str = "") -> str:
    """``suggested`` a bare file name: offered in the user's documents folder (else the home
    folder), never in the program's working directory."""
    if suggested and not Path(suggested).is_absolute():
        suggested = str(Path(documents_folder()) / suggested)
    path, _filter = QFileDialog.getSaveFileName(parent, caption, suggested, filters, options=OPTIONS)
    return path


def folder(parent: QWidget | None, caption: str, start: str = "") -> str:
    return QFileDialog.getExistingDirectory(parent, caption, start,
                                            OPTIONS | QFileDialog.Option.ShowDirsOnly)


def documents_folder() -> str:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else QDir.homePath()
