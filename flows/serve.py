"""`akhbar serve`: the ingest flow as a Prefect deployment on an interval or cron schedule, until stopped.

Prefect's temporary API cannot schedule, so without PREFECT_API_URL this starts a local `prefect server start`
(and stops it on exit); the Prefect UI at that address shows the deployment and its runs. With PREFECT_API_URL
set, the deployment goes to that server instead. Runs are executed by this process (flow.serve), one at a time;
a run that finds another akhbar run writing the warehouse stops with that message, and the next run picks up
whatever it missed.
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

from flows.errors import AkhbarError
from flows.prefect_env import local_server, stop_like_ctrl_c
from flows.read.discover import require_inbox_folder
from flows.settings import Settings

DEFAULT_INTERVAL_SECONDS = 300.0
DEPLOYMENT_NAME = "akhbar-scheduled"


def schedule_for(interval: float | None, cron: str | None) -> dict[str, Any]:
    """The keyword arguments flow.serve takes for the schedule: an interval (default 300 s) or a cron string."""
    if interval is not None and cron is not None:
        raise AkhbarError("give --interval or --cron, not both")
    if cron is not None:
        if len(cron.split()) not in (5, 6):
            raise AkhbarError(f"--cron {cron!r} is not a cron expression (five fields, e.g. '*/15 * * * *')")
        return {"cron": cron}
    seconds = DEFAULT_INTERVAL_SECONDS if interval is None else interval
    if seconds <= 0:
        raise AkhbarError(f"--interval must be a positive number of seconds, not {seconds:g}")
    return {"interval": seconds}


def flow_parameters(settings: Settings) -> dict[str, str | None]:
    """Absolute paths: runs are executed in child processes that need not share our working directory."""
    return {
        "inbox": str(settings.inbox.resolve()),
        "warehouse_path": str(settings.warehouse.resolve()),
        "report_path": str(settings.report.resolve()) if settings.report else None,
    }


def serve(settings: Settings, interval: float | None, cron: str | None) -> int:
    """Serve the ingest flow on its schedule until SIGINT/SIGTERM; 0 when stopped cleanly."""
    schedule = schedule_for(interval, cron)
    require_inbox_folder(settings.inbox)
    with local_server() as api_url:
        # Prefect only now: it reads PREFECT_API_URL at import.
        from prefect.deployments.runner import EntrypointType
        from prefect.runner import Runner

        from flows.ingest import ingest_flow

        # What flow.serve does, with one change: SIGTERM stops the runner the way Ctrl-C does. Prefect 3.8.8's
        # own SIGTERM handler leaves Runner.astop un-awaited and the process can linger after it.
        runner = Runner(name=DEPLOYMENT_NAME, pause_on_shutdown=True, limit=1)  # one run at a time from here
        runner.add_flow(
            ingest_flow,
            name=DEPLOYMENT_NAME,
            parameters=flow_parameters(settings),
            entrypoint_type=EntrypointType.MODULE_PATH,  # flows.ingest.ingest_flow, whatever the cwd
            **schedule,
        )
        runner.handle_sigterm = stop_like_ctrl_c  # type: ignore[method-assign]  # Runner.start installs self.handle_sigterm for SIGTERM
        when = f"every {schedule['interval']:g} s" if "interval" in schedule else f"on cron {schedule['cron']!r}"
        print(
            f"akhbar: serving {DEPLOYMENT_NAME} {when} for {settings.inbox} -> {settings.warehouse} "
            f"(API {api_url}); Ctrl-C stops",
            file=sys.stderr,
            flush=True,
        )
        try:
            asyncio.run(runner.start())
        except KeyboardInterrupt:
            print("akhbar: stopping", file=sys.stderr, flush=True)
    return 0
