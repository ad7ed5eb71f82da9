"""A valid Create-customer body for tests that talk to the sandbox."""

from __future__ import annotations

from app import wire


def customer_body(**changes) -> dict:
    body = {
        wire.FIRST_NAME: "Ada",
        wire.LAST_NAME: "Lovelace",
        wire.DATE_OF_BIRTH: "1980-12-10",
        wire.HAS_MEDICAL_RECOMMENDATION: False,
        wire.GENDER: "female",
        wire.TYPE: "recreational",
        wire.MANUAL_GROUPS: [],
    }
    body.update(changes)
    return body
