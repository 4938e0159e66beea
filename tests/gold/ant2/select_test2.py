# How the "test2" key of tests/gold/ant2/selection.json was drawn from ANT v2.1 (seeded, reproducible): a second blind
# test split of 14 articles, annotated by hand before any akhbar code ran on them (NOTES_test2.md). One story three
# outlets covered on the same days (the expulsions of Russian diplomats over the Skripal poisoning, 26-27 March 2018,
# not one of the five stories of select_articles.py) and 11 random articles stratified by outlet and section: 8 from
# the news sections (internationalNews, middleEast), 3 from economy/sport/culture/technology (distinct sections and
# outlets). Every docno already in selection.json and every docno of an audit file under bench/quality/audits/
# (column docno or article) is left out. A second pass then replaces, by a redraw in the same stratum (same rng), any
# drawn article that other work has already looked at: the 3,000 articles of the search pool
# (bench/quality/search_pool.py, akhbar runs on them and search judges read them) and any docno named in another
# committed gold or judgment file (tests/gold/*.json, bench/quality/*.json). This pass was added after the first draw
# was annotated, when three of its articles turned out to be in the search pool; they were replaced and not kept.
# The audit and gold files are read as they stood when test2 was drawn (DRAWN_AT, draw.py), so the draw reproduces
# after later splits and audits joined the repository. Run from the repository root: .venv/bin/python tests/gold/ant2/select_test2.py (prints the chosen docnos and the
# "test2" entry; it does not write selection.json).
import collections, json, random, sys  # noqa: E401
from draw import HERE, REPO, TARBALL, audit_docnos, date, gold_named_docnos, outlet, read_docs, section
DRAWN_AT = "61a7964^"  # main when test2 was drawn
docs = read_docs()
selection = json.loads((HERE / "selection.json").read_text(encoding="utf-8"))
excluded = set(selection["dev"]) | set(selection["test"]) | {d for s in selection["stories"].values() for d in s["docnos"]}
excluded |= audit_docnos(DRAWN_AT)
print(len(docs), "articles;", len(excluded), "docnos excluded")
docs = [(n, f) for n, f in docs if f["DOCNO"] not in excluded]
rng = random.Random(20181)
kws, days = ["سكريبال"], ["20180326", "20180327"]
cands = [(n, f) for n, f in docs if date(f) in days and any(k in f["TEXT"][:600] or k in f["TITLE"] for k in kws) and 700 < len(f["TEXT"]) < 3500]
by = collections.defaultdict(list)
for n, f in cands: by[outlet(n)].append((n, f))
outs = sorted(by); rng.shuffle(outs)
story = [rng.choice(by[o])[1]["DOCNO"] for o in outs[:3]]
print("skripal_expulsions", len(cands), {o: len(v) for o, v in by.items()}, story)
pool = [(n, f) for n, f in docs if f["DOCNO"] not in story and 500 < len(f["TEXT"]) < 3000]
strata = collections.defaultdict(list)
for n, f in pool: strata[(outlet(n), section(n))].append(f["DOCNO"])
news = sorted(k for k in strata if k[1] in ("internationalNews", "middleEast")); rng.shuffle(news)
other = sorted(k for k in strata if k[1] not in ("internationalNews", "middleEast")); rng.shuffle(other)
rand = [rng.choice(strata[k]) for k in news[:8]]
seen_sections, seen_outlets = set(), set()
for k in other:
    if len(rand) >= 11: break
    if k[0] in seen_outlets or k[1] in seen_sections: continue
    seen_outlets.add(k[0]); seen_sections.add(k[1]); rand.append(rng.choice(strata[k]))
sys.path.insert(0, str(REPO))
from bench.ant import read_ant  # noqa: E402
from bench.quality.search_pool import pool as search_pool  # noqa: E402
studied = {a.docno for a in search_pool(read_ant(TARBALL))}
studied |= gold_named_docnos(DRAWN_AT, folders=("tests/gold", "bench/quality"))
stratum_of = {d: k for k, ds in strata.items() for d in ds}
for i, d in enumerate(rand):
    if d in studied:
        left = [x for x in strata[stratum_of[d]] if x not in studied and x not in rand]
        rand[i] = rng.choice(left)
        print("replaced", d, "(already looked at) by", rand[i])
names = {f["DOCNO"]: n for n, f in docs}
assert not set(story) & studied
test2 = story + rand
print(len(test2), test2)
print(json.dumps({"test2": {d: names[d] for d in test2}, "story": {"skripal_expulsions": {"split": "test2", "docnos": story}}}, ensure_ascii=False, indent=1))
