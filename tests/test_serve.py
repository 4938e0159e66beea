"""akhbar serve: schedule arguments, finding and reusing a local Prefect server, and (slow) a schedule that fires."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from flows import prefect_env
from flows.errors import AkhbarError
from flows.serve import DEFAULT_INTERVAL_SECONDS, flow_parameters, schedule_for
from flows.settings import Settings
from tests.bi_rows import REPO
from tests.test_watch import wait_for_files


@pytest.mark.parametrize(
    "interval, cron, expected",
    [
        pytest.param(None, None, {"interval": DEFAULT_INTERVAL_SECONDS}, id="default-every-5-minutes"),
        pytest.param(5.0, None, {"interval": 5.0}, id="interval"),
        pytest.param(None, "*/15 * * * *", {"cron": "*/15 * * * *"}, id="cron"),
    ],
)
def test_schedule_for(interval, cron, expected):
    assert schedule_for(interval, cron) == expected


@pytest.mark.parametrize(
    "interval, cron",
    [
        pytest.param(0.0, None, id="zero-interval"),
        pytest.param(-5.0, None, id="negative-interval"),
        pytest.param(None, "every hour", id="not-cron"),
        pytest.param(5.0, "* * * * *", id="both"),
    ],
)
def test_schedule_for_refuses(interval, cron):
    with pytest.raises(AkhbarError):
        schedule_for(interval, cron)


def test_flow_parameters_are_absolute(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    params = flow_parameters(Settings(inbox=Path("inbox"), warehouse=Path("w/a.duckdb")))
    assert params == {
        "inbox": str(tmp_path / "inbox"),
        "warehouse_path": str(tmp_path / "w" / "a.duckdb"),
        "report_path": None,
    }
    with_report = flow_parameters(Settings(warehouse=Path("w/a.duckdb"), report=Path("w/a.report.html")))
    assert with_report["report_path"] == str(tmp_path / "w" / "a.report.html")


class _Health(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the http.server API
        self.send_response(200 if self.path == "/api/health" else 404)
        self.end_headers()
        self.wfile.write(b"true")

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_api():
    """A stand-in for a Prefect API that only answers /api/health."""
    server = HTTPServer(("127.0.0.1", 0), _Health)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api"
    server.shutdown()
    server.server_close()


@pytest.fixture
def clean_env(tmp_path: Path, monkeypatch) -> Path:
    home = tmp_path / "prefect-home"
    monkeypatch.setenv("PREFECT_HOME", str(home))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    return home


def write_note(home: Path, api_url: str, pid: int) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / prefect_env.SERVER_NOTE).write_text(json.dumps({"api_url": api_url, "pid": pid}), encoding="utf-8")


def test_configure_prefect_reuses_a_running_akhbar_server(clean_env: Path, fake_api: str):
    write_note(clean_env, fake_api, os.getpid())
    assert prefect_env.configure_prefect() == fake_api
    assert os.environ["PREFECT_API_URL"] == fake_api


@pytest.mark.parametrize(
    "note",
    [
        pytest.param("dead-pid", id="server-process-gone"),
        pytest.param("no-answer", id="server-not-answering"),
        pytest.param("garbage", id="unreadable-note"),
    ],
)
@pytest.mark.slow
def test_configure_prefect_ignores_a_stale_note(clean_env: Path, note: str):
    if note == "dead-pid":
        finished = subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
        )
        write_note(clean_env, "http://127.0.0.1:9/api", int(finished.stdout))
    elif note == "no-answer":
        write_note(clean_env, f"http://127.0.0.1:{prefect_env.free_port(0)}/api", os.getpid())
    else:
        clean_env.mkdir(parents=True)
        (clean_env / prefect_env.SERVER_NOTE).write_text("{not json", encoding="utf-8")
    assert prefect_env.configure_prefect() is None
    assert "PREFECT_API_URL" not in os.environ


def test_an_explicit_api_url_wins_and_starts_nothing(clean_env: Path, fake_api: str, monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", fake_api)
    with prefect_env.local_server() as url:
        assert url == fake_api
    assert not (clean_env / prefect_env.SERVER_NOTE).exists()


def test_an_explicit_api_url_that_does_not_answer_is_one_clear_error(clean_env: Path, monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", f"http://127.0.0.1:{prefect_env.free_port(0)}/api")
    with pytest.raises(AkhbarError, match="does not answer"):
        with prefect_env.local_server():
            pass


def test_cli_serve_refuses_a_missing_inbox(tmp_path: Path, capsys):
    from flows.cli import main

    assert main(["serve", "--interval", "5", "--inbox", str(tmp_path / "nowhere")]) == 1
    assert "not a folder" in capsys.readouterr().err


@pytest.mark.slow
def test_a_scheduled_run_fires_and_serve_stops_its_server(tmp_path: Path):
    """`akhbar serve --interval 5` with no PREFECT_API_URL: it starts a Prefect server, the schedule runs the
    ingest flow (the dropped file reaches the snapshot within 90 s of serving), and SIGTERM stops both."""
    inbox, home = tmp_path / "inbox", tmp_path / "prefect-home"
    inbox.mkdir()
    (inbox / "visit.txt").write_text("زيارة\nوصل وزير روسي إلى باماكو لبحث التعاون الأمني.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_API_PORT="0", AKHBAR_WORKERS="1")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "flows.cli",
            "serve",
            "--interval",
            "5",
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
        line = ""
        while "serving" not in line:  # the Prefect server's first start (database creation) comes first
            line = server.stderr.readline()
            assert line or server.poll() is None, "serve exited before serving"
        note = json.loads((home / prefect_env.SERVER_NOTE).read_text(encoding="utf-8"))
        assert prefect_env.healthy(note["api_url"])
        assert wait_for_files(tmp_path / "w.snapshot.duckdb", 1, timeout=90), "no scheduled run within 90 s"
    finally:
        server.send_signal(signal.SIGTERM)
        _, err = server.communicate(timeout=60)
    assert server.returncode == 0, err[-2000:]
    assert not (home / prefect_env.SERVER_NOTE).exists()
    assert not prefect_env.healthy(note["api_url"])  # the server serve started is gone
