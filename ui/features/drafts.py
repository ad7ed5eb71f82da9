"""Drafts in the window: Intake ▸ Drafts…, and at start the removal of drafts past the
retention period followed by a banner offering the unfinished intakes left from earlier."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from shiboken6 import isValid

from ui.drafts_panel import DraftsBanner, DraftsPanel, insert_banner, read_drafts, unfinished
from ui.features.menu import add_action
from ui.tasks import run_task

log = logging.getLogger(__name__)


def install(window) -> None:
    window.drafts_panel = None
    banner = DraftsBanner(window.centralWidget())
    insert_banner(window, banner)
    window.drafts_banner = banner

    def show_panel() -> DraftsPanel:
        if window.drafts_panel is None:
            window.drafts_panel = DraftsPanel(window)
            window.drafts_panel.changed.connect(banner.hide)
        window.drafts_panel.present()
        return window.drafts_panel

    window.show_drafts = show_panel
    window.drafts_action = add_action(window, window.intake_menu, window.tr("&Drafts…"), "drafts.action", show_panel,
                                      shortcut="Ctrl+D")
    banner.open_requested.connect(show_panel)
    QTimer.singleShot(0, lambda: offer_drafts(window))


def offer_drafts(window) -> None:
    """Purge drafts older than the retention period, then offer what is left (off the UI thread)."""
    if not isValid(window):
        return
    station = window.station
    retention = station.config.draft_retention_days

    def work():
        purged = station.drafts.purge_older_than(retention)
        return purged, *read_drafts(station)

    def done(result) -> None:
        purged, found, submitted = result
        if purged:
            log.info("removed %d drafts older than %d days", purged, retention)
        if isValid(window.drafts_banner):
            window.drafts_banner.offer(len(unfinished(found, window.session.draft_id, submitted)))

    run_task(work, done, lambda exc: log.warning("reading drafts at start failed: %s", type(exc).__name__))
