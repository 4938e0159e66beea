"""akhbar installs as a normal wheel: the package list is complete, sql/ ships inside it, and an installed wheel
ingests the sample inbox from a folder that is not the checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_every_package_of_flows_is_listed_for_the_wheel() -> None:
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "flows").rglob("__init__.py")}
    assert on_disk | {"flows.sql"} == listed


def test_sql_is_found_through_the_package() -> None:
    from flows.resources import sql_dir, sql_text

    assert "create table if not exists articles" in sql_text("schema.sql")
    assert sql_dir().joinpath("views").is_dir()


@pytest.mark.slow
def test_a_wheel_installs_in_a_fresh_venv_and_ingests_from_another_folder(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)],
        check=True,
        capture_output=True,
    )
    wheel = next(wheels.glob("akhbar-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "-c", str(REPO / "constraints.txt"), str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(REPO / "inbox", elsewhere / "inbox")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AKHBAR_", "PREFECT_", "PYTHON"))}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    done = subprocess.run(
        [str(venv / "bin" / "akhbar"), "ingest", "--no-prefect"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import flows; print(flows.__file__)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(venv) in where.stdout  # the installed copy, not the checkout
    status = subprocess.run(
        [str(venv / "bin" / "akhbar"), "sql", "select count(*) from articles"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert any(line.strip().isdigit() and int(line.strip()) >= 10 for line in status.stdout.splitlines()), status.stdout
    eval_run = subprocess.run(
        [str(venv / "bin" / "akhbar"), "eval", "dates"], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert eval_run.returncode != 0 and "source checkout" in eval_run.stderr
