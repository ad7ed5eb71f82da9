"""Where a card's elements are in an AAMVA barcode text: the header and its subfile directory,
the DL/ID subfile, and the split into elements, with or without the separators a scanner
may have dropped. ``app.idscan.aamva`` turns the elements into the form's fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from app.idscan import elements

# The subfiles that hold a driver's licence (DL) or an ID card (ID).
ID_SUBFILES = ("DL", "ID")

# "ANSI " or "AAMVA"; with a letter dropped or doubled only when the issuer number follows.
_HEADER = re.compile(r"(?:ANSI ?|AAMVA|(?:AMVAA|AMVA|AAMV|ANS) ?(?=[0-9]{6}))([0-9]{6})?([0-9]{2})?([0-9]*)")
_DIRECTORY_ENTRY = re.compile(r"([A-Z]{2})([0-9]{4})([0-9]{4})")
# Control characters, C1 controls (U+0080-U+009F) included: separators or padding, never data.
_SEPARATORS = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
_PIPE_SEPARATORS = re.compile(r"[|\x00-\x1f\x7f-\x9f]+")
# A jurisdiction subfile ("ZC") followed by its first element ("ZCA"): the end of the DL/ID data.
_Z_SUBFILE = re.compile(r"Z([A-Z])Z\1[A-Z]")
_ALPHA_WORD = re.compile(r"[^\W\d_]")
# Fields that may be empty and are followed, on real cards, by more name parts.
_NAME_PARTS = frozenset({"DAA", "DAB", "DAC", "DAD", "DAE", "DAF", "DCS", "DCT", "DCU", "DBN", "DBG", "DBS"})
# With at least this many lines starting with an element ID, the separators survived.
_MIN_ELEMENT_LINES = 3
# The usual element order: the rest of a version-01 residence address (line 2, city, state,
# ZIP) comes after its street line DAL, so "MADAME" is first name Madame, not "MA" + DAM "E".
_AFTER_A_STREET = frozenset({"DAM", "DAN", "DAO", "DAP"})
_STREETS = frozenset({"DAL"})
# And class, restrictions and endorsements come after the address's state: "CEDAR" in a street
# is not the class DAR when the state DAJ is still to come.
_COMES_AFTER = {"DAR": "DAJ", "DAS": "DAJ", "DAT": "DAJ"}
# An element ID with one stray non-ASCII byte in it: "DÔCS", "DCÔB".
_STRAY_BYTE = re.compile(r"D(?:[^\x00-\x7f]([A-Z]{2})|([A-Z])[^\x00-\x7f]([A-Z]))")
# A declared subfile end this much past the text is a cut-off scan; CR/LF conventions and
# trailing spaces trimmed by scanners make real, complete scans differ by a few characters.
_LENGTH_TOLERANCE = 20
# Element IDs in run-together text: a rough count of the separators a scanner dropped.
_ELEMENT_ID = re.compile(r"D[A-D][A-Z]")
# How many following IDs a candidate's value may run to when checking its shape.
_LOOKAHEAD = 4


@dataclass(frozen=True)
class Header:
    issuer_number: str | None
    version: int | None
    subfile_types: tuple[str, ...]
    end: int
    start: int = 0
    # (type, offset, length) as the header's directory declares them.
    directory: tuple[tuple[str, int, int], ...] = ()


@dataclass
class Split:
    """How the elements were found: what the reader had to repair, for the warnings."""

    damaged: set[str] = field(default_factory=set)
    run_together: bool = False
    last_code: str | None = None


# --- header and subfile -------------------------------------------------------------------


def read_header(text: str) -> Header | None:
    match = _HEADER.search(text)
    if match is None:
        return None
    iin, version, _rest = match.groups()
    # The directory ("DL00410278ZC03190008") follows the digits.
    entries: list[tuple[str, int, int]] = []
    pos = match.end()
    while entry := _DIRECTORY_ENTRY.match(text, pos):
        entries.append((entry.group(1), int(entry.group(2)), int(entry.group(3))))
        pos = entry.end()
    at = text.rfind("@", 0, match.start())
    return Header(
        iin, int(version) if version else None, tuple(t for t, _, _ in entries), pos,
        at if at >= 0 else max(0, match.start() - 4), tuple(entries),
    )  # fmt: skip


@cache
def _patterns(ids: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    alternatives = "|".join(sorted(ids))
    subfile = re.compile(f"(DL|ID)(?={alternatives})")
    candidates = re.compile(f"(?=({alternatives}))")
    return subfile, candidates


def find_subfile(text: str, header: Header) -> tuple[int, str | None]:
    """Where the DL/ID elements start, and the subfile type, found by search, not offsets."""
    subfile_pattern, candidate_pattern = _patterns(elements.ids_for(header.version))
    match = subfile_pattern.search(text, header.end)
    first_element = candidate_pattern.search(text, header.end)
    # A designator found after the first element is letters inside a value ("DAVID" + "DAD"):
    # this card has no designator, and its type comes from the header's directory.
    if match is not None and (first_element is None or match.start() <= first_element.start()):
        return match.end(), match.group(1)
    listed = next((t for t in header.subfile_types if t in ID_SUBFILES), None)
    return (first_element.start() if first_element else len(text)), listed


# --- splitting into elements ------------------------------------------------------------------


def _repaired_code(chunk: str, ids: frozenset[str], found: dict[str, str]) -> str | None:
    """The element ID of a line whose ID holds one stray byte ("DÔCSSMITH" -> DCS), when
    removing it gives a single ID the card has not used yet."""
    if len(chunk) < 4 or chunk[0] != "D":
        return None
    candidates = {
        chunk[:i] + chunk[i + 1 : 4]
        for i in (1, 2)
        if not ("A" <= chunk[i] <= "Z") and chunk[:i] + chunk[i + 1 : 4] in ids
    }
    candidates -= found.keys()
    return candidates.pop() if len(candidates) == 1 else None


def _element_lines(chunks: list[str], ids: frozenset[str], split: Split) -> dict[str, str] | None:
    """Elements one per line, or None when too few lines start with an element ID."""
    if sum(1 for chunk in chunks if chunk[:3] in ids) < _MIN_ELEMENT_LINES:
        return None
    found: dict[str, str] = {}
    for chunk in chunks:
        code, value = chunk[:3], chunk[3:]
        if code not in ids and (repaired := _repaired_code(chunk, ids, found)):
            code, value = repaired, chunk[4:]
            split.damaged.add(code)
        if code in ids and code not in found:
            found[code] = value.strip()
            split.last_code = code
        elif code[:1] == "Z":
            split.last_code = None  # a jurisdiction subfile follows: the DL data ended before it
    return found


def _repair_run_together(chunk: str, ids: frozenset[str], split: Split) -> str:
    """Remove a stray byte inside an element ID of run-together text ("DÔCSSMITH" -> "DCSSMITH")."""

    def repair(match: re.Match[str]) -> str:
        code = "D" + (match.group(1) or match.group(2) + match.group(3))
        if code not in ids:
            return match.group(0)
        split.damaged.add(code)
        return code

    return _STRAY_BYTE.sub(repair, chunk)


def _without_trailer(chunk: str, header: Header) -> tuple[str, bool]:
    """The chunk without a jurisdiction subfile that follows the DL data: "ZCZCA..." or, when
    the header lists it, a bare designator at the very end ("...DDB02132010ZD")."""
    if z_subfile := _Z_SUBFILE.search(chunk):
        return chunk[: z_subfile.start()], True
    for kind in header.subfile_types:
        if kind[:1] == "Z" and chunk.endswith(kind):
            return chunk[: -len(kind)], True
    return chunk, False


def split_elements(body: str, header: Header) -> tuple[dict[str, str], Split]:
    ids = elements.ids_for(header.version)
    split = Split()
    chunks = [chunk for chunk in _SEPARATORS.split(body) if chunk]
    found = _element_lines(chunks, ids, split)
    if found is None and "|" in body:  # "|" as the separator (some scanner software)
        found = _element_lines([chunk for chunk in _PIPE_SEPARATORS.split(body) if chunk], ids, split)
    if found is not None:
        return found, split
    found = {}
    split.run_together = True
    run_ids = elements.run_together_ids(header.version)
    for chunk in chunks:
        data, trailer = _without_trailer(_repair_run_together(chunk, run_ids, split), header)
        last = _split_run_together(data, run_ids, found)
        split.last_code = None if trailer else (last or split.last_code)
    for code in elements.KEPT_LEGACY_IDS - ids:
        found.pop(code, None)
    return found, split


def _split_fits(prev_code: str, prev_value: str, code: str, value: str) -> bool:
    """Whether an element ``code`` may start here, ending the previous element's value."""
    if prev_value.strip():
        return True
    if prev_code == "DAG" and code == "DAL":
        return True  # no mailing street, the residence street follows (Oregon)
    # The previous element's shape is not checked: a bad value on the card must not make every
    # later split fail. Its emptiness is: a name or ID number is never empty.
    if prev_code in elements.NEVER_EMPTY:
        return False
    if prev_code not in _NAME_PARTS:
        return True
    # An empty name part followed by a free-text element whose value is a word ("DAD" + "DARREN")
    # is a name that happens to begin with an element ID.
    if code in _NAME_PARTS or code in elements.SHAPES:
        return True
    head = value.strip()[:1]
    return not (head and _ALPHA_WORD.match(head))


def _next_end(chunk: str, positions: list[int], index: int) -> int:
    after = positions[index] + 3
    return next((q for q in positions[index + 1 :] if q >= after), len(chunk))


def _certain(chunk: str, positions: list[int], index: int) -> bool:
    """An ID with a fixed value shape whose value fits it: surely an element, not letters in a value."""
    pos = positions[index]
    code = chunk[pos : pos + 3]
    shape = elements.SHAPES.get(code)
    if shape is None:
        return False
    return shape.fullmatch(chunk[pos + 3 : _next_end(chunk, positions, index)].strip()) is not None


def _value_can_start(chunk: str, positions: list[int], index: int) -> bool:
    """Whether the element at ``positions[index]`` can have a value running to one of the next
    few IDs, reading past IDs that could be letters of its value but not past a certain one."""
    pos = positions[index]
    code = chunk[pos : pos + 3]
    following = [i for i in range(index + 1, len(positions)) if positions[i] >= pos + 3][:_LOOKAHEAD]
    for i in following:
        if elements.value_fits(code, chunk[pos + 3 : positions[i]]):
            return True
        if _certain(chunk, positions, i):
            return False
    return len(following) < _LOOKAHEAD and elements.value_fits(code, chunk[pos + 3 :])


def _codes_after(chunk: str, positions: list[int], index: int) -> set[str]:
    return {chunk[q : q + 3] for q in positions[index + 1 :]}


def _out_of_order(chunk: str, positions: list[int], index: int) -> bool:
    """Whether the ID at ``positions[index]`` comes before an element it always follows."""
    before = _COMES_AFTER.get(chunk[positions[index] : positions[index] + 3])
    return before is not None and before in _codes_after(chunk, positions, index)


def _split_run_together(chunk: str, ids: frozenset[str], found: dict[str, str]) -> str | None:
    """Split a run of elements without separators into ``found``; returns the last element's ID."""
    _, candidate_pattern = _patterns(ids)
    positions = [m.start() for m in candidate_pattern.finditer(chunk)]
    if not positions:
        return None
    # An ID right after a space is likely a word inside a value when the same ID also occurs
    # where nothing but an element boundary can be.
    # An occurrence out of the usual order (class DAR in "CEDAR" before the state) is no evidence.
    strong = {
        chunk[p : p + 3]
        for index, p in enumerate(positions)
        if (p == 0 or not chunk[p - 1].isspace())
        and not (chunk[p : p + 3] in _COMES_AFTER and _out_of_order(chunk, positions, index))
    }
    accepted: list[tuple[int, str]] = []
    taken: set[str] = set()
    for index, pos in enumerate(positions):
        code = chunk[pos : pos + 3]
        if code in found or code in taken:
            continue
        if accepted and pos < accepted[-1][0] + 3:
            continue
        if pos > 0 and chunk[pos - 1].isspace() and code in strong:
            continue
        if code in _AFTER_A_STREET and not (_STREETS & (taken | found.keys())):
            continue
        if code in _COMES_AFTER and _COMES_AFTER[code] not in taken and _out_of_order(chunk, positions, index):
            continue
        # Two IDs overlapping ("BUDDA" + "DAC": DAD and DAC) and this one occurring again later:
        # the later occurrence is the element, this one is letters of a value.
        if (
            index + 1 < len(positions)
            and positions[index + 1] < pos + 3
            and code in _codes_after(chunk, positions, index)
        ):
            continue
        if not _value_can_start(chunk, positions, index):
            continue
        if accepted:
            prev_pos, prev_code = accepted[-1]
            value = chunk[pos + 3 : _next_end(chunk, positions, index)]
            if not _split_fits(prev_code, chunk[prev_pos + 3 : pos], code, value):
                continue
        accepted.append((pos, code))
        taken.add(code)
    for number, (pos, code) in enumerate(accepted):
        end = accepted[number + 1][0] if number + 1 < len(accepted) else len(chunk)
        found[code] = chunk[pos + 3 : end].strip()
    return accepted[-1][1] if accepted else None


def cut_off(text: str, header: Header, split: Split, data_start: int) -> bool:
    """Whether the text ends before the DL/ID subfile the header declares (a cut-off scan).

    A jurisdiction subfile found after the DL data means the DL data is whole. A declared
    offset far from where the subfile really starts (or 0, as on some Canadian cards) makes
    the directory untrustworthy: nothing is concluded from it. Scanners that drop the
    separators lose one character per element, which the tolerance allows for.
    """
    if split.last_code is None:
        return False
    declared = next(((off, length) for kind, off, length in header.directory if kind in ID_SUBFILES), None)
    if declared is None or abs(declared[0] - (data_start - header.start)) > _LENGTH_TOLERANCE:
        return False
    missing = declared[0] + declared[1] - (len(text) - header.start)
    allowance = _LENGTH_TOLERANCE + (len(_ELEMENT_ID.findall(text)) if split.run_together else 0)
    return missing > allowance
