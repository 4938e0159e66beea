"""akhbar watch: the settling rule on made-up clocks, the loop on a real temp inbox with a fake run, and (slow)
the real command on a real inbox."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.errors import WarehouseLocked
from flows.settings import Settings
from flows.watch import MAX_BURST_SECONDS, Seen, due, observe, watch_loop
from tests.bi_rows import REPO

SETTLE = 3.0


def test_observe_keeps_since_for_unchanged_and_restarts_changed_files():
    tracked = observe({}, {"a.html": (10, 1), "b.txt": (5, 1)}, now=0.0)
    tracked = observe(tracked, {"a.html": (10, 1), "b.txt": (7, 2), "c.txt": (1, 1)}, now=2.0)
    assert tracked == {"a.html": Seen(10, 1, 0.0), "b.txt": Seen(7, 2, 2.0), "c.txt": Seen(1, 1, 2.0)}
    assert observe(tracked, {}, now=3.0) == {}  # files that vanish are forgotten


@pytest.mark.parametrize(
    "tracked, handled, now, expected",
    [
        pytest.param({"a.html": Seen(10, 1, 0.0)}, {}, 1.0, [], id="still-settling"),
        pytest.param({"a.html": Seen(10, 1, 0.0)}, {}, 3.0, ["a.html"], id="settled-after-3s"),
        pytest.param({"a.html": Seen(10, 1, 0.0)}, {"a.html": (10, 1)}, 9.0, [], id="already-handled"),
        pytest.param({"a.html": Seen(12, 2, 0.0)}, {"a.html": (10, 1)}, 9.0, ["a.html"], id="changed-since-handled"),
        pytest.param({"a.html": Seen(10, 1, 0.0), "b.html": Seen(3, 1, 8.0)}, {}, 9.0, [], id="wait-for-the-burst"),
        pytest.param(
            {"a.html": Seen(10, 1, 0.0), "b.html": Seen(3, 1, 8.0)},
            {"b.html": (3, 1)},
            9.0,
            ["a.html"],
            id="changing-file-already-handled-does-not-block",
        ),
        pytest.param(
            {"a.html": Seen(10, 1, 0.0), "b.html": Seen(3, 1, MAX_BURST_SECONDS)},
            {},
            MAX_BURST_SECONDS + 1,
            ["a.html"],
            id="endless-burst-runs-what-settled",
        ),
    ],
)
def test_due(tracked, handled, now, expected):
    assert due(tracked, handled, now, SETTLE) == expected


def simulate(arrivals: list[tuple[float, str]], end: float, poll: float = 1.0) -> list[list[str]]:
    """Poll an imaginary inbox every ``poll`` seconds; files appear at their arrival time. The runs made."""
    tracked, handled, runs = {}, {}, []
    now = 0.0
    while now <= end:
        listing = {name: (100, int(at * 1e9)) for at, name in arrivals if at <= now}
        tracked = observe(tracked, listing, now)
        ready = due(tracked, handled, now, SETTLE)
        if ready:
            runs.append(ready)
            handled.update({path: tracked[path].stamp for path in ready})
        now += poll
    return runs


def test_a_burst_of_500_files_makes_one_run():
    arrivals = [(n * 0.01, f"article_{n:03d}.html") for n in range(500)]  # 500 files within 5 s
    runs = simulate(arrivals, end=30.0)
    assert len(runs) == 1 and len(runs[0]) == 500


def test_a_trickle_longer_than_the_burst_limit_makes_a_few_runs():
    arrivals = [(n * 0.25, f"article_{n:03d}.html") for n in range(500)]  # one file every 0.25 s for 125 s
    runs = simulate(arrivals, end=200.0)
    assert 2 <= len(runs) <= 4
    assert sorted(itertools.chain.from_iterable(runs)) == sorted(name for _, name in arrivals)


class FakeClock:
    """Advances half a second each time it is read: the loop's decisions, without real waiting."""

    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 0.5
        return self.now


def run_loop(inbox: Path, polls: int, run, **kwargs) -> int:
    counter = itertools.count()
    return watch_loop(
        Settings(inbox=inbox, warehouse=inbox.parent / "w.duckdb"),
        SETTLE,
        run,
        poll_seconds=0,
        should_stop=lambda: next(counter) >= polls,
        clock=FakeClock(),
        log=lambda m: None,
        **kwargs,
    )


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("report.html.crdownload", id="chrome-download"),
        pytest.param("report.html.part", id="firefox-download"),
        pytest.param("~$report.txt", id="office-lock-file"),
    ],
)
def test_temporary_download_names_wait_until_renamed(tmp_path: Path, name: str):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / name).write_text("جزء من صفحة", encoding="utf-8")
    calls: list[Settings] = []
    assert run_loop(inbox, 20, calls.append) == 0
    (inbox / name).rename(inbox / "report.html")
    assert run_loop(inbox, 20, calls.append) == 1


def test_the_loop_runs_once_for_files_already_there_and_again_for_a_new_one(tmp_path: Path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(5):
        (inbox / f"a{n}.txt").write_text(f"خبر {n}", encoding="utf-8")
    calls: list[Settings] = []

    def run(settings: Settings) -> None:
        calls.append(settings)
        if len(calls) == 1:
            (inbox / "late.txt").write_text("خبر متأخر", encoding="utf-8")

    assert run_loop(inbox, 40, run) == 2


def test_a_locked_or_failed_run_leaves_the_files_pending(tmp_path: Path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("خبر", encoding="utf-8")
    outcomes = iter([WarehouseLocked("busy"), RuntimeError("disk full"), None])
    calls = []

    def run(settings: Settings) -> None:
        calls.append(1)
        outcome = next(outcomes)
        if outcome is not None:
            raise outcome

    assert run_loop(inbox, 200, run, retry_seconds=5) == 3  # locked, failed (then a pause), succeeded; then idle


@pytest.mark.slow
def test_akhbar_watch_ingests_dropped_files_and_stops_cleanly(tmp_path: Path):
    """The real command: a Prefect server of its own, files dropped in a burst, one or a few runs, SIGTERM."""
    inbox, home = tmp_path / "inbox", tmp_path / "prefect-home"
    inbox.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_API_PORT="0", AKHBAR_WORKERS="1")
    watcher = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "flows.cli",
            "watch",
            "--settle",
            "1",
            "--inbox",
            str(inbox),
            "--warehouse",
            str(tmp_path / "w.duckdb"),
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for n in range(30):
            (inbox / f"article_{n:02d}.txt").write_text(
                f"خبر {n}\nوصل الوفد الروسي إلى باماكو في الجولة رقم {n} من المحادثات.\n", encoding="utf-8"
            )
        assert wait_for_files(tmp_path / "w.snapshot.duckdb", 30, timeout=150), "no run ingested the files"
    finally:
        watcher.send_signal(signal.SIGTERM)
        _, err = watcher.communicate(timeout=60)
    assert watcher.returncode == 0, err[-2000:]
    assert err.count("starting a run") <= 3, err[-2000:]
    assert not (home / "akhbar-server.json").exists()  # the server it started is stopped and forgotten


def wait_for_files(snapshot: Path, count: int, timeout: float) -> bool:
    from flows.errors import AkhbarError
    from flows.store import warehouse

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if snapshot.exists():
            try:
                with warehouse.opened(snapshot, read_only=True) as con:
                    if con.execute("select count(distinct file_path) from files").fetchone()[0] >= count:
                        return True
            except AkhbarError:
                pass  # replaced while we opened it
        time.sleep(1)
    return False


stamps = st.tuples(st.integers(0, 3), st.integers(0, 3))
tracked_states = st.dictionaries(
    st.sampled_from(["a.html", "b.txt", "c.htm", "d.txt"]),
    st.builds(lambda stamp, since: Seen(*stamp, since=since), stamps, st.floats(0, 200)),
)


@given(
    tracked=tracked_states, handled=st.dictionaries(st.sampled_from(["a.html", "b.txt"]), stamps), now=st.floats(0, 400)
)
def test_due_only_names_pending_settled_files(tracked, handled, now):
    ready = due(tracked, handled, now, SETTLE)
    pending = {p for p, seen in tracked.items() if handled.get(p) != seen.stamp}
    assert set(ready) <= pending
    assert all(now - tracked[p].since >= SETTLE for p in ready)
    still_changing = [p for p in pending if now - tracked[p].since < SETTLE]
    if ready and still_changing:  # only an endless burst runs while files are still changing
        assert now - min(tracked[p].since for p in pending) >= MAX_BURST_SECONDS
