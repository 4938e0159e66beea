"""A Prefect server that outlives one command and stops by itself when idle, as build daemons do.

Without a server, every `akhbar ingest` starts Prefect's temporary API in-process (~8 s warm here); with one running,
a run costs the client's start-up and the flow itself. So the first `akhbar ingest` starts `prefect server start` in
the background (its own session, a log in PREFECT_HOME), and later commands reuse it through the note that
flows/prefect_env.py already reads. Each command that uses the server holds a lease (a file named by its pid in
PREFECT_HOME/akhbar-leases) while it runs; the watchdog process (``python -m flows.prefect_server``) stops the server
once no live process holds a lease and none has for AKHBAR_PREFECT_IDLE_SECONDS (10 minutes by default).

AKHBAR_PREFECT_SERVER=temporary turns this off (Prefect's temporary per-process API, nothing left running);
PREFECT_API_URL set by the user always wins. This module must not import prefect.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from flows import prefect_env
from flows.errors import AkhbarError

MODE_VARIABLE = "AKHBAR_PREFECT_SERVER"  # "background" (default) or "temporary"
IDLE_VARIABLE = "AKHBAR_PREFECT_IDLE_SECONDS"
# Long enough to cover a working session's pauses between commands (the server's start costs 8-40 s), short enough
# that a laptop is not left with a server all day after one ingest.
DEFAULT_IDLE_SECONDS = 600.0
START_LOCK = "akhbar-server.start.lock"
# How often the watchdog looks at the leases and the server.
WATCH_EVERY_SECONDS = 1.0


def background_enabled() -> bool:
    return os.environ.get(MODE_VARIABLE, "background").strip().lower() != "temporary"


def idle_seconds() -> float:
    return float(os.environ.get(IDLE_VARIABLE, DEFAULT_IDLE_SECONDS))


@contextmanager
def server_lease() -> Iterator[str | None]:
    """Point this process at the background server (starting it if needed) and hold a lease while the block runs.

    Yields the API URL, or None when the background server is off or the user set PREFECT_API_URL (then Prefect's
    own behaviour applies). Call before Prefect is imported.
    """
    if not background_enabled() or os.environ.get("PREFECT_API_URL"):
        yield prefect_env.configure_prefect()
        return
    prefect_env.configure_prefect()  # defaults and PREFECT_HOME
    home = prefect_env.prefect_home()
    lease = prefect_env.take_lease(home)
    try:
        url = prefect_env.running_server(home) or _start_watchdog(home)
        os.environ["PREFECT_API_URL"] = url
        yield url
    finally:
        lease.unlink(missing_ok=True)


def _start_watchdog(home: Path) -> str:
    """Start the watchdog (which starts the server) unless another process just did; the server's API URL."""
    with open(home / START_LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two commands starting at once: one server
        found = prefect_env.running_server(home)
        if found:
            return found
        log = home / prefect_env.SERVER_LOG
        with open(log, "ab") as out:
            watchdog = subprocess.Popen(
                [sys.executable, "-m", "flows.prefect_server", "--home", str(home), "--idle", str(idle_seconds())],
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # not stopped by the terminal's Ctrl-C, nor waited for by this command
            )
        deadline = time.monotonic() + prefect_env.SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            found = prefect_env.running_server(home)
            if found:
                print(
                    f"akhbar: started a background Prefect server at {found.removesuffix('/api')}; it stops after "
                    f"{idle_seconds() / 60:g} idle minutes ({MODE_VARIABLE}=temporary turns this off)",
                    file=sys.stderr,
                )
                return found
            if watchdog.poll() is not None:
                break
            time.sleep(0.25)
        prefect_env.stop_process(watchdog)
        raise AkhbarError(f"the background Prefect server did not start: {prefect_env.tail(log)}")


def live_leases(home: Path) -> int:
    """Leases of processes still alive; those of dead processes (killed commands) are removed."""
    live = 0
    for lease in (home / prefect_env.LEASES).glob("*"):
        if lease.name.isdigit() and prefect_env.pid_alive(int(lease.name)):
            live += 1
        else:
            lease.unlink(missing_ok=True)
    return live


def watch_server(home: Path, idle: float) -> int:
    """The watchdog: start the server, keep it while leases live, stop it after ``idle`` seconds without one."""
    (home / prefect_env.LEASES).mkdir(parents=True, exist_ok=True)
    port = prefect_env.free_port(int(os.environ.get("PREFECT_SERVER_API_PORT", prefect_env.DEFAULT_PORT)))
    api_url = f"http://127.0.0.1:{port}/api"
    log = home / prefect_env.SERVER_LOG
    with open(log, "ab") as out:
        server = subprocess.Popen(
            prefect_env.server_command(port, ui=True),
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    stopping: list[int] = []
    signal.signal(signal.SIGTERM, lambda signum, frame: stopping.append(signum))
    try:
        prefect_env.wait_healthy(server, api_url, log)
        prefect_env.write_note(home, api_url, server.pid)
        last_used = time.monotonic()
        while not stopping and server.poll() is None:
            if live_leases(home):
                last_used = time.monotonic()
            elif time.monotonic() - last_used > idle:
                break
            time.sleep(WATCH_EVERY_SECONDS)
    finally:
        prefect_env.remove_note(home, server.pid)
        prefect_env.stop_process(server)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flows.prefect_server", description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--idle", type=float, default=DEFAULT_IDLE_SECONDS)
    args = parser.parse_args(argv)
    os.environ["PREFECT_HOME"] = str(args.home)
    prefect_env.configure_prefect()
    try:
        return watch_server(args.home, args.idle)
    except AkhbarError as error:
        print(f"akhbar: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
