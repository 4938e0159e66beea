"""Clause structure the language stages share: which words open a clause around its subject, and which names stand
beside another as its apposition rather than as a party of their own.

    >>> from flows.nlp.text.syntax import auxiliary_verb
    >>> [auxiliary_verb(w) for w in ("وظل", "باتت", "يزال", "قال")]
    [True, True, True, False]

An auxiliary verb (كان and its sisters, the verbs of approach and beginning: flows/data/auxiliary_verbs.tsv) takes a
clause whose subject comes before its verb: "وظل ترامب ينتقد الاتفاق" (Trump is the subject of ينتقد), "بات الجيش
يسيطر". An apposition names again who was just named: in parentheses ("وزارة العدل الأمريكية (واشنطن)") or between
commas after a description ("المبعوث الأممي إلى اليمن، مارتن غريفيث، الحكومة"). A verb agrees in gender with a subject
right after it ("قالت روسيا", "قال العراق"): ``verb_gender`` reads a third-person singular form's gender from its
lemma's forms.

    >>> from flows.nlp.text.syntax import verb_gender
    >>> [verb_gender(w, "هدّد") for w in ("وهدد", "هددت", "يهدد", "تهدد", "هددوا")]
    ['m', 'f', 'm', 'f', None]

An irrealis governor is a word of wanting, seeking or possibility (flows/data/irrealis_words.tsv, admitted by a corpus
census) whose complement is an act that is wished for or possible, not one that took place: "يريد هجوما مدمرا",
"تسعى إلى عقد اتفاقات", "إمكانية سحب بعض صلاحياتها", "يمكن أن يشن".
"""

from __future__ import annotations

import re
from functools import cache

from flows.nlp.text.arabic import normalize
from flows.nlp.text.forms import derived_forms, finite_forms
from flows.nlp.text.morph import words
from flows.resources import read_tsv

# The conjunctions an auxiliary may carry (وظل، فبات).
CONJUNCTIONS = ("و", "ف")
# Forms shorter than this are left out, the lemma itself (ظل) kept: a hollow verb's short forms (كن، زل، صر) are other
# words too.
MIN_FORM_LETTERS = 3
# What stands between a name and its apposition: an opening parenthesis, or a comma (Arabic or Latin), and spaces.
PARENTHESIS_OPEN = re.compile(r"\s*\(\s*")
PARENTHESIS_CLOSE = re.compile(r"\s*\)")
COMMA = re.compile(r"\s*[،,]\s*")
# What may stand between an irrealis governor and its complement: the complementiser أن ("يريد أن يلتقي") and the
# prepositions a governor takes for its aim ("تسعى إلى", "رغبتها في"), as words of their own; ب and ل are written on
# the next word ("استعدادا للضربة") and need no word.
IRREALIS_LINKS = frozenset(normalize(w) for w in ("أن", "إلى", "في", "على"))
# At most this many link or light words between the governor and the act ("تسعى إلى عقد اتفاقات": two).
IRREALIS_REACH_WORDS = 2
# Characters read back from the act: the governor and its links, with their clitics.
IRREALIS_REACH_CHARS = 40
# The feminine mark of a third-person singular verb: the perfect's suffix ت (هددت), the imperfect's prefix ت (تهدد) for
# the masculine ي (يهدد); the future's س may stand before the prefix (ستهدد).
PERFECT_FEMININE, IMPERFECT_FEMININE, IMPERFECT_MASCULINE, FUTURE = "ت", "ت", "ي", "س"
MASCULINE, FEMININE = "m", "f"
# The endings of the plural and dual forms (يهددون، تهددان، يهددن).
PLURAL_ENDINGS = ("ون", "ان", "ن")


@cache
def auxiliary_forms() -> frozenset[str]:
    """The normalised third-person forms of every auxiliary verb lemma."""
    return frozenset(
        form
        for row in read_tsv("auxiliary_verbs.tsv")
        for form in finite_forms(row["lemma"])
        if len(form) >= MIN_FORM_LETTERS or form == normalize(row["lemma"])
    )


def auxiliary_verb(word: str) -> bool:
    """``word`` (as written or normalised) is a form of an auxiliary verb, bare or with و/ف."""
    norm = normalize(word)
    forms = auxiliary_forms()
    return norm in forms or (norm[:1] in CONJUNCTIONS and norm[1:] in forms)


@cache
def irrealis_forms() -> dict[str, str]:
    """Normalised form -> kind (volition, seeking, possibility) of every irrealis governor of irrealis_words.tsv: a
    verb's third-person forms (finite_forms: no participle or verbal noun, whose spellings are other words), a noun's
    inflected forms, a fixed word as it is ("يمكن": the verb أمكن's other forms are تمكّن "managed to")."""
    forms: dict[str, str] = {}
    for row in read_tsv("irrealis_words.tsv"):
        made = finite_forms(row["lemma"]) if row["pos"] == "verb" else derived_forms(row["lemma"], row["pos"])
        for form in made:
            forms.setdefault(form, row["kind"])
    return forms


def irrealis_governor(text: str, start: int, clause_start: int, light: frozenset[str] = frozenset()) -> str | None:
    """The kind of the irrealis governor whose complement is the act whose word starts at ``start``, or None.

    The governor stands right before the act ("يريد هجوما") or before at most IRREALIS_REACH_WORDS link words (أن,
    إلى, في, على) and ``light`` words, the support words a caller's acts are held with ("تسعى إلى عقد اتفاقات",
    "يمكن أن يشن هجوما"), all in one clause (no punctuation between) and after ``clause_start``."""
    before = words(text, max(clause_start, start - IRREALIS_REACH_CHARS), start)
    forms = irrealis_forms()
    end, links = start, 0
    for word in reversed(before):
        if text[word.end : end].strip():
            return None
        if word.key in forms:
            return forms[word.key]
        if links == IRREALIS_REACH_WORDS or not (word.key in IRREALIS_LINKS or word.key in light):
            return None
        links, end = links + 1, word.start
    return None


def in_parentheses_after(text: str, first_end: int, start: int, end: int) -> bool:
    """The span [start, end) stands alone in parentheses right after what ends at ``first_end``:
    "وزارة العدل الأمريكية (واشنطن)" names the ministry again, "مكتب التحقيقات الفدرالي (أف بي آي)" the bureau."""
    return (
        first_end <= start
        and bool(PARENTHESIS_OPEN.fullmatch(text[first_end:start]))
        and bool(PARENTHESIS_CLOSE.match(text, end))
    )


def between_commas(text: str, start: int, end: int) -> bool:
    """The span [start, end) is set off by a comma on each side ("…، مارتن غريفيث، …"): an apposition to the words
    before it."""
    before = text[max(0, start - 3) : start]
    return bool(re.search(r"[،,]\s*$", before)) and bool(COMMA.match(text, end))


def joined_with_object_pronoun(text: str, start: int, end: int) -> bool:
    """The word at [start, end) is joined to what comes before by و/ف and carries a pronoun enclitic ("، واتهمها",
    "فانتقده"): a verb that goes on with the clause before it, and whose object is someone just named."""
    found = words(text, start, end)[-1:]
    return bool(found) and found[0].proclitics[:1] in CONJUNCTIONS and bool(found[0].enclitic)


def verb_gender(word: str, lemma: str) -> str | None:
    """MASCULINE or FEMININE for a third-person singular form of the verb ``lemma`` (as written or normalised, with و/ف
    or the future's س), None for a plural or dual form or a word that is no form of it. A perfect whose lemma starts
    with ت ("تعاون") is masculine: the gender is read against the lemma's forms, and for an imperfect the text layer
    does not make (a doubled form II: "يهدد") against the lemma's own spelling, never from a letter alone."""
    norm = normalize(word)
    bare = norm[1:] if norm[:1] in CONJUNCTIONS and len(norm) > MIN_FORM_LETTERS else norm
    if bare[:1] == FUTURE and bare[1:2] in (IMPERFECT_FEMININE, IMPERFECT_MASCULINE):
        bare = bare[1:]
    forms = finite_forms(lemma)
    base = normalize(lemma)
    if bare == base or (bare in forms and bare + PERFECT_FEMININE in forms):
        return MASCULINE
    if bare == base + PERFECT_FEMININE or (bare.endswith(PERFECT_FEMININE) and bare[: -len(PERFECT_FEMININE)] in forms):
        return FEMININE
    swapped = {IMPERFECT_MASCULINE: IMPERFECT_FEMININE, IMPERFECT_FEMININE: IMPERFECT_MASCULINE}.get(bare[:1], "")
    if bare in forms and swapped and swapped + bare[1:] in forms and not bare.endswith(PLURAL_ENDINGS[:2]):
        return MASCULINE if bare[:1] == IMPERFECT_MASCULINE else FEMININE  # "يدين", "تدين"
    if bare.endswith(PLURAL_ENDINGS) and not bare[1:] == base:
        return None  # "يهددون", "تهددان": a plural or a dual
    imperfect = bare[1:] in {f[1:] for f in forms if f[:1] in (IMPERFECT_FEMININE, IMPERFECT_MASCULINE)} or (
        len(bare) == len(base) + 1 and bare[-1] == base[-1]
    )
    if imperfect and bare[:1] == IMPERFECT_MASCULINE:
        return MASCULINE
    if imperfect and bare[:1] == IMPERFECT_FEMININE:
        return FEMININE
    return None
