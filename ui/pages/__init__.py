"""The wizard's pages: one per step of ``app.wizard.STEPS``."""


def paint_once(page) -> None:
    """A step page (a QScrollArea) painted once per update, not twice. QScrollArea makes its
    body and viewport fill their backgrounds, which makes them opaque: Qt then paints each
    such dirty widget on its own and again with the window, so entering a page drew every
    one of its widgets twice. The body's background comes from the stylesheet
    (``QWidget#pageBody``) and covers the viewport (the body is resized to fill it)."""
    page.widget().setAutoFillBackground(False)
    page.viewport().setAutoFillBackground(False)
