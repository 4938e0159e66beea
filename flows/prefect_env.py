"""Where akhbar's Prefect API lives, decided before Prefect is imported (Prefect reads its settings at import).

- Offline defaults (the user's environment wins): no telemetry, no update checks, a persistent PREFECT_HOME so the
  API database is reused between runs instead of being created anew (the cold start is most of a small run).
- Reuse: when PREFECT_API_URL is not set but `akhbar serve` or `akhbar watch` started a local server (it leaves
  a note in PREFECT_HOME), every other akhbar process points at that server instead of starting Prefect's
  temporary one, which costs seconds per run.
- ``local_server()`` starts `prefect server start` for serve/watch (the temporary API cannot schedule) and stops
  it on exit.

This module must not import prefect.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from flows.errors import AkhbarError

PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
    # Prefect 3.8's SDK telemetry: in a terminal, a first run queues an event and waits up to 2 s at exit to send
    # it to a network an offline machine does not have. DO_NOT_TRACK is the switch Prefect reads for it.
    "DO_NOT_TRACK": "1",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    "PREFECT_UI_ENABLED": "false",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
    "PREFECT_TASKS_DEFAULT_PERSIST_RESULT": "false",
    # akhbar uses no blocks: registering Prefect's block types on every API start is work for nothing
    "PREFECT_API_BLOCKS_REGISTER_ON_START": "false",
}
SERVER_NOTE = "akhbar-server.json"  # in PREFECT_HOME: the API URL and pid of the server serve/watch started
SERVER_LOG = "akhbar-server.log"
LEASES = "akhbar-leases"  # in PREFECT_HOME: one file per process using a background server
DEFAULT_PORT = 4200  # Prefect's own default, so the UI is where Prefect's docs say it is
# A first start creates and migrates the API database: 20-40 s on a loaded 2-core machine; warm starts take 5-10 s.
SERVER_START_TIMEOUT = 180.0
# A health check of a server on this machine answers in milliseconds; a second means it is not there.
HEALTH_TIMEOUT = 1.0


def stop_like_ctrl_c(*_: object) -> None:
    """A SIGTERM handler: `kill` stops serve and watch (and the server they started) the way Ctrl-C does."""
    raise KeyboardInterrupt


def prefect_home() -> Path:
    return Path(os.environ.get("PREFECT_HOME") or Path.home() / ".akhbar" / "prefect")


def configure_prefect() -> str | None:
    """Apply the defaults and PREFECT_HOME; point at a running local akhbar server if there is one.

    Returns the API URL now in use (None: Prefect will start its temporary server when a flow runs).
    """
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    home = prefect_home()
    os.environ.setdefault("PREFECT_HOME", str(home))
    home.mkdir(parents=True, exist_ok=True)  # Prefect creates the home itself, but not its parents
    if not os.environ.get("PREFECT_API_URL"):
        found = running_server(home)
        if found:
            os.environ["PREFECT_API_URL"] = found
    return os.environ.get("PREFECT_API_URL") or None


def running_server(home: Path) -> str | None:
    """The API URL of the server a serve/watch process started with this home, if it is up; else None."""
    note = read_note(home)
    if note is None or not pid_alive(int(note.get("pid", 0))):
        return None
    url = str(note.get("api_url", ""))
    return url if url and healthy(url) else None


def read_note(home: Path) -> dict | None:
    try:
        return json.loads((home / SERVER_NOTE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def healthy(api_url: str, timeout: float = HEALTH_TIMEOUT) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def free_port(preferred: int) -> int:
    """``preferred`` when nothing listens there, else a port the kernel picks."""
    for port in (preferred, 0):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise AkhbarError("no free TCP port on 127.0.0.1 for the Prefect server")


@contextmanager
def local_server(ui: bool = True) -> Iterator[str]:
    """Yield a Prefect API URL that can schedule: PREFECT_API_URL if the user set one, a running akhbar server
    if there is one, or a `prefect server start` of our own, stopped when the block exits.

    Call before Prefect is imported. Sets PREFECT_API_URL in os.environ for this process and its children.
    """
    existing = configure_prefect()
    if existing:
        if not healthy(existing, timeout=10):
            raise AkhbarError(f"the Prefect API at {existing} (PREFECT_API_URL) does not answer")
        lease = take_lease(prefect_home())  # a background server (flows/prefect_server.py) stays up while we serve
        try:
            yield existing
        finally:
            lease.unlink(missing_ok=True)
        return
    home = prefect_home()
    port = free_port(int(os.environ.get("PREFECT_SERVER_API_PORT", DEFAULT_PORT)))
    api_url = f"http://127.0.0.1:{port}/api"
    log_path = home / SERVER_LOG
    command = server_command(port, ui)
    with open(log_path, "ab") as log:
        # its own session: a Ctrl-C in the terminal reaches us, and we stop the server in order
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
        )
    try:
        wait_healthy(process, api_url, log_path)
        write_note(home, api_url, process.pid)
        os.environ["PREFECT_API_URL"] = api_url
        print(f"akhbar: started a Prefect server at {api_url.removesuffix('/api')} (log: {log_path})", file=sys.stderr)
        yield api_url
    finally:
        drain_prefect_workers()  # while the server is still up, or they retry against a closed port at exit
        remove_note(home, process.pid)
        stop_process(process)


def drain_prefect_workers(timeout: float = 5.0) -> None:
    """Send the events and logs Prefect still holds to the API now (nothing to do if Prefect was not imported)."""
    if "prefect" not in sys.modules:
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        worker.drain_all(timeout=timeout)


def take_lease(home: Path) -> Path:
    """A file named by this process's pid in PREFECT_HOME/akhbar-leases: the background server's watchdog keeps the
    server up while a live process holds one (flows/prefect_server.py); the caller removes it when done."""
    leases = home / LEASES
    leases.mkdir(parents=True, exist_ok=True)
    lease = leases / str(os.getpid())
    lease.touch()
    return lease


def server_command(port: int, ui: bool = True) -> list[str]:
    """`prefect server start` on 127.0.0.1:``port``, in this interpreter."""
    host = ["--host", "127.0.0.1", "--port", str(port)]
    return [sys.executable, "-m", "prefect", "server", "start", *host, "--ui" if ui else "--no-ui", "--analytics-off"]


def wait_healthy(process: subprocess.Popen, api_url: str, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AkhbarError(f"the Prefect server exited with code {process.returncode}: {tail(log_path)}")
        if healthy(api_url):
            return
        time.sleep(0.5)
    raise AkhbarError(f"the Prefect server did not answer within {SERVER_START_TIMEOUT:.0f} s: {tail(log_path)}")


def stop_process(process: subprocess.Popen, grace_seconds: float = 15.0) -> None:
    """SIGTERM the process's group, then SIGKILL whatever is left after ``grace_seconds``."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=grace_seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass


def write_note(home: Path, api_url: str, pid: int) -> None:
    temp = home / f".{SERVER_NOTE}.{os.getpid()}"
    temp.write_text(json.dumps({"api_url": api_url, "pid": pid, "owner_pid": os.getpid()}), encoding="utf-8")
    os.replace(temp, home / SERVER_NOTE)


def remove_note(home: Path, pid: int) -> None:
    note = read_note(home)
    if note is not None and note.get("pid") == pid:  # another serve may have replaced it with its own
        (home / SERVER_NOTE).unlink(missing_ok=True)


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def tail(path: Path, lines: int = 5) -> str:
    try:
        return " | ".join(path.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-lines:])
    except OSError:
        return "(no log)"
