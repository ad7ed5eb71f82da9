import pytest

from app.crypto import Cipher, DecryptError, new_key


def test_round_trip_and_no_plaintext():
    cipher = Cipher(new_key())
    blob = cipher.encrypt_json({"first_name": "Zoë"}, b"draft-1")
    assert b"Zo" not in blob
    assert cipher.decrypt_json(blob, b"draft-1") == {"first_name": "Zoë"}


def test_wrong_row_wrong_key_and_tampering_fail():
    key = new_key()
    blob = Cipher(key).encrypt(b"secret", b"row-1")
    with pytest.raises(DecryptError):
        Cipher(key).decrypt(blob, b"row-2")
    with pytest.raises(DecryptError):
        Cipher(new_key()).decrypt(blob, b"row-1")
    tampered = blob[:-1] + bytes([blob[-1] ^ 1])
    with pytest.raises(DecryptError):
        Cipher(key).decrypt(tampered, b"row-1")
    with pytest.raises(DecryptError):
        Cipher(key).decrypt(b"short")


def test_key_never_in_repr():
    key = new_key()
    assert key.hex() not in repr(Cipher(key))
