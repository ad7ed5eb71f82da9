"""Help ▸ Diagnostics…: the doctor's report for the running station, and its log file."""

from __future__ import annotations

from ui.features.menu import add_action


def help_menu(window):
    """The window's Help menu, made (last in the menu bar) by the first feature that needs it."""
    menu = getattr(window, "help_menu", None)
    if menu is None:
        # No Alt letter: every letter of "Help" is a field's on some step (ui.form.MNEMONICS).
        menu = window.menuBar().addMenu(window.tr("Help"))
        window.help_menu = menu
    return menu


def install(window) -> None:
    window.diagnostics_action = add_action(window, help_menu(window), window.tr("&Diagnostics…"),
                                           "diagnostics.action", lambda: show_diagnostics(window))


def show_diagnostics(window):
    from ui.diagnostics import open_diagnostics

    config = getattr(window, "saved_config", None) or window.config
    return open_diagnostics(window, config, window.station.secrets)
