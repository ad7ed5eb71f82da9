"""The intake window: a step list, the current step's page, Back / Next / Submit.

It renders an ``app.wizard.IntakeWizard``: inputs write values into it, it says which
messages to show and where Next goes. Submitting, saving drafts and sending run through
``ui.session.IntakeSession`` off the UI thread.

The window is made in parts so the first field takes keys as early as possible (see
``ui.startup``): the frame; the first step's page (``show_first_step``), usable before the
rules exist, its editors keeping what is typed; the other pages (``build_step``); and, once the
rules are loaded, the intake itself (``start_intake``), which takes over what was typed.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QElapsedTimer, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import wire
from app.config import Config
from app.steps import REVIEW, STEPS
from ui.i18n import tr_choice, tr_message, translate


class _LazyQt:
    """``PySide6.QtCore.Qt``, fetched on first use. PySide6 builds the whole Qt namespace (about
    a hundred enums, some 40 ms) the first time it is touched; the frame paints before that,
    so it uses none of it (``_finish_frame`` sets what does, with the first step)."""

    def __getattr__(self, name: str):
        from PySide6.QtCore import Qt

        return getattr(Qt, name)


Qt = _LazyQt()

_STEP_COLUMNS = {"consent": 1, "documents": 1}
# After start-up, the hidden steps are rendered once in idle moments (_warm_pages).
_WARM_AFTER_MS = 1000
_WARM_GAP_MS = 50
_WARM_QUIET_MS = 1500  # only once the form has been left alone this long
# Step-list text colours (the list is dark; the stylesheet cannot reach single items).
_PLAIN = QColor("#e5e7eb")
_FLAGGED = QColor("#fca5a5")
_QUIET = QColor("#9ca3af")
# How the step list marks a step's status (app.wizard): problems, done, may be left, not for this customer.
_MARKS = {"needs_input": "  •", "complete": "  ✓", "optional": "  ○", "skipped": "  –"}
_STATUS_NAMES = {
    "needs_input": QT_TRANSLATE_NOOP("MainWindow", "needs input"),
    "complete": QT_TRANSLATE_NOOP("MainWindow", "complete"),
    "optional": QT_TRANSLATE_NOOP("MainWindow", "optional"),
    "skipped": QT_TRANSLATE_NOOP("MainWindow", "not needed for this customer"),
}


class MainWindow(QMainWindow):
    """Signals: ``intake_changed`` after any edit (drives autosave), ``submit_requested``."""

    intake_changed = Signal()
    submit_requested = Signal()
    new_intake_requested = Signal()

    def __init__(self, config: Config, parent=None, *, build: bool = True) -> None:
        """``build=False`` makes only the frame (steps, title, buttons), which paints at once;
        the pages and the intake follow (``build_pages()`` at once, or ``ui.startup`` in parts)."""
        super().__init__(parent)
        self.config = config
        self.setObjectName("intakeWindow")
        self.setWindowTitle(self.tr("Customer intake"))
        self.wizard = None
        self.group_names = lambda ids: [str(i) for i in ids]
        self._loading = True
        self.pages: list[QWidget | None] = [None] * len(STEPS)
        self.form_pages: dict = {}
        # Before the intake exists (rules loading), the editors keep what is typed; these
        # remember what else the clerk did meanwhile, for start_intake.
        self._left_early: set[str] = set()
        self._advance_early = False
        self._then = None  # what a staged load_wizard runs at its end
        self.typed_early = False  # start_intake found values typed before it
        self._frame_finished = False
        self._last_edit = QElapsedTimer()  # restarted on every edit: hidden pages render only in a lull
        self.intake_changed.connect(self._last_edit.start)
        self._build_frame()
        self.resize(1280, 720)
        if build:
            self.build_pages()

    # --- construction ---------------------------------------------------------------
    def _build_frame(self) -> None:
        """What paints first. No ``Qt.`` enum here (see ``_LazyQt``): those go in _finish_frame."""
        central = QWidget(self)
        central.setObjectName("central")
        root = QHBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)

        self.steps = QListWidget(central)
        self.steps.setObjectName("steps")
        self.steps.setAccessibleName(self.tr("Steps"))
        self.steps.setFixedWidth(220)
        for index, step in enumerate(STEPS):
            item = QListWidgetItem(f"{index + 1}. {translate('Steps', step.title)}")
            item.setToolTip(self.tr("Alt+%d") % (index + 1))
            self.steps.addItem(item)
        self.steps.itemClicked.connect(lambda item: self.go_to(self.steps.row(item)))
        root.addWidget(self.steps)

        main = QVBoxLayout()
        main.setContentsMargins(0, 0, 0, 0)
        main.setSpacing(0)
        root.addLayout(main, 1)

        self.title = QLabel(central)
        self.title.setObjectName("stepTitle")
        main.addWidget(self.title)
        self.outcome = QLabel(central)
        self.outcome.setObjectName("outcome")
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        main.addWidget(self.outcome)
        self._banners = QVBoxLayout()
        self._banners.setContentsMargins(0, 0, 0, 0)
        main.addLayout(self._banners)

        self.stack = QStackedWidget(central)
        self.loading_label = QLabel(self.tr("Loading…"), self.stack)
        self.loading_label.setObjectName("loading")
        self.stack.addWidget(self.loading_label)
        main.addWidget(self.stack, 1)

        bar = QHBoxLayout()
        bar.setContentsMargins(24, 8, 24, 12)
        self.back_button = QPushButton(self.tr("&Back"), central)
        self.back_button.setObjectName("back")
        self.next_button = QPushButton(self.tr("&Next"), central)
        self.next_button.setObjectName("next")
        self.submit_button = QPushButton(self.tr("&Submit"), central)
        self.submit_button.setObjectName("submit")
        for button in (self.back_button, self.next_button, self.submit_button):
            button.setAutoDefault(False)
            button.setAccessibleName(button.text().replace("&", ""))
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        self.busy = QLabel(central)
        self.busy.setObjectName("busy")
        bar.addWidget(self.busy)
        bar.addWidget(self.next_button)
        bar.addWidget(self.submit_button)
        main.addLayout(bar)
        for button in (self.back_button, self.next_button, self.submit_button):
            button.setEnabled(False)
        self.submit_button.setVisible(False)  # as on the first step (refresh shows it on Review)
        self.statusBar()  # its room taken from the start: nothing moves when features fill it
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.submit_button.clicked.connect(self.submit_requested.emit)
        self.setCentralWidget(central)

        menu = self.menuBar().addMenu(self.tr("&Intake"))
        self.new_action = QAction(self.tr("&New intake"), self)
        self.new_action.triggered.connect(self.new_intake_requested.emit)
        menu.addAction(self.new_action)
        self.intake_menu = menu
        self.tools_menu = self.menuBar().addMenu(self.tr("&Tools"))

    def build_pages(self) -> None:
        """Make every step's page and start the intake, all at once (loads the rules)."""
        self._finish_frame()
        for index in range(len(STEPS)):
            self.build_step(index)
        self.start_intake()

    def build_step(self, index: int, *, review_sections: bool = True) -> QWidget:
        """Make one step's page, once. Form pages need no rules: their editors take keys at
        once; the Review page shows the rules' output, so it comes once they are loaded
        (``review_sections=False``: without its sections, added then with ``review.add_section``)."""
        page = self.pages[index]
        if page is not None:
            return page
        step = STEPS[index]
        if index == REVIEW:
            from ui.pages.review import ReviewPage

            page = ReviewPage(self.stack, sections=review_sections)
            page.edit_requested.connect(self.go_to)
            self.review = page
        else:
            from ui.pages.form_page import FormPage

            page = FormPage(step, self.config, columns=_STEP_COLUMNS.get(step.key, 2), parent=self.stack)
            self.form_pages = dict(sorted({**self.form_pages, index: page}.items()))  # in step order
            self._connect_inputs(page)
        self.pages[index] = page
        self.stack.addWidget(page)
        return page

    def _finish_frame(self) -> None:
        """The frame's settings that use the Qt namespace, made with the first step."""
        if self._frame_finished:
            return
        self._frame_finished = True
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)  # QKeySequence's enums load Qt's
        self._shortcuts()

    def show_first_step(self) -> QWidget:
        """The first step's page on screen and its first field focused: the clerk (or the
        scanner) can type before anything else is loaded."""
        self._finish_frame()
        page = self.build_step(0)
        self.stack.setCurrentWidget(page)
        self.steps.setCurrentRow(0)
        self.title.setText(translate("Steps", STEPS[0].title))
        self.focus_first()
        return page

    @property
    def all_steps_built(self) -> bool:
        return all(page is not None for page in self.pages)

    def start_intake(self) -> None:
        """Once the rules are loaded and every page exists: a blank intake that takes over what
        was typed meanwhile (the editors' values, the fields already left, an Enter pressed),
        after which messages, navigation and autosave work as usual."""
        from app.wizard import IntakeWizard

        wizard = IntakeWizard(self.config.jurisdiction)
        typed = False
        for name, row in self._editors():
            if name in (wire.MANUAL_GROUPS, wire.DOCUMENTS):
                continue  # nothing to pick from before the session loads them
            value = row.editor.value()
            if value != wizard.value(name):
                wizard.set_value(name, value)
                typed = True
        for name in sorted(self._left_early):
            wizard.touch(name)
        self._left_early.clear()
        self.typed_early = typed
        self.wizard = wizard
        self.stack.removeWidget(self.loading_label)
        self.loading_label.deleteLater()
        for button in (self.back_button, self.next_button, self.submit_button):
            button.setEnabled(True)
        self._loading = False
        self.refresh()
        if typed:
            self.intake_changed.emit()
        if self._advance_early:
            self._advance_early = False
            self._advance_or_submit()
        QTimer.singleShot(_WARM_AFTER_MS, self, self._warm_pages)

    def _warm_pages(self, left: list | None = None) -> None:
        """Render each hidden step once, one per idle moment, so the first visit to a step
        (styles resolved, layout made) does not hold the window while the clerk waits."""
        if left is None:
            left = [p for p in self.pages if p is not None and p is not self.stack.currentWidget()]
        if not left:
            return
        if self._last_edit.isValid() and self._last_edit.elapsed() < _WARM_QUIET_MS:
            # the clerk is typing (or a scanner is): a 30-40 ms render now would be felt; wait
            QTimer.singleShot(_WARM_QUIET_MS, self, lambda: self._warm_pages(left))
            return
        page = left.pop(0)
        if shiboken6.isValid(page) and not page.isVisible():
            page.resize(self.stack.size())
            page.grab()
        QTimer.singleShot(_WARM_GAP_MS, self, lambda: self._warm_pages(left))

    @property
    def current_step(self) -> int:
        """The step on screen; the first one while the intake is not started yet."""
        return self.wizard.current if self.wizard is not None else 0

    def _editors(self):
        for page in self.form_pages.values():
            yield from page.rows.items()

    def editor(self, name: str) -> QWidget:
        for page in self.form_pages.values():
            if name in page.rows:
                return page.rows[name].editor
        raise KeyError(name)

    def _connect_inputs(self, page) -> None:
        for name, row in page.rows.items():
            editor = row.editor
            if name == wire.MANUAL_GROUPS:
                editor.changed.connect(lambda n=name, e=editor: self._edited(n, e.selected_ids(), finished=True))
            elif name == wire.DOCUMENTS:
                editor.changed.connect(lambda n=name: self._documents_changed(n))
            else:
                editor.edited.connect(lambda n=name, e=editor: self._edited(n, e.value()))
                editor.finished.connect(lambda n=name: self._finished(n))

    def _shortcuts(self) -> None:
        # Ctrl+Enter advances (or submits) from anywhere, even from a widget that keeps its Enter.
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(Qt.KeyboardModifier.ControlModifier | key), self)
            shortcut.activated.connect(self._advance_or_submit)
        # Alt+1 … Alt+6 go to a step, as a click in the step list does.
        self.step_shortcuts = []
        for index in range(len(STEPS)):
            shortcut = QShortcut(QKeySequence(f"Alt+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self.go_to(i))
            self.step_shortcuts.append(shortcut)

    def keyPressEvent(self, event) -> None:
        # Enter advances: line edits, combo boxes and check boxes pass an unused Enter up to
        # their window, as a dialog's default button relies on. Pop-ups keep their own Enter.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (self.wizard is None or not self._loading):
            event.accept()
            self._advance_or_submit()
            return
        super().keyPressEvent(event)

    # --- editing --------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        # Widgets losing focus while the window goes away must not write into the intake.
        self._loading = True
        self._staged_then()  # a submit's outcome still to tell (its stages end with the window)
        super().closeEvent(event)

    def _edited(self, name: str, value, *, finished: bool = False) -> None:
        if self.wizard is None:  # the intake is not started yet: the editor keeps the value
            if finished:
                self._left_early.add(name)
            return
        if self._loading:
            return
        self.wizard.set_value(name, value)
        if finished:
            self.wizard.touch(name)
        self.outcome.hide()
        self.refresh_messages()
        self.intake_changed.emit()

    def _finished(self, name: str) -> None:
        if self.wizard is None:
            self._left_early.add(name)
            return
        if self._loading:
            return
        self.wizard.touch(name)
        self.refresh_messages()

    def _documents_changed(self, name: str) -> None:
        docs = self.editor(wire.DOCUMENTS).documents()
        self._edited(name, [(d.filename, kind) for d, kind in docs], finished=True)

    def load_wizard(self, wizard, documents=None, *, then=None, outcome: tuple[str, str] | None = None) -> None:
        """Show another intake (new, or a resumed draft) in the same widgets.

        With ``then`` (the form reset after a submit) it goes in stages, one per turn of the
        event loop, each after the layout pass the one before caused, so no turn holds the
        window for more than one of them: the values; the first step's page and the focus; the
        messages and the outcome line (``outcome``: text, status) above the fields; the paint; then ``then()``."""
        self._loading = True
        try:
            self.wizard = wizard
            for name, row in self._editors():
                editor = row.editor
                if name == wire.MANUAL_GROUPS:
                    editor.set_selected_ids(wizard.value(name))
                elif name == wire.DOCUMENTS:
                    editor.set_documents(documents or [])
                    wizard.values[wire.DOCUMENTS] = [(d.filename, k) for d, k in (documents or [])]
                else:
                    editor.set_value(wizard.value(name))
            if then is None:
                self.outcome.hide()
                self.refresh()
                # Still loading: the field this move leaves belongs to the intake before, and
                # must not count as left (touched) in this one.
                self.focus_first()
        finally:
            self._loading = False
        if then is not None:
            self._then = then  # run at the end, or at once if the window closes first
            self._after_layout(lambda: self._staged_page(outcome))

    def _after_layout(self, fn) -> None:
        """``fn`` in a turn of its own, after the layout pass this turn causes: a zero timer comes
        as a posted event in that pass; the timer it starts fires once the pass is over."""
        QTimer.singleShot(0, self.stack, lambda: QTimer.singleShot(1, self.stack, fn))

    def _staged_page(self, outcome) -> None:
        loading, self._loading = self._loading, True
        try:
            self._refresh_page(paint=False)
            self.focus_first()  # as in load_wizard: the field left belongs to the intake before
        finally:
            self._loading = loading
        self._after_layout(lambda: self._staged_messages(outcome))

    def _staged_messages(self, outcome) -> None:
        self.refresh_messages()
        if outcome is None:
            self.outcome.hide()
        else:
            self.show_outcome(*outcome)
        self._after_layout(self._staged_paint)

    def _staged_paint(self) -> None:
        self._paint_page()
        self._after_layout(self._staged_then)

    def _staged_then(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()

    def apply_config(self, new: Config) -> list[str]:
        """Use new settings at once where possible; returns the names that need a restart."""
        old, self.config = self.config, new
        station = getattr(self, "station", None)
        if station is not None:
            station.config = new  # the client is built from it on every call
        later: list[str] = []
        if new.jurisdiction != old.jurisdiction and self.wizard is not None:
            from app.policy import allowed_types
            from ui.form import choices

            self.wizard.jurisdiction = new.jurisdiction
            self.wizard.set_value(wire.TYPE, "")  # the old jurisdiction's type may not exist here
            self.editor(wire.TYPE).set_choices(choices(allowed_types(new.jurisdiction)))
            self.editor(wire.TYPE).set_value("")
        if new.max_document_bytes != old.max_document_bytes and self.wizard is not None:
            self.editor(wire.DOCUMENTS).max_bytes = new.max_document_bytes
        if new.scan_folder != old.scan_folder and self.wizard is not None:
            self.editor(wire.DOCUMENTS).set_scan_folder(new.scan_folder)  # its newest files, listed at once
        if new.language != old.language:
            later.append("language")
        if new.data_dir != old.data_dir:
            later.append("data_dir")
        session = getattr(self, "session", None)
        if session is not None and (new.api_url, new.files_url) != (old.api_url, old.files_url):
            session.start()  # groups again from the new address, and send what waits
        if self.wizard is not None:
            self.refresh()
        return later

    # --- rendering ------------------------------------------------------------------
    def refresh(self) -> None:
        self._refresh_page()
        self.refresh_messages()

    def _refresh_page(self, *, paint: bool = True) -> None:
        index = self.wizard.current
        self._show_page(self.pages[index], paint=paint)
        self.steps.setCurrentRow(index)
        self.title.setText(translate("Steps", STEPS[index].title))
        self.back_button.setEnabled(self.wizard.can_go_back)
        self.next_button.setVisible(index != REVIEW)
        self.submit_button.setVisible(index == REVIEW)
        self.submit_button.setDefault(index == REVIEW)  # Enter on Review submits, and the button shows it

    def _show_page(self, page: QWidget, *, paint: bool = True) -> None:
        """Another step's page on screen, laid out in the next pass of the event loop and
        painted in the pass after: a pass does one or the other, not both (each some 5-10 ms
        for a page of a few dozen widgets), so neither holds the window long. ``paint`` False:
        the caller paints it (``_paint_page``) when it is ready."""
        if self.stack.currentWidget() is page:
            return
        if self.stack.updatesEnabled():
            self.stack.setUpdatesEnabled(False)
            if not paint:
                self.stack.setCurrentWidget(page)
                return
            # A zero timer comes as a posted event, in the pass that lays the page out; the
            # timer it starts fires once that pass is over (a timer started here could fire
            # before it, when this runs from a posted event itself).
            QTimer.singleShot(0, self.stack, lambda: QTimer.singleShot(1, self.stack, self._paint_page))
        self.stack.setCurrentWidget(page)

    def _paint_page(self) -> None:
        self.stack.setUpdatesEnabled(True)  # the page, laid out by now, painted in the next pass

    def refresh_messages(self) -> None:
        wizard = self.wizard
        for name, row in self._editors():
            if name == wire.DOCUMENTS:
                shown = {k: [tr_message(m) for m in v] for k, v in wizard.errors().items()
                         if k.startswith(wire.DOCUMENTS) and k in wizard.touched}
                row.editor.set_errors(shown)
                continue
            row.show_messages([tr_message(m) for m in wizard.messages_for(name)])
        self._refresh_type_hint()
        problems = wizard.steps_with_problems()
        for index in range(self.steps.count()):
            item = self.steps.item(index)
            title = translate("Steps", STEPS[index].title)
            flagged = index in problems and index != REVIEW
            status = "" if index == REVIEW else wizard.status(index)
            mark = "  ⚠" if flagged else _MARKS.get(status, "")
            item.setText(f"{index + 1}. {title}{mark}")
            item.setData(Qt.ItemDataRole.UserRole + 1, "problems" if flagged else status)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole,
                         self.tr("has problems") if flagged else translate("MainWindow", _STATUS_NAMES.get(status, "")))
            item.setForeground(_FLAGGED if flagged else _QUIET if status in ("optional", "skipped") else _PLAIN)
        if wizard.current == REVIEW:
            docs = self.editor(wire.DOCUMENTS).documents()
            self.review.render(wizard, [(d.filename, k) for d, k in docs], self.group_names)
            changes = getattr(self, "review_changes", None)  # a returning customer's update (ui.features.returning)
            self.review.show_changes(*(changes() if changes is not None else (None,)))

    def _refresh_type_hint(self) -> None:
        combo = self.editor(wire.TYPE)
        proposed = self.wizard.proposed_type()
        blank = (self.tr("%s (proposed)") % tr_choice(proposed)) if proposed else "—"
        combo.setItemText(0, blank)

    # --- navigation -----------------------------------------------------------------
    def focus_field(self, name: str) -> None:
        for page in self.form_pages.values():
            for row_name, row in page.rows.items():
                if name == row_name or name.startswith(row_name + "."):
                    target = row.editor.focusProxy() or row.editor
                    page.ensureWidgetVisible(row)
                    target.setFocus(Qt.FocusReason.OtherFocusReason)
                    return

    def focus_first(self) -> None:
        page = self.form_pages.get(self.current_step)
        if page is not None and page.first_input() is not None:
            page.first_input().setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.current_step == REVIEW:
            self.submit_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def next(self) -> None:
        invalid = self.wizard.next()
        self.refresh()
        if invalid is not None:
            self.focus_field(invalid)
        else:
            self.focus_first()

    def advance(self) -> None:
        """Enter / Ctrl+Enter: to the next step that needs input for this customer, or Review."""
        invalid = self.wizard.advance()
        self.refresh()
        if invalid is not None:
            self.focus_field(invalid)
        else:
            self.focus_first()

    def back(self) -> None:
        if self.wizard.back():
            self.refresh()
            self.focus_first()

    def go_to(self, index: int) -> None:
        if self.wizard is None:
            return
        self.wizard.go_to(index)
        self.refresh()
        self.focus_first()

    def _advance_or_submit(self) -> None:
        if self.wizard is None:  # done by start_intake, once the rules are there
            self._advance_early = True
            return
        if self._then is not None:  # a staged reset: an Enter meant for the last intake's page, not the new one
            return
        if self.wizard.current == REVIEW:
            self.submit_requested.emit()
        else:
            self.advance()

    def show_problems(self) -> None:
        """Before submit: every message shown, focus on the first field that needs work."""
        self.wizard.touch_all()
        problems = sorted(i for i in self.wizard.steps_with_problems(shown_only=False) if i != REVIEW)
        if problems:
            self.go_to(problems[0])
            name = self.wizard.first_invalid(problems[0])
            if name:
                self.focus_field(name)
        else:
            self.refresh()

    def add_banner(self, banner: QWidget) -> None:
        """A strip under the step title (unfinished drafts, scan results...)."""
        self._banners.insertWidget(self._banners.count(), banner)

    def show_outcome(self, text: str, status: str) -> None:
        from ui.widgets.field_row import set_status  # with the form's rows (it loads the Qt namespace)

        self.outcome.setText(text)
        set_status(self.outcome, status)
        self.outcome.show()

    def set_busy(self, text: str) -> None:
        self.busy.setText(text)
        self.submit_button.setEnabled(not text)

    def flash_later(self, fn, msecs: int = 0) -> None:
        QTimer.singleShot(msecs, fn)
