"""The package's shape: one folder per stage with its entry point, no import cycle, no development tool inside."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "flows"


def module_graph() -> dict[str, set[str]]:
    """flows module -> the flows modules it imports (at any depth of the file, lazy imports included)."""
    modules = {
        ".".join(p.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__"): p for p in PACKAGE.rglob("*.py")
    }
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                targets = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            for target in targets:
                # importing a package's own submodule from its __init__ is not a cycle through the package
                if target in modules and target != name and not name.startswith(target + "."):
                    graph[name].add(target)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt, path + [nxt])):
                return cycle
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start, [start])):
            return cycle
    return None


def test_no_import_cycle_in_flows() -> None:
    assert find_cycle(module_graph()) is None


@pytest.mark.parametrize(
    "graph, cycle",
    [
        pytest.param({"a": {"b"}, "b": {"c"}, "c": {"a"}}, ["a", "b", "c", "a"], id="three-module-cycle"),
        pytest.param({"a": {"b"}, "b": set()}, None, id="no-cycle"),
    ],
)
def test_the_cycle_finder_finds_cycles(graph, cycle) -> None:
    assert find_cycle(graph) == cycle


@pytest.mark.parametrize(
    "package, entry_point",
    [
        ("flows.read", "article_from_bytes"),
        ("flows.read", "scan_inbox"),
        ("flows.dates", "find_dates"),
        ("flows.nlp.text", "split_sentences"),
        ("flows.nlp.entities", "extract_entities"),
        ("flows.nlp.quotes", "extract_quotes"),
        ("flows.nlp.events", "detect_events"),
        ("flows.nlp.events", "link_events"),
        ("flows.store.warehouse", "load_batch"),
    ],
)
def test_each_stage_exposes_its_entry_point(package: str, entry_point: str) -> None:
    assert callable(getattr(importlib.import_module(package), entry_point))


def test_development_tools_are_not_in_the_package() -> None:
    assert not (PACKAGE / "evaluation").exists() and not (PACKAGE / "bench.py").exists()
    offenders = [
        str(p.relative_to(REPO))
        for p in PACKAGE.rglob("*.py")
        if "bench" in {n.split(".")[0] for n in _imported(p)} or "tests" in {n.split(".")[0] for n in _imported(p)}
    ]
    assert offenders == []  # `akhbar eval` / `akhbar bench` reach bench/ by name, only in a checkout


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


# A test that starts a process or a Prefect flow run takes seconds, not milliseconds: `make test-fast` leaves it out.
PROCESS_CALLS = {"subprocess.run", "subprocess.Popen", "subprocess.check_output", "subprocess.check_call", "Popen"}
FLOW_CALLS = {"ingest_flow", "run_flow", "serve", "watch", "cli_main_in_child"}


def _calls(node: ast.AST) -> set[str]:
    names = set()
    for call in ast.walk(node):
        if isinstance(call, ast.Call):
            names.add(ast.unparse(call.func))
    return names


def _starts_something(calls: set[str]) -> bool:
    return bool(calls & PROCESS_CALLS) or any(c.split(".")[-1] in FLOW_CALLS for c in calls)


def unmarked_slow_tests() -> list[str]:
    """Tests that start a process or a flow run (directly or through one of their module's helpers) without the
    slow mark."""
    found = []
    for path in sorted((REPO / "tests").glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_slow = any(
            isinstance(n, ast.Assign)
            and any(getattr(t, "id", "") == "pytestmark" for t in n.targets)
            and "slow" in ast.unparse(n.value)
            for n in tree.body
        )
        helpers = {n.name: _calls(n) for n in tree.body if isinstance(n, ast.FunctionDef)}
        for node in tree.body:
            if not (isinstance(node, ast.FunctionDef) and node.name.startswith("test_")):
                continue
            calls = _calls(node)
            used = set(calls) | {a.arg for a in node.args.args}  # fixtures of the module count as helpers
            for name in used & set(helpers):
                if name != node.name:
                    calls |= helpers[name]
            slow = module_slow or any("slow" in ast.unparse(d) for d in node.decorator_list)
            if _starts_something(calls) and not slow:
                found.append(f"{path.name}::{node.name}")
    return found


def test_every_test_that_starts_a_process_or_flow_run_is_marked_slow() -> None:
    assert unmarked_slow_tests() == []
