import pytest

from app.documents import DocumentProblem, check_document, load_document

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 32
PDF = b"%PDF-1.7\n" + b"\0" * 32


@pytest.mark.parametrize(
    ("name", "data", "content_type", "final_name"),
    [
        ("id.png", PNG, "image/png", "id.png"),
        ("card.JPG", JPEG, "image/jpeg", "card.JPG"),
        ("scan.jpeg", JPEG, "image/jpeg", "scan.jpeg"),
        ("rec.pdf", PDF, "application/pdf", "rec.pdf"),
        ("renamed.pdf", PNG, "image/png", "renamed.png"),
        ("noext", JPEG, "image/jpeg", "noext.jpg"),
    ],
)
def test_accepted_by_content(name, data, content_type, final_name):
    doc = check_document(name, data, 1024)
    assert (doc.content_type, doc.filename) == (content_type, final_name)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("letter.pdf", b"PK\x03\x04 a docx renamed", "is not a JPEG, PNG or PDF"),
        ("empty.png", b"", "is empty"),
        ("big.png", PNG + b"\0" * 2000, "at most"),
    ],
)
def test_refused_with_message(name, data, expected):
    with pytest.raises(DocumentProblem) as info:
        check_document(name, data, 1024)
    assert expected in str(info.value)
    assert name in str(info.value)


def test_load_checks_size_before_reading(tmp_path):
    big = tmp_path / "big.pdf"
    big.write_bytes(PDF + b"\0" * 5000)
    with pytest.raises(DocumentProblem, match="at most 1 KB"):
        load_document(big, 1024)
    with pytest.raises(DocumentProblem, match="cannot be read"):
        load_document(tmp_path / "missing.png", 1024)
    ok = tmp_path / "ok.png"
    ok.write_bytes(PNG)
    assert load_document(ok, 1024).data == PNG


def test_recent_files_are_the_newest_documents_of_the_folder(tmp_path):
    import os

    from app.documents import recent_files

    for i, name in enumerate(["a.jpg", "b.PDF", "c.png", "notes.txt", ".hidden.png", "d.jpeg"]):
        path = tmp_path / name
        path.write_bytes(b"x" * (i + 1))
        os.utime(path, (1000 + i, 1000 + i))
    (tmp_path / "sub.png").mkdir()
    found = recent_files(tmp_path, limit=3)
    assert [f.path.name for f in found] == ["d.jpeg", "c.png", "b.PDF"]
    assert found[0].size == 6 and found[0].modified == 1005
    assert recent_files(tmp_path / "missing") == []


@pytest.mark.parametrize(("name", "present", "expected"), [
    ("scan_0001.jpg", [], "id"), ("scan_0002.jpg", ["id"], "medical_document"),
    ("Rec letter.pdf", [], "medical_document"), ("MMJ-card.png", [], "medical_document"),
    ("recreational_id.png", [], "id"), ("front.png", [], "id"), ("rec_2.png", [], "medical_document"),
])
def test_suggested_type(name, present, expected):
    from app.documents import suggested_type

    assert suggested_type(name, present) == expected
