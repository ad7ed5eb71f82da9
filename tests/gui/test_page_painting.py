"""Moving between steps does each widget's work once: one show, one paint per widget of the
page entered (Qt painted a scroll area's filled body twice, and Review's sections were shown
again by their own update mode)."""

from __future__ import annotations

import time
from collections import Counter

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app import wire
from app.wizard import REVIEW
from ui.selftest import SAMPLE, fill_window


class _Events(QObject):
    def __init__(self, kinds) -> None:
        super().__init__()
        self.kinds = kinds
        self.seen: Counter = Counter()

    def eventFilter(self, obj, event) -> bool:
        if event.type() in self.kinds and isinstance(obj, QWidget):
            self.seen[(event.type(), obj)] += 1
        return False


def _enter(window, index: int, kinds) -> Counter:
    """Go to step ``index`` and run the event loop one pass at a time up to the pass that
    paints the page: the events of that single update (the layout comes a pass before)."""
    app = QApplication.instance()
    events = _Events({*kinds, QEvent.Type.Paint})
    page = window.pages[index]
    app.installEventFilter(events)
    try:
        window.go_to(index)
        for _ in range(200):
            QCoreApplication.processEvents()
            if any(kind == QEvent.Type.Paint and page.isAncestorOf(obj) for kind, obj in events.seen):
                break
            time.sleep(0.005)
    finally:
        app.removeEventFilter(events)
    return events.seen


def test_entering_a_step_paints_each_widget_of_its_page_once(qtbot, open_window):
    window = open_window()
    qtbot.waitExposed(window)
    fill_window(window, SAMPLE)
    for start, index in ((REVIEW - 1, REVIEW), (REVIEW, 0), (0, 2), (2, REVIEW)):
        window.go_to(start)
        qtbot.wait(50)
        seen = _enter(window, index, {QEvent.Type.Paint})
        page = window.pages[index]
        painted = {obj: n for (_, obj), n in seen.items() if page.isAncestorOf(obj)}
        assert len(painted) > 10, index
        twice = sorted(f"{obj.objectName() or type(obj).__name__}x{n}" for obj, n in painted.items() if n > 1)
        assert twice == [], (index, twice)
        # the page's background still comes from the stylesheet (its body no longer fills it itself)
        assert window.grab().toImage().pixelColor(page.mapTo(window, page.rect().topLeft()) + QPoint(4, 4)) \
            == QColor("#f7f8fa")


def test_entering_review_shows_its_values_once_and_keeps_the_request_body(qtbot, open_window):
    window = open_window()
    qtbot.waitExposed(window)
    fill_window(window, SAMPLE)
    window.go_to(REVIEW - 1)
    qtbot.wait(50)
    seen = _enter(window, REVIEW, {QEvent.Type.Show})
    review = window.review
    values = [obj for (_, obj) in seen if isinstance(obj, QLabel) and obj.objectName().startswith("review.")]
    assert values and all(seen[(QEvent.Type.Show, v)] == 1 for v in values)
    assert review.findChild(QLabel, f"review.{wire.LAST_NAME}").text() == SAMPLE[wire.LAST_NAME]
    qtbot.waitUntil(lambda: f'"{wire.LAST_NAME}"' in review.body_view.toPlainText())


@pytest.mark.parametrize("from_posted_event", [False, True], ids=["from a key", "from a task's result"])
def test_a_step_entered_is_laid_out_in_one_pass_and_painted_in_a_later_one(qtbot, open_window, from_posted_event):
    window = open_window()
    qtbot.waitExposed(window)
    fill_window(window, SAMPLE)
    window.go_to(REVIEW - 1)
    qtbot.wait(50)
    page = window.pages[REVIEW]
    app = QApplication.instance()
    passes: list[_Events] = []
    if from_posted_event:  # as a background task's callback (the form reset after Submit) runs
        QTimer.singleShot(0, window, lambda: window.go_to(REVIEW))
    else:
        window.go_to(REVIEW)
    for _ in range(200):
        events = _Events({QEvent.Type.LayoutRequest, QEvent.Type.Paint})
        app.installEventFilter(events)
        QCoreApplication.processEvents()
        app.removeEventFilter(events)
        passes.append(events)
        if any(kind == QEvent.Type.Paint and page.isAncestorOf(obj) for kind, obj in events.seen):
            break
        time.sleep(0.005)
    identity = page.findChild(QWidget, "review.identity")
    laid_out = [i for i, p in enumerate(passes) if (QEvent.Type.LayoutRequest, identity) in p.seen]
    painted = [i for i, p in enumerate(passes) if (QEvent.Type.Paint, identity) in p.seen]
    assert laid_out and painted and laid_out[0] < painted[0]
    assert window.stack.updatesEnabled()

