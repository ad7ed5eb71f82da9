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
