"""Issue 7, security: nothing outside the inbox is read, HTML is parsed and never run, an ingest opens no network
connection, `akhbar sql` cannot write without --write, and SQL built from user values is parameterized.

File and socket access are watched with a Python audit hook (sys.addaudithook): it sees every open(), os.open(),
os.scandir() and socket connect made by Python code. libxml2 (under lxml) and DuckDB open files in C, out of its
sight: for them the tests check content instead (a marker word written outside the inbox never reaches a table).
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from flows import cli, runner
from flows.pipeline import process_file
from flows.read import read_sidecar
from flows.read.discover import scan_inbox
from flows.settings import Settings
from flows.store import warehouse
from tests import helpers_badinput as h

REPO = Path(__file__).resolve().parents[1]
WATCHED_EVENTS = ("open", "os.scandir", "os.listdir", "socket.connect", "socket.getaddrinfo")
_recorded: list[list[tuple[str, tuple]]] = []  # the active recorders (audit hooks cannot be removed, only muted)


def _audit(event: str, args: tuple) -> None:
    if _recorded and event in WATCHED_EVENTS:
        _recorded[-1].append((event, args))
        if event.startswith("socket.") and not _allowed_socket(event, args):
            raise ConnectionRefusedError(f"akhbar tried the network during ingest: {event} {args[1:]}")


sys.addaudithook(_audit)


def _allowed_socket(event: str, args: tuple) -> bool:
    """Only a Unix socket (the process pool's forkserver) may be connected during a plain ingest."""
    if event == "socket.connect":
        return args[0].family == socket.AF_UNIX
    return False


@pytest.fixture
def audited() -> Iterator[list[tuple[str, tuple]]]:
    events: list[tuple[str, tuple]] = []
    _recorded.append(events)
    try:
        yield events
    finally:
        _recorded.remove(events)


def paths_touched(events: list[tuple[str, tuple]]) -> list[str]:
    touched = []
    for event, args in events:
        if event in ("open", "os.scandir", "os.listdir") and args and isinstance(args[0], (str, bytes, os.PathLike)):
            touched.append(os.path.realpath(os.fsdecode(args[0])))
    return touched


@pytest.fixture
def layout(tmp_path: Path, monkeypatch) -> dict[str, Path]:
    """An inbox full of ways out, and an outside folder holding a secret article and a secret sidecar."""
    inbox, outside = tmp_path / "inbox", tmp_path / "outside"
    inbox.mkdir()
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text(h.article_text(80) + h.OUTSIDE_MARKER + "\n", encoding="utf-8")
    (outside / "secret.meta.json").write_text(f'{{"title": "{h.OUTSIDE_MARKER}"}}', encoding="utf-8")
    (outside / "nested").mkdir()
    (outside / "nested" / "deep.txt").write_text(h.article_text(81) + h.OUTSIDE_MARKER, encoding="utf-8")
    (inbox / "ok.txt").write_text(h.article_text(82), encoding="utf-8")
    (inbox / "ok.meta.json").symlink_to(outside / "secret.meta.json")  # a sidecar that is a way out
    (inbox / "link.txt").symlink_to(secret)
    (inbox / "relative.txt").symlink_to(Path("..") / "outside" / "secret.txt")
    (inbox / "folder-link").symlink_to(outside / "nested", target_is_directory=True)
    (inbox / "sub").mkdir()
    (inbox / "sub-link").symlink_to(inbox / "sub", target_is_directory=True)  # inside: its files are found in sub/
    (inbox / "sub" / "up.txt").symlink_to(Path("..") / ".." / "outside" / "secret.txt")
    (inbox / "..%2foutside%2fsecret.txt").write_text(h.article_text(83), encoding="utf-8")  # a name, not a path
    (inbox / "xxe.html").write_bytes(h.xxe_page(secret))
    (inbox / "script.html").write_bytes(h.script_page(tmp_path / "script-ran"))
    return {"inbox": inbox, "outside": outside, "warehouse": tmp_path / "w.duckdb", "root": tmp_path}


def ingest(layout: dict[str, Path]) -> runner.RunSummary:
    return runner.run_ingest(Settings(inbox=layout["inbox"], warehouse=layout["warehouse"], workers=1, publish=False))


def all_text(warehouse_path: Path) -> str:
    with warehouse.opened(warehouse_path, read_only=True) as con:
        rows = [str(row) for table in warehouse.TABLES for row in con.execute(f"select * from {table}").fetchall()]
    return "\n".join(rows)


def test_nothing_outside_the_inbox_is_opened_or_listed(layout: dict[str, Path], audited) -> None:
    summary = ingest(layout)
    outside = str(layout["outside"].resolve())
    assert [p for p in paths_touched(audited) if p.startswith(outside)] == []
    assert h.OUTSIDE_MARKER not in all_text(layout["warehouse"])
    assert summary.loaded >= 2  # the run itself went on


def test_links_out_are_quarantined_with_their_reason(layout: dict[str, Path]) -> None:
    summary = ingest(layout)
    reasons = dict(summary.quarantined_files)
    for name in ("link.txt", "relative.txt", "sub/up.txt", "folder-link"):  # a folder link is reported, not walked
        assert reasons.get(name) == "symlink pointing outside the inbox: not read"
    assert "..%2foutside%2fsecret.txt" not in reasons  # an odd name is just a name: it loads
    assert not [name for name in reasons if name.startswith("sub-link")]


def test_a_sidecar_link_out_is_ignored_with_a_warning(layout: dict[str, Path]) -> None:
    fields, warning = read_sidecar(layout["inbox"] / "ok.txt")
    assert fields == {}
    assert warning == "sidecar ok.meta.json ignored: a symlink (sidecars are read only as plain files)"


def test_a_file_swapped_for_a_link_out_after_discovery_is_not_read(layout: dict[str, Path], audited) -> None:
    path = layout["inbox"] / "ok.txt"
    [item] = [i for i in scan_inbox(layout["inbox"]) if i.rel_path == "ok.txt"]
    path.unlink()
    path.symlink_to(layout["outside"] / "secret.txt")
    outcome = process_file(item, Settings(inbox=layout["inbox"]))
    assert outcome.error == "symlink pointing outside the inbox: not read"
    outside = str(layout["outside"].resolve())
    assert [p for p in paths_touched(audited) if p.startswith(outside)] == []


def test_html_is_parsed_never_run(layout: dict[str, Path]) -> None:
    ingest(layout)
    assert not (layout["root"] / "script-ran").exists()
    with warehouse.opened(layout["warehouse"], read_only=True) as con:
        [(body,)] = con.execute("select body_text from articles where source_path = 'script.html'").fetchall()
    assert "writeFileSync" not in body and "وزير الخارجية الروسي" in body


def test_the_network_guard_refuses_a_connect(audited) -> None:
    with pytest.raises(ConnectionRefusedError, match="akhbar tried the network"):
        socket.create_connection(("192.0.2.1", 9), timeout=1)  # TEST-NET-1: never routed


def test_a_plain_ingest_opens_no_network_connection(layout: dict[str, Path], audited) -> None:
    summary = ingest(layout)  # the audit hook raises on any connect that is not a Unix socket
    assert summary.status == "completed"
    assert [e for e in audited if e[0].startswith("socket.")] == []


# The flow talks to Prefect's local API over loopback; anything else is refused and logged by this driver.
FLOW_DRIVER = """
import ipaddress, socket, sys
log = open(sys.argv[3], "w")
def allowed(address):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(address, (str, bytes)):
        return True  # AF_UNIX path
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
loopback = []
def hook(event, args):
    if event == "socket.connect" and args[0].family != socket.AF_UNIX and allowed(args[1]):
        loopback.append(args[1])
    if event == "socket.connect" and args[0].family != socket.AF_UNIX and not allowed(args[1]):
        log.write(f"{event} {args[1]}\\n"); log.flush()
        raise ConnectionRefusedError(f"network during ingest: {args[1]}")
    if event == "socket.getaddrinfo" and not allowed((args[0],)):
        log.write(f"{event} {args[0]}\\n"); log.flush()
        raise ConnectionRefusedError(f"name lookup during ingest: {args[0]}")
sys.addaudithook(hook)
sys.path.insert(0, ".")
from flows.ingest import ingest_flow
summary = ingest_flow(inbox=sys.argv[1], warehouse_path=sys.argv[2])
print("STATUS", summary.status, summary.loaded)
print("LOOPBACK", len(loopback))
"""


@pytest.mark.slow
def test_the_prefect_flow_talks_to_loopback_only(layout: dict[str, Path]) -> None:
    log = layout["root"] / "network.log"
    env = {**os.environ, "AKHBAR_WORKERS": "1", "PREFECT_HOME": str(layout["root"] / "prefect")}
    result = subprocess.run(
        [sys.executable, "-c", FLOW_DRIVER, str(layout["inbox"]), str(layout["warehouse"]), str(log)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "STATUS completed" in result.stdout
    assert log.read_text() == ""
    assert "LOOPBACK 0" not in result.stdout  # the hook saw the flow's API calls: it was watching


STRACED_CALLS = "open,openat,openat2,creat,connect,sendto,sendmsg"
STRACE_LINE = re.compile(r"^(\d+)\s+(\w+)\((.*)$")


@pytest.mark.slow
def test_under_strace_no_process_opens_a_file_outside_or_a_network_socket(layout: dict[str, Path]) -> None:
    """What the audit hook cannot see: C code (libxml2, DuckDB) and the worker processes. strace -f sees them all."""
    if shutil.which("strace") is None:
        pytest.skip("strace is not installed")
    for n in range(10):  # enough files for a process pool (MIN_FILES_FOR_POOL) with two workers
        (layout["inbox"] / f"more-{n}.txt").write_text(h.article_text(200 + n), encoding="utf-8")
    log = layout["root"] / "strace.log"
    command = [
        "strace",
        "-f",
        "-qq",
        "-e",
        f"trace={STRACED_CALLS}",
        "-o",
        str(log),
        *[sys.executable, "-m", "tests.helpers_badinput"],
        "ingest",
        "--no-prefect",
        "--quiet",
        "--inbox",
        str(layout["inbox"]),
        "--warehouse",
        str(layout["warehouse"]),
    ]
    result = subprocess.run(
        command, cwd=REPO, env={**os.environ, "AKHBAR_WORKERS": "2"}, capture_output=True, text=True, timeout=300
    )
    if "ptrace" in result.stderr and result.returncode != 0:
        pytest.skip(f"strace cannot trace here: {result.stderr.strip()[:200]}")
    assert result.returncode == 0, result.stderr[-2000:]
    outside = str(layout["outside"].resolve())
    links_out = {str(layout["inbox"] / name) for name in ("link.txt", "relative.txt", "sub/up.txt", "ok.meta.json")}
    opened, network, pids, inbox_reads = [], [], set(), []
    for line in log.read_text(errors="replace").splitlines():
        match = STRACE_LINE.match(line)
        if not match:
            continue
        pid, call, rest = match.groups()
        pids.add(pid)
        if call.startswith(("open", "creat")):
            path = rest.split('"')[1] if '"' in rest else ""
            if path.startswith(outside) or path in links_out:
                opened.append(line)
            if path.endswith("/more-0.txt"):
                inbox_reads.append(pid)
        elif call in ("connect", "sendto", "sendmsg") and ("AF_INET" in rest or "AF_INET6" in rest):
            network.append(line)
    assert opened == []
    assert network == []
    assert len(pids) >= 3, "the pool's worker processes were traced too"  # main, forkserver, workers
    assert inbox_reads, "the trace saw the inbox files being read: it was watching the right calls"


# ---- akhbar sql is read-only unless --write ------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sqlro")
    inbox = root / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(h.article_text(84), encoding="utf-8")
    runner.run_ingest(Settings(inbox=inbox, warehouse=root / "w.duckdb", workers=1, publish=False))
    return root / "w.duckdb"


def snapshot_of(path: Path) -> dict[str, list]:
    with warehouse.opened(path, read_only=True) as con:
        tables = [r[0] for r in con.execute("select table_name from information_schema.tables order by 1").fetchall()]
        return {
            t: sorted(map(str, con.execute(f"select * from {warehouse.sql_identifier(t)}").fetchall())) for t in tables
        }


WRITES = [
    pytest.param("insert into runs (run_id, started_at, status) values ('x', now(), 'x')", id="insert"),
    pytest.param("update files set status = 'loaded'", id="update"),
    pytest.param("delete from articles", id="delete"),
    pytest.param("drop table quotes", id="drop-table"),
    pytest.param("create table evil (x int)", id="create-table"),
    pytest.param("create view evil as select 1", id="create-view"),
    pytest.param("alter table files add column evil int", id="alter-table"),
    pytest.param("truncate files", id="truncate"),
]
FILE_WRITES = [
    pytest.param("copy (select * from articles) to '{out}'", id="copy-to-a-file"),
    pytest.param("export database '{out}'", id="export-database"),
]


@pytest.mark.parametrize("statement", WRITES)
def test_sql_without_write_changes_nothing(built: Path, statement: str, capsys) -> None:
    before = snapshot_of(built)
    assert cli.main(["sql", "--warehouse", str(built), statement]) == cli.EXIT_ERROR
    assert "akhbar: SQL error" in capsys.readouterr().err
    assert snapshot_of(built) == before


@pytest.mark.parametrize(
    "statement",
    [
        pytest.param("attach '/tmp/akhbar-never-created.duckdb' as other", id="attach-a-missing-file"),
        pytest.param("select * from read_csv('/tmp/akhbar-no-such.csv')", id="read-a-missing-csv"),
    ],
)
def test_a_statement_reading_a_missing_file_is_a_sql_error_not_a_damaged_warehouse(
    built: Path, statement: str, capsys
) -> None:
    before = snapshot_of(built)
    assert cli.main(["sql", "--warehouse", str(built), statement]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "akhbar: SQL error" in err and "aside" not in err
    assert snapshot_of(built) == before
    assert not Path("/tmp/akhbar-never-created.duckdb").exists()


@pytest.mark.parametrize("statement", FILE_WRITES)
def test_sql_without_write_writes_no_file(built: Path, statement: str, tmp_path: Path) -> None:
    out = tmp_path / "out.file"
    cli.main(["sql", "--warehouse", str(built), statement.format(out=out)])
    assert not out.exists()


def test_sql_with_write_does_write(built: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(built.read_bytes())
    assert cli.main(["sql", "--warehouse", str(copy), "--write", "create table notes (x int)"]) == cli.EXIT_OK
    assert "notes" in snapshot_of(copy)


# ---- SQL built from user values is parameterized --------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("'; drop table files; --", id="quote-then-drop"),
        pytest.param("x' or '1'='1", id="always-true"),
        pytest.param("خبر'\"; --", id="arabic-with-quotes"),
    ],
)
def test_values_go_through_bound_parameters(built: Path, value: str) -> None:
    with warehouse.opened(built, read_only=True) as con:
        assert warehouse.query(con, "select ? as v", [value]) == (["v"], [(value,)])
        assert warehouse.query(con, "select count(*) from files where file_path = ?", [value])[1] == [(0,)]


def test_names_that_look_like_sql_are_stored_as_they_are(tmp_path: Path, monkeypatch) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    names = ["'; drop table files; --.txt", "x' or '1'='1.txt"]
    for n, name in enumerate(names):
        (inbox / name).write_text(h.article_text(85 + n), encoding="utf-8")
    settings = Settings(inbox=inbox, warehouse=tmp_path / "w.duckdb", workers=1, publish=False)
    runner.run_ingest(settings)
    again = runner.run_ingest(settings)  # known_files() matched both names: nothing new
    assert again.new == 0
    with warehouse.opened(settings.warehouse, read_only=True) as con:
        stored = sorted(r[0] for r in con.execute("select file_path from files").fetchall())
    assert stored == sorted(names)


# Every f-string that reaches execute()/sql() in flows/ may interpolate only these: identifiers that come from the
# code itself (table and column names from constants, SQL fragments built from them), or values escaped by
# sql_literal/sql_identifier. A new name here needs a reviewer's look: is it a user value?
TRUSTED_INTERPOLATIONS = frozenset(
    {
        "table",
        "t",
        "name",
        "column",
        "columns",
        "retry",
        "updates",
        "view",
        "where",
        "order",
        "select",
        "limit",
        "sql_literal",
        "sql_identifier",
        "_insert_sql",
        "retried",
        "placeholders",
        "cols",
        "target",
        "source",
        "query",
    }
)


def _interpolated_names(node: ast.JoinedStr) -> list[str]:
    names = []
    for value in node.values:
        if isinstance(value, ast.FormattedValue):
            inner = value.value
            while isinstance(inner, (ast.Call, ast.Subscript)):
                inner = inner.func if isinstance(inner, ast.Call) else inner.value
            if isinstance(inner, ast.Attribute):
                names.append(inner.attr)  # warehouse.sql_identifier(...), self.table
            else:
                names.append(inner.id if isinstance(inner, ast.Name) else ast.dump(inner))
    return names


def test_sql_is_never_formatted_with_user_values() -> None:
    untrusted = []
    for path in sorted((REPO / "flows").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr not in ("execute", "sql", "executemany") or not node.args:
                continue
            first = node.args[0]
            if isinstance(first, ast.JoinedStr):
                bad = [n for n in _interpolated_names(first) if n not in TRUSTED_INTERPOLATIONS]
                if bad:
                    untrusted.append(f"{path.relative_to(REPO)}:{node.lineno}: {bad}")
            elif isinstance(first, ast.BinOp) and isinstance(first.op, (ast.Add, ast.Mod)):
                untrusted.append(f"{path.relative_to(REPO)}:{node.lineno}: SQL built with + or %")
    assert untrusted == []
