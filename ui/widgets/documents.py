"""The documents of an intake: photos or scans of the ID and the medical recommendation.

Files come from the scanner folder's list (the ``scan_folder`` setting: its newest files, each
attached with Enter), from the clipboard (Ctrl+V: a copied image or files), from a file dialog
(Add file…, opening in the scanner folder or the folder used last) or are dropped on the widget.
Each is checked by content (``app.documents``); a bad one is refused with a message naming it,
and nothing already added is touched. Each row shows a thumbnail, the file name, the document
type (proposed from the name: a "rec…" file is the recommendation) and a Remove button; Delete
removes the selected row. Reading files, listing the folder, encoding a pasted image and
decoding thumbnails run off the UI thread (``ui.tasks``).
"""

from __future__ import annotations

import time
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QDir,
    QEvent,
    QFileSystemWatcher,
    QIODevice,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QImageReader,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QComboBox,
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
from app.documents import (
    FILE_DIALOG_FILTER,
    DocumentData,
    DocumentProblem,
    check_document,
    load_document,
    recent_files,
    suggested_type,
)
from app.fields import CHOICE_LABELS
from ui import file_dialogs
from ui.i18n import tr_message
from ui.tasks import run_task
from ui.widgets.field_row import set_status

THUMBNAIL_SIZE = 64
RECENT_LIMIT = 8
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_last_folder = ""  # where the file dialog was used last in this run


def _thumbnail(data: bytes) -> QPixmap | None:
    image = _thumbnail_image(data)
    return None if image is None else QPixmap.fromImage(image)


def _thumbnail_image(data: bytes) -> QImage | None:
    """A small picture of an image file, or None when it cannot be decoded. A QImage, not a
    pixmap: it is made on a worker thread.

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
    return image


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
        self.thumbnail_ready = not document.is_image
        if document.is_image:
            # decoded on a worker (a phone photo takes tens of milliseconds); a file icon meanwhile
            self.thumbnail.setPixmap(self._file_icon())
            data = document.data
            run_task(lambda: _thumbnail_image(data), self._decoded, lambda _exc: self._decoded(None))
        else:
            self.thumbnail.setPixmap(_pdf_icon())

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

    def _file_icon(self) -> QPixmap:
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        return icon.pixmap(QSize(THUMBNAIL_SIZE // 2, THUMBNAIL_SIZE // 2))

    def _decoded(self, image: QImage | None) -> None:
        if not shiboken6.isValid(self):
            return  # removed while its picture was being made
        if image is not None:  # else a JPEG or PNG by its first bytes that Qt cannot decode: the icon stays
            self.thumbnail.setPixmap(QPixmap.fromImage(image))
        self.thumbnail_ready = True

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
    recent_listed = Signal()  # the scanner folder's list was refreshed

    def __init__(self, max_bytes: int, parent: QWidget | None = None, *, scan_folder: str | None = None) -> None:
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
        self.add_button.installEventFilter(self)  # Enter on it presses it
        self.hint = QLabel(self.tr("JPEG, PNG or PDF, up to {limit}. Drop files here, paste an image (Ctrl+V), "
                                   "or choose Add file.").format(limit=_megabytes(max_bytes)), self)
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

        # The scanner folder's newest files: Enter attaches the selected one.
        self.recent_label = QLabel(self)
        self.recent_label.setObjectName(f"{wire.DOCUMENTS}.recent.label")
        self.recent = QListWidget(self)
        self.recent.setObjectName(f"{wire.DOCUMENTS}.recent")
        self.recent.setAccessibleName(self.tr("Scanned files"))
        self.recent.setMaximumHeight(6 * self.fontMetrics().lineSpacing() + 12)
        self.recent.installEventFilter(self)
        self.recent.itemActivated.connect(lambda _item: self.attach_recent())
        self.recent_label.setBuddy(self.recent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(lambda _path: self.refresh_recent())
        self._listing = 0  # generation of the folder listings, the newest one wins
        paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self)
        paste.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paste.activated.connect(self.paste)

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
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        QWidget.setTabOrder(self.add_button, self.recent)
        QWidget.setTabOrder(self.recent, self.list)
        self.setFocusProxy(self.add_button)
        self.scan_folder = ""
        self.set_scan_folder(scan_folder)

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

    def attach_paths(self, paths: list[str]) -> None:
        """``add_paths`` with the reading on a worker thread (a large scan is not read on the UI thread)."""
        max_bytes = self.max_bytes

        def work():
            loaded, problems = [], []
            for path in paths:
                try:
                    loaded.append(load_document(path, max_bytes))
                except DocumentProblem as problem:
                    problems.append(problem.message)
            return loaded, problems

        def done(result) -> None:
            if not shiboken6.isValid(self):
                return
            loaded, messages = result
            problems = [tr_message(m) for m in messages]
            added = False
            for document in loaded:
                added |= self._add_checked(document, problems)
            self._finish_adding(added, problems)
            if added and self._recent_items():
                self.refresh_recent()  # what was attached leaves the list

        run_task(work, done, lambda exc: self._finish_adding(False, [str(exc)]))

    def paste(self) -> None:
        """Ctrl+V: files copied in a file manager, or an image copied from another program."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return
        paths = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []
        if paths:
            self.attach_paths(paths)
            return
        image = mime.imageData() if mime.hasImage() else None
        if isinstance(image, QImage) and not image.isNull():
            name = self.tr("Pasted image") + ".png"
            run_task(lambda: _png_bytes(image), lambda data: shiboken6.isValid(self) and self.add_data(name, data))
        else:
            self._file_problems = [self.tr("The clipboard holds no image or file to attach.")]
            self._show_message()

    # --- the scanner folder -------------------------------------------------------------------
    def set_scan_folder(self, folder: str | None) -> None:
        """Offer the newest files of ``folder`` (None or "": no list)."""
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        self.scan_folder = str(Path(folder).expanduser()) if folder else ""
        shown = bool(self.scan_folder)
        self.recent_label.setVisible(shown)
        self.recent.setVisible(shown)
        self.recent.clear()
        if shown:
            self.recent_label.setText(self.tr("&From the scanner folder ({folder}) — Enter attaches:").format(
                folder=self.scan_folder))
            if Path(self.scan_folder).is_dir():
                self._watcher.addPath(self.scan_folder)
            self.refresh_recent()
        self._update_focus_proxy()

    def refresh_recent(self) -> None:
        """List the scanner folder again, on a worker thread."""
        if not self.scan_folder:
            return
        self._listing += 1
        generation, folder = self._listing, self.scan_folder
        run_task(lambda: recent_files(folder, RECENT_LIMIT), lambda found: self._show_recent(generation, found))

    def _show_recent(self, generation: int, found) -> None:
        if not shiboken6.isValid(self) or generation != self._listing:
            return
        attached = {row.document.filename for row in self._rows}
        self.recent.clear()
        for entry in found:
            if entry.path.name in attached:
                continue
            when = time.strftime("%H:%M", time.localtime(entry.modified))
            item = QListWidgetItem(f"{entry.path.name}    {when}    {_megabytes(entry.size)}")
            item.setData(Qt.ItemDataRole.UserRole, str(entry.path))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, entry.path.name)
            self.recent.addItem(item)
        if not self.recent.count():
            empty = QListWidgetItem(self.tr("No new scans in this folder."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(empty)
        else:
            self.recent.setCurrentRow(0)  # the newest: Enter attaches it
        self._update_focus_proxy()
        self.recent_listed.emit()

    def _recent_items(self) -> list[QListWidgetItem]:
        items = [self.recent.item(i) for i in range(self.recent.count())]
        return [i for i in items if i.data(Qt.ItemDataRole.UserRole)]

    def attach_recent(self) -> None:
        item = self.recent.currentItem()
        path = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if path:
            self.attach_paths([path])

    def _update_focus_proxy(self) -> None:
        # Coming to the step with scans waiting, the focus is on the newest one (one key to attach).
        target = self.recent if self.recent.isVisibleTo(self) and self._recent_items() else self.add_button
        had_focus = self.hasFocus() or self.add_button.hasFocus() or self.recent.hasFocus()
        self.setFocusProxy(target)
        if had_focus and not target.hasFocus():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, obj, event) -> bool:
        if (
            obj in (self.add_button, self.recent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in _ENTER_KEYS
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier  # Ctrl+Enter still moves on
        ):
            if obj is self.add_button:
                self.add_button.click()
            else:
                self.attach_recent()
            return True
        return super().eventFilter(obj, event)

    def choose_files(self) -> list[str]:
        """Ask the clerk for files (a method of its own, so tests can stand in for the dialog)."""
        global _last_folder
        filters = QCoreApplication.translate("Documents", FILE_DIALOG_FILTER) + ";;" + self.tr("All files (*)")
        paths = file_dialogs.open_files(self, self.tr("Add documents"), self.dialog_folder(), filters)
        if paths:
            _last_folder = str(Path(paths[0]).parent)
        return paths

    def dialog_folder(self) -> str:
        """Where the file dialog opens: the folder used last, else the scanner folder, else the
        pictures folder (never the program's working directory)."""
        for folder in (_last_folder, self.scan_folder):
            if folder and Path(folder).is_dir():
                return folder
        pictures = QDir.homePath() + "/Pictures"
        return pictures if Path(pictures).is_dir() else QDir.homePath()

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
            self.attach_paths(paths)

    def _add_checked(self, document: DocumentData, problems: list[str]) -> bool:
        if any(row.document.data == document.data for row in self._rows):
            problems.append(self.tr("{name} is already added").format(name=document.filename))
            return False
        # The ID first, the recommendation after it, unless the name says it is the recommendation.
        self._append(document, suggested_type(document.filename, [row.doc_type() for row in self._rows]))
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
