"""The quote stage's judged random audits (bench/quality/quote_audit.py): the fresh audits of rounds 8 and 9 judged whole,
their figures as recorded, and today's code reading its judged rows as they were judged; the rows round 8 fixed in the
studied audits staying fixed."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.quality import quote_audit
from bench.quality.audit import read_rows, share
from tests.conftest import shared_path

AUDITS = Path(quote_audit.__file__).resolve().parent / "audits"
# Round 11's fresh audit (seed 59, drawn after the round's last quote change d8c5ef5, judged unseen): span 0.900,
# speaker 0.730; floors just under them.
ROUND_11 = AUDITS / "quotes_ant2_seed59.tsv"
ROUND_11_FLOORS = (0.89, 0.72)
# Round 10's fresh audit (seed 58, drawn after the round's last quote change df7ff43, judged unseen): span 0.880,
# speaker 0.650; main's code before the round reads its 100 rows the same (the round neither fixed nor broke one).
ROUND_10 = AUDITS / "quotes_ant2_seed58.tsv"
ROUND_10_FLOORS = (0.87, 0.64)
FRESH = AUDITS / "quotes_ant2_seed57.tsv"
# Round 9's second-wave fresh audit (seed 57, drawn after the governing-subject change 6fd3573, judged unseen): span 0.940,
# speaker 0.770 as judged; one rule changed after it (a time clause is no governing verb), which moves one wrong row
# (0.780 re-read, dev). A 100-row share moves by about ±0.04.
SPAN_FLOOR = 0.93
SPEAKER_FLOOR = 0.76
# Round 9's first-wave fresh audit (seed 56: span 0.950, speaker 0.760 as judged), studied by the second wave (dev now).
ROUND_9 = AUDITS / "quotes_ant2_seed56.tsv"
ROUND_9_FLOORS = (0.95, 0.76)
ROUND_8 = AUDITS / "quotes_ant2_seed55.tsv"
ROUND_8_FLOORS = (0.92, 0.83)
# Round 9, second wave (dev: seed 56 studied): its wrong rows a participle or a continuation now gives the subject of
# the verb governing it (flows/nlp/quotes/governing.py); the sixth moved row (مهددا … إن لم تفعل) is still no quote.
FIXED_IN_ROUND_9 = (
    ("AL-economy-707-20180602", "قال", "فوكس [null]"),
    ("AL-internationalNews-1451-20180603", "لافتاً", "محمد الدعام [person:"),
    ("FR-internationalNews-14-20180217", "أضافوا", "اللاجئون السودانيون [null]"),
    ("FR-sport-92-20180504", "أكد", "أوناي أيمري [person:"),
    ("SK-sport-2160-20180714", "قائلا", "أديتشي [person:"),
    # seed 57, after its draw: a time clause's verb ("وعندما سُئل عن …، قال") is no governing verb.
    ("CN-internationalNews-668-20181008", "قال", "بومبيو [person:"),
)
# Round 8 (dev: seeds 51-54 studied): rows of seeds 51-54 whose speaker the round resolves (each judged wrong when drawn).
FIXED_IN_ROUND_8 = (
    ("SK-sport-2552-20180818", "أكد", "العداء السابق [person:"),
    ("SK-internationalNews-3397-20181010", "مشيرا", "المصدر [org:"),
    ("SK-middleEast-2584-20180625", "وفق", "حصيلة للمرصد الاثنين [org:"),
)


@pytest.mark.parametrize(
    "path", [ROUND_11, ROUND_10, FRESH, ROUND_9, ROUND_8], ids=["seed59", "seed58", "seed57", "seed56", "seed55"]
)
def test_the_fresh_audit_is_judged_whole_with_a_note_for_every_zero(path: Path) -> None:
    rows = read_rows(path)
    assert len(rows) == 100
    assert all(row["span_ok"] in ("0", "1") and row["speaker_ok"] in ("0", "1") for row in rows)
    assert all(row["note"] for row in rows if "0" in (row["span_ok"], row["speaker_ok"]))
    # the excerpt's words before its kind tag ("…[direct, title]" holds a space of its own)
    excerpts = [row["quote"].split("…[")[0] for row in rows]
    assert all(len(excerpt.split()) <= quote_audit.EXCERPT_WORDS for excerpt in excerpts), "excerpts, not quotes"


@pytest.mark.parametrize(
    ("path", "floors"),
    [
        (ROUND_11, ROUND_11_FLOORS),
        (ROUND_10, ROUND_10_FLOORS),
        (FRESH, (SPAN_FLOOR, SPEAKER_FLOOR)),
        (ROUND_9, ROUND_9_FLOORS),
        (ROUND_8, ROUND_8_FLOORS),
    ],
    ids=["seed59", "seed58", "seed57", "seed56", "seed55"],
)
def test_the_fresh_audit_figures(path: Path, floors: tuple[float, float]) -> None:
    rows = read_rows(path)
    assert share(rows, "span_ok")[0] >= floors[0]
    assert share(rows, "speaker_ok")[0] >= floors[1]


# Seed 58 after round 10's merge: one row judged right reads otherwise and is still right (SK-internationalNews-2992:
# "المركز", the Alaska earthquake centre named in the sentence before, now carries that centre's entity id, where the
# quo15 branch alone left the full surface with no id); it is pinned in test_seed58_moved_row_keeps_its_speaker.
# Round 11 (dev: seed 58 studied): seed 58's wrong rows round 11 moves, each read again: the paper a place's name opens
# (speakers.place_opens_a_name), a subject phrase ended at قد, a pronoun or an accusative (phrase.trim_np), direct speech
# after the circumstances of the saying or closing its paragraph (extract._opens_direct_speech) and its continuation.
# Right now: the first four and Roberto Carlos; غوغل and الصدر have the right words and no entity (wrong as judged).
# Seed 55's row judged right with 'قد' in its surface (FR-middleEast-762) now reads without it, right still.
FIXED_IN_ROUND_11 = (
    ("CN-internationalNews-351-20180513", "قالت", "نيويورك تايمز [null]"),
    ("SK-middleEast-1343-20180429", "ذكر", "المرصد [org:"),
    ("SK-internationalNews-566-20180325", "قال", "رضوان لقديم [null]"),
    ("AL-sport-1923-20180612", "قائلا", "اللاعب السابق لريال مدريد الإسباني [person:"),
    ("AL-technology-74-20180301", "قائلة", "غوغل [null]"),
    ("FR-middleEast-617-20180611", "أضاف", "الصدر [null]"),
    ("AL-technology-263-20180524", "صرحت", "شركة TSMC [null]"),  # seed 57
)


@pytest.mark.parametrize(("path", "moved"), [(ROUND_10, (1, 6)), (ROUND_8, (1, 0))], ids=["seed58", "seed55"])
def test_todays_code_reads_the_audit_as_judged(path: Path, moved: tuple[int, int]) -> None:
    shared_path("corpus", "ant-v2.1-dev.tar.gz")
    assert quote_audit.rerun([path])[-1] == f"100 judged rows re-run; moved: {moved[0]} right, {moved[1]} wrong"


def test_speakers_round_11_resolved_stay_resolved() -> None:
    shared_path("corpus", "ant-v2.1-dev.tar.gz")
    found = quote_audit.quotes_of({docno for docno, _, _ in FIXED_IN_ROUND_11}, quote_audit.ANT_V2_TARBALL)
    for docno, cue, speaker in FIXED_IN_ROUND_11:
        assert any(row["cue"] == cue and row["speaker"].startswith(speaker) for row in found[docno]), docno


def test_seed58_moved_row_keeps_its_speaker() -> None:
    shared_path("corpus", "ant-v2.1-dev.tar.gz")
    docno = "SK-internationalNews-2992-20180813"
    rows = quote_audit.quotes_of({docno}, quote_audit.ANT_V2_TARBALL)[docno]
    centre = next(row["speaker"] for row in rows if row["speaker"].startswith("مركز ألاسكا"))
    entity = centre[centre.index("[") :]
    assert entity != "[null]"
    assert any(row["speaker"] == f"المركز {entity}" for row in rows)


# Round 10 (dev: seed 57 studied): role descriptions seed 57 left unresolved, each now the person the article introduces
# with it (flows/nlp/quotes/late.py, descriptions.py, speakers.titled_elsewhere): seed 57 re-read 0.780 -> 0.830.
FIXED_IN_ROUND_10 = (
    ("SK-sport-1120-20180511", "قال", "مدرب الريدز [person:"),
    ("FR-internationalNews-2413-20180720", "تابعت", "المسؤولة الأوروبية [person:"),
    ("AL-sport-2317-20180712", "ختم", "المدافع البرازيلي [person:"),
    ("CN-sport-140-20180324", "تابع", "وزير الرياضة المصري [person:"),
    ("CN-middleEast-1271-20180902", "أوضح", "المرشد الإيراني [person:"),
)


# Round 11 moves one more row of each: seed 56's "أحد المشتبه بهم الذي قال" (wrong as judged, 'بهم', and wrong still:
# the suspect's clause now ends at the pronoun, and the speaker is read elsewhere), and seed 57's Cúper row judged right
# ("واعتبر", continuing "وعلق المدرب، …"، which is now a quote: المدرب with Cúper's id, right still) and its TSMC row.
@pytest.mark.parametrize(("path", "moved"), [(ROUND_9, (0, 7)), (FRESH, (1, 7))], ids=["seed56", "seed57"])
def test_the_round_9_audits_move_only_the_fixed_rows(path: Path, moved: tuple[int, int]) -> None:
    """The second wave studied seed 56, and changed one rule after drawing seed 57; round 10 studied seed 57 (dev both
    now): today's code moves their wrong rows only, and reads the fixed ones as listed."""
    shared_path("corpus", "ant-v2.1-dev.tar.gz")
    assert quote_audit.rerun([path])[-1] == f"100 judged rows re-run; moved: {moved[0]} right, {moved[1]} wrong"
    fixed = FIXED_IN_ROUND_9 + FIXED_IN_ROUND_10
    found = quote_audit.quotes_of({docno for docno, _, _ in fixed}, quote_audit.ANT_V2_TARBALL)
    for docno, cue, speaker in fixed:
        assert any(row["cue"] == cue and row["speaker"].startswith(speaker) for row in found[docno]), docno


def test_speakers_round_8_resolved_stay_resolved() -> None:
    shared_path("corpus", "ant-v2.1-dev.tar.gz")
    found = quote_audit.quotes_of({docno for docno, _, _ in FIXED_IN_ROUND_8}, quote_audit.ANT_V2_TARBALL)
    for docno, cue, speaker in FIXED_IN_ROUND_8:
        assert any(row["cue"] == cue and row["speaker"].startswith(speaker) for row in found[docno]), docno
