"""Boilerplate for the benchmark's saved pages: menus, inline scripts, HTML comments, related and comment blocks.

Real saved news pages are mostly this: the article is 2-10 KB of a 30-200 KB page. Every piece is generated from
a seeded ``random.Random`` so a corpus is the same on every machine; the Arabic words come from
templates/vocab.json and from the titles and first sentences of *other* ANT articles (as real related blocks do).
"""

from __future__ import annotations

import functools
import html
import json
import random
import string
from pathlib import Path
from typing import Callable, Sequence

from bench.ant import AntArticle

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
# Largest single filler piece, in characters: keeps the overshoot past a page's target size under ~8 KB.
MAX_PIECE_CHARS = 4000
HEX = "0123456789abcdef"
B64 = string.ascii_letters + string.digits + "+/"
# A related teaser shows the start of the other article's first sentence, as news sites cut it.
TEASER_CHARS = 120


@functools.cache
def vocab() -> dict:
    return json.loads((TEMPLATES_DIR / "vocab.json").read_text(encoding="utf-8"))


@functools.cache
def template(name: str) -> string.Template:
    return string.Template((TEMPLATES_DIR / name).read_text(encoding="utf-8"))


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def nav_menu(rng: random.Random, domain: str) -> str:
    """A mega menu: every section with a submenu of a few links."""
    words = vocab()
    items = []
    for index, section in enumerate(words["menu"]):
        subs = rng.sample(words["submenu"], rng.randint(2, 6))
        links = "".join(
            f'<li><a href="https://{domain}/ar/s/{index}/{j}">{esc(s)}</a></li>' for j, s in enumerate(subs)
        )
        items.append(
            f'<li class="m{index}"><a href="https://{domain}/ar/s/{index}">{esc(section)}</a><ul class="sub">{links}</ul></li>'
        )
    return '<ul class="menu">' + "\n".join(items) + "</ul>"


def footer(rng: random.Random, site: str, domain: str) -> str:
    links = " | ".join(f'<a href="https://{domain}/ar/p/{i}">{esc(w)}</a>' for i, w in enumerate(vocab()["footer"]))
    return f"<p>{links}</p><p>&copy; {rng.randint(2012, 2017)} {esc(site)}</p>"


def ticker(rng: random.Random) -> str:
    return " &bull; ".join(esc(t) for t in rng.sample(vocab()["ticker"], 4))


def inline_script(rng: random.Random) -> str:
    """One of the scripts saved pages inline: an analytics config, an ad loader, a hydration blob."""
    kind = rng.randrange(3)
    if kind == 0:
        ids = ",".join(f'"{rng.choice(HEX)}{rng.randrange(10**8):08d}"' for _ in range(rng.randint(10, 60)))
        return (
            "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
            f"gtag('js',new Date());gtag('config','G-{rng.randrange(10**9)}');var seen=[{ids}];</script>"
        )
    if kind == 1:
        slots = "".join(
            f"googletag.defineSlot('/{rng.randrange(10**7)}/ar_article_{i}',[[300,250],[728,90]],'ad-{i}').addService(googletag.pubads());"
            for i in range(rng.randint(3, 20))
        )
        return f"<script>var googletag=googletag||{{cmd:[]}};googletag.cmd.push(function(){{{slots}googletag.enableServices();}});</script>"
    blob = "".join(rng.choice(B64) for _ in range(rng.randint(800, MAX_PIECE_CHARS - 200)))
    return f'<script>window.__STATE__={{"v":{rng.randint(1, 9)},"chunk":"{blob}"}};</script>'


def html_comment(rng: random.Random) -> str:
    """Comments left in templates: cache stamps, disabled ad slots, build notes."""
    kind = rng.randrange(3)
    if kind == 0:
        return f"<!-- page cached {rng.randrange(10**9)} by node-{rng.randint(1, 40)} in {rng.random():.4f}s -->"
    if kind == 1:
        return (
            "<!-- disabled slot\n"
            + "\n".join(f'<div class="ad" id="slot-{i}"></div>' for i in range(rng.randint(3, 30)))
            + "\n-->"
        )
    return "<!-- build " + "".join(rng.choice(HEX) for _ in range(rng.randint(40, 400))) + " -->"


def related_block(rng: random.Random, others: Sequence[AntArticle], domain: str, teasers: bool = True) -> str:
    """Links to other articles (title, and a short teaser line when ``teasers``) — text trafilatura must leave out."""
    items = []
    for other in rng.sample(list(others), min(len(others), rng.randint(3, 8))):
        teaser = (other.paragraphs[:1] or [other.abstract])[0][:TEASER_CHARS] if teasers else ""
        items.append(
            f'<li><a href="https://{domain}/ar/article/{esc(other.docno)}">{esc(other.title)}</a>'
            + (f'<span class="teaser">{esc(teaser)}</span>' if teaser else "")
            + f'<span class="date">{esc(other.time[:10])}</span></li>'
        )
    return '<ul class="teasers">' + "\n".join(items) + "</ul>"


def inline_style(rng: random.Random) -> str:
    """A critical-CSS block, as page builders inline them."""
    rules = "".join(
        f".c{rng.randrange(10**5)}{{margin:{rng.randint(0, 40)}px;color:#{rng.randrange(16**6):06x};"
        f"font-size:{rng.randint(10, 30)}px;display:{rng.choice(('flex', 'block', 'none'))}}}"
        for _ in range(rng.randint(20, 80))
    )
    return f"<style>{rules}</style>"


def svg_icons(rng: random.Random) -> str:
    """An inline SVG sprite of share and menu icons."""
    paths = "".join(
        f'<symbol id="i{i}" viewBox="0 0 24 24"><path d="M{rng.randint(0, 24)} {rng.randint(0, 24)}'
        + "".join(f"l{rng.randint(-9, 9)} {rng.randint(-9, 9)}" for _ in range(rng.randint(10, 40)))
        + 'z"/></symbol>'
        for i in range(rng.randint(3, 10))
    )
    return f'<svg style="display:none" xmlns="http://www.w3.org/2000/svg">{paths}</svg>'


def hidden_markup(rng: random.Random, domain: str) -> str:
    """Empty ad slots and tracking pixels."""
    return "\n".join(
        f'<div class="ad-slot" data-slot="{rng.randrange(10**6)}" style="min-height:{rng.choice((90, 250, 600))}px">'
        f'<img src="https://px.{domain}/t.gif?r={rng.randrange(10**9)}" width="1" height="1" alt=""></div>'
        for _ in range(rng.randint(5, 25))
    )


def comment_block(rng: random.Random) -> str:
    words = vocab()
    items = []
    for _ in range(rng.randint(1, 6)):
        phrase = " ".join(rng.sample(words["comment_phrases"], rng.randint(1, 3)))
        items.append(
            f'<div class="comment"><b>{esc(rng.choice(words["commenters"]))}</b> '
            f'<span class="when">{rng.randint(1, 23)} ساعة</span><p>{esc(phrase)}</p></div>'
        )
    return "\n".join(items)


def fill(
    rng: random.Random, budget: int, others: Sequence[AntArticle], domain: str, encode: Callable[[str], int]
) -> dict[str, list[str]]:
    """Boilerplate pieces, by the slot they go to, until ``budget`` encoded bytes are used up.

    Text blocks (related teasers, most-read titles, reader comments) come once each, as on real pages; the rest of
    the weight is what makes real pages heavy: scripts, styles, icons, comments, ad markup.
    """
    slots: dict[str, list[str]] = {
        "related": [related_block(rng, others, domain)],
        "sidebar": [related_block(rng, others, domain, teasers=False)],
        "comments": [comment_block(rng)],
        "tail_scripts": [],
        "head_scripts": [],
    }
    budget -= sum(encode(piece) for pieces in slots.values() for piece in pieces)
    makers = (
        ("tail_scripts", lambda: inline_script(rng)),
        ("head_scripts", lambda: inline_script(rng)),
        ("head_scripts", lambda: inline_style(rng)),
        ("tail_scripts", lambda: html_comment(rng)),
        ("sidebar", lambda: html_comment(rng)),
        ("sidebar", lambda: hidden_markup(rng, domain)),
        ("tail_scripts", lambda: svg_icons(rng)),
    )
    while budget > 0:
        slot, make = rng.choice(makers)
        piece = make()
        slots[slot].append(piece)
        budget -= encode(piece) + 1
    return slots
