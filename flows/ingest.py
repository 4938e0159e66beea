"""The Prefect ingest flow: it only wires the plain steps of flows/runner.py, adding tasks, retries and a report.

discover -> process (read, decode, extract, entities, quotes, events, in a process pool) -> load -> publish -> report
"""

from __future__ import annotations

import time

from flows.prefect_env import configure_prefect

configure_prefect()

from prefect import flow, task  # noqa: E402
from prefect.artifacts import create_table_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.context import get_run_context  # noqa: E402

from flows import runner, warehouse  # noqa: E402
from flows.lock import warehouse_lock  # noqa: E402
from flows.publish import publish_snapshot  # noqa: E402
from flows.settings import Settings  # noqa: E402

discover = task(runner.discover, name="discover", cache_policy=NO_CACHE)
process_batch = task(runner.process_batch, name="process-batch", cache_policy=NO_CACHE)
load_batch = task(runner.load_outcomes, name="load-batch", cache_policy=NO_CACHE)
# Publishing is retried: a dashboard reading the old snapshot at the rename is the one race worth a second try.
publish = task(publish_snapshot, name="publish-snapshot", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)


@task(name="report", cache_policy=NO_CACHE)
def report(summary: runner.RunSummary) -> None:
    create_table_artifact(
        key="akhbar-run-summary",
        table=[{"measure": label, "value": value} for label, value in summary.rows()],
        description=f"akhbar ingest run {summary.run_id}",
    )


@flow(name="akhbar-ingest", validate_parameters=False)
def ingest_flow(inbox: str | None = None, warehouse_path: str | None = None) -> runner.RunSummary:
    settings = Settings.from_env(inbox=inbox, warehouse=warehouse_path)
    started = time.perf_counter()
    summary = runner.new_run(settings, str(get_run_context().flow_run.id).replace("-", "")[:12])
    with warehouse_lock(settings.warehouse), warehouse.opened(settings.warehouse) as con:
        warehouse.start_run(con, summary.run_id, summary.started_at)
        todo = discover(settings, con, summary)
        pool = runner.make_pool(settings, len(todo))
        try:
            for batch in runner.batches(todo, settings.batch_size):
                load_batch(con, process_batch(batch, settings, pool), summary)
                runner.report_progress(summary, len(todo))
        except BaseException:
            runner.finish(con, summary, started, status="failed")
            raise
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        runner.finish(con, summary, started)
    if settings.publish:
        publish(settings.warehouse)
    report(summary)
    return summary
