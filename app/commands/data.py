"""``intake data check|start-empty STORE``: the station's stores (outbox, drafts, consent log,
audit log) in its data folder.

A store the station had that is now missing, emptied or damaged is refused by every command
and by the window, never read as empty; a damaged file is kept aside (renamed, never deleted).
``check`` says which; ``start-empty`` is the admin's decision to go on with an empty one when no
good copy can be put back (the file kept aside stays, for a specialist to recover).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.config import ConfigError, load_config
from app.storage import StorageError
from app.stores import STORES, start_empty, store_states

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_UNUSABLE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser(
        "check",
        help="say whether each store is usable (exit 0), or missing or damaged (exit 1)",
        description="Check each store of the data folder. A damaged one is kept aside (renamed). "
        "Exit 0 when every store is usable, 1 when one is missing or damaged, 2 when the folder cannot be read.",
    )
    empty = actions.add_parser(
        "start-empty",
        help="go on with an empty store in place of a missing or damaged one (the kept file stays)",
        description="Accept that a missing or damaged store starts empty, when no good copy (backup) can be "
        "put back at its path. Nothing is deleted: a damaged file stays where it was kept aside.",
    )
    empty.add_argument(
        "store", metavar="STORE", help=f"which store: {', '.join(STORES)} (or the file name a message gave)"
    )


def _fail(action: str, message: str) -> int:
    print(f"intake data {action}: {message}", file=sys.stderr)
    return EXIT_UNUSABLE


def run(args: argparse.Namespace) -> int:
    try:
        folder = Path(load_config().data_dir)
    except ConfigError as exc:
        return _fail(args.action, str(exc))
    try:
        if args.action == "check":
            states = store_states(folder)
            width = max(len(s.path.name) for s in states)
            for s in states:
                kept = f"  (kept aside as {s.kept_aside.name})" if s.kept_aside else ""
                print(f"{s.keyword:<8} {s.path.name:<{width}}  {s.state}{kept}")
            bad = [s for s in states if s.message]
            for s in bad:
                print(s.message, file=sys.stderr)
            return EXIT_PROBLEM if bad else EXIT_OK
        kept = start_empty(folder, args.store)
    except ValueError as exc:
        return _fail(args.action, str(exc))
    except (StorageError, OSError) as exc:
        return _fail(args.action, str(exc))
    print(f"The {args.store} store starts empty the next time the station opens it.")
    if kept is not None:
        print(f"The damaged file stays kept aside as {kept}.")
    return EXIT_OK
