"""The Prefect reprocess flow: it only wires the plain steps of flows/reprocess.py, adding tasks and a report.

stale articles -> reanalyse (entities, quotes, events, in a process pool) -> load (re-linking events) -> publish
"""

from __future__ import annotations

import datetime as dt

from flows.prefect_env import configure_prefect

configure_prefect()

from prefect import flow, task  # noqa: E402
from prefect.artifacts import create_table_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.context import FlowRunContext  # noqa: E402

from flows import reprocess  # noqa: E402
from flows.settings import LOCK_WAIT_SECONDS, Settings  # noqa: E402
from flows.store.publish import publish_snapshot  # noqa: E402

analyse_batch = task(name="reanalyse-batch", cache_policy=NO_CACHE)(reprocess.analyse_batch)
load_facts = task(name="load-facts", cache_policy=NO_CACHE)(reprocess.load_facts)
publish = task(name="publish-snapshot", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)(publish_snapshot)


@task(name="report", cache_policy=NO_CACHE)
def report(summary: reprocess.ReprocessSummary) -> None:
    create_table_artifact(
        key="akhbar-reprocess-summary",
        table=[{"measure": label, "value": value} for label, value in summary.rows()],
        description=f"akhbar reprocess run {summary.run_id}",
    )


@flow(name="akhbar-reprocess", validate_parameters=False)
def reprocess_flow(
    warehouse_path: str | None = None, everything: bool = False, since: str | None = None
) -> reprocess.ReprocessSummary:
    """Bring stale facts up to the installed extractors; a scheduled run with nothing stale only counts and stops."""
    settings = Settings.from_env(warehouse=warehouse_path)
    context = FlowRunContext.get()
    assert context is not None and context.flow_run is not None  # inside a flow run, by construction
    steps = reprocess.ReprocessSteps(analyse=analyse_batch, load=load_facts, publish=publish)
    summary = reprocess.run_reprocess(
        settings,
        everything=everything,
        since=dt.datetime.fromisoformat(since) if since else None,
        run_id=context.flow_run.id.hex,
        lock_wait=LOCK_WAIT_SECONDS,
        steps=steps,
    )
    report(summary)
    return summary
