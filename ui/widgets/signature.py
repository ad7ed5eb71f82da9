"""A signature pad: the customer signs with a finger, a stylus or the mouse; Clear starts over.

The TCPA asks for prior express *written* consent before marketing texts and autodialed
calls; an on-screen signature is the written form at a front desk. The pad keeps the strokes
as vectors and renders them to a PNG on demand (``image_png``), black on white.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

# A tap or a short slip is not a signature: the ink must run at least this far, in pixels.
MIN_INK_LENGTH = 40.0
_PEN_WIDTH = 2.5
_INK = QColor("#111827")
_PAPER = QColor("white")
_GUIDE = QColor("#9ca3af")


class SignatureCanvas(QWidget):
    """The area drawn on. Mouse, tablet pen and touch all add points to the current stroke."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("signatureCanvas")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(140)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._strokes: list[list[QPointF]] = []
        self._drawing = False

    def sizeHint(self) -> QSize:
        return QSize(480, 160)

    # --- the strokes -----------------------------------------------------------------
    def strokes(self) -> list[list[QPointF]]:
        return [list(s) for s in self._strokes]

    def ink_length(self) -> float:
        total = 0.0
        for stroke in self._strokes:
            for a, b in itertools.pairwise(stroke):
                total += (b - a).manhattanLength()
        return total

    def clear(self) -> None:
        if self._strokes:
            self._strokes.clear()
            self._drawing = False
            self.update()
            self.changed.emit()

    def _begin(self, point: QPointF) -> None:
        self._drawing = True
        self._strokes.append([point])
        self.update()

    def _extend(self, point: QPointF) -> None:
        if self._drawing and self._strokes:
            self._strokes[-1].append(point)
            self.update()

    def _end(self, point: QPointF | None = None) -> None:
        if self._drawing:
            if point is not None:
                self._extend(point)
            self._drawing = False
            self.changed.emit()

    # --- input -----------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
            event.accept()

    def mouseMoveEvent(self, event) -> None:
        self._extend(event.position())

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position())

    def tabletEvent(self, event) -> None:
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()  # a pen must not also arrive as a synthesized mouse stroke

    def event(self, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            points = event.points()
            if points:
                position = points[0].position()  # one finger signs; more are ignored
                if kind == QEvent.Type.TouchBegin:
                    self._begin(position)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(position)
                else:
                    self._end(position)
            event.accept()
            return True
        if kind == QEvent.Type.TouchCancel:
            self._end()
            event.accept()
            return True
        return super().event(event)

    # --- painting --------------------------------------------------------------------
    def _paint(self, painter: QPainter, rect: QRectF, *, guide: bool) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(rect, _PAPER)
        if guide:
            baseline = rect.bottom() - 28
            painter.setPen(QPen(_GUIDE, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(rect.left() + 16, baseline), QPointF(rect.right() - 16, baseline))
            painter.drawText(QPointF(rect.left() + 16, baseline - 6), "✕")
        painter.setPen(QPen(_INK, _PEN_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        for stroke in self._strokes:
            if len(stroke) == 1:
                painter.drawPoint(stroke[0])
                continue
            path = QPainterPath(stroke[0])
            for point in stroke[1:]:
                path.lineTo(point)
            painter.drawPath(path)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        self._paint(painter, QRectF(self.rect()), guide=True)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()

    def render_image(self) -> QImage:
        image = QImage(self.size(), QImage.Format.Format_RGB32)
        painter = QPainter(image)
        self._paint(painter, QRectF(image.rect()), guide=False)
        painter.end()
        return image


class SignaturePad(QWidget):
    """The canvas, a line saying who signs, and a Clear button. ``changed`` after each stroke or clear."""

    changed = Signal()

    def __init__(self, prompt: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.canvas = SignatureCanvas(self)
        self.canvas.setAccessibleName(self.tr("Customer signature"))
        self.prompt = QLabel(prompt or self.tr("Customer signature: sign inside the box with a finger, pen or mouse."),
                             self)
        self.prompt.setObjectName("signaturePrompt")
        self.prompt.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("C&lear signature"), self)
        self.clear_button.setObjectName("signatureClear")
        self.clear_button.setAutoDefault(False)
        self.clear_button.setAccessibleName(self.tr("Clear signature"))
        self.clear_button.clicked.connect(self.clear)
        self.canvas.changed.connect(self._changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.prompt)
        layout.addWidget(self.canvas)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        layout.addLayout(buttons)
        self._changed()

    def _changed(self) -> None:
        self.clear_button.setEnabled(bool(self.canvas.strokes()))
        self.changed.emit()

    def is_signed(self) -> bool:
        return self.canvas.ink_length() >= MIN_INK_LENGTH

    def clear(self) -> None:
        self.canvas.clear()

    def image_png(self) -> bytes:
        """The signature as a PNG (black ink on white, the pad's size); empty bytes when unsigned."""
        if not self.is_signed():
            return b""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.canvas.render_image().save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())
