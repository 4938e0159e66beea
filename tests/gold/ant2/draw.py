"""What the select_*.py scripts share: the ANT v2.1 articles in a fixed order, their outlet, section and day, and the
docnos that were off limits when a split was drawn, read from the repository as it stood then (`git show REV:PATH`),
so that a draw still reproduces after later splits, audits and gold files have been added."""

import collections, csv, pathlib, re, subprocess, tarfile  # noqa: E401

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[2]
TARBALL = pathlib.Path("/work/shared/corpus/ant-v2.1-dev.tar.gz")
FIELD = re.compile(r"<(DOCNO|URL|SRC|CAT|TITLE|TIME|TEXT)>(.*?)</\1>", re.DOTALL)
DOCNO = re.compile(r"[A-Z]{2}-[A-Za-z]+-\d+-\d{8}")


def read_docs(tarball: pathlib.Path = TARBALL) -> list[tuple[str, dict[str, str]]]:
    """(member name, fields) of every article with a TEXT, sorted by member name."""
    docs = []
    with tarfile.open(tarball) as tf:
        for m in tf:
            if m.isfile() and m.name.endswith(".txt"):
                f = {k: v.strip() for k, v in FIELD.findall(tf.extractfile(m).read().decode("utf-8", "replace"))}
                if "TEXT" in f:
                    docs.append((m.name, f))
    docs.sort()
    return docs


def outlet(name: str) -> str:
    return name.split("/")[-3]


def section(name: str) -> str:
    return name.split("/")[-2]


def date(fields: dict[str, str]) -> str:
    return fields["DOCNO"].rsplit("-", 1)[1]


def git_files(rev: str, folder: str, suffix: str) -> dict[str, str]:
    """{path: text} of the files under ``folder`` ending in ``suffix`` at ``rev`` (not below a subfolder)."""
    listed = subprocess.run(["git", "-C", str(REPO), "ls-tree", "--name-only", rev, f"{folder}/"],
                            check=True, capture_output=True, text=True).stdout.split()  # fmt: skip
    return {path: subprocess.run(["git", "-C", str(REPO), "show", f"{rev}:{path}"],
                                 check=True, capture_output=True, text=True).stdout
            for path in sorted(listed) if path.endswith(suffix)}  # fmt: skip


def audit_docnos(rev: str) -> set[str]:
    """Every docno of an audit file (column docno or article) at ``rev``."""
    found = set()
    for text in git_files(rev, "bench/quality/audits", ".tsv").values():
        lines = [line for line in text.splitlines() if line and not line.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            for col in ("docno", "article"):
                if row.get(col):
                    found.add(row[col].strip())
    return found


GOLD_FOLDERS = ("tests/gold", "tests/gold/ant2", "bench/quality")


def gold_named_docnos(rev: str, skip: tuple[str, ...] = (), folders: tuple[str, ...] = GOLD_FOLDERS) -> set[str]:
    """Every docno named in a gold or judgment file at ``rev`` (by default tests/gold/*.json, tests/gold/ant2/*.json,
    bench/quality/*.json), but the files named in ``skip``."""
    found = set()
    for folder in folders:
        for path, text in git_files(rev, folder, ".json").items():
            if pathlib.PurePosixPath(path).name not in skip:
                found |= set(DOCNO.findall(text))
    return found


NEWS_SECTIONS = ("internationalNews", "middleEast")


def draw_story(docs, rng, name, words, days, per_story, lengths=(700, 2000)) -> list[str]:
    """``per_story`` docnos of one story, one from each of that many outlets drawn at random: articles of ``days``
    whose title or first 600 characters hold a word of every list in ``words``, their TEXT within ``lengths``."""
    low, high = lengths
    cands = [(n, f) for n, f in docs if date(f) in days and low < len(f["TEXT"]) < high
             and all(any(k in f["TEXT"][:600] or k in f["TITLE"] for k in group) for group in words)]  # fmt: skip
    by = collections.defaultdict(list)
    for n, f in cands:
        by[outlet(n)].append((n, f))
    outs = sorted(by)
    rng.shuffle(outs)
    chosen = [rng.choice(by[o])[1]["DOCNO"] for o in outs[:per_story]]
    print(name, len(cands), {o: len(v) for o, v in sorted(by.items())}, chosen)
    return chosen


def draw_stratified(pool, rng, news_count, total) -> list[str]:
    """``news_count`` docnos from as many (outlet, news section) strata drawn at random, then one from each other
    stratum in a random order whose outlet and section are not taken yet, up to ``total``."""
    strata = collections.defaultdict(list)
    for n, f in pool:
        strata[(outlet(n), section(n))].append(f["DOCNO"])
    news = sorted(k for k in strata if k[1] in NEWS_SECTIONS)
    rng.shuffle(news)
    other = sorted(k for k in strata if k[1] not in NEWS_SECTIONS)
    rng.shuffle(other)
    rand = [rng.choice(strata[k]) for k in news[:news_count]]
    seen_sections, seen_outlets = set(), set()
    for k in other:
        if len(rand) >= total:
            break
        if k[0] in seen_outlets or k[1] in seen_sections:
            continue
        seen_outlets.add(k[0])
        seen_sections.add(k[1])
        rand.append(rng.choice(strata[k]))
    return rand
