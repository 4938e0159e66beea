# How tests/gold/ant2/selection.json was drawn from ANT v2.1 (seeded, reproducible): five stories several outlets
# covered on the same days, plus random articles stratified by outlet and section. Run: python select_articles.py
import random, re, tarfile, json, collections
FIELD = re.compile(r"<(DOCNO|URL|SRC|CAT|TITLE|TIME|TEXT)>(.*?)</\1>", re.DOTALL)
docs = []
with tarfile.open("/work/shared/corpus/ant-v2.1-dev.tar.gz") as tf:
    for m in tf:
        if m.isfile() and m.name.endswith(".txt"):
            x = tf.extractfile(m).read().decode("utf-8", "replace")
            f = {k: v.strip() for k, v in FIELD.findall(x)}
            if "TEXT" in f: docs.append((m.name, f))
docs.sort()
print(len(docs))
def outlet(n): return n.split("/")[1]
def date(f): return f["DOCNO"].rsplit("-",1)[1]
stories = {
 "helsinki_summit": (["هلسنكي"], ["20180716","20180717"]),
 "singapore_summit": (["سنغافورة"], ["20180612","20180613"]),
 "syria_strikes": (["ضربات", "الضربة"], ["20180414","20180415"]),
 "khashoggi": (["خاشقجي"], ["20181020","20181021"]),
 "hodeidah": (["الحديدة"], ["20180613","20180614"]),
}
rng = random.Random(2018)
chosen = {}
for name,(kws,days) in stories.items():
    cands = [(n,f) for n,f in docs if date(f) in days and any(k in f["TEXT"][:600] or k in f["TITLE"] for k in kws) and 700 < len(f["TEXT"]) < 3500]
    by = collections.defaultdict(list)
    for n,f in cands: by[outlet(n)].append((n,f))
    outs = sorted(by); rng.shuffle(outs)
    pick = [rng.choice(by[o]) for o in outs[:3]]
    print(name, len(cands), {o:len(v) for o,v in by.items()}, [p[1]["DOCNO"] for p in pick])
    chosen[name] = [p[1]["DOCNO"] for p in pick]
used = {d for v in chosen.values() for d in v}
pool = [(n,f) for n,f in docs if f["DOCNO"] not in used and 500 < len(f["TEXT"]) < 3000]
strata = collections.defaultdict(list)
for n,f in pool: strata[(outlet(n), n.split("/")[2])].append(f["DOCNO"])
keys = sorted(strata); rng.shuffle(keys)
rand = []
for k in keys:
    if len(rand) >= 40 - len(used): break
    rand.append(rng.choice(strata[k]))
while len(rand) < 40 - len(used):
    k = rng.choice(keys); d = rng.choice(strata[k])
    if d not in rand: rand.append(d)
print(len(rand), rand)
names = {f["DOCNO"]: n for n,f in docs}
st = list(chosen)
dev_st, test_st = st[0::2], st[1::2]
rng.shuffle(rand)
dev = [d for s in dev_st for d in chosen[s]]; test = [d for s in test_st for d in chosen[s]]
for d in rand:
    (dev if len(dev) < 20 else test).append(d)
out = {"dev": {d: names[d] for d in dev}, "test": {d: names[d] for d in test},
       "stories": {s: {"split": "dev" if s in dev_st else "test", "docnos": chosen[s]} for s in st}}
json.dump(out, open("/tmp/sel/selection.json","w"), ensure_ascii=False, indent=1)
print(len(dev), len(test))
