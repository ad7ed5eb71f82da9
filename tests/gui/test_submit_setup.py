"""Submit under a setup that stops every send: the window queues nothing, says so, and the
intake is sent once, exactly, after the admin fixed the setting."""

from __future__ import annotations

from app.credentials import SecretStore
from app.wizard import REVIEW
from ui.selftest import SAMPLE, fill_window


def click_submit_refused(qtbot, window) -> str:
    with qtbot.waitSignal(window.session.failed, timeout=10000):
        window.submit_button.click()
    return window.outcome.text()


def test_plain_http_to_another_host_queues_nothing_then_one_customer_once_fixed(open_window, qtbot, sandbox):
    window = open_window(api_url="http://pos.example.com/open_api/v2.3")
    fill_window(window, SAMPLE)
    window.go_to(REVIEW)
    for _ in range(3):
        text = click_submit_refused(qtbot, window)
        assert text.startswith("Not queued: the API address must use https:// (http://pos.example.com/open_api/v2.3)")
        assert "could not be queued" not in text
        assert window.station.outbox.entries() == []
    assert window.wizard.current == REVIEW  # the intake is still on screen
    qtbot.waitUntil(lambda: [d.id for d in window.station.drafts.list()] == [window.session.draft_id])

    # The admin fixes the address (and stores the key for it): the next Submit sends it, once.
    SecretStore().set_api_key(sandbox.api_url, sandbox.api_key)
    window.apply_config(window.config.with_changes(api_url=sandbox.api_url))
    with qtbot.waitSignal(window.session.submitted, timeout=15000) as blocker:
        window.submit_button.click()
    assert blocker.args[0] == "created"
    assert len(sandbox.created()) == 1
    assert len(window.station.outbox.entries()) == 1


def test_a_missing_ca_bundle_queues_nothing(open_window, qtbot, sandbox, tmp_path):
    missing = tmp_path / "store-ca.pem"
    window = open_window(ca_bundle=str(missing))
    fill_window(window, SAMPLE)
    window.go_to(REVIEW)
    text = click_submit_refused(qtbot, window)
    assert text.startswith(f"Not queued: the CA bundle {missing} cannot be read")
    assert window.station.outbox.entries() == [] and sandbox.created() == []


def test_the_message_is_translated(open_window, qtbot):
    window = open_window(api_url="http://pos.example.com/open_api/v2.3", language="fr")
    fill_window(window, SAMPLE)
    window.go_to(REVIEW)
    text = click_submit_refused(qtbot, window)
    assert text.startswith("Non mis en file d'attente : l'adresse de l'API doit utiliser https://")


def test_a_send_that_breaks_after_queueing_says_queued_and_queues_once(open_window, qtbot, monkeypatch):
    window = open_window()

    def broken_drain(*args, **kwargs):
        raise RuntimeError("the sender broke")

    monkeypatch.setattr(window.station.syncer, "drain", broken_drain)
    fill_window(window, SAMPLE)
    window.go_to(REVIEW)
    with qtbot.waitSignal(window.session.submitted, timeout=10000) as blocker:
        window.submit_button.click()
    assert blocker.args[0] == "queued"
    assert window.outcome.text().startswith("Saved in the outbox, not sent yet")
    assert len(window.station.outbox.entries()) == 1
