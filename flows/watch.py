"""`akhbar watch`: run the ingest flow as soon as new files settle in the inbox.

A file is settled when its size and mtime have not changed for ``settle_seconds``. Names still being written
(``.crdownload``, ``.part``, ``~$...``: flows/discover.py) are not even listed until renamed. A run starts when
something new has settled and nothing new is still changing, so a burst of 500 files makes one run (or a few, if
the burst lasts longer than MAX_BURST_SECONDS). A run that fails, or finds another run writing the warehouse,
leaves its files pending: the next poll tries again.

The settling rule is a pure function (``observe`` + ``due``) so it is tested with made-up clocks; the loop only
polls, asks it, and runs.
"""

from __future__ import annotations

import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

from flows.errors import AkhbarError, WarehouseLocked
from flows.prefect_env import local_server, stop_like_ctrl_c
from flows.read.discover import require_inbox_folder, scan_inbox
from flows.settings import LOCK_WAIT_SECONDS, Settings

# Listing the inbox is a few stat calls per file; once a second keeps a run within a second of a file settling.
POLL_SECONDS = 1.0
# If files keep arriving for this long, run with the ones that have settled instead of waiting for a quiet inbox.
MAX_BURST_SECONDS = 60.0
# After a failed run, wait this long before the next try, so a broken warehouse is not hammered every second.
RETRY_SECONDS = 30.0

Stamp = tuple[int, int]  # (size, mtime_ns)


@dataclass(frozen=True, slots=True)
class Seen:
    """A file as last listed: its stamp, and since when (monotonic seconds) it has had that stamp."""

    size: int
    mtime_ns: int
    since: float

    @property
    def stamp(self) -> Stamp:
        return (self.size, self.mtime_ns)


def observe(tracked: Mapping[str, Seen], listing: Mapping[str, Stamp], now: float) -> dict[str, Seen]:
    """The new tracking state after listing the inbox at ``now``: unchanged files keep their ``since``,
    new or changed files start again at ``now``, files gone from the listing are dropped."""
    state: dict[str, Seen] = {}
    for path, stamp in listing.items():
        previous = tracked.get(path)
        state[path] = previous if previous is not None and previous.stamp == stamp else Seen(*stamp, since=now)
    return state


def due(
    tracked: Mapping[str, Seen],
    handled: Mapping[str, Stamp],
    now: float,
    settle_seconds: float,
    max_burst_seconds: float = MAX_BURST_SECONDS,
) -> list[str]:
    """The files a run should start for now ([] means: not yet).

    Pending files are those whose stamp no run has handled. A run is due when at least one pending file has
    settled and none is still changing, or, in a burst longer than ``max_burst_seconds``, for those that settled.
    """
    pending = {path: seen for path, seen in tracked.items() if handled.get(path) != seen.stamp}
    settled = sorted(path for path, seen in pending.items() if now - seen.since >= settle_seconds)
    if not settled:
        return []
    if len(settled) == len(pending):
        return settled
    oldest_pending = min(seen.since for seen in pending.values())
    return settled if now - oldest_pending >= max_burst_seconds else []


def list_inbox(inbox: Path) -> dict[str, Stamp]:
    return {item.rel_path: (item.size, item.mtime_ns) for item in scan_inbox(inbox)}


def watch_loop(
    settings: Settings,
    settle_seconds: float,
    run: Callable[[Settings], object],
    *,
    poll_seconds: float = POLL_SECONDS,
    retry_seconds: float = RETRY_SECONDS,
    should_stop: Callable[[], bool] = lambda: False,
    clock: Callable[[], float] = time.monotonic,
    log: Callable[[str], None] = lambda message: print(f"akhbar watch: {message}", file=sys.stderr, flush=True),
) -> int:
    """Poll the inbox and call ``run(settings)`` whenever files are due; returns the number of runs made.

    The first pass treats every file as pending, so a run at start-up catches up what arrived while nobody
    watched (the run itself skips files the warehouse already has).
    """
    tracked: dict[str, Seen] = {}
    handled: dict[str, Stamp] = {}
    runs, not_before = 0, 0.0
    while not should_stop():
        try:
            tracked = observe(tracked, list_inbox(settings.inbox), clock())
        except OSError as error:  # the inbox was unmounted or removed: say so and keep watching
            log(f"cannot list {settings.inbox}: {error}")
            tracked = {}
        ready = due(tracked, handled, clock(), settle_seconds) if clock() >= not_before else []
        if ready:
            log(f"{len(ready)} file(s) settled; starting a run")
            runs += 1
            try:
                run(settings)
            except WarehouseLocked as error:
                log(f"{error}; trying again shortly")
            except Exception as error:  # noqa: BLE001 - a failed run must not stop the watcher
                log(
                    f"run failed ({type(error).__name__}: {error}); its files stay pending, next try in "
                    f"{retry_seconds:g} s"
                )
                not_before = clock() + retry_seconds
            else:
                handled.update({path: tracked[path].stamp for path in ready})
        time.sleep(poll_seconds)
    return runs


def watch(settings: Settings, settle_seconds: float) -> int:
    """Watch the inbox until interrupted, running the Prefect ingest flow when files settle; 0 when stopped.

    Like serve, it runs against a real Prefect server (PREFECT_API_URL, a running akhbar server, or one it
    starts and stops): the runs show in the Prefect UI, and `akhbar ingest` meanwhile reuses that server.
    """
    if settle_seconds < 0:
        raise AkhbarError(f"--settle must be zero or more seconds, not {settle_seconds:g}")
    require_inbox_folder(settings.inbox)

    signal.signal(signal.SIGTERM, stop_like_ctrl_c)  # `kill` stops the watcher (and the server it started) like Ctrl-C
    with local_server() as api_url:
        print(
            f"akhbar watch: watching {settings.inbox} (settle {settle_seconds:g} s, API {api_url}); Ctrl-C stops",
            file=sys.stderr,
        )
        try:
            watch_loop(settings, settle_seconds, run_flow)
        except KeyboardInterrupt:
            print("akhbar watch: stopped", file=sys.stderr)
    return 0


def run_flow(settings: Settings) -> object:
    """One ingest flow run, after waiting for any other run to release the warehouse."""
    from flows.ingest import ingest_flow
    from flows.store.lock import warehouse_lock

    with warehouse_lock(settings.warehouse, wait_seconds=LOCK_WAIT_SECONDS):
        pass  # wait here, outside the flow, so the flow's own lock finds the warehouse free
    summary = ingest_flow(inbox=str(settings.inbox), warehouse_path=str(settings.warehouse))
    print(
        f"akhbar watch: run {summary.run_id}: {summary.new} new, {summary.loaded} loaded, "
        f"{summary.duplicate} duplicate, {summary.quarantined} quarantined",
        file=sys.stderr,
        flush=True,
    )
    return summary
