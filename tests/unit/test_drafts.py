import os
import sqlite3
import stat
import threading

import pytest

from app import wire
from app.crypto import Cipher, DecryptError, new_key
from app.drafts import DraftNotFound, DraftStore, display_label, new_draft_id
from app.outbox import DocumentFile, Outbox
from app.storage import StorageError, drafts_path, open_database, outbox_path

NAME = "Zebulon"
LAST = "Quackenbush"
PHONE = "4155550123"
DOB = "1987-03-14"
STATE_ID = "D7788123"
SECRET_SCAN = b"%PDF-1.4 scan of Zebulon's licence"


def _record():
    return {
        wire.FIRST_NAME: NAME,
        wire.LAST_NAME: LAST,
        wire.PHONE: "(415) 555-0123",
        wire.CELL_PHONE: PHONE,
        wire.DATE_OF_BIRTH: DOB,
        wire.STATE_ID: STATE_ID,
    }


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def store(data_dir):
    with DraftStore(drafts_path(data_dir), Cipher(new_key())) as s:
        yield s


def test_save_list_load_round_trip(store):
    draft_id = new_draft_id()
    store.save(draft_id, _record(), "identity")
    [summary] = store.list()
    assert (summary.id, summary.step, summary.label) == (draft_id, "identity", f"{NAME[0]}. {LAST}")
    draft = store.load(draft_id)
    assert draft.record == _record()
    assert draft.step == "identity"
    assert draft.updated_at == summary.updated_at


def test_save_is_an_upsert_and_list_is_newest_first(data_dir):
    ticks = iter(range(100, 200))
    with DraftStore(drafts_path(data_dir), Cipher(new_key()), clock=lambda: next(ticks)) as store:
        first, second = new_draft_id(), new_draft_id()
        store.save(first, {wire.FIRST_NAME: "Ann"}, "identity")
        store.save(second, {wire.LAST_NAME: "Lee"}, "identity")
        store.save(first, {wire.FIRST_NAME: "Ann", wire.LAST_NAME: "Orr"}, "contact")
        assert [s.id for s in store.list()] == [first, second]
        assert [s.label for s in store.list()] == ["A. Orr", "Lee"]
        assert store.load(first).step == "contact"


def test_delete_and_missing(store):
    draft_id = new_draft_id()
    store.save(draft_id, _record(), "identity")
    store.add_document(draft_id, "id.png", "image/png", wire.DOC_TYPE_ID, b"\x89PNG")
    assert store.delete(draft_id) is True
    assert store.delete(draft_id) is False
    assert store.list() == []
    assert store.documents(draft_id) == []
    with pytest.raises(DraftNotFound):
        store.load(draft_id)
    with pytest.raises(DraftNotFound):
        store.add_document(draft_id, "id.png", "image/png", wire.DOC_TYPE_ID, b"\x89PNG")


def test_documents_are_kept_in_order_and_removable(store):
    draft_id = new_draft_id()
    store.save(draft_id, _record(), "documents")
    a = store.add_document(draft_id, "front.png", "image/png", wire.DOC_TYPE_ID, b"front")
    b = store.add_document(draft_id, "rec.pdf", "application/pdf", wire.DOC_TYPE_MEDICAL, b"rec")
    docs = store.load(draft_id).documents
    assert [(d.doc_id, d.filename, d.content_type, d.doc_type, d.data) for d in docs] == [
        (a, "front.png", "image/png", wire.DOC_TYPE_ID, b"front"),
        (b, "rec.pdf", "application/pdf", wire.DOC_TYPE_MEDICAL, b"rec"),
    ]
    assert store.remove_document(draft_id, a) is True
    assert store.remove_document(draft_id, a) is False
    assert [d.doc_id for d in store.documents(draft_id)] == [b]


def test_purge_older_than_uses_updated_time(data_dir):
    now = [1_000_000.0]
    with DraftStore(drafts_path(data_dir), Cipher(new_key()), clock=lambda: now[0]) as store:
        old, fresh = new_draft_id(), new_draft_id()
        store.save(old, _record(), "identity")
        store.add_document(old, "id.png", "image/png", wire.DOC_TYPE_ID, b"x")
        now[0] += 10 * 86400
        store.save(fresh, _record(), "identity")
        assert store.purge_older_than(7, now=now[0]) == 1
        assert [s.id for s in store.list()] == [fresh]
        assert store.documents(old) == []
        assert store.purge_older_than(7, now=now[0]) == 0


def test_a_blob_moved_to_another_row_does_not_open(data_dir):
    path = drafts_path(data_dir)
    with DraftStore(path, Cipher(new_key())) as store:
        a, b = new_draft_id(), new_draft_id()
        store.save(a, _record(), "identity")
        store.save(b, {wire.FIRST_NAME: "Other"}, "identity")
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("UPDATE drafts SET payload = (SELECT payload FROM drafts WHERE id = ?) WHERE id = ?", (a, b))
        conn.close()
        with pytest.raises(DecryptError):
            store.load(b)


def test_another_key_cannot_read_drafts(data_dir):
    path = drafts_path(data_dir)
    draft_id = new_draft_id()
    with DraftStore(path, Cipher(new_key())) as store:
        store.save(draft_id, _record(), "identity")
    with DraftStore(path, Cipher(new_key())) as intruder, pytest.raises(DecryptError):
        intruder.load(draft_id)


def test_saves_from_several_threads(store):
    ids = [new_draft_id() for _ in range(8)]
    errors = []

    def work(draft_id):
        try:
            for step in range(20):
                store.save(draft_id, {**_record(), "n": step}, f"s{step}")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(s.id for s in store.list()) == sorted(ids)
    assert all(store.load(i).record["n"] == 19 for i in ids)


def _needles() -> list[bytes]:
    texts = [NAME, LAST, PHONE, "555-0123", DOB, STATE_ID, f"{NAME[0]}. {LAST}", "licence"]
    needles = []
    for text in texts:
        needles += [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    return needles


def test_nothing_personal_reaches_the_disk_in_plain_text(data_dir):
    cipher = Cipher(new_key())
    with DraftStore(drafts_path(data_dir), cipher) as drafts, Outbox(outbox_path(data_dir), cipher) as outbox:
        for step in ("identity", "contact", "documents"):
            draft_id = new_draft_id()
            drafts.save(draft_id, _record(), step)
            drafts.add_document(draft_id, f"{NAME}_licence.pdf", "application/pdf", wire.DOC_TYPE_ID, SECRET_SCAN)
        entry = outbox.enqueue(_record(), [DocumentFile(f"{NAME}.pdf", "application/pdf", "id", SECRET_SCAN)])
        outbox.mark_needs_attention(entry, error="refused", field_errors={wire.PHONE: [f"{PHONE} is taken"]})
        # Read while the connections are open, so the -wal and -shm files are there too.
        files = sorted(p for p in data_dir.iterdir() if p.is_file())
        assert {p.name for p in files} >= {"drafts.db", "drafts.db-wal", "outbox.db", "outbox.db-wal"}
        contents = {p.name: p.read_bytes() for p in files}
    for name, content in contents.items():
        for needle in _needles():
            assert needle not in content, f"{needle!r} found in {name}"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_files_and_folder_are_owner_only(data_dir):
    with DraftStore(drafts_path(data_dir), Cipher(new_key())) as store:
        store.save(new_draft_id(), _record(), "identity")
        assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
        for path in data_dir.iterdir():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_reopening_tightens_loose_permissions(data_dir):
    path = drafts_path(data_dir)
    DraftStore(path, Cipher(new_key())).close()
    os.chmod(path, 0o644)
    os.chmod(data_dir, 0o755)
    DraftStore(path, Cipher(new_key())).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


def test_schema_from_a_newer_program_is_refused(tmp_path):
    path = tmp_path / "x.db"
    open_database(path, component="drafts", migrations=("CREATE TABLE a (x);", "CREATE TABLE b (y);")).close()
    with pytest.raises(StorageError, match="newer version"):
        open_database(path, component="drafts", migrations=("CREATE TABLE a (x);",))


def test_migrations_run_once_each(tmp_path):
    path = tmp_path / "x.db"
    open_database(path, component="c", migrations=("CREATE TABLE a (x);",)).close()
    conn = open_database(path, component="c", migrations=("CREATE TABLE a (x);", "ALTER TABLE a ADD COLUMN y;"))
    assert [r[1] for r in conn.execute("PRAGMA table_info(a)")] == ["x", "y"]
    conn.close()


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "x.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StorageError, match="not a readable database"):
        open_database(path, component="c", migrations=())


@pytest.mark.parametrize(
    ("record", "label"),
    [
        ({wire.FIRST_NAME: " jane ", wire.LAST_NAME: "Doe"}, "J. Doe"),
        ({wire.LAST_NAME: "Doe"}, "Doe"),
        ({wire.FIRST_NAME: "Jane"}, "Jane"),
        ({}, "(no name yet)"),
    ],
)
def test_display_label(record, label):
    assert display_label(record) == label
