"""Tools ▸ Settings…: the store admin's settings dialog, applied to the running window after OK."""

from __future__ import annotations

import logging

from PySide6.QtGui import QAction, QKeySequence

from app.audit import SETTINGS_CHANGED
from ui.settings_dialog import SettingsDialog, open_settings
from ui.tasks import run_task

log = logging.getLogger(__name__)

# Audit events name a clerk; settings can be changed before anyone has signed in to a shift.
NO_CLERK = "store admin"


def install(window) -> None:
    action = QAction(window.tr("&Settings…"), window)
    action.setObjectName("settings.action")
    action.setShortcut(QKeySequence("Ctrl+,"))
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.triggered.connect(lambda: show_settings(window))
    window.tools_menu.addAction(action)
    window.settings_action = action


def show_settings(window) -> SettingsDialog:
    """Open the dialog over ``window`` (window-modal, not blocking) with its config and keyring."""
    return open_settings(window, window.config, window.station.secrets, lambda dialog: apply_saved(window, dialog))


def apply_saved(window, dialog: SettingsDialog) -> None:
    new = dialog.result_config()
    changed = dialog.changed_settings()
    if new is None or not changed:
        return
    _record(window, changed)
    apply = getattr(window, "apply_config", None)
    # Without apply_config the window keeps the old values until a restart (the key is read
    # from the keyring at each call, so a new key works at once either way).
    pending = list(apply(new) or []) if callable(apply) else [name for name in changed if name != "api_key"]
    if pending:
        window.statusBar().showMessage(
            window.tr("Settings saved. Some changes apply after the program restarts: %s") % ", ".join(pending),
            30000,
        )
    else:
        window.statusBar().showMessage(window.tr("Settings saved."), 10000)


def _clerk(session) -> str:
    clerk = getattr(session, "clerk", None)
    name = clerk if isinstance(clerk, str) else getattr(clerk, "name", None)
    return name or NO_CLERK


def _record(window, changed: list[str]) -> None:
    session = getattr(window, "session", None)
    if session is None or not hasattr(session, "audit"):
        return
    audit = session.audit
    clerk = _clerk(session)

    def append() -> None:
        audit.append(SETTINGS_CHANGED, clerk=clerk, details={"settings": sorted(changed)})

    run_task(append, None, lambda exc: log.error("could not record the settings change: %s", type(exc).__name__))

