"""What every worker would otherwise build for itself, built once in the pool's forkserver, which the workers are
forked from (``flows.runner.make_pool`` names this module to ``set_forkserver_preload``).

A worker's first file paid about 1 s of CPU before its real work: the stage modules and trafilatura imported, the
date grammar compiled, the tagger's model and word clusters, the gazetteer and the lexicons read, trafilatura's own
patterns compiled. Each pool worker paid it, so a run on two cores paid it twice; built here it is paid once a run,
and the workers start with it in memory (copy-on-write). Nothing here starts a thread (no Polars, no DuckDB): a fork
of a process with threads could copy a lock mid-use. The caches filled are the pure ones every file fills anyway, so
no result depends on whether this ran; a failure here only leaves each worker to warm itself, as before.
"""

from __future__ import annotations

import atexit
import gc

# A page of our own writing (not from any corpus) that takes every stage's path: HTML extraction, a dateline and a
# date, titled and bare names, a place, an organisation, a quote with its speaker, an event.
SAMPLE_PAGE = """<html><head><meta charset="utf-8"><title>وزير الخارجية يزور القاهرة</title></head><body>
<nav><a href="/">الرئيسية</a> | <a href="/news">أخبار</a></nav>
<article><h1>وزير الخارجية يزور القاهرة</h1><p>القاهرة - الأحد 12 مارس 2023</p>
<p>قال وزير الخارجية سامي الحداد إن "المحادثات مع الحكومة المصرية كانت مثمرة" خلال زيارته العاصمة أمس.</p>
<p>واستقبل الرئيس المصري الوزير في قصر الاتحادية، وبحث الجانبان التعاون بين البلدين ووقعا اتفاقية للتجارة.</p>
<p>وأعلنت وزارة الداخلية اعتقال ثلاثة أشخاص في مدينة الإسكندرية بعد احتجاجات يوم الخميس الماضي.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""


def warm_up() -> None:
    """Run the sample page through the per-file chain, as a worker's first file would."""
    from flows.nlp.entities.tagger import load_model
    from flows.pipeline import analyse, document_for
    from flows.read import article_from_bytes
    from flows.read.textclean import clean_text

    load_model()
    article = article_from_bytes(SAMPLE_PAGE.encode("utf-8"), ".html", {})
    analyse(document_for(article))
    clean_text(article.body_text)


def freeze_warm_state() -> None:
    """Keep what the warm-up built out of the garbage collector's passes in the workers (gc.freeze, as the gc module
    advises before forking): it lives as long as they do, and every full collection walked all of it again. One
    process warmed like a worker, then 400 bench pages: 0.24 -> 0.07 s of full collections (about 0.4 ms of CPU a
    page); nothing is freed that would have been (after gc.collect, the frozen objects are all reachable). A process
    that exits normally (the forkserver itself, or any that imported this module) unfreezes them first, so that its
    shutdown frees them as before (pool workers leave through os._exit)."""
    gc.collect()
    gc.freeze()
    atexit.register(gc.unfreeze)


try:
    warm_up()
except Exception:  # noqa: BLE001, S110 - warming is an optimisation: each worker warms itself when it fails
    pass
freeze_warm_state()
