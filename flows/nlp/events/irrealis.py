"""An event noun that is what someone asks for or threatens, not a report that it happened (issue 14, eleventh session).

"طلبت بريطانيا عقد اجتماع طارئ", "دعت إلى اجتماع عاجل", "طالبوا بانسحاب القوات": the meeting and the withdrawal
are the content of the request, which is the event reported (REQUEST); the ANT v2.1 dev gold codes the request and
not the meeting it asks for (GUIDELINES.md: the statement types carry their content). "هددت بشن هجوم": the attack
is the threatened outcome, status hypothetical (GUIDELINES.md, status). Both governors are the statement triggers
of the one lexicon (speech_cues.tsv through triggers.py): a REQUEST or THREATEN hit right before the noun in its
clause.

The noun is the governor's complement only where the grammar says so: right after it ("تطلب اجتماعا"), behind
إلى or a ب/ل on the noun itself ("إلى اجتماع", "بانسحاب"), or behind a light verbal noun that only says the act is
held ("عقد اجتماع", "إجراء محادثات", "شن هجوم"). "دعا إلى وقف الهجمات" (the attacks happen) and "طالب بالتحقيق في
الهجوم" (the attack happened) keep their event: وقف and في are none of these. A statement asked for ("دعت السعودية
مجلس الأمن إلى إدانة الاعتداء") stays: asking for a condemnation voices one (the seed-22 audit judged it so).
"""

from __future__ import annotations

import re
from functools import cache

from flows.nlp.events.triggers import STATEMENT_MODES, TriggerHit
from flows.nlp.text import Word, derived_forms, normalize, words
from flows.nlp.text.forms import finite_forms
from flows.nlp.text.syntax import irrealis_governor

# The verbal nouns Arabic holds an event noun with ("عقد اجتماع", "إجراء محادثات", "شن هجوم", "تنظيم احتجاج",
# "بدء/استئناف المفاوضات"): the support verbs of event nouns, as noun_clauses.py's شنّ and نفّذ are for their agents.
LIGHT_NOUN_LEMMAS = ("عقد", "إجراء", "شنّ", "تنظيم", "بدء", "استئناف", "تنفيذ", "فرض")
# The same support verbs as verbs, after أن ("يريد أن يشن هجوما", "تسعى إلى أن تعقد اجتماعا").
LIGHT_VERB_LEMMAS = ("عقد", "أجرى", "شنّ", "نظّم", "نفّذ")
# The kinds of irrealis governor (flows/data/irrealis_words.tsv, through flows.nlp.text.syntax.irrealis_governor)
# whose complement is no report: an act wanted, sought or possible ("يريد هجوما مدمرا", "تسعى إلى عقد اتفاقات",
# "إمكانية سحب بعض صلاحياتها"). The gold guidelines code a conditional or threatened outcome (status hypothetical:
# "إذا"، "هدد بـ") and an announced plan (planned), and neither of these; the ANT v2.1 dev gold leaves out the
# wished-for talks ("آن الأوان لإجراء محادثات") and the possible withdrawal ("إمكانية سحب") the stage reported, and
# the event audits judge a wished-for or hypothetical act no event (seed 30: "يريد هجوما", "ما يمنع الوزير عن
# الزيارة"; seed 29: "السعي إلى عقد اتفاقات").
VOIDING_KINDS = frozenset({"volition", "seeking", "possibility"})
# The kinds whose complement is an act to come, status planned ("تعتزم الصين تقديم قروض", "بلاده مستعدة لتقديم قرض
# آخر", "يأمل أن يتوصل المنتدى إلى اتفاق": the ANT v2.1 dev gold codes each planned); a status the text gives
# otherwise (negated, hypothetical, claimed) stands.
PLANNING_KINDS = frozenset({"hope", "intention", "readiness"})
# The preposition a request verb takes for what it asks (دعا إلى، سعى إلى); ب and ل stand on the noun itself.
COMPLEMENT_PREPOSITION = normalize("إلى")
COMPLEMENT_PROCLITICS = ("ب", "ل")
# The noun stands this many words after the governor at most: "دعا أولوف سكوغ مبعوث السويد في الأمم المتحدة إلى
# إجراء مشاورات" (nine words between).
GOVERNOR_REACH_WORDS = 10
# Punctuation that ends the governor's clause: what follows is said or reported apart from the request.
CLAUSE_PUNCTUATION = re.compile(r"[،,.:؛;\"«»“”]")
QUOTE_OPENERS = frozenset('"«“')
# "any": an event noun right after it is a kind of act spoken of in general, not one that took place.
ANY = normalize("أي")
ANY_REACH_CHARS = 12  # enough for the word before the noun with its clitics ("ولأي")
# The clitics أي is written with (وأي، لأي، ولأي، بأي): the word layer leaves so short a word whole.
ANY_PROCLITICS = frozenset({"", "و", "ف", "ل", "ب", "ول", "وب", "فل", "فب"})
# What the statement type makes of its complement: None drops it, a status replaces the noun's.
GOVERNED = {"REQUEST": None, "THREATEN": "hypothetical"}


@cache
def light_nouns() -> frozenset[str]:
    return frozenset(form for lemma in LIGHT_NOUN_LEMMAS for form in derived_forms(lemma, "noun"))


@cache
def light_words() -> frozenset[str]:
    """The support nouns and verbs an event noun is held with, for irrealis_governor's reach."""
    return light_nouns() | frozenset(form for lemma in LIGHT_VERB_LEMMAS for form in finite_forms(lemma))


def irrealis_kind(text: str, hit: TriggerHit, clause_start: int) -> str | None:
    """The kind of the word of wanting, seeking, possibility, hope, intention or readiness whose complement the
    trigger is ("يريد هجوما مدمرا": volition; "مستعدة لتقديم قرض": readiness), or None."""
    return irrealis_governor(text, hit.char_start, clause_start, light_words())


def governing_statement(text: str, governor: TriggerHit | None, hit: TriggerHit) -> str | None:
    """The type (REQUEST, THREATEN) of the statement whose complement the event noun ``hit`` is, or None."""
    if governor is None or hit.entry.pos != "noun" or governor.entry.event_type not in GOVERNED:
        return None
    if hit.entry.event_type in STATEMENT_MODES:
        return None  # "دعت السعودية مجلس الأمن إلى إدانة الاعتداء": asking for a condemnation voices one
    # A quotation mark opening the noun itself ("دعت إلى \"اجتماع عاجل\"") is no clause boundary.
    gap_end = hit.char_start
    while gap_end > governor.char_end and (text[gap_end - 1].isspace() or text[gap_end - 1] in QUOTE_OPENERS):
        gap_end -= 1
    if CLAUSE_PUNCTUATION.search(text, governor.char_end, gap_end):
        return None
    between = words(text, governor.char_end, hit.char_start)
    if between and between[0].start == governor.char_end and text[governor.char_end - 1].isalpha():
        between = between[1:]  # the rest of the governor's own word ("تطلبه" where "تطلب" matched)
    own = words(text, hit.char_start, hit.char_end)[:1]
    if len(between) > GOVERNOR_REACH_WORDS or not own:
        return None
    previous = between[-1] if between else None
    governed = (
        previous is None
        or preposition(own[0]) in COMPLEMENT_PROCLITICS
        or previous.key == COMPLEMENT_PREPOSITION
        or previous.key in light_nouns()
        or (previous.key[:1] in COMPLEMENT_PROCLITICS and previous.key[1:] in light_nouns())  # "بشن" left whole
    )
    return governor.entry.event_type if governed else None


def preposition(word: Word) -> str:
    """The preposition clitic a word carries, the article left aside: ب of "بانسحاب", ل of "للاجتماع"; none on
    "الهجمات" (whose ال is no ل)."""
    proclitics = word.proclitics.removesuffix("ال")
    proclitics = "ل" if proclitics.endswith("لل") else proclitics
    return proclitics[-1:] if proclitics[-1:] in COMPLEMENT_PROCLITICS else ""


def complement_status(governor_type: str | None) -> tuple[bool, str | None]:
    """(drop the report, its new status) for a noun governed by a statement of ``governor_type``."""
    if governor_type is None:
        return False, None
    status = GOVERNED[governor_type]
    return status is None, status


def any_of_a_kind(text: str, hit: TriggerHit) -> bool:
    """An event noun right after أي "any" ("أي عملية عسكرية في الحديدة"، "أي محادثات"): a kind of act spoken of in a
    rule or a wish, no report of one. The event audits judged such reports wrong types round after round ("أي جهود
    تدعو"، "أي احتمال لعمل عسكري"، "أي محادثات": seeds 24 and 25). detect.py drops it where its status is
    "occurred" only: a denied or conditional one keeps its status (لم يحدث أي اعتداء: negated)."""
    if hit.entry.pos != "noun":
        return False
    before = words(text, max(0, hit.char_start - ANY_REACH_CHARS), hit.char_start)
    if not before or text[before[-1].end : hit.char_start].strip():
        return False
    key = before[-1].key
    return key.endswith(ANY) and key[: -len(ANY)] in ANY_PROCLITICS
