"""The documents of an intake: photos or scans of the ID and the medical recommendation.

Files come from a file dialog or are dropped on the widget. Each is checked by content at
once (``app.documents``); a bad one is refused with a message naming it, and nothing already
added is touched. Each row shows a thumbnail, the file name, the document type and a Remove
button; Delete removes the selected row.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QEvent, QIODevice, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QImageReader, QKeySequence, QPainter, QPen, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app import wire
from app.assets import resource_path
from app.documents import FILE_DIALOG_FILTER, DocumentData, DocumentProblem, check_document, load_document
from app.fields import CHOICE_LABELS
from ui.i18n import tr_message
from ui.widgets.field_row import set_status

THUMBNAIL_SIZE = 64


def _thumbnail(data: bytes) -> QPixmap | None:
    """A small picture of an image file, or None when it cannot be decoded.

    The reader decodes straight to the small size (JPEG decoders skip most of the work), and
    follows the EXIF orientation, so a phone photo of an ID is not shown on its side.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > THUMBNAIL_SIZE or size.height() > THUMBNAIL_SIZE):
        reader.setScaledSize(size.scaled(THUMBNAIL_SIZE, THUMBNAIL_SIZE, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return None
    if image.width() > THUMBNAIL_SIZE or image.height() > THUMBNAIL_SIZE:  # a rotated photo, or no scaled read
        image = image.scaled(THUMBNAIL_SIZE, THUMBNAIL_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return QPixmap.fromImage(image)


def _pdf_icon() -> QPixmap:
    """The shipped PDF icon when there is one; otherwise a page with a "PDF" band, drawn here."""
    for name in ("pdf.svg", "pdf.png"):
        path = resource_path("icons", name)
        if path.is_file():
            pixmap = QPixmap(str(path))
            if not pixmap.isNull():
                return pixmap.scaled(THUMBNAIL_SIZE, THUMBNAIL_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation)
    pixmap = QPixmap(THUMBNAIL_SIZE, THUMBNAIL_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    page = QRect(12, 4, 40, 56)
    painter.setPen(QPen(QColor("#6b6b6b"), 1.5))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRect(page)
    band = QRect(6, 30, 40, 16)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#c62828"))
    painter.drawRect(band)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(11)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(band, Qt.AlignmentFlag.AlignCenter, "PDF")
    painter.end()
    return pixmap


class _ElidedLabel(QLabel):
    """A one-line label that ends in "…" when too narrow (phone photos have long names);
    the whole text stays in the tooltip and the accessible name."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._full = text
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setToolTip(text)
        self.setAccessibleName(text)
        self.setMinimumWidth(60)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 4, super().sizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, self.width()))


class _DocumentRow(QWidget):
    """One document: thumbnail, file name (and its messages), type choice, Remove button."""

    type_changed = Signal()
    remove_requested = Signal()
    focused = Signal()

    def __init__(self, document: DocumentData, doc_type: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.thumbnail = QLabel(self)
        self.thumbnail.setFixedSize(THUMBNAIL_SIZE, THUMBNAIL_SIZE)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pixmap = _thumbnail(document.data) if document.is_image else _pdf_icon()
        if pixmap is None:  # a JPEG or PNG by its first bytes that Qt cannot decode
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
            pixmap = icon.pixmap(QSize(THUMBNAIL_SIZE // 2, THUMBNAIL_SIZE // 2))
        self.thumbnail.setPixmap(pixmap)

        self.name = _ElidedLabel(document.filename, self)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        set_status(self.message, "error")

        self.type = QComboBox(self)
        for value in wire.DOCUMENT_TYPES:
            self.type.addItem(QCoreApplication.translate("Fields", CHOICE_LABELS.get(value, value)), value)
        self.type.setCurrentIndex(max(self.type.findData(doc_type), 0))
        self.type.currentIndexChanged.connect(lambda _index: self.type_changed.emit())

        self.remove = QPushButton(self)
        self.remove.setAutoDefault(False)  # Enter in the wizard means Next, never Remove
        self.remove.clicked.connect(self.remove_requested.emit)

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addStretch(1)
        text.addWidget(self.name)
        text.addWidget(self.message)
        text.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.thumbnail)
        layout.addLayout(text, 1)
        layout.addWidget(self.type)
        layout.addWidget(self.remove)
        for child in (self.type, self.remove):
            child.installEventFilter(self)

    def set_texts(self, remove_text: str, remove_name: str, type_name: str) -> None:
        self.remove.setText(remove_text)
        self.remove.setAccessibleName(remove_name)
        self.type.setAccessibleName(type_name)

    def set_index(self, index: int) -> None:
        """Object names follow the row's place, as the server's error keys do (``documents.0.type``)."""
        self.setObjectName(f"{wire.DOCUMENTS}.{index}")
        self.type.setObjectName(f"{wire.DOCUMENTS}.{index}.{wire.DOC_TYPE}")
        self.remove.setObjectName(f"{wire.DOCUMENTS}.{index}.remove")
        self.message.setObjectName(f"{wire.DOCUMENTS}.{index}.message")

    def retire(self) -> None:
        """Give up the row's names and go: a deleted row must not answer to a live row's name."""
        for widget in (self, self.type, self.remove, self.message):
            widget.setObjectName("")
        self.hide()
        self.deleteLater()

    def doc_type(self) -> str:
        return str(self.type.currentData())

    def set_messages(self, messages: list[str]) -> None:
        text = "\n".join(messages)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.type.setAccessibleDescription(text)
        set_status(self.type, "error" if text else "")

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.focused.emit()  # Tab into a row's controls selects the row, so Delete acts on it
        return super().eventFilter(obj, event)


class DocumentsWidget(QWidget):
    """The documents step's input.

    ``changed`` is emitted when the clerk adds, removes or retypes a document (``add_paths`` and
    drops count as the clerk's); never by ``set_documents`` or ``clear``, which restore state.
    """

    changed = Signal()

    def __init__(self, max_bytes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(wire.DOCUMENTS)
        self.setAcceptDrops(True)
        self.max_bytes = max_bytes
        self._rows: list[_DocumentRow] = []
        self._file_problems: list[str] = []  # from the last files added; they name the file
        self._general_errors: list[str] = []  # from set_errors, for the documents as a whole

        self.add_button = QPushButton(self.tr("&Add file…"), self)
        self.add_button.setObjectName(f"{wire.DOCUMENTS}.add")
        self.add_button.setAccessibleName(self.tr("Add file"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._choose_and_add)
        self.hint = QLabel(self.tr("JPEG, PNG or PDF, up to {limit}. Drop files here, or choose Add file.").format(
            limit=_megabytes(max_bytes)), self)
        self.hint.setObjectName(f"{wire.DOCUMENTS}.hint")
        self.hint.setWordWrap(True)
        set_status(self.hint, "hint")

        self.list = QListWidget(self)
        self.list.setObjectName(f"{wire.DOCUMENTS}.list")
        self.list.setAccessibleName(self.tr("Documents"))
        self.list.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setMinimumHeight(THUMBNAIL_SIZE + 24)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete.activated.connect(self._remove_current)

        self.message = QLabel(self)
        self.message.setObjectName(f"{wire.DOCUMENTS}.message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        self.setFocusProxy(self.add_button)

    # --- the public interface ---------------------------------------------------------------
    def documents(self) -> list[tuple[DocumentData, str]]:
        """The documents in order, each with its type (a value of ``wire.DOCUMENT_TYPES``)."""
        return [(row.document, row.doc_type()) for row in self._rows]

    def set_documents(self, documents: list[tuple[DocumentData, str]]) -> None:
        """Show these documents (a restored draft); the clerk's messages are cleared."""
        self._clear_rows()
        for document, doc_type in documents:
            self._append(document, doc_type)
        self._file_problems = []
        self._general_errors = []
        self._after_rows_changed()

    def clear(self) -> None:
        self.set_documents([])

    def add_paths(self, paths: list[str]) -> None:
        """Check and add files; each refused one gets a message naming it, the others go in."""
        added = False
        problems: list[str] = []
        for path in paths:
            try:
                added |= self._add_checked(load_document(path, self.max_bytes), problems)
            except DocumentProblem as problem:
                problems.append(tr_message(problem.message))
        self._finish_adding(added, problems)

    def add_data(self, filename: str, data: bytes) -> None:
        """Check and add a file held in memory (an image dropped from another program)."""
        problems: list[str] = []
        try:
            added = self._add_checked(check_document(filename, data, self.max_bytes), problems)
        except DocumentProblem as problem:
            added = False
            problems.append(tr_message(problem.message))
        self._finish_adding(added, problems)

    def choose_files(self) -> list[str]:
        """Ask the clerk for files (a method of its own, so tests can stand in for the dialog)."""
        filters = QCoreApplication.translate("Documents", FILE_DIALOG_FILTER) + ";;" + self.tr("All files (*)")
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Add documents"), "", filters)
        return list(paths)

    def set_errors(self, errors: dict[str, list[str]]) -> None:
        """Show the problems found in ``errors`` for documents: ``documents.N...`` on row N,
        ``documents`` (and rows that no longer exist) under the list. Other keys are ignored."""
        per_row: dict[int, list[str]] = {}
        general: list[str] = []
        for key, messages in errors.items():
            texts = [tr_message(m) for m in messages]
            if key == wire.DOCUMENTS:
                general += texts
                continue
            head, _, rest = key.partition(".")
            if head != wire.DOCUMENTS or not rest:
                continue
            index_text = rest.split(".", 1)[0]
            if index_text.isdigit() and int(index_text) < len(self._rows):
                bucket = per_row.setdefault(int(index_text), [])
                bucket += [t for t in texts if t not in bucket]
            else:
                general += texts
        for index, row in enumerate(self._rows):
            row.set_messages(per_row.get(index, []))
        self._general_errors = list(dict.fromkeys(general))
        self._refresh_sizes()
        self._show_message()

    # --- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if self._usable_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._usable_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        mime = event.mimeData()
        if not self._usable_drop(mime):
            event.ignore()
            return
        event.acceptProposedAction()
        paths = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        if paths:
            self.add_paths(paths)
            return
        image = mime.imageData()
        if isinstance(image, QImage) and not image.isNull():
            self.add_data(self.tr("Dropped image") + ".png", _png_bytes(image))

    @staticmethod
    def _usable_drop(mime) -> bool:
        if mime is None:
            return False
        if mime.hasUrls():
            return any(url.isLocalFile() for url in mime.urls())
        return mime.hasImage()

    # --- inside ---------------------------------------------------------------------------------
    def _choose_and_add(self) -> None:
        paths = self.choose_files()
        if paths:
            self.add_paths(paths)

    def _add_checked(self, document: DocumentData, problems: list[str]) -> bool:
        if any(row.document.data == document.data for row in self._rows):
            problems.append(self.tr("{name} is already added").format(name=document.filename))
            return False
        # The first document is usually the ID; later ones the recommendation. The clerk can change it.
        has_id = any(row.doc_type() == wire.DOC_TYPE_ID for row in self._rows)
        self._append(document, wire.DOC_TYPE_MEDICAL if has_id else wire.DOC_TYPE_ID)
        return True

    def _finish_adding(self, added: bool, problems: list[str]) -> None:
        self._file_problems = problems
        if added:
            self._after_rows_changed()
            self.list.setCurrentRow(len(self._rows) - 1)
        self._show_message()
        if added:
            self.changed.emit()

    def _append(self, document: DocumentData, doc_type: str) -> None:
        row = _DocumentRow(document, doc_type, self.list.viewport())
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.AccessibleTextRole, document.filename)
        self.list.addItem(item)
        self.list.setItemWidget(item, row)
        row.type_changed.connect(self._type_changed)
        row.remove_requested.connect(lambda r=row: self._remove_row(r))
        row.focused.connect(lambda r=row: self._select_row(r))
        self._rows.append(row)

    def _select_row(self, row: _DocumentRow) -> None:
        if row in self._rows:  # a removed row may still see a late focus event
            self.list.setCurrentRow(self._rows.index(row))

    def _type_changed(self) -> None:
        self.changed.emit()

    def _remove_current(self) -> None:
        index = self.list.currentRow()
        if 0 <= index < len(self._rows):
            self._remove_row(self._rows[index])

    def _remove_row(self, row: _DocumentRow) -> None:
        index = self._rows.index(row)
        had_focus = row.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        self._rows.pop(index)
        self.list.takeItem(index)
        row.retire()
        # messages keyed by the old places no longer fit the rows; the window sends fresh ones
        for other in self._rows:
            other.set_messages([])
        self._after_rows_changed()
        if self._rows:
            self.list.setCurrentRow(min(index, len(self._rows) - 1))
        if had_focus or not self._rows:
            (self.list if self._rows else self.add_button).setFocus()
        self.changed.emit()

    def _clear_rows(self) -> None:
        for row in self._rows:
            row.retire()
        self._rows.clear()
        self.list.clear()

    def _after_rows_changed(self) -> None:
        previous: QWidget = self.list
        QWidget.setTabOrder(self.add_button, self.list)
        for index, row in enumerate(self._rows):
            row.set_index(index)
            name = row.document.filename
            row.set_texts(self.tr("Remove"), self.tr("Remove {name}").format(name=name),
                          self.tr("Type of {name}").format(name=name))
            QWidget.setTabOrder(previous, row.type)
            QWidget.setTabOrder(row.type, row.remove)
            previous = row.remove
        self._refresh_sizes()

    def _refresh_sizes(self) -> None:
        for index, row in enumerate(self._rows):
            self.list.item(index).setSizeHint(row.sizeHint())

    def _show_message(self) -> None:
        text = "\n".join(self._file_problems + self._general_errors)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        set_status(self.message, "error" if text else "")
        self.list.setAccessibleDescription(text)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} KB"


def _png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())
