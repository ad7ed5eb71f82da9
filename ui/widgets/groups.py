"""The store's manual customer groups as a searchable list of check boxes.

The groups come from the API, which may be unreachable: ``load_groups`` shows the copy saved
on the last successful fetch at once, then asks the server in the background and says plainly
when it is showing the saved copy.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from app import wire
from app.api.errors import ApiError, NetworkError
from ui.tasks import run_task
from ui.widgets.field_row import set_status

if TYPE_CHECKING:  # the station and the keyring load after the form is on screen
    from app.station import CustomerGroup

log = logging.getLogger(__name__)

GROUP_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable


class GroupsWidget(QWidget):
    """Pick any number of groups. ``changed`` is emitted when the clerk checks or unchecks one,
    never by ``set_groups`` or ``set_selected_ids``.

    The selection is kept by group id. Ids set before their group is known (a restored draft
    while the list is still loading) are kept and reported until a list arrives; a group the
    store no longer has is dropped when a list without it arrives.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(wire.MANUAL_GROUPS)
        self._selected: list[int] = []  # in the order the clerk chose them
        self._quiet = False

        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.filter = QLineEdit(self)
        self.filter.setObjectName(f"{wire.MANUAL_GROUPS}.filter")
        self.filter.setPlaceholderText(self.tr("Search groups"))
        self.filter.setAccessibleName(self.tr("Search groups"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.filter.installEventFilter(self)

        self.list = QListView(self)
        self.list.setObjectName(f"{wire.MANUAL_GROUPS}.list")
        self.list.setAccessibleName(self.tr("Customer groups"))
        self.list.setModel(self.proxy)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.list.setSpacing(2)

        self.status = QLabel(self)
        self.status.setObjectName(f"{wire.MANUAL_GROUPS}.status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        self.setFocusProxy(self.filter)
        QWidget.setTabOrder(self.filter, self.list)

        self.model.itemChanged.connect(self._item_changed)

    # --- the public interface ---------------------------------------------------------------
    def set_groups(self, groups: list[CustomerGroup]) -> None:
        """Show these groups (in the order given), keeping what is checked."""
        known = {group.id for group in groups}
        if groups:
            self._selected = [gid for gid in self._selected if gid in known]
        self._quiet = True
        try:
            self.model.clear()
            for group in groups:
                item = QStandardItem(group.name)
                item.setData(group.id, GROUP_ID_ROLE)
                item.setFlags(_ITEM_FLAGS)
                checked = group.id in self._selected
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                item.setData(group.name, Qt.ItemDataRole.AccessibleTextRole)
                self.model.appendRow(item)
        finally:
            self._quiet = False

    def groups(self) -> list[CustomerGroup]:
        from app.station import CustomerGroup

        return [CustomerGroup(int(item.data(GROUP_ID_ROLE)), item.text()) for item in self._items()]

    def selected_ids(self) -> list[int]:
        """Checked groups in list order, then ids whose group is not known yet."""
        shown = [int(item.data(GROUP_ID_ROLE)) for item in self._items()]
        chosen = set(self._selected)
        return [gid for gid in shown if gid in chosen] + [gid for gid in self._selected if gid not in shown]

    def set_selected_ids(self, ids: list[int]) -> None:
        self._selected = list(dict.fromkeys(int(gid) for gid in ids))
        chosen = set(self._selected)
        self._quiet = True
        try:
            for item in self._items():
                checked = int(item.data(GROUP_ID_ROLE)) in chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        finally:
            self._quiet = False

    def set_status(self, text: str, status: str = "") -> None:
        """A line under the list (loading, offline, failed); ``status`` is the stylesheet's key."""
        self.status.setText(text)
        self.status.setVisible(bool(text))
        set_status(self.status, status)
        self.list.setAccessibleDescription(text)

    # --- inside ---------------------------------------------------------------------------------
    def _items(self) -> list[QStandardItem]:
        return [self.model.item(row) for row in range(self.model.rowCount())]

    def _item_changed(self, item: QStandardItem) -> None:
        if self._quiet:
            return
        group_id = int(item.data(GROUP_ID_ROLE))
        checked = item.checkState() == Qt.CheckState.Checked
        if checked and group_id not in self._selected:
            self._selected.append(group_id)
        elif not checked and group_id in self._selected:
            self._selected.remove(group_id)
        else:
            return
        self.changed.emit()

    def eventFilter(self, obj, event) -> bool:
        # Down from the search box goes into the list, as in a search field with suggestions
        if (obj is self.filter and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down
                and self.proxy.rowCount()):
            self.list.setFocus()
            if not self.list.currentIndex().isValid():
                self.list.setCurrentIndex(self.proxy.index(0, 0))
            return True
        return super().eventFilter(obj, event)


def _tr(text: str) -> str:
    return QCoreApplication.translate("GroupsWidget", text)


def _saved_on(station) -> str | None:
    """When the saved copy of the groups was fetched, if the station can say."""
    saved_at = getattr(station, "cached_groups_saved_at", None)
    when = saved_at() if callable(saved_at) else None
    if isinstance(when, datetime):
        return when.astimezone().strftime("%Y-%m-%d %H:%M")
    return None


def load_groups(widget: GroupsWidget, station) -> None:
    """Show the saved groups at once, then the server's in the background.

    ``station`` needs ``cached_groups()`` and ``refresh_groups()`` (the latter calls the API);
    ``cached_groups_saved_at() -> datetime | None`` is used for the offline note when present.
    """
    cached = station.cached_groups()
    widget.set_groups(cached)
    widget.set_status(_tr("Loading groups…"))

    def done(groups: list[CustomerGroup]) -> None:
        if not shiboken6.isValid(widget):  # the window closed while the server answered
            return
        widget.set_groups(groups)
        widget.set_status("" if groups else _tr("No groups"))

    def failed(exc: BaseException) -> None:
        from app.credentials import CredentialsError

        if not shiboken6.isValid(widget):
            return
        if isinstance(exc, ApiError):
            reason = exc.message
        elif isinstance(exc, CredentialsError):
            reason = str(exc)
        else:  # a bug, not the network: logged by kind only, the clerk sees a plain line
            log.error("loading customer groups failed: %s", type(exc).__name__)
            reason = _tr("unexpected error")
        if not cached:
            widget.set_status(_tr("Could not load groups: {reason}").format(reason=reason), "error")
            return
        saved_on = _saved_on(station)
        if isinstance(exc, NetworkError):
            text = (_tr("Offline: showing the groups saved on {date}").format(date=saved_on) if saved_on
                    else _tr("Offline: showing the saved groups"))
        else:
            text = (_tr("Could not load groups ({reason}); showing the groups saved on {date}").format(
                reason=reason, date=saved_on) if saved_on
                else _tr("Could not load groups ({reason}); showing the saved groups").format(reason=reason))
        widget.set_status(text, "warning")

    run_task(station.refresh_groups, done, failed)
