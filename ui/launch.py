"""``intake`` / ``intake gui`` / ``intake --demo`` / ``intake --self-test``: open the window."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from app.config import ConfigError, load_config

STARTUP_REPORT = "INTAKE_STARTUP_REPORT"


def add_arguments(parser: argparse.ArgumentParser) -> None:  # options are the top-level ones
    return None


def _fatal(title: str, text: str) -> int:
    from PySide6.QtWidgets import QMessageBox

    from ui.app_setup import ensure_app

    ensure_app()
    print(f"intake: {text}", file=sys.stderr)
    box = QMessageBox(QMessageBox.Icon.Critical, title, text)
    box.exec()
    return 2


def _said(exc: BaseException) -> str:
    """The error's message, in the window's language when ``app`` made it translatable."""
    from ui.i18n import tr_message

    return tr_message(exc.args[0]) if exc.args and isinstance(exc.args[0], str) else str(exc)


def _report_start_up(app, window, startup) -> None:
    """``INTAKE_STARTUP_REPORT=1``: tell on stderr when the frame was painted, when the first
    field had the focus and was painted, and when everything was loaded (``name seconds``, the
    system's monotonic clock), then quit. For ``benchmarks/startup.py --installed``."""
    import time

    from PySide6.QtWidgets import QApplication

    from ui.app_setup import when_painted

    def say(name: str) -> None:
        print(name, time.monotonic(), file=sys.stderr, flush=True)

    when_painted(window, lambda: say("frame"))
    startup.first_step_ready.connect(lambda: when_painted(QApplication.focusWidget() or window,
                                                         lambda: say("first_field")))
    startup.finished.connect(lambda: (say("loaded"), app.exit(0)))


def _install_excepthook() -> None:
    """An unexpected error is logged (type and place, no data) and told plainly; never a traceback
    in a dialog. The intake on screen is autosaved, so the clerk can carry on. One dialog at a
    time: errors while it is open (a timer failing again and again) are only logged."""
    log = logging.getLogger("intake")
    showing = False

    def hook(kind, value, tb) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        from app.logfile import install_log_file

        install_log_file()  # an error before the window had opened is in the file too
        log.error("unexpected %s", kind.__name__, exc_info=(kind, value, tb))
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is not None and not showing:
            showing = True
            try:
                QMessageBox.warning(
                    QApplication.activeWindow(), "Intake",
                    QApplication.translate("Launch", "Something went wrong ({kind}). What you typed is kept as a "
                                           "draft; you can carry on, or restart the program if this happens again.")
                    .format(kind=kind.__name__),
                )
            finally:
                showing = False

    sys.excepthook = hook


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if getattr(args, "self_test", False):
        from ui.selftest import run_self_test

        return run_self_test()
    from app.logfile import hold_early_lines, install_log_file

    # Started from the desktop menu, standard error goes nowhere: support reads the log file. It
    # is installed once the window has opened (or start-up failed), with every line before it.
    hold_early_lines()
    _install_excepthook()
    from ui.app_setup import ensure_app, load_in_stages, open_frame
    from ui.tasks import wait_for_tasks

    app = ensure_app(sys.argv[:1])
    demo = None
    try:
        if getattr(args, "demo", False):
            from ui.demo import start_demo

            demo = start_demo(plan=getattr(args, "demo_plan", "pro"))
            config = demo.config
        else:
            config = load_config()
        window = open_frame(config)
    except ConfigError as exc:
        return _fatal("Intake", str(exc))
    if demo is not None:
        window.setWindowTitle(window.windowTitle() + " — " + window.tr("demo (sandbox)"))

    def failed(exc: BaseException) -> None:
        install_log_file()
        from PySide6.QtWidgets import QApplication

        from app.credentials import CredentialsError
        from app.storage import StorageError

        # no usable keyring, a missing data key, a damaged store...: say what, then quit
        if isinstance(exc, ConfigError | CredentialsError | StorageError | OSError | RuntimeError):
            _fatal("Intake", _said(exc))
        else:
            logging.getLogger("intake").error("start-up failed", exc_info=exc)
            _fatal("Intake", QApplication.translate("Launch", "The program could not start ({kind}).")
                   .format(kind=type(exc).__name__))
        app.exit(2)

    window.show()  # the frame shows at once; the first field, then the rest, follow
    startup = load_in_stages(window, start_session=True)
    startup.finished.connect(install_log_file)
    startup.failed.connect(failed)
    if os.environ.get(STARTUP_REPORT):
        _report_start_up(app, window, startup)
    try:
        return app.exec()
    finally:
        session = getattr(window, "session", None)
        if session is not None:  # closed while loading too: what was typed is saved
            session.stop()
        wait_for_tasks()
        station = getattr(window, "station", None)
        if station is not None:
            station.close()
        if demo is not None:
            demo.close()
