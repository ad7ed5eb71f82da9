"""Files the installers need that are made from sources at build time, never committed:
PNG icons rendered from ``resources/icons/intake.svg`` and compiled translations.

Run as a script in its own process (the spec and the build scripts do) so Qt is started
offscreen there and never inside PyInstaller's own process::

    python packaging/buildassets.py icons OUT_DIR 64 128 256
    python packaging/buildassets.py translations OUT_DIR
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICON_SVG = ROOT / "resources" / "icons" / "intake.svg"
TRANSLATIONS = ROOT / "resources" / "translations"


def render_icons(out_dir: Path, sizes: list[int], svg: Path = ICON_SVG) -> list[Path]:
    """``intake-<size>.png`` for each size, drawn by Qt's SVG renderer on a transparent square."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {svg}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"intake-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"could not write {path}")
        written.append(path)
    return written


def compile_translations(out_dir: Path, source_dir: Path = TRANSLATIONS) -> list[Path]:
    """``.qm`` for each ``.ts`` under ``resources/translations`` (none when there are no sources)."""
    sources = sorted(source_dir.glob("*.ts")) if source_dir.is_dir() else []
    if not sources:
        return []
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sources:
        qm = out_dir / ts.with_suffix(".qm").name
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
        written.append(qm)
    return written


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "icons":
        sizes = [int(s) for s in argv[2:]] or [64, 128, 256]
        for path in render_icons(Path(argv[1]), sizes):
            print(path)
        return 0
    if len(argv) == 2 and argv[0] == "translations":
        for path in compile_translations(Path(argv[1])):
            print(path)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
