"""Tools ▸ Settings…: the store admin's settings dialog, applied to the running window after OK."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from app.audit import SETTINGS_CHANGED
from ui.features.audit import post_event
from ui.features.menu import add_action

if TYPE_CHECKING:
    from ui.settings_dialog import SettingsDialog


def install(window) -> None:
    window.settings_action = add_action(window, window.tools_menu, window.tr("&Settings…"), "settings.action",
                                        lambda: show_settings(window), shortcut="Ctrl+,",
                                        role=QAction.MenuRole.PreferencesRole)


def show_settings(window) -> SettingsDialog:
    """Open the dialog over ``window`` (window-modal, not blocking) with its config and keyring.

    Settings saved but not yet applied (no ``apply_config``) are what it shows, so a second
    visit neither hides nor reverts the first one's changes.
    """
    from ui.settings_dialog import open_settings  # with the API client: loaded when Settings is first opened

    config = getattr(window, "saved_config", None) or window.config
    return open_settings(window, config, window.station.secrets, lambda dialog: apply_saved(window, dialog))


def apply_saved(window, dialog: SettingsDialog) -> None:
    new = dialog.result_config()
    changed = dialog.changed_settings()
    if new is None or not changed:
        return
    _record(window, changed)
    apply = getattr(window, "apply_config", None)
    if callable(apply):
        window.saved_config = None
        pending = list(apply(new) or [])
    else:
        # The window keeps the old values until a restart (the key is read from the keyring
        # at each call, so a new key works at once either way).
        window.saved_config = new
        pending = [name for name in changed if name != "api_key"]
    if pending:
        window.statusBar().showMessage(
            window.tr("Settings saved. Some changes apply after the program restarts: %s") % ", ".join(pending),
            30000,
        )
    else:
        window.statusBar().showMessage(window.tr("Settings saved."), 10000)


def _record(window, changed: list[str]) -> None:
    """A settings_changed event naming the settings (never their values), through the audit
    feature's ordered writer, when the window keeps an audit log."""
    if not hasattr(getattr(window, "session", None), "audit"):
        return
    post_event(window, SETTINGS_CHANGED, details={"settings": sorted(changed)})
