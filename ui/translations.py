"""Finding the compiled translation catalogue (``.qm``) for a language.

The sources are ``resources/translations/intake_<lang>.ts`` (kept in git); compiled ``.qm``
files are build output. A packaged build ships them beside the sources. Run from a source
checkout, the ``.ts`` is compiled with PySide6's ``lrelease`` into the per-user cache the first
time (and again whenever the ``.ts`` is newer). Without ``lrelease`` the window stays in English.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs

from app.assets import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("es", "fr")
# The .ts header's language: Canadian stores, so French is Canadian French.
TS_LANGUAGE = {"es": "es", "fr": "fr_CA"}
_LRELEASE_TIMEOUT = 60


def ts_path(language: str) -> Path:
    return resource_path("translations", f"intake_{language}.ts")


def find_lrelease() -> list[str] | None:
    """The command that runs PySide6's lrelease, or None when it is not installed."""
    script_dir = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (script_dir / name).is_file():
            return [str(script_dir / name)]
    try:
        import PySide6
    except ImportError:
        return None
    package = Path(PySide6.__file__).parent
    for candidate in (package / "lrelease", package / "lrelease.exe", package / "Qt" / "bin" / "lrelease"):
        if candidate.is_file():
            return [str(candidate)]
    found = shutil.which("pyside6-lrelease")
    return [found] if found else None


def compile_ts(ts: Path, qm: Path) -> bool:
    """Compile ``ts`` into ``qm``; False (and a warning in the log) when that cannot be done."""
    command = find_lrelease()
    if command is None:
        log.warning("lrelease is not installed; %s stays untranslated", ts.name)
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run([*command, "-silent", str(ts), "-qm", str(qm)],
                              capture_output=True, text=True, timeout=_LRELEASE_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("lrelease could not run on %s: %s", ts.name, type(exc).__name__)
        return False
    if done.returncode != 0 or not qm.is_file():
        log.warning("lrelease failed on %s: %s", ts.name, done.stderr.strip()[:500])
        return False
    return True


def qm_path(language: str) -> Path | None:
    """The compiled catalogue for ``language``, compiling it if needed; None when there is none."""
    shipped = resource_path("translations", f"intake_{language}.qm")
    ts = ts_path(language)
    if shipped.is_file() and (not ts.is_file() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.is_file():
        return None
    cached = Path(platformdirs.user_cache_dir("intake")) / "translations" / f"intake_{language}.qm"
    if cached.is_file() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    return cached if compile_ts(ts, cached) else None


def compile_all(out_dir: Path) -> list[Path]:
    """Compile every language into ``out_dir`` (for a packaged build); raises if one fails."""
    out_dir = Path(out_dir)
    built = []
    for language in LANGUAGES:
        qm = out_dir / f"intake_{language}.qm"
        if not compile_ts(ts_path(language), qm):
            raise RuntimeError(f"could not compile {ts_path(language).name}")
        built.append(qm)
    return built


if __name__ == "__main__":  # python -m ui.translations OUT_DIR
    for path in compile_all(Path(sys.argv[1] if len(sys.argv) > 1 else resource_path("translations"))):
        print(path)
