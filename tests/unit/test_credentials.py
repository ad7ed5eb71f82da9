"""The API key and the data key in the keyring, and the ``intake credentials`` command."""

from __future__ import annotations

import base64
import io

import keyring
import keyring.errors
import pytest
from keyring.backends import chainer, fail, null
from keyrings.alt.file import PlaintextKeyring

from app import crypto
from app.cli import main
from app.credentials import (
    DATA_KEY_USER,
    SERVICE,
    CredentialsError,
    DataKeyMissing,
    NoKeyringError,
    SecretStore,
    clean_api_key,
)
from app.memkeyring import MemoryKeyring

KEY = "sk_live_0123456789abcdef"
URL = "https://pos.example.test/open_api/v2.3"


# --- the store ------------------------------------------------------------------------------------
def test_api_key_round_trip_per_url(memory_keyring):
    store = SecretStore()
    store.set_api_key(URL + "/", f"  {KEY}\n")
    store.set_api_key("https://other.example.test/api", "another-key")
    assert store.get_api_key(URL) == KEY
    assert store.get_api_key(" " + URL + "/ ") == KEY
    assert store.get_api_key("https://other.example.test/api") == "another-key"
    assert memory_keyring.get_password(SERVICE, URL) == KEY
    assert store.clear_api_key(URL) is True
    assert store.get_api_key(URL) is None
    assert store.clear_api_key(URL) is False
    assert store.get_api_key("https://other.example.test/api") == "another-key"


@pytest.mark.parametrize(
    "bad", ["", "   ", "\n", "abc\ndef", "abc\rdef", "ab\x00cd", "ab\x1bcd", "ab\u2028cd", "clé-à"]
)
def test_unusable_keys_are_refused_and_nothing_is_stored(memory_keyring, bad):
    store = SecretStore()
    with pytest.raises(ValueError) as caught:
        store.set_api_key(URL, bad)
    assert store.get_api_key(URL) is None
    if bad.strip():
        assert bad.strip() not in str(caught.value)


def test_clean_api_key_strips_whitespace():
    assert clean_api_key("\t" + KEY + " \r\n") == KEY


def test_api_url_must_be_a_web_address(memory_keyring):
    with pytest.raises(ValueError):
        SecretStore().set_api_key("data-key", KEY)


def test_data_key_is_never_made_by_reading_it(memory_keyring):
    with pytest.raises(DataKeyMissing, match="import-data-key"):
        SecretStore().data_key()
    assert memory_keyring.get_password(SERVICE, DATA_KEY_USER) is None


def test_data_key_is_created_once_and_stored_base64(memory_keyring):
    store = SecretStore()
    first = store.create_data_key()
    assert store.create_data_key() == first
    assert len(first) == crypto.KEY_BYTES
    assert SecretStore().data_key() == first
    assert base64.b64decode(memory_keyring.get_password(SERVICE, DATA_KEY_USER)) == first
    cipher = crypto.Cipher(first)
    assert cipher.decrypt(crypto.Cipher(store.data_key()).encrypt(b"draft")) == b"draft"


def test_damaged_data_key_is_an_error_and_is_not_replaced(memory_keyring):
    memory_keyring.set_password(SERVICE, DATA_KEY_USER, "not base64 !!")
    with pytest.raises(CredentialsError, match="damaged"):
        SecretStore().data_key()
    assert memory_keyring.get_password(SERVICE, DATA_KEY_USER) == "not base64 !!"
    memory_keyring.set_password(SERVICE, DATA_KEY_USER, base64.b64encode(b"short").decode())
    with pytest.raises(CredentialsError, match="damaged"):
        SecretStore().data_key()


def test_backend_name_is_readable(memory_keyring):
    assert "memory" in SecretStore().backend_name()
    assert SecretStore(MemoryKeyring()).backend_name() == SecretStore().backend_name()


def test_repr_hides_secrets(memory_keyring):
    store = SecretStore()
    store.set_api_key(URL, KEY)
    assert KEY not in repr(store) and KEY not in repr(memory_keyring)


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_no_backend_raises_with_install_advice(backend):
    store = SecretStore(backend)
    for call in (store.backend_name, lambda: store.set_api_key(URL, KEY), lambda: store.get_api_key(URL),
                 store.data_key):
        with pytest.raises(NoKeyringError) as caught:
            call()
        assert "gnome-keyring" in str(caught.value).lower() and "plain text" in str(caught.value)


def test_plaintext_keyring_is_refused(tmp_path):
    plaintext = PlaintextKeyring()
    plaintext.file_path = str(tmp_path / "keyring_pass.cfg")
    with pytest.raises(NoKeyringError, match="plain"):
        SecretStore(plaintext).set_api_key(URL, KEY)
    assert not (tmp_path / "keyring_pass.cfg").exists()


def test_chain_uses_its_first_safe_member_and_never_plaintext(monkeypatch, tmp_path):
    plaintext = PlaintextKeyring()
    plaintext.file_path = str(tmp_path / "keyring_pass.cfg")
    memory = MemoryKeyring()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [plaintext, memory])
    store = SecretStore(chainer.ChainerBackend())
    store.set_api_key(URL, KEY)
    assert memory.get_password(SERVICE, URL) == KEY
    assert not (tmp_path / "keyring_pass.cfg").exists()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [plaintext])
    with pytest.raises(NoKeyringError, match="plain"):
        store.get_api_key(URL)
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    with pytest.raises(NoKeyringError):
        store.get_api_key(URL)


class _LockedKeyring(MemoryKeyring):
    def get_password(self, service, username):
        raise keyring.errors.KeyringLocked("locked")

    set_password = get_password


def test_locked_keyring_says_unlock_it():
    with pytest.raises(CredentialsError, match="unlock"):
        SecretStore(_LockedKeyring()).get_api_key(URL)


def test_memory_keyring_is_never_chosen_by_itself():
    assert MemoryKeyring.priority < fail.Keyring.priority


# --- the command ------------------------------------------------------------------------------------
class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_set_reads_one_line_from_piped_stdin(memory_keyring, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(KEY + "\nignored second line\n"))
    assert main(["credentials", "set", "--api-url", URL]) == 0
    out, err = capsys.readouterr()
    assert KEY not in out + err
    assert "memory" in out and URL in out
    assert SecretStore().get_api_key(URL) == KEY


def test_set_prompts_without_echo_on_a_terminal(memory_keyring, monkeypatch, capsys):
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return KEY

    monkeypatch.setattr("sys.stdin", _Terminal(""))
    monkeypatch.setattr("getpass.getpass", fake_getpass)
    assert main(["credentials", "set", "--api-url", URL]) == 0
    assert len(prompts) == 1 and URL in prompts[0]
    assert SecretStore().get_api_key(URL) == KEY
    assert KEY not in capsys.readouterr().out


def test_set_defaults_to_the_configured_api_url(memory_keyring, monkeypatch):
    monkeypatch.setenv("INTAKE_API_URL", "http://127.0.0.1:8765/open_api/v2.3")
    monkeypatch.setattr("sys.stdin", io.StringIO(KEY))
    assert main(["credentials", "set"]) == 0
    assert SecretStore().get_api_key("http://127.0.0.1:8765/open_api/v2.3") == KEY


@pytest.mark.parametrize("stdin", ["", "\n", "a\x00b\n"])
def test_set_with_unusable_input_exits_2(memory_keyring, monkeypatch, capsys, stdin):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    assert main(["credentials", "set", "--api-url", URL]) == 2
    assert "nothing stored" in capsys.readouterr().err
    assert SecretStore().get_api_key(URL) is None


def test_key_is_never_accepted_as_an_argument(memory_keyring, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["credentials", "set", KEY])
    assert caught.value.code == 2
    assert SecretStore().get_api_key(URL) is None


def test_status_and_clear(memory_keyring, capsys):
    assert main(["credentials", "status", "--api-url", URL]) == 1
    assert "No API key" in capsys.readouterr().out
    SecretStore().set_api_key(URL, KEY)
    assert main(["credentials", "status", "--api-url", URL]) == 0
    out = capsys.readouterr().out
    assert "memory" in out and KEY not in out
    assert main(["credentials", "clear", "--api-url", URL]) == 0
    assert "removed" in capsys.readouterr().out
    assert SecretStore().get_api_key(URL) is None
    assert main(["credentials", "clear", "--api-url", URL]) == 0
    assert "No API key" in capsys.readouterr().out


@pytest.mark.parametrize("action", ["set", "clear", "status"])
def test_no_backend_exits_2_with_advice(memory_keyring, monkeypatch, capsys, action):
    keyring.set_keyring(fail.Keyring())  # the fixture puts the previous backend back
    monkeypatch.setattr("sys.stdin", io.StringIO(KEY + "\n"))
    assert main(["credentials", action, "--api-url", URL]) == 2
    err = capsys.readouterr().err
    assert "gnome-keyring" in err.lower() and KEY not in err


def test_bad_api_url_exits_2(memory_keyring, capsys):
    assert main(["credentials", "status", "--api-url", "pos.example.test"]) == 2
    assert "https://" in capsys.readouterr().err
