"""ANT's own files dropped into the inbox as they come (TREC-style .txt): how many load, and with what.

Reads every article file of an ANT tarball through akhbar's reader (`flows.read.article_from_bytes`, the same call
ingest makes; no language stages) and counts loaded files with a title, a date from TIME, a url and a byline, files
quarantined and why, and bodies still holding a tag, the abstract or the byline. The right values are the file's
own fields, so the check is exact; a body may differ from the TEXT element's paragraphs only where the line rules
for copy-pastes dropped a line (a credit, an "اقرأ أيضاً", a related block).

    python -m bench.quality.trec_files [--tarball PATH]

Figures on ANT cite bench.ant.ANT_CITATION (and ANT_V2_CITATION for v2.1).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from bench.ant import ANT_CITATION, ANT_V2_CITATION, ANT_V2_TARBALL, iter_ant_xml, parse_ant_document
from flows.errors import Quarantine
from flows.read import article_from_bytes


def census(tarball: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for _, xml in iter_ant_xml(tarball):
        counts["files"] += 1
        try:
            article = article_from_bytes(xml.encode("utf-8"), ".txt", {})
        except Quarantine as error:
            counts[f"quarantined: {error}"] += 1
            continue
        fields = parse_ant_document(xml)
        counts["loaded"] += 1
        counts["with a title"] += bool(article.title)
        counts["dated from TIME"] += article.date_source == "trec"
        counts["with a url"] += bool(article.url)
        counts["with a byline"] += article.author is not None
        counts["body = TEXT's paragraphs"] += fields is not None and article.body_text == "\n".join(fields.paragraphs)
        counts["a tag left in the body"] += "<TEXT>" in article.body_text or "</" in article.body_text
        counts["the abstract in the body (TEXT does not hold it)"] += bool(
            fields and fields.abstract and fields.abstract in article.body_text and fields.abstract not in fields.text
        )
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tarball", type=Path, default=ANT_V2_TARBALL)
    args = parser.parse_args(argv)
    if not args.tarball.exists():
        raise SystemExit(f"ANT tarball not found at {args.tarball}: it ships in ../shared/corpus beside the repo")
    counts = census(args.tarball)
    for key, value in counts.items():
        print(f"{key:<70} {value:>7}")
    print(f"\nArticle files: {ANT_CITATION}; {ANT_V2_CITATION}.")


if __name__ == "__main__":
    main()
