"""The customer-groups widget: search, check by keyboard, selection kept across reloads, and
loading from the station with the saved copy first and a plain note when the server fails."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListView

from app import wire
from app.api.errors import AuthError, NetworkError
from app.credentials import CredentialsError
from app.station import CustomerGroup
from ui.widgets.groups import GroupsWidget, load_groups

GROUPS = [
    CustomerGroup(11, "Veterans"),
    CustomerGroup(12, "Seniors"),
    CustomerGroup(13, "Loyalty gold"),
    CustomerGroup(14, "Staff"),
]


@pytest.fixture
def widget(qtbot) -> GroupsWidget:
    w = GroupsWidget()
    qtbot.addWidget(w)
    w.resize(320, 260)
    return w


def _visible_names(widget) -> list[str]:
    view = widget.findChild(QListView, f"{wire.MANUAL_GROUPS}.list")
    model = view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _status(widget) -> QLabel:
    return widget.findChild(QLabel, f"{wire.MANUAL_GROUPS}.status")


def test_filter_narrows_the_list_ignoring_case(widget, qtbot):
    widget.set_groups(GROUPS)
    search = widget.findChild(QLineEdit, f"{wire.MANUAL_GROUPS}.filter")
    assert search.placeholderText() == "Search groups"
    qtbot.keyClicks(search, "SEN")
    assert _visible_names(widget) == ["Seniors"]
    search.clear()
    qtbot.keyClicks(search, "s")
    assert _visible_names(widget) == ["Veterans", "Seniors", "Staff"]


def test_space_checks_and_unchecks_the_current_group(widget, qtbot):
    widget.set_groups(GROUPS)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.keyClicks(widget.filter, "staff")
    qtbot.keyClick(widget.filter, Qt.Key.Key_Down)  # into the list, on the first match
    qtbot.waitUntil(widget.list.hasFocus)

    with qtbot.waitSignal(widget.changed):
        qtbot.keyClick(widget.list, Qt.Key.Key_Space)
    assert widget.selected_ids() == [14]

    widget.filter.clear()
    widget.list.setCurrentIndex(widget.proxy.index(1, 0))  # Seniors
    with qtbot.waitSignal(widget.changed):
        qtbot.keyClick(widget.list, Qt.Key.Key_Space)
    assert widget.selected_ids() == [12, 14]  # in list order

    widget.list.setCurrentIndex(widget.proxy.index(3, 0))  # Staff again
    with qtbot.waitSignal(widget.changed):
        qtbot.keyClick(widget.list, Qt.Key.Key_Space)
    assert widget.selected_ids() == [12]


def test_set_groups_keeps_the_selection_and_drops_groups_that_are_gone(widget, qtbot):
    widget.set_groups(GROUPS)
    widget.set_selected_ids([12, 14])
    with qtbot.assertNotEmitted(widget.changed):
        widget.set_groups([CustomerGroup(12, "Seniors 65+"), CustomerGroup(15, "Students"), GROUPS[0]])
    assert widget.selected_ids() == [12]
    assert _visible_names(widget) == ["Seniors 65+", "Students", "Veterans"]
    assert widget.model.item(0).checkState() == Qt.CheckState.Checked


def test_ids_set_before_the_groups_arrive_are_kept(widget, qtbot):
    with qtbot.assertNotEmitted(widget.changed):
        widget.set_selected_ids([13])
    assert widget.selected_ids() == [13]
    widget.set_groups(GROUPS)
    assert widget.selected_ids() == [13]
    assert widget.model.item(2).checkState() == Qt.CheckState.Checked


def test_controls_are_named_for_people(widget):
    assert widget.objectName() == wire.MANUAL_GROUPS
    assert widget.filter.accessibleName() and widget.list.accessibleName()
    widget.set_status("No groups")
    assert _status(widget).text() == "No groups"
    assert widget.list.accessibleDescription() == "No groups"


class FakeStation:
    """The two group calls of ``app.station.Station``; the refresh waits for the test's word,
    so the cached list can be seen before the server's arrives."""

    def __init__(self, cached, fresh=None, error: BaseException | None = None, saved_at=None) -> None:
        self.cached = cached
        self.fresh = fresh
        self.error = error
        self.saved_at = saved_at
        self.release = threading.Event()

    def cached_groups(self):
        return list(self.cached)

    def cached_groups_saved_at(self):
        return self.saved_at

    def refresh_groups(self):
        assert self.release.wait(10)
        if self.error is not None:
            raise self.error
        return list(self.fresh)


def test_load_groups_shows_the_cache_then_the_server(widget, qtbot):
    station = FakeStation(cached=GROUPS[:2], fresh=GROUPS)
    load_groups(widget, station)
    assert _visible_names(widget) == ["Veterans", "Seniors"]
    assert _status(widget).text() == "Loading groups…"
    widget.set_selected_ids([12])

    station.release.set()
    qtbot.waitUntil(lambda: len(_visible_names(widget)) == 4)
    assert widget.selected_ids() == [12]
    assert not _status(widget).isVisibleTo(widget)


def test_load_groups_offline_keeps_the_cache_and_says_so(widget, qtbot):
    saved = datetime(2025, 11, 25, 18, 2).astimezone()
    station = FakeStation(cached=GROUPS, error=NetworkError("Cannot reach the server", may_have_reached=False),
                          saved_at=saved)
    load_groups(widget, station)
    station.release.set()
    qtbot.waitUntil(lambda: _status(widget).text().startswith("Offline"))
    assert "2025-11-25" in _status(widget).text()
    assert _visible_names(widget) == [g.name for g in GROUPS]


def test_load_groups_offline_without_a_saved_date(widget, qtbot):
    station = FakeStation(cached=GROUPS, error=NetworkError("Cannot reach the server", may_have_reached=False))
    station.cached_groups_saved_at = lambda: None
    load_groups(widget, station)
    station.release.set()
    qtbot.waitUntil(lambda: _status(widget).text().startswith("Offline"))
    assert _status(widget).property("status") == "warning"


@pytest.mark.parametrize("error", [
    AuthError("The API key was refused", status=401),
    CredentialsError("The keyring is locked; unlock it and try again."),
])
def test_load_groups_failure_without_cache_names_the_reason(widget, qtbot, error):
    station = FakeStation(cached=[], error=error)
    load_groups(widget, station)
    station.release.set()
    qtbot.waitUntil(lambda: _status(widget).text().startswith("Could not load groups"))
    assert str(error) in _status(widget).text()
    assert _status(widget).property("status") == "error"
    assert _visible_names(widget) == []


def test_load_groups_with_no_groups_says_so(widget, qtbot):
    station = FakeStation(cached=[], fresh=[])
    load_groups(widget, station)
    station.release.set()
    qtbot.waitUntil(lambda: _status(widget).text() == "No groups")


def test_load_groups_survives_the_widget_closing_first(qtbot):
    widget = GroupsWidget()
    station = FakeStation(cached=[], fresh=GROUPS)
    load_groups(widget, station)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not _alive(widget))
    station.release.set()
    # the answer arrives for a widget that is gone: nothing is raised on the main thread
    from PySide6.QtCore import QThreadPool
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(0)


def _alive(widget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)
