"""The documents widget: files checked by content as they come in, rows with thumbnails,
types and Remove, drops, and messages placed on the row they concern."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QPushButton

from app import wire
from app.documents import DocumentData
from ui.widgets.documents import THUMBNAIL_SIZE, DocumentsWidget

MAX_BYTES = 256 * 1024


def _image(path: Path, fmt: str, size: tuple[int, int] = (320, 200)) -> Path:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    assert image.save(str(path), fmt)
    return path


def _pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    return path


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    return {
        "png": _image(tmp_path / "front.png", "PNG"),
        "jpeg": _image(tmp_path / "back.jpg", "JPEG"),
        "pdf": _pdf(tmp_path / "recommendation.pdf"),
    }


@pytest.fixture
def widget(qtbot) -> DocumentsWidget:
    w = DocumentsWidget(MAX_BYTES)
    qtbot.addWidget(w)
    w.resize(600, 400)
    return w


def _row_control(widget, row: int, what: str, cls):
    control = widget.findChild(cls, f"{wire.DOCUMENTS}.{row}.{what}")
    assert control is not None, f"no documents.{row}.{what}"
    return control


def _message(widget) -> QLabel:
    return widget.findChild(QLabel, f"{wire.DOCUMENTS}.message")


def test_valid_files_are_added_with_types_and_pictures(widget, files, qtbot):
    with qtbot.waitSignal(widget.changed):
        widget.add_paths([str(files["png"]), str(files["jpeg"]), str(files["pdf"])])

    docs = widget.documents()
    assert [(d.filename, d.content_type, t) for d, t in docs] == [
        ("front.png", "image/png", wire.DOC_TYPE_ID),
        ("back.jpg", "image/jpeg", wire.DOC_TYPE_MEDICAL),
        ("recommendation.pdf", "application/pdf", wire.DOC_TYPE_MEDICAL),
    ]
    assert docs[0][0].data == files["png"].read_bytes()
    assert widget.findChild(QListWidget, f"{wire.DOCUMENTS}.list").count() == 3
    rows = [widget.list.itemWidget(widget.list.item(row)) for row in range(3)]
    qtbot.waitUntil(lambda: all(r.thumbnail_ready for r in rows), timeout=5000)  # decoded off the UI thread
    for row in range(3):
        pixmap = widget.list.itemWidget(widget.list.item(row)).thumbnail.pixmap()
        assert not pixmap.isNull()
        assert max(pixmap.width(), pixmap.height()) == THUMBNAIL_SIZE
    # the image thumbnails show the picture itself (its colour), the PDF an icon
    png_thumb = widget.list.itemWidget(widget.list.item(0)).thumbnail.pixmap().toImage()
    assert png_thumb.pixelColor(png_thumb.width() // 2, png_thumb.height() // 2) == QColor("#2e7d32")
    assert not _message(widget).isVisible()
    assert _message(widget).text() == ""


def test_rows_are_named_and_accessible(widget, files):
    widget.add_paths([str(files["png"])])
    combo = _row_control(widget, 0, wire.DOC_TYPE, QComboBox)
    remove = _row_control(widget, 0, "remove", QPushButton)
    assert [combo.itemData(i) for i in range(combo.count())] == list(wire.DOCUMENT_TYPES)
    assert combo.itemText(0) == "ID document"
    assert remove.accessibleName() == "Remove front.png"
    assert "front.png" in combo.accessibleName()
    add = widget.findChild(QPushButton, f"{wire.DOCUMENTS}.add")
    assert add.text().startswith("&")
    assert add.accessibleName() and widget.list.accessibleName()


def test_long_names_are_shortened_on_screen_but_kept_whole(widget, tmp_path):
    long_name = "PXL_20251125_180233917.MP-front-of-the-drivers-licence-of-the-customer.png"
    widget.add_paths([str(_image(tmp_path / long_name, "PNG"))])
    widget.resize(420, 300)
    widget.show()
    name = widget.list.itemWidget(widget.list.item(0)).name
    assert name.text() != long_name and "…" in name.text()
    assert name.toolTip() == long_name and name.accessibleName() == long_name
    assert widget.documents()[0][0].filename == long_name


def test_tab_goes_from_add_to_list_to_each_rows_controls(widget, files, qtbot):
    widget.add_paths([str(files["png"]), str(files["pdf"])])
    widget.show()
    qtbot.waitExposed(widget)
    widget.add_button.setFocus()
    expected = [
        widget.list,
        _row_control(widget, 0, wire.DOC_TYPE, QComboBox),
        _row_control(widget, 0, "remove", QPushButton),
        _row_control(widget, 1, wire.DOC_TYPE, QComboBox),
        _row_control(widget, 1, "remove", QPushButton),
    ]
    for target in expected:
        assert widget.add_button.window().focusNextChild()
        qtbot.waitUntil(lambda t=target: t.hasFocus())


def test_renamed_zip_is_refused_by_name_and_nothing_else_is_lost(widget, files, tmp_path, qtbot):
    widget.add_paths([str(files["png"])])
    fake = tmp_path / "scan.pdf"
    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    widget.show()

    with qtbot.assertNotEmitted(widget.changed):
        widget.add_paths([str(fake)])

    message = _message(widget)
    assert "scan.pdf" in message.text()
    assert message.isVisible()
    assert message.property("status") == "error"
    assert [d.filename for d, _ in widget.documents()] == ["front.png"]


def test_oversized_file_is_refused_with_a_message(widget, tmp_path):
    big = tmp_path / "huge.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * MAX_BYTES)
    widget.add_paths([str(big), str(tmp_path / "missing.jpg")])
    text = _message(widget).text()
    assert "huge.png" in text and "missing.jpg" in text
    assert widget.documents() == []


def test_mixed_batch_adds_the_good_files_and_names_the_bad(widget, files, tmp_path, qtbot):
    bad = tmp_path / "letter.jpg"
    bad.write_bytes(b"Dear clerk")
    with qtbot.waitSignal(widget.changed):
        widget.add_paths([str(files["png"]), str(bad), str(files["pdf"])])
    assert [d.filename for d, _ in widget.documents()] == ["front.png", "recommendation.pdf"]
    assert "letter.jpg" in _message(widget).text()
    # the window answers every change with set_errors; the file problem must stay shown
    widget.set_errors({})
    assert "letter.jpg" in _message(widget).text()
    # the next successful add clears it
    widget.add_paths([str(files["jpeg"])])
    assert _message(widget).text() == ""


def test_the_same_file_twice_is_refused(widget, files):
    widget.add_paths([str(files["png"]), str(files["png"])])
    assert len(widget.documents()) == 1
    assert "front.png" in _message(widget).text()


def test_add_button_uses_the_file_chooser(widget, files, qtbot, monkeypatch):
    monkeypatch.setattr(widget, "choose_files", lambda: [str(files["pdf"])])
    with qtbot.waitSignal(widget.changed):
        qtbot.mouseClick(widget.add_button, Qt.MouseButton.LeftButton)
    assert [d.filename for d, _ in widget.documents()] == ["recommendation.pdf"]
    monkeypatch.setattr(widget, "choose_files", lambda: [])  # the clerk cancelled
    with qtbot.assertNotEmitted(widget.changed):
        qtbot.mouseClick(widget.add_button, Qt.MouseButton.LeftButton)


def _drop(widget, mime: QMimeData) -> QDropEvent:
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    widget.dropEvent(event)
    return event


def test_dropped_files_are_added(widget, files, qtbot):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files["jpeg"])), QUrl.fromLocalFile(str(files["pdf"]))])
    with qtbot.waitSignal(widget.changed):
        event = _drop(widget, mime)
    assert event.isAccepted()
    assert [d.filename for d, _ in widget.documents()] == ["back.jpg", "recommendation.pdf"]


def test_dropped_image_data_is_added_as_png(widget, qtbot):
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#1565c0"))
    mime = QMimeData()
    mime.setImageData(image)
    with qtbot.waitSignal(widget.changed):
        _drop(widget, mime)
    [(document, doc_type)] = widget.documents()
    assert document.content_type == "image/png" and document.filename.endswith(".png")
    assert doc_type == wire.DOC_TYPE_ID


def test_remote_urls_are_not_accepted(widget):
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.com/id.png")])
    event = _drop(widget, mime)
    assert not event.isAccepted()
    assert widget.documents() == []


def test_type_change_emits_changed_and_shows_in_documents(widget, files, qtbot):
    widget.add_paths([str(files["png"]), str(files["pdf"])])
    combo = _row_control(widget, 1, wire.DOC_TYPE, QComboBox)
    with qtbot.waitSignal(widget.changed):
        combo.setCurrentIndex(combo.findData(wire.DOC_TYPE_ID))
    assert [t for _, t in widget.documents()] == [wire.DOC_TYPE_ID, wire.DOC_TYPE_ID]


def test_remove_button_and_delete_key(widget, files, qtbot):
    widget.add_paths([str(files["png"]), str(files["jpeg"]), str(files["pdf"])])
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitSignal(widget.changed):
        qtbot.mouseClick(_row_control(widget, 1, "remove", QPushButton), Qt.MouseButton.LeftButton)
    assert [d.filename for d, _ in widget.documents()] == ["front.png", "recommendation.pdf"]
    # the rows after it take the freed place in their names
    assert _row_control(widget, 1, "remove", QPushButton).accessibleName() == "Remove recommendation.pdf"
    assert widget.findChild(QPushButton, f"{wire.DOCUMENTS}.2.remove") is None

    widget.list.setFocus()
    widget.list.setCurrentRow(0)
    qtbot.waitUntil(widget.list.hasFocus)
    with qtbot.waitSignal(widget.changed):
        qtbot.keyClick(widget.list, Qt.Key.Key_Delete)
    assert [d.filename for d, _ in widget.documents()] == ["recommendation.pdf"]


def test_delete_on_a_rows_control_removes_that_row(widget, files, qtbot):
    widget.add_paths([str(files["png"]), str(files["pdf"])])
    widget.show()
    qtbot.waitExposed(widget)
    widget.list.setCurrentRow(0)
    remove = _row_control(widget, 1, "remove", QPushButton)
    remove.setFocus()
    qtbot.waitUntil(lambda: widget.list.currentRow() == 1)
    qtbot.keyClick(remove, Qt.Key.Key_Delete)
    assert [d.filename for d, _ in widget.documents()] == ["front.png"]


def test_set_documents_round_trip_is_quiet(widget, files, qtbot):
    widget.add_paths([str(files["png"]), str(files["pdf"])])
    combo = _row_control(widget, 0, wire.DOC_TYPE, QComboBox)
    combo.setCurrentIndex(combo.findData(wire.DOC_TYPE_MEDICAL))
    saved = widget.documents()

    other = DocumentsWidget(MAX_BYTES)
    qtbot.addWidget(other)
    with qtbot.assertNotEmitted(other.changed):
        other.set_documents(saved)
    assert other.documents() == saved
    assert _row_control(other, 0, wire.DOC_TYPE, QComboBox).currentData() == wire.DOC_TYPE_MEDICAL

    with qtbot.assertNotEmitted(other.changed):
        other.clear()
    assert other.documents() == []


def test_undecodable_image_still_gets_a_picture(widget, qtbot):
    broken = DocumentData("torn.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"not really")
    widget.set_documents([(broken, wire.DOC_TYPE_ID)])
    assert not widget.list.itemWidget(widget.list.item(0)).thumbnail.pixmap().isNull()


def test_errors_go_to_their_row_and_the_rest_below(widget, files):
    widget.add_paths([str(files["png"]), str(files["pdf"])])
    widget.show()
    widget.set_errors({
        f"{wire.DOCUMENTS}.1.{wire.DOC_TYPE}": ["Choose the document type"],
        wire.DOCUMENTS: ["An ID document is required"],
        f"{wire.DOCUMENTS}.7.{wire.DOC_FILE_ID}": ["Upload failed"],
        wire.FIRST_NAME: ["not ours"],
    })
    row_message = widget.findChild(QLabel, f"{wire.DOCUMENTS}.1.message")
    assert row_message.text() == "Choose the document type" and row_message.isVisible()
    assert row_message.property("status") == "error"
    assert not widget.findChild(QLabel, f"{wire.DOCUMENTS}.0.message").isVisible()
    general = _message(widget)
    assert "An ID document is required" in general.text() and "Upload failed" in general.text()
    assert "not ours" not in general.text()
    assert general.property("status") == "error"

    widget.set_errors({})
    assert not row_message.isVisible()
    assert not general.isVisible()
    assert general.property("status") == ""


def test_enter_on_a_focused_add_file_presses_it(widget, files, qtbot, monkeypatch):
    monkeypatch.setattr(widget, "choose_files", lambda: [str(files["pdf"])])
    widget.show()
    widget.add_button.setFocus()
    with qtbot.waitSignal(widget.changed, timeout=5000):
        qtbot.keyClick(widget.add_button, Qt.Key.Key_Return)
    assert [d.filename for d, _ in widget.documents()] == ["recommendation.pdf"]
    asked = []
    monkeypatch.setattr(widget, "choose_files", lambda: asked.append(1) or [])
    qtbot.keyClick(widget.add_button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked == []  # Ctrl+Enter is the window's: on to the next step


def test_the_scanner_folders_newest_file_is_attached_with_one_key(qtbot, tmp_path):
    import os

    folder = tmp_path / "scans"
    folder.mkdir()
    older = _image(folder / "scan_0001.jpg", "JPEG")
    os.utime(older, (1000, 1000))
    _pdf(folder / "rec_0002.pdf")
    (folder / "notes.txt").write_text("not a document")
    widget = DocumentsWidget(MAX_BYTES, scan_folder=str(folder))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.recent.count() == 2, timeout=5000)
    assert widget.recent.currentItem().data(Qt.ItemDataRole.AccessibleTextRole) == "rec_0002.pdf"  # newest first
    assert widget.focusProxy() is widget.recent  # coming to the step, Enter attaches the newest scan
    widget.setFocus()
    assert widget.recent.hasFocus()
    with qtbot.waitSignal(widget.changed, timeout=5000):
        qtbot.keyClick(widget.recent, Qt.Key.Key_Return)
    [(document, doc_type)] = widget.documents()
    assert document.filename == "rec_0002.pdf" and doc_type == wire.DOC_TYPE_MEDICAL  # named as the recommendation
    qtbot.waitUntil(lambda: widget.recent.count() == 1, timeout=5000)  # attached files leave the list
    # A new scan appears in the list as the scanner writes it.
    _image(folder / "scan_0003.png", "PNG")
    qtbot.waitUntil(lambda: widget.recent.count() == 2, timeout=5000)
    assert widget.dialog_folder() == str(folder)


def test_no_scanner_folder_no_list(widget):
    assert not widget.recent.isVisibleTo(widget)
    assert widget.focusProxy() is widget.add_button
    assert "scans" not in widget.dialog_folder() and widget.dialog_folder() != os_getcwd()


def os_getcwd() -> str:
    import os

    return os.getcwd()


def test_ctrl_v_attaches_a_copied_image_or_copied_files(widget, files, qtbot):
    from PySide6.QtGui import QGuiApplication

    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.add_button.setFocus()
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#6a1b9a"))
    QGuiApplication.clipboard().setImage(image)
    with qtbot.waitSignal(widget.changed, timeout=5000):
        qtbot.keyClick(widget.add_button, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    [(document, _type)] = widget.documents()
    assert document.content_type == "image/png"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files["jpeg"]))])
    QGuiApplication.clipboard().setMimeData(mime)
    with qtbot.waitSignal(widget.changed, timeout=5000):
        qtbot.keyClick(widget.add_button, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [d.filename for d, _ in widget.documents()][1] == "back.jpg"
    QGuiApplication.clipboard().setText("just words")
    qtbot.keyClick(widget.add_button, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "no image" in _message(widget).text() and len(widget.documents()) == 2
