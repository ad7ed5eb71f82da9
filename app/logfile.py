"""The station's log file, for support: a rotating file in the platform's log folder.

A station started from the desktop menu has no terminal, so what goes to standard error is lost;
this keeps the same lines in ``intake.log`` (Linux ``~/.local/state/intake/log``, Windows
``%LOCALAPPDATA%\\intake\\Logs``, macOS ``~/Library/Logs/intake``), at most ``MAX_BYTES`` a file and
``BACKUPS`` older files. The lines are the program's log lines as they are: no personal data and
no key in them (the API client's redaction, app.api.redaction, is applied here once more).

The window installs the file once it has opened (its imports, some 25 ms, are not in the way of
the first paint); ``hold_early_lines`` keeps the lines logged before that, and they go to the
file first, in order, when it is installed.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from app import __version__

APP_NAME = "intake"
LOG_FILE = "intake.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 4
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_installed: logging.Handler | None = None
_held: _Held | None = None
HELD_MAX = 1000  # lines kept before the file is installed; the oldest go first beyond that
# Where the file goes; None means the platform's log folder (tests point it elsewhere).
LOG_FOLDER: Path | None = None


class _Held(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        if len(self.records) > HELD_MAX:
            del self.records[0]


def hold_early_lines(logger: logging.Logger | None = None) -> None:
    """Keep what is logged from now until ``install_log_file``, for the file (once per process)."""
    global _held
    if _held is None and _installed is None:
        _held = _Held()
        (logger or logging.getLogger()).addHandler(_held)


def log_folder() -> Path:
    if LOG_FOLDER is not None:
        return LOG_FOLDER
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def current_log_file() -> Path | None:
    """The file this process logs to, or None when it logs to no file."""
    if _installed is None:
        return None
    return Path(_installed.baseFilename)  # type: ignore[attr-defined]


def install_log_file(folder: Path | None = None, logger: logging.Logger | None = None) -> Path | None:
    """Also log to ``folder``/intake.log (default: log_folder()), rotating; once per process.
    Returns the file, or None when it cannot be written (then the station logs as before)."""
    global _installed, _held
    if _installed is not None:
        return current_log_file()
    import logging.handlers
    import platform

    from app.api.redaction import RedactingFilter

    logger = logger or logging.getLogger()
    held, _held = _held, None
    if held is not None:
        for each in (logging.getLogger(), logger):
            each.removeHandler(held)
    folder = folder or log_folder()
    path = folder / LOG_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix" and not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                       encoding="utf-8", delay=False)
    except OSError as exc:
        logging.getLogger(__name__).warning("no log file in %s (%s)", folder, exc.strerror or type(exc).__name__)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RedactingFilter())
    handler.emit(logging.LogRecord(__name__, logging.INFO, __file__, 0, "intake %s started (Python %s, %s)",
                                   (__version__, platform.python_version(), sys.platform), None))
    for record in held.records if held is not None else ():
        handler.handle(record)  # through the redaction, as any line
    logger.addHandler(handler)
    _installed = handler
    return path


def uninstall_log_file(logger: logging.Logger | None = None) -> None:
    """Stop logging to the file, and holding lines for it (tests; a process normally keeps it to
    the end)."""
    global _installed, _held
    if _held is not None:
        for each in (logging.getLogger(), logger or logging.getLogger()):
            each.removeHandler(_held)
        _held = None
    if _installed is not None:
        (logger or logging.getLogger()).removeHandler(_installed)
        _installed.close()
        _installed = None


def tail(path: Path | None = None, lines: int = 200) -> str:
    """The last ``lines`` lines of the log file ("" when there is none)."""
    path = path or current_log_file() or (log_folder() / LOG_FILE)
    try:
        with open(path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - 256 * 1024))
            text = handle.read().decode("utf-8", "replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])
