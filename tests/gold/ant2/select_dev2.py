# How the "dev2" key of tests/gold/ant2/selection.json was drawn from ANT v2.1 (seeded, reproducible): a second dev
# split of 16 articles, annotated by hand before any akhbar code ran on them (NOTES_dev2.md), to tune on besides dev.
# Two stories that two outlets covered on the same days (not a story of select_articles.py or select_test2.py): the
# inter-Korean summit at Panmunjom (27-28 April 2018) and the opening of the US embassy in Jerusalem (14-15 May 2018),
# one article from each of two outlets drawn at random; then 12 random articles stratified by outlet and section:
# 8 from the news sections (internationalNews, middleEast), 4 from economy/sport/culture/technology (distinct sections
# and outlets). Left out before any draw: every docno of selection.json (dev, test, test2 and every story), every
# docno of an audit file under bench/quality/audits/ (column docno or article), the 3,000 articles of the search pool
# (bench/quality/search_pool.py) and any docno named in another committed gold or judgment file (tests/gold/*.json,
# tests/gold/ant2/*.json but selection.json and dev2.json, bench/quality/*.json). Lengths: 700 < len(TEXT) < 2000
# for the story articles, 500 < len(TEXT) < 2000 for the random ones (shorter than test2's 3000, so that 16 articles
# could be read and annotated in one session). The audit and gold files are read as they stood when dev2 was drawn
# (DRAWN_AT, draw.py), so the draw reproduces after later splits and audits joined the repository. Run from the
# repository root: .venv/bin/python tests/gold/ant2/select_dev2.py (prints the chosen
# docnos and the "dev2" entry; it does not write selection.json).
import json, random, sys  # noqa: E401
from draw import HERE, REPO, TARBALL, audit_docnos, draw_story, draw_stratified, gold_named_docnos, read_docs
DRAWN_AT = "2f4640a^"  # main when dev2 was drawn
docs = read_docs()
selection = json.loads((HERE / "selection.json").read_text(encoding="utf-8"))
excluded = {d for split in ("dev", "test", "test2") for d in selection[split]}
excluded |= {d for key in ("stories", "test2_stories") for s in selection[key].values() for d in s["docnos"]}
excluded |= audit_docnos(DRAWN_AT)
sys.path.insert(0, str(REPO))
from bench.ant import read_ant  # noqa: E402
from bench.quality.search_pool import pool as search_pool  # noqa: E402
excluded |= {a.docno for a in search_pool(read_ant(TARBALL))}
excluded |= gold_named_docnos(DRAWN_AT, skip=("dev2.json", "selection.json"))  # selection.json: its splits are above
print(len(docs), "articles;", len(excluded), "docnos excluded")
docs = [(n, f) for n, f in docs if f["DOCNO"] not in excluded]
rng = random.Random(20182)
STORIES = {
    "korea_summit": (["كيم جونغ", "مون جاي", "الكوريتين"], ["20180427", "20180428"]),
    "jerusalem_embassy": (["السفارة الأمريكية", "السفارة الأميركية", "سفارة أميركا", "سفارة أمريكا"], ["20180514", "20180515"]),
}
stories = {name: draw_story(docs, rng, name, [kws], days, 2) for name, (kws, days) in STORIES.items()}
story = [d for ds in stories.values() for d in ds]
pool = [(n, f) for n, f in docs if f["DOCNO"] not in story and 500 < len(f["TEXT"]) < 2000]
rand = draw_stratified(pool, rng, 8, 12)
names = {f["DOCNO"]: n[n.index("ant-v2.1/"):] for n, f in docs}
dev2 = story + rand
assert len(set(dev2)) == 16 and not set(dev2) & excluded
print(len(dev2), dev2)
print(json.dumps({"dev2": {d: names[d] for d in dev2},
                  "dev2_stories": {k: {"split": "dev2", "docnos": v} for k, v in stories.items()}}, ensure_ascii=False, indent=1))
