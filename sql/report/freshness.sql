-- freshness: how current the warehouse is: its last ingest run, its newest article, and what it holds in all.
-- No parameters. Dates of articles without a publication date are unknown; num_undated counts them.
with

runs as (
    select * from runs
),

articles as (
    select published_at, ingested_at from articles
),

last_run as (
    select run_id, status, coalesce(finished_at, started_at) as run_at
    from runs
    order by started_at desc
    limit 1
),

totals as (
    select
        count(*) as num_articles,
        count(*) filter (where published_at is null) as num_undated,
        cast(min(published_at) as date) as first_published,
        max(published_at) as newest_published_at,
        max(ingested_at) as newest_ingested_at
    from articles
),

final as (
    select
        last_run.run_id as last_run_id,
        last_run.status as last_run_status,
        last_run.run_at as last_run_at,
        totals.*
    from totals
    left join last_run on true
)

select * from final
