# How the "test3" key of tests/gold/ant2/selection.json was drawn from ANT v2.1 (seeded, reproducible): a third blind
# split of 16 articles, drawn in round 10 and annotated by hand before any akhbar code ran on them (NOTES_test3.md),
# because test (scored five times) and test2 (scored twice) have been read too often to stay blind.
# Two stories that three outlets covered on the same days (not a story of an earlier draw): Putin's re-election
# (18-19 March 2018) and the US exit from the Iran nuclear deal (8-9 May 2018), one article from each of three outlets
# drawn at random; then 10 random articles stratified by outlet and section: 7 from the news sections
# (internationalNews, middleEast), 3 from the other sections (distinct sections and outlets). Left out before any
# draw: every docno of selection.json (every split and story), every docno of an audit file under bench/quality/audits/
# (column docno or article), the 3,000 articles of the search pool (bench/quality/search_pool.py) and any docno named in
# another committed gold or judgment file (tests/gold/*.json, tests/gold/ant2/*.json, bench/quality/*.json). Lengths:
# 700 < len(TEXT) < 2000 for the story articles, 500 < len(TEXT) < 2000 for the random ones (as dev2's).
# The off-limits files are read as they stood when test3 was drawn (DRAWN_AT, draw.py), so the draw reproduces after
# test3.json and later audits joined the repository. Run from the repository root: .venv/bin/python tests/gold/ant2/select_test3.py (prints the chosen docnos and the
# "test3" entry; it does not write selection.json).
import json, random, sys  # noqa: E401
from draw import DOCNO, REPO, TARBALL, audit_docnos, draw_story, draw_stratified, git_files, gold_named_docnos, read_docs
DRAWN_AT = "cb8b30a"  # main when test3 was drawn (its selection.json had no test3 yet)
docs = read_docs()
excluded = set(DOCNO.findall(git_files(DRAWN_AT, "tests/gold/ant2", "selection.json")["tests/gold/ant2/selection.json"]))
excluded |= audit_docnos(DRAWN_AT)
sys.path.insert(0, str(REPO))
from bench.ant import read_ant  # noqa: E402
from bench.quality.search_pool import pool as search_pool  # noqa: E402
excluded |= {a.docno for a in search_pool(read_ant(TARBALL))}
excluded |= gold_named_docnos(DRAWN_AT)
print(len(docs), "articles;", len(excluded), "docnos excluded")
docs = [(n, f) for n, f in docs if f["DOCNO"] not in excluded]
rng = random.Random(20183)
STORIES = {
    "putin_reelection": (["بوتين", "بوتن"], ["انتخاب", "ولاية"], ["20180318", "20180319"]),
    "iran_deal_exit": (["الاتفاق النووي", "الاتفاق الإيراني", "الاتفاق مع إيران"], ["انسحاب", "الانسحاب", "ينسحب"],
                       ["20180508", "20180509"]),
}
stories = {name: draw_story(docs, rng, name, [kws, acts], days, 3) for name, (kws, acts, days) in STORIES.items()}
story = [d for ds in stories.values() for d in ds]
pool = [(n, f) for n, f in docs if f["DOCNO"] not in story and 500 < len(f["TEXT"]) < 2000]
rand = draw_stratified(pool, rng, 7, 10)
names = {f["DOCNO"]: n[n.index("ant-v2.1/"):] for n, f in docs}
test3 = story + rand
assert len(set(test3)) == 16 and not set(test3) & excluded
print(len(test3), test3)
print(json.dumps({"test3": {d: names[d] for d in test3},
                  "test3_stories": {k: {"split": "test3", "docnos": v} for k, v in stories.items()}}, ensure_ascii=False, indent=1))
