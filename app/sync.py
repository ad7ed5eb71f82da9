"""Sending the outbox to the POS, exactly once.

The vendor offers no idempotency key, so "exactly once" rests on three habits:

1. **Write-ahead.** Before a create is sent the entry is marked ``uncertain`` in a commit
   flushed to disk (for a batch of due entries at once, to spare one disk flush per create);
   the mark is cleared only when the outcome is known (created, or a failure that proves the
   server did not act: a 4xx reply, a connection that never opened), and taken back for
   entries of the batch the drain did not reach.
2. **Ask before re-sending.** An entry that is uncertain when its turn comes is looked up first:
   by state ID when the body has one (a PRO-plan call), otherwise - or when the plan refuses
   it - in the listing of customers created around the entry's creation date, matched on first
   name, last name and date of birth. Found: the entry is marked created with that customer,
   nothing is posted.
3. **Adopt our own duplicate.** A "state ID already exists" refusal for an entry that was
   uncertain is our earlier create: the customer holding the state ID is adopted.

Which failures leave the create uncertain: a timeout or reset after the request was written,
and every 5xx (a 500 may come after the row was written, a 502/504 after a gateway forwarded
the request; 503 usually means "not processed", but the vendor does not promise it, and a
wrongly-uncertain entry costs only one lookup while a wrongly-certain one may create a
customer twice). 401, 403, 404, 409, 422 and 429 are answers to a request the server did not
carry out.

Retries back off exponentially with full jitter (``uniform(0, min(max_delay, base * 2**n))``),
never sooner than a ``Retry-After``. A retryable failure means the network or the server is
unwell, so the drain stops there instead of hammering it with the rest of the queue; the
entries keep their schedule and the next drain resumes. A refused API key pauses the whole
outbox until :meth:`OutboxSyncer.resume`.

Two more habits close the gaps a slow server and a dead sender leave:

4. **Let an uncertain create settle.** A server slower than the client's patience finishes the
   create after the client gave up, so a lookup made soon after finds nothing yet. An uncertain
   entry is therefore never sent again before ``settle_seconds`` have passed since its create
   last left (its send mark, kept on disk, so a sender started after a crash or a kill waits
   just the same; entries a killed sender had only marked with their batch, never handed over,
   need not wait, see ``app.outbox.SendMark``); until then it is only looked up now and then,
   which confirms a slow create as soon as it lands. After the settle time a lookup that finds
   nothing means the create did not happen, and only then is it sent again. The create's own
   read timeout is generous too (``app.api.client``), so a slow create is waited for rather
   than repeated.
5. **Ask a person when the server cannot tell.** If a lookup cannot rule the customer out (the
   body lacks a name or date of birth, or the creation-date listing stays truncated even when
   asked for more), the uncertain entry is not sent: it is failed with a message asking the
   clerk or admin to check the POS, then Retry or Discard.

Remaining risk: a server that finishes a create more than ``settle_seconds`` (five minutes by
default) after receiving it, or a listing that silently leaves customers out. With a state ID
the server's uniqueness check still catches a second create (rule 3).
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from app import wire
from app.api.errors import (
    ApiError,
    AuthError,
    ConfigurationError,
    NetworkError,
    NotFound,
    PlanNotAllowed,
    RateLimited,
    Rejected,
    ServerError,
    usable_id,
)
from app.crypto import DecryptError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.outbox import EntryBusy, EntryKind, Outbox, SendMark, WorkItem

log = logging.getLogger(__name__)

# Messages kept in the outbox and shown in lists: they say what happened, never whose record it was.
# They are stored in English and translated when shown (ui.i18n.tr_stored matches them).
MESSAGE_CONTEXT = "Sync"
MSG_OFFLINE = N(
    MESSAGE_CONTEXT, "No connection to the POS server; the intake will be sent when the connection is back.")
MSG_TIMEOUT = N(
    MESSAGE_CONTEXT,
    "The POS server did not answer in time; it will be asked whether the customer exists before resending.")
MSG_SERVER = N(MESSAGE_CONTEXT, "The POS server failed (HTTP {status}); the intake will be sent again later.")
MSG_BAD_REPLY = N(
    MESSAGE_CONTEXT, "The POS server's reply could not be read; the intake will be checked and sent again later.")
MSG_RATE = N(MESSAGE_CONTEXT, "The POS server asked to slow down; the next attempt waits at least {seconds:.0f} s.")
MSG_AUTH = N(MESSAGE_CONTEXT, "The POS refused the API key. An admin must store the right key, then resume sending.")
MSG_REJECTED = N(
    MESSAGE_CONTEXT, "The POS refused the record (HTTP {status}); correct the fields shown and submit again.")
MSG_DUPLICATE = N(MESSAGE_CONTEXT, "A customer with this state ID already exists in the POS.")
MSG_UPLOAD_REJECTED = N(MESSAGE_CONTEXT, "The POS refused a document (HTTP {status}); replace it and submit again.")
MSG_PLAN = N(MESSAGE_CONTEXT, "The store's POS plan does not allow this call (HTTP 403).")
MSG_NOT_FOUND = N(
    MESSAGE_CONTEXT, "The POS API address answered 'not found' (HTTP 404); check the API URL in the configuration.")
MSG_UNREADABLE = N(MESSAGE_CONTEXT, "This intake cannot be opened with this station's data key.")
MSG_CONFIGURATION = N(
    MESSAGE_CONTEXT,
    "The station's settings forbid this call and nothing was sent: the files address is on another server than "
    "the API address, and the API key goes only to the API's server. An admin fixes the address or allows that "
    "server in Settings, then retries the intake.")
MSG_UPDATE_GONE = N(
    MESSAGE_CONTEXT, "The customer no longer exists in the POS (HTTP 404); the update cannot be applied.")
MSG_UPDATE_PLAN = N(
    MESSAGE_CONTEXT,
    "The store's POS plan does not allow updating customers (HTTP 403). Make the change in the POS itself, "
    "then discard this update.")
MSG_WAITS_FOR_EARLIER = N(MESSAGE_CONTEXT, "Waits for an earlier update of the same customer.")
MSG_SETTLING = N(
    MESSAGE_CONTEXT,
    "The POS has not confirmed this customer yet; it is given time to finish before the intake is sent again.")
MSG_UNCONFIRMED = N(
    MESSAGE_CONTEXT,
    "The POS may already have created this customer, and this station cannot check it. Look the customer up "
    "in the POS: if they are there, discard this intake; if not, retry it.")
MSG_UNEXPECTED = N(MESSAGE_CONTEXT, "An unexpected error stopped this intake ({kind}); see the log.")
STORED_MESSAGES: tuple[str, ...] = (
    MSG_OFFLINE, MSG_TIMEOUT, MSG_SERVER, MSG_BAD_REPLY, MSG_RATE, MSG_AUTH, MSG_REJECTED, MSG_DUPLICATE,
    MSG_UPLOAD_REJECTED, MSG_PLAN, MSG_NOT_FOUND, MSG_UNREADABLE, MSG_UNEXPECTED, MSG_SETTLING, MSG_UNCONFIRMED,
    MSG_UPDATE_GONE, MSG_UPDATE_PLAN, MSG_WAITS_FOR_EARLIER, MSG_CONFIGURATION,
)

DEFAULT_SETTLE_SECONDS = 300.0
# The creation-date listing is read one day at a time; a day that fills the page is read again
# with a larger page, up to this many customers, before the listing counts as incomplete.
LISTING_PAGE = 500
LISTING_MAX = 32000
LISTING_MAX_DAYS = 62


@dataclass(frozen=True)
class CreatedIntake:
    entry_id: str
    customer_id: int | str
    customer_status: str | None
    draft_id: str | None
    customer: dict[str, Any] | None = field(default=None, repr=False)  # the server's reply, when there was one
    adopted: bool = False  # found on the server after an uncertain attempt instead of posted now
    kind: str = EntryKind.CREATE  # an update: the POS took the changes of an existing customer


@dataclass
class SyncReport:
    """What one drain did. ``remaining`` counts entries still pending afterwards."""

    attempted: int = 0
    created: list[CreatedIntake] = field(default_factory=list)
    updated: list[CreatedIntake] = field(default_factory=list)  # updates the POS took
    needs_attention: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    retrying: list[str] = field(default_factory=list)
    offline: bool = False
    paused: bool = False
    pause_message: str | None = None
    busy: bool = False  # another sender holds the outbox (the other one does the work)
    stopped_reason: str | None = None
    remaining: int = 0
    next_attempt_at: float | None = None


class _Stop(Exception):
    """The network or the server is unwell: end this pass over the queue."""


class _CannotRuleOut(Exception):
    """The server cannot tell whether an uncertain create happened."""


class OutboxSyncer:
    def __init__(
        self,
        outbox: Outbox,
        client_factory: Callable[[], Any],
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] | None = None,
        rng: random.Random | None = None,
        base_delay: float = 2.0,
        max_delay: float = 300.0,
        listing_limit: int = LISTING_PAGE,
        listing_max: int = LISTING_MAX,
        write_ahead_batch: int = 32,
        settle_seconds: float = DEFAULT_SETTLE_SECONDS,
    ) -> None:
        """``client_factory`` returns an ``app.api.client.ApiClient`` (or anything with its
        methods); it is called once per drain that has work and the client closed after.
        ``write_ahead_batch``: how many entries share one flushed write-ahead commit (more is
        faster; after a crash, each marked entry not yet sent costs one lookup).
        ``settle_seconds``: how long after an uncertain create the entry may be sent again
        (it is looked up before that, and found customers are adopted at once)."""
        self.outbox = outbox
        self._client_factory = client_factory
        self._clock = clock
        self._sleep = sleep or time.sleep
        self._rng = rng or random.Random()
        self.base_delay = base_delay
        self.max_delay = max_delay
        self._listing_limit = max(1, listing_limit)
        self._listing_max = max(self._listing_limit, listing_max)
        self.settle_seconds = max(0.0, settle_seconds)
        self.write_ahead_batch = max(1, write_ahead_batch)
        self._hold_until = 0.0  # after a 429 nothing is sent before this time

    def resume(self) -> None:
        """Lift the pause set by a refused API key (after an admin stored a new one)."""
        self.outbox.resume()

    def backoff(self, attempts: int, retry_after: float | None = None) -> float:
        """Seconds before the next attempt after ``attempts`` earlier failures."""
        ceiling = min(self.max_delay, self.base_delay * (2 ** min(attempts, 32)))
        delay = self._rng.uniform(0.0, ceiling)
        if retry_after is not None:
            delay = max(delay, retry_after)
        return delay

    # --- the drain ---------------------------------------------------------------------------------

    def drain(
        self,
        max_entries: int | None = None,
        *,
        wait: float = 0.0,
        only: Collection[str] | None = None,
        ignore_schedule: bool = False,
    ) -> SyncReport:
        """Send every due entry (or only those in ``only``), oldest first.

        ``wait`` > 0 keeps retrying entries whose backoff ends within that many seconds,
        sleeping in between (the command line uses it; the window's worker drains again on its
        timer instead). Being offline ends the drain at once, whatever ``wait`` says.
        ``ignore_schedule`` tries every pending entry once now, backoff or not (a person asked
        to send now); later retries in the same drain follow the schedule again."""
        report = SyncReport()
        message = self.outbox.paused()
        if message:
            return self._finish(report, paused=message, only=only)
        try:
            lock = self.outbox.send_lock()
            lock.__enter__()
        except EntryBusy:
            report.busy = True
            return self._finish(report, only=only)
        try:
            self._drain_locked(report, max_entries, self._clock() + max(0.0, wait), only, ignore_schedule)
        finally:
            lock.__exit__(None, None, None)
        return self._finish(report, paused=self.outbox.paused(), only=only)

    def _drain_locked(
        self,
        report: SyncReport,
        max_entries: int | None,
        deadline: float,
        only: Collection[str] | None,
        ignore_schedule: bool,
    ) -> None:
        self.outbox.requeue_interrupted()
        client = None
        try:
            while True:
                now = self._clock()
                if ignore_schedule:
                    due, ignore_schedule = self.outbox.due_ids(float("inf"), only), False
                else:
                    due = self.outbox.due_ids(now, only) if now >= self._hold_until else []
                if not due:
                    upcoming = self.outbox.next_attempt_at(only)
                    if upcoming is None:
                        return
                    resume_at = max(upcoming, self._hold_until)
                    if resume_at > deadline:
                        return
                    self._sleep(max(0.0, resume_at - now))
                    continue
                if max_entries is not None:
                    due = due[: max(0, max_entries - report.attempted)]
                    if not due:
                        return
                if client is None:
                    client = self._client_factory()
                self._send_batches(client, due, report)
                if report.paused or report.offline:
                    return
        finally:
            if client is not None:
                try:
                    client.close()
                except Exception:  # closing a broken connection must not hide the report
                    log.debug("closing the API client failed", exc_info=True)

    def _finish(self, report: SyncReport, *, paused: str | None = None, only: Collection[str] | None) -> SyncReport:
        if paused:
            report.paused = True
            report.pause_message = paused
        counts = self.outbox.counts()
        report.remaining = counts["queued"] + counts["uploading"] + counts["posting"]
        report.next_attempt_at = self.outbox.next_attempt_at(only)
        return report

    # --- one entry ---------------------------------------------------------------------------------

    def _send_batches(self, client: Any, due: list[str], report: SyncReport) -> None:
        """Send ``due`` in order. The write-ahead mark goes to disk for a batch of entries in
        one flush; entries of the batch not sent (the drain stopped) get their mark back."""
        for start in range(0, len(due), self.write_ahead_batch):
            batch = due[start : start + self.write_ahead_batch]
            before = self.outbox.send_marks(batch)
            self.outbox.mark_may_send(batch)
            unsent = dict(before)
            try:
                for entry_id in batch:
                    if entry_id not in before:  # discarded meanwhile
                        continue
                    del unsent[entry_id]
                    report.attempted += 1
                    self._send(client, entry_id, before[entry_id], report)
            except _Stop:
                return
            finally:
                if unsent:
                    self.outbox.restore_uncertain(unsent)

    def _send(self, client: Any, entry_id: str, before: SendMark, report: SyncReport) -> None:
        """One entry. ``before``: whether an earlier attempt may have reached the server, and
        when it last left (read before this drain's write-ahead mark)."""
        was_uncertain = before.uncertain
        try:
            item = self.outbox.work_item(entry_id)
        except DecryptError:
            self.outbox.mark_failed(entry_id, error=MSG_UNREADABLE, uncertain=was_uncertain)
            report.failed.append(entry_id)
            return None
        if item is None:  # finished or discarded meanwhile: take back the write-ahead mark
            self.outbox.restore_uncertain({entry_id: before})
            return None
        if item.entry.kind == EntryKind.UPDATE:
            # A PATCH sets the same values however often it is sent: no lookup, no settling.
            self.outbox.restore_uncertain({entry_id: SendMark(False)})
            return self._send_update(client, item, report)
        phase = "upload"
        try:
            uploaded = self._upload_documents(client, item)
            phase = "lookup"
            if was_uncertain:
                self.outbox.mark_posting(entry_id)  # looked up first: not to be discarded meanwhile
                try:
                    existing = self._find_existing(client, item)
                except _CannotRuleOut:
                    if self._settling(before):
                        return self._wait_to_settle(item, before, report)
                    self.outbox.mark_failed(entry_id, error=MSG_UNCONFIRMED, uncertain=True, ask_person=True)
                    report.failed.append(entry_id)
                    return None
                if existing is not None:
                    self._created(item, existing, report, adopted=True)
                    return None
                if self._settling(before):
                    return self._wait_to_settle(item, before, report)
            phase = "create"
            body = dict(item.body)
            if uploaded:
                body[wire.DOCUMENTS] = [*body.get(wire.DOCUMENTS, []), *uploaded]
            # A first send's mark was flushed with its batch; a resend flushes its own.
            self.outbox.mark_sending(entry_id, flush=was_uncertain)
            try:
                customer = client.create_customer(body)
            except Rejected as exc:
                if exc.duplicate and was_uncertain and item.body.get(wire.STATE_ID):
                    try:
                        existing = self._lookup_state_id(client, str(item.body[wire.STATE_ID]))
                    except PlanNotAllowed:
                        raise exc from None
                    if existing is not None:
                        self._created(item, existing, report, adopted=True)
                        return None
                raise
            self._created(item, customer, report, adopted=False)
        except ApiError as exc:
            self._failure(item, exc, phase, was_uncertain, report)
        except _Stop:
            raise
        except Exception as exc:
            # A fault of ours (or a client bug) must not wedge the queue or crash the worker;
            # the entry keeps its uncertain mark so a retry asks the server first.
            log.exception("sending outbox entry %s failed unexpectedly", entry_id)
            message = MSG_UNEXPECTED.format(kind=type(exc).__name__)
            self.outbox.mark_failed(entry_id, error=message, uncertain=was_uncertain or phase == "create")
            report.failed.append(entry_id)

    def _send_update(self, client: Any, item: WorkItem, report: SyncReport) -> None:
        entry = item.entry
        earlier = self.outbox.earlier_pending_update(entry)
        if earlier is not None:  # never overtake an earlier update of the same customer
            now = self._clock()
            self.outbox.schedule_retry(entry.id, next_attempt_at=min(max(earlier, now) + self.base_delay,
                                                                     now + self.max_delay),
                                       error=MSG_WAITS_FOR_EARLIER, uncertain=False, count_attempt=False)
            report.retrying.append(entry.id)
            return
        self.outbox.mark_posting(entry.id)
        try:
            customer = client.update_customer(entry.customer_id, item.body)
        except NotFound:
            self.outbox.mark_failed(entry.id, error=MSG_UPDATE_GONE, uncertain=False)
            report.failed.append(entry.id)
            return
        except PlanNotAllowed:
            self.outbox.mark_failed(entry.id, error=MSG_UPDATE_PLAN, uncertain=False)
            report.failed.append(entry.id)
            return
        except ApiError as exc:
            self._failure(item, exc, "update", False, report)
            return
        except _Stop:
            raise
        except Exception as exc:  # a fault of ours must not wedge the queue (see _send)
            log.exception("sending outbox update %s failed unexpectedly", entry.id)
            self.outbox.mark_failed(entry.id, error=MSG_UNEXPECTED.format(kind=type(exc).__name__), uncertain=False)
            report.failed.append(entry.id)
            return
        status = customer.get(wire.RESP_STATUS)
        status = status if isinstance(status, str) else None
        self.outbox.mark_created(entry.id, entry.customer_id, status)
        report.updated.append(CreatedIntake(entry_id=entry.id, customer_id=entry.customer_id, customer_status=status,
                                            draft_id=entry.draft_id, customer=customer, kind=EntryKind.UPDATE))

    def _settling(self, mark: SendMark) -> bool:
        """Whether the entry's last create may still be under way on the server."""
        return mark.may_still_run() and self._clock() < float(mark.sent_at or 0.0) + self.settle_seconds

    def _wait_to_settle(self, item: WorkItem, mark: SendMark, report: SyncReport) -> None:
        """Not found yet, but the last create may still land: look again later, send nothing now.
        Lookups are repeated a few times within the settle time, so a slow create is
        confirmed soon after it lands."""
        now = self._clock()
        settled_at = float(mark.sent_at or now) + self.settle_seconds
        check_again = now + max(self.base_delay, self.settle_seconds / 4)
        self.outbox.schedule_retry(item.entry.id, next_attempt_at=min(settled_at, check_again), error=MSG_SETTLING,
                                   uncertain=True, count_attempt=False)
        report.retrying.append(item.entry.id)

    def _upload_documents(self, client: Any, item: WorkItem) -> list[dict[str, Any]]:
        if any(d.file_id is None for d in item.documents):
            self.outbox.mark_uploading(item.entry.id)
        refs = []
        for doc in item.documents:
            file_id = doc.file_id
            if file_id is None:
                file_id = client.upload_file(doc.filename, doc.data, doc.content_type)
                self.outbox.record_file_id(item.entry.id, doc.position, file_id)
            refs.append({wire.DOC_FILE_ID: file_id, wire.DOC_TYPE: doc.doc_type})
        return refs

    def _created(self, item: WorkItem, customer: dict[str, Any], report: SyncReport, *, adopted: bool) -> None:
        customer_id = customer.get(wire.RESP_ID)
        status = customer.get(wire.RESP_STATUS)
        self.outbox.mark_created(item.entry.id, customer_id, status if isinstance(status, str) else None)
        report.created.append(
            CreatedIntake(
                entry_id=item.entry.id,
                customer_id=customer_id,
                customer_status=status if isinstance(status, str) else None,
                draft_id=item.entry.draft_id,
                customer=customer,
                adopted=adopted,
            )
        )

    # --- asking the server whether an uncertain create happened ----------------------------------

    def _find_existing(self, client: Any, item: WorkItem) -> dict[str, Any] | None:
        state_id = item.body.get(wire.STATE_ID)
        if state_id:
            try:
                found = self._lookup_state_id(client, str(state_id))
            except PlanNotAllowed:
                found = None
            else:
                # The state ID is unique in the POS: no holder means our create did not land.
                return found
        return self._find_in_listing(client, item)

    @staticmethod
    def _lookup_state_id(client: Any, state_id: str) -> dict[str, Any] | None:
        try:
            return client.find_by_state_id(state_id)
        except NotFound:
            return None

    def _find_in_listing(self, client: Any, item: WorkItem) -> dict[str, Any] | None:
        """The customer in the creation-date listing around the entry's creation. The listing
        must be complete: when a page comes back full, each day is read on its own, asked again
        with a larger page while it fills it. Raises _CannotRuleOut when it cannot be read
        completely, or the body lacks what a match needs."""
        if not all(item.body.get(k) for k in MATCH_KEYS):
            raise _CannotRuleOut
        created_day = datetime.fromtimestamp(item.entry.created_at).date()
        # The server's clock and time zone are unknown: one day of slack on both sides.
        start = created_day - timedelta(days=1)
        end = max(date.today(), created_day) + timedelta(days=1)
        if (end - start).days >= LISTING_MAX_DAYS:
            start = end - timedelta(days=LISTING_MAX_DAYS - 1)
        customers = client.list_customers(start, end, limit=self._listing_limit)
        if len(customers) < self._listing_limit:
            return match_customer(item.body, customers)
        found: dict[str, Any] | None = None
        day = end
        while day >= start:
            match = match_customer(item.body, self._whole_day(client, day))
            if match is not None and (found is None or _score(item.body, match) > _score(item.body, found)):
                found = match
            day -= timedelta(days=1)
        return found

    def _whole_day(self, client: Any, day: date) -> list[dict[str, Any]]:
        limit = self._listing_limit
        while True:
            customers = client.list_customers(day, day, limit=limit)
            if len(customers) < limit:
                return customers
            if limit >= self._listing_max:
                raise _CannotRuleOut
            limit = min(self._listing_max, limit * 4)

    # --- failures ------------------------------------------------------------------------------------

    def _failure(self, item: WorkItem, exc: ApiError, phase: str, was_uncertain: bool, report: SyncReport) -> None:
        entry_id = item.entry.id
        now = self._clock()
        attempts = item.entry.attempts
        # Uncertainty only grows: a failed create may have landed; an earlier uncertain
        # attempt stays uncertain until the server is asked or the customer is created.
        maybe_landed = phase == "create" and bool(getattr(exc, "may_have_reached", False))
        uncertain = was_uncertain or maybe_landed
        if phase == "create" and not _may_still_run(exc):
            # The server answered: whatever it did with this request is done, nothing is left to
            # settle (an earlier request of the entry settled before this one was sent).
            self.outbox.settled(entry_id)

        if isinstance(exc, AuthError):
            self.outbox.pause(MSG_AUTH)
            self.outbox.schedule_retry(entry_id, next_attempt_at=now, error=MSG_AUTH, uncertain=uncertain,
                                       count_attempt=False)
            report.paused = True
            raise _Stop from exc
        if isinstance(exc, Rejected):
            if phase == "upload":
                messages = [*exc.form_errors, *(m for ms in exc.field_errors.values() for m in ms)]
                field_errors = {wire.DOCUMENTS: messages}
                self.outbox.mark_needs_attention(entry_id, error=MSG_UPLOAD_REJECTED.format(status=exc.status),
                                                 field_errors=field_errors)
            else:
                message = MSG_DUPLICATE if exc.duplicate else MSG_REJECTED.format(status=exc.status)
                self.outbox.mark_needs_attention(entry_id, error=message, field_errors=exc.field_errors,
                                                 form_errors=exc.form_errors)
            report.needs_attention.append(entry_id)
            return
        if isinstance(exc, RateLimited):
            delay = self.backoff(attempts, exc.retry_after if exc.retry_after is not None else self.base_delay)
            self._hold_until = now + delay
            self.outbox.schedule_retry(entry_id, next_attempt_at=now + delay,
                                       error=MSG_RATE.format(seconds=delay), uncertain=uncertain)
            report.retrying.append(entry_id)
            report.stopped_reason = "rate_limited"
            raise _Stop from exc
        if isinstance(exc, NetworkError | ServerError):
            if isinstance(exc, NetworkError):
                message = MSG_TIMEOUT if exc.may_have_reached else MSG_OFFLINE
            elif exc.status is not None and exc.status >= 500:
                message = MSG_SERVER.format(status=exc.status)
            else:
                message = MSG_BAD_REPLY
            self.outbox.schedule_retry(entry_id, next_attempt_at=now + self.backoff(attempts), error=message,
                                       uncertain=uncertain)
            report.retrying.append(entry_id)
            if isinstance(exc, NetworkError) and not exc.may_have_reached:
                report.offline = True
                report.stopped_reason = "offline"
            else:
                report.stopped_reason = "server"
            raise _Stop from exc
        # 403 on a create or an upload, 404, or an error kind nobody planned for: a retry as-is
        # will not help; an admin fixes the setup and the clerk retries the entry.
        if isinstance(exc, ConfigurationError):
            message = MSG_CONFIGURATION
        elif isinstance(exc, PlanNotAllowed):
            message = MSG_PLAN
        elif isinstance(exc, NotFound):
            message = MSG_NOT_FOUND
        else:
            message = MSG_UNEXPECTED.format(kind=type(exc).__name__)
        self.outbox.mark_failed(entry_id, error=message, uncertain=uncertain)
        report.failed.append(entry_id)


def _may_still_run(exc: ApiError) -> bool:
    """Whether the server may still be working on a request that failed this way: the client
    gave up (timeout) or lost the connection after writing it, or a gateway answered for a
    backend that may still be at it (502, 504)."""
    if isinstance(exc, NetworkError):
        return exc.may_have_reached
    return isinstance(exc, ServerError) and exc.status in (502, 504)


def _norm(value: Any) -> str:
    return " ".join(str(value or "").split()).casefold()


MATCH_KEYS = (wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH)
_EXTRA_KEYS = (wire.STATE_ID, wire.PHONE, wire.EMAIL, wire.CELL_PHONE, wire.MIDDLE_NAME, wire.MEDICAL_ID)


def _score(body: dict[str, Any], customer: dict[str, Any]) -> tuple[int, str]:
    agree = sum(1 for k in _EXTRA_KEYS if body.get(k) and _norm(customer.get(k)) == _norm(body.get(k)))
    return agree, str(customer.get(wire.RESP_ID, "")).rjust(20, "0")


def match_customer(body: dict[str, Any], customers: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The customer in ``customers`` that is the one ``body`` describes: same first name, last
    name and date of birth (case and spacing ignored). Among several, the one agreeing on the
    most other fields, then the newest (highest id)."""
    wanted = tuple(_norm(body.get(k)) for k in MATCH_KEYS)
    if not all(wanted):
        return None
    candidates = [c for c in customers
                  if usable_id(c.get(wire.RESP_ID)) and tuple(_norm(c.get(k)) for k in MATCH_KEYS) == wanted]
    if not candidates:
        return None
    return max(candidates, key=lambda c: _score(body, c))
