"""The Prefect ingest flow: it only wires the plain steps of flows/runner.py, adding tasks, retries and a report.

discover -> process (read, decode, extract, entities, quotes, events, in a process pool) -> load -> publish -> report
"""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Iterator

from flows.prefect_env import configure_prefect

configure_prefect()

from prefect import flow, task  # noqa: E402
from prefect.artifacts import create_link_artifact, create_table_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.context import FlowRunContext  # noqa: E402

from flows import runner
from flows.errors import AkhbarError  # noqa: E402
from flows.settings import LOCK_WAIT_SECONDS, Settings  # noqa: E402
from flows.store.publish import publish_snapshot  # noqa: E402

discover = task(name="discover", cache_policy=NO_CACHE)(runner.discover)
process_batch = task(name="process-batch", cache_policy=NO_CACHE)(runner.process_batch)
load_batch = task(name="load-batch", cache_policy=NO_CACHE)(runner.load_outcomes)
write_report = task(name="write-report", cache_policy=NO_CACHE)(runner.refresh_report)
# Publishing is retried: a dashboard reading the old snapshot at the rename is the one race worth a second try.
publish = task(name="publish-snapshot", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)(publish_snapshot)


@task(name="report", cache_policy=NO_CACHE)
def report(summary: runner.RunSummary, html_report: Path | None = None) -> None:
    create_table_artifact(
        key="akhbar-run-summary",
        table=[{"measure": label, "value": value} for label, value in summary.rows()],
        description=f"akhbar ingest run {summary.run_id}",
    )
    if html_report is not None:  # a file:// link: the report lives beside the warehouse, on the machine that ran
        create_link_artifact(
            key="akhbar-report",
            link=html_report.resolve().as_uri(),
            link_text=html_report.name,
            description=f"akhbar report after ingest run {summary.run_id}",
        )


# With a Dask cluster, this many batches are in flight at once: enough to keep its workers busy, few enough that
# memory stays flat while the flow loads results in order.
DASK_BATCHES_IN_FLIGHT = 8
LOCAL_BATCHES_IN_FLIGHT = 2  # the batch being loaded and the one the local pool works on


@flow(name="akhbar-ingest", validate_parameters=False)
def ingest_flow(
    inbox: str | None = None,
    warehouse_path: str | None = None,
    distributed: bool = False,
    report_path: str | None = None,
) -> runner.RunSummary:
    """One ingest run: the plain run's steps, as tasks. ``distributed``: batches go to the flow's Dask workers.
    ``report_path``: rewrite the HTML report there at the end of the run, and link it from the run's artifacts."""
    settings = Settings.from_env(inbox=inbox, warehouse=warehouse_path, report=report_path)
    steps = runner.Steps(
        discover=discover,
        process=_on_cluster if distributed else _locally,
        load=load_batch,
        publish=publish,
        report=write_report,
        local_pool=not distributed,
    )
    # The full id: Prefect's flow-run ids are UUIDv7, whose first digits are a timestamp shared by runs a scheduler
    # creates in the same millisecond.
    context = FlowRunContext.get()
    assert context is not None and context.flow_run is not None  # inside a flow run, by construction
    summary = runner.run_ingest(settings, context.flow_run.id.hex, LOCK_WAIT_SECONDS, steps)
    report(summary, settings.report)
    return summary


def _locally(todo, settings: Settings, pool) -> Iterator[list]:
    """Batches submitted to the flow's thread task runner, which hands them to the local pool: the next batch is
    processed while this one loads (as runner.process_locally does for the plain run). Without a pool (a run of a few
    files) each batch is processed here, in the flow's main thread, where the per-file time limit (SIGALRM) works."""
    if pool is None:
        return (process_batch(batch, settings, None) for batch in runner.batches(todo, settings.batch_size))
    return _submitted(todo, settings, pool, LOCAL_BATCHES_IN_FLIGHT)


def _on_cluster(todo, settings: Settings, pool=None) -> Iterator[list]:
    """Batches submitted to the flow's task runner (Dask), results taken back in order, a bounded number in flight."""
    return _submitted(todo, settings, None, DASK_BATCHES_IN_FLIGHT)


def _submitted(todo, settings: Settings, pool, most: int) -> Iterator[list]:
    in_flight: deque = deque()
    for batch in runner.batches(todo, settings.batch_size):
        in_flight.append(process_batch.submit(batch, settings, pool))
        if len(in_flight) >= most:
            yield in_flight.popleft().result()
    while in_flight:
        yield in_flight.popleft().result()


def run_flow(settings: Settings, dask_address: str | None = None) -> runner.RunSummary:
    """Run the flow in this process; on a Dask cluster when ``dask_address`` is given (needs the `dask` extra)."""
    report_path = str(settings.report) if settings.report else None
    if not dask_address:
        return ingest_flow(inbox=str(settings.inbox), warehouse_path=str(settings.warehouse), report_path=report_path)
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError as error:
        raise AkhbarError("--dask needs the dask extra: pip install -e '.[dask]'") from error
    flow_on_dask = ingest_flow.with_options(task_runner=DaskTaskRunner(address=dask_address))  # type: ignore[arg-type]
    return flow_on_dask(
        inbox=str(settings.inbox), warehouse_path=str(settings.warehouse), distributed=True, report_path=report_path
    )
