"""Build N realistic saved news pages from the ANT corpus: several site templates, 30-200 KB each, a share in
windows-1256 and a share as .txt copy-pastes. Deterministic: the same (N, seed) gives the same bytes, and the
corpus of N is the first N files of any larger corpus with the same seed (so subsets can be hard links).

    python -m bench.perf.corpus OUT_DIR -n 200 [--seed 6]

Article text: ANT corpus v1.1 — A. Chouigui, O. Ben Khiroun, B. Elayeb. ANT Corpus: An Arabic News Text
Collection for Textual Classification. AICCSA 2017.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Sequence

from bench.ant import ANT_CITATION, DEFAULT_ANT_TARBALL, AntArticle, read_ant
from bench.perf.filler import esc, fill, footer, nav_menu, template, ticker, vocab

DEFAULT_SEED = 6  # issue 6
HTML_TEMPLATES = ("portal.html", "legacy.html", "magazine.html", "wire.html")
# Shares chosen to look like an analyst's inbox: most pages saved as HTML, about one in seven pasted as text; among
# HTML a quarter from older Arabic sites still serving windows-1256; among .txt a fifth saved by Windows Notepad in
# the ANSI code page (windows-1256, CRLF).
TXT_SHARE = 0.15
HTML_CP1256_SHARE = 0.25
TXT_CP1256_SHARE = 0.20
MIN_PAGE_KB, MAX_PAGE_KB = 30, 200
# Headroom below the maximum for the last filler piece (filler.MAX_PIECE_CHARS, up to 2 bytes a character).
SIZE_SLACK_BYTES = 8 * 1024
# Other articles a page draws its related/teaser blocks from.
RELATED_POOL = 40
CHARSET_LABEL = {"utf-8": "utf-8", "cp1256": "windows-1256"}


@dataclass(frozen=True, slots=True)
class Page:
    name: str  # file name in the inbox
    kind: str  # "html" or "txt"
    encoding: str  # "utf-8" or "windows-1256"
    template: str
    target_bytes: int  # 0 for .txt: a copy-paste is as long as what was copied
    size_bytes: int
    docno: str  # the ANT article it carries


def page_count(n: int | None, articles: Sequence[AntArticle]) -> int:
    """N pages, at most one per article (a repeated article would only measure the duplicate path)."""
    return len(articles) if n is None else min(n, len(articles))


def build_corpus(
    out_dir: Path,
    n: int | None = None,
    seed: int = DEFAULT_SEED,
    *,
    articles: Sequence[AntArticle] | None = None,
    tarball: Path = DEFAULT_ANT_TARBALL,
    min_kb: int = MIN_PAGE_KB,
    max_kb: int = MAX_PAGE_KB,
) -> list[Page]:
    """Write the first ``n`` pages (all articles when None) into ``out_dir``; the pages, in order."""
    articles = list(articles) if articles is not None else read_ant(tarball)
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    out_dir.mkdir(parents=True, exist_ok=True)
    pages = []
    for index in range(page_count(n, articles)):
        rng = random.Random(f"{seed}:{index}")
        article = articles[order[index]]
        others = [articles[j] for j in rng.sample(range(len(articles)), min(RELATED_POOL, len(articles)))]
        name, data, page = render_page(index, article, others, rng, min_kb, max_kb)
        (out_dir / name).write_bytes(data)
        pages.append(page)
    return pages


def render_page(
    index: int, article: AntArticle, others: Sequence[AntArticle], rng: random.Random, min_kb: int, max_kb: int
) -> tuple[str, bytes, Page]:
    site, domain = rng.choice(vocab()["sites"])
    if rng.random() < TXT_SHARE:
        codec = "cp1256" if rng.random() < TXT_CP1256_SHARE else "utf-8"
        data = render_txt(article, others, rng, codec)
        name = f"{index:05d}-{article.docno}.txt"
        return name, data, Page(name, "txt", CHARSET_LABEL[codec], "copy_paste.txt", 0, len(data), article.docno)
    codec = "cp1256" if rng.random() < HTML_CP1256_SHARE else "utf-8"
    chosen = rng.choice(HTML_TEMPLATES)
    target = rng.randint(min_kb * 1024, max(min_kb * 1024, max_kb * 1024 - SIZE_SLACK_BYTES))
    data = render_html(chosen, article, others, rng, codec, site, domain, target)
    name = f"{index:05d}-{article.docno}.html"
    return name, data, Page(name, "html", CHARSET_LABEL[codec], chosen, target, len(data), article.docno)


def render_html(
    chosen: str,
    article: AntArticle,
    others: Sequence[AntArticle],
    rng: random.Random,
    codec: str,
    site: str,
    domain: str,
    target: int,
) -> bytes:
    def encode(text: str) -> bytes:
        # Characters windows-1256 lacks become numeric references, as browsers save them.
        return text.encode(codec, errors="xmlcharrefreplace")

    url = f"https://{domain}/ar/article/{article.docno}"
    fields = {
        "charset": CHARSET_LABEL[codec],
        "title": esc(article.title),
        "title_json": json.dumps(article.title, ensure_ascii=False)[1:-1].replace("<", "\\u003c"),
        "author_json": json.dumps(article.author or site, ensure_ascii=False)[1:-1].replace("<", "\\u003c"),
        "description": esc((article.abstract or article.title)[:200]),
        "site": esc(site),
        "url": esc(url),
        "iso": esc(article.time),
        "date_ar": esc(arabic_date(article.time)),
        "author": esc(article.author),
        "category": esc(article.category),
        "category_ar": esc(vocab()["categories"].get(article.category, article.category)),
        "body": body_html(chosen, article, others, rng, domain),
        "nav": nav_menu(rng, domain),
        "footer": footer(rng, site, domain),
        "ticker": ticker(rng),
    }
    empty = dict.fromkeys(("related", "sidebar", "comments", "tail_scripts", "head_scripts"), "")
    base = len(encode(template(chosen).substitute(fields, **empty)))
    slots = fill(rng, target - base, others, domain, lambda piece: len(encode(piece)))
    return encode(template(chosen).substitute(fields, **{slot: "\n".join(p) for slot, p in slots.items()}))


def body_html(chosen: str, article: AntArticle, others: Sequence[AntArticle], rng: random.Random, domain: str) -> str:
    """The article's paragraphs as the template marks them up, with the in-body clutter each site adds."""
    paragraphs = [esc(p) for p in article.paragraphs]
    if chosen == "legacy.html":
        return "<br><br>\n".join(paragraphs)
    blocks = [f"<p>{p}</p>" for p in paragraphs]
    other = rng.choice(list(others))
    if chosen == "portal.html" and len(blocks) > 2:
        blocks.insert(
            2,
            f'<div class="read-also">اقرأ أيضا: <a href="https://{domain}/ar/article/{esc(other.docno)}">{esc(other.title)}</a></div>',
        )
    elif chosen == "magazine.html" and len(blocks) > 1:
        blocks.insert(
            1,
            f'<div class="ad-inline" id="ad-mid-{rng.randrange(1000)}"><script>(adsq=window.adsq||[]).push("mid");</script></div>',
        )
    return "\n".join(blocks)


def render_txt(article: AntArticle, others: Sequence[AntArticle], rng: random.Random, codec: str) -> bytes:
    """A copy-paste: title, breadcrumb and date lines, the paragraphs, then the share line and related titles."""
    words = vocab()
    section = words["categories"].get(article.category, article.category)
    related = [words["menu"][0] + " / " + section, "مقالات ذات صلة"] + [o.title for o in rng.sample(list(others), 3)]
    text = template("copy_paste.txt").substitute(
        title=article.title,
        breadcrumb=f"{words['menu'][0]} > {section}",
        date_line=arabic_date(article.time) + " " + article.time[11:16],
        body="\n\n".join(article.paragraphs),
        share_line=" ".join(words["share"]),
        related="\n".join(related),
    )
    if codec == "cp1256":
        text = text.replace("\n", "\r\n")  # Notepad
    return text.encode(codec, errors="replace")


def arabic_date(iso: str) -> str:
    """'2017-01-20T21:43:00+01:00' -> '20 جانفي 2017' (the Maghreb month names the source site uses)."""
    try:
        year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    except ValueError:
        return ""
    if not 1 <= month <= 12:
        return ""
    return f"{day} {vocab()['months'][month - 1]} {year}"


def write_manifest(pages: Sequence[Page], path: Path) -> None:
    """One JSON line per page (kept beside the inbox, never in it: akhbar would quarantine it)."""
    path.write_text("".join(json.dumps(asdict(p), ensure_ascii=False) + "\n" for p in pages), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.perf.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("-n", type=int, default=None, help="pages to build (default: one per ANT article)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    pages = build_corpus(args.out_dir, args.n, args.seed)
    write_manifest(pages, args.out_dir.with_name(args.out_dir.name + ".manifest.jsonl"))
    total = sum(p.size_bytes for p in pages)
    print(f"{len(pages)} pages, {total / 1e6:.1f} MB in {args.out_dir}  (article text: ANT corpus, {ANT_CITATION})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
