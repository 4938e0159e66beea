"""Event triggers found by lemma, with the sense their context gives them.

Every form of a trigger lemma (flows/data/event_lemmas.tsv) is found through the shared text layer's lemma lexicon:
هاجم finds هاجمت، يهاجم، مهاجمة، بالهجوم is هجوم's. A match then takes its sense from the words of its clause
(event_senses.tsv: هاجم with soldiers or missiles nearby is an attack, else criticism; تسليم of weapons is aid,
of a town a concession, of a wanted man extradition), and a sentence about sport, culture, business or science
(event_domains.tsv) reports no political event. Each hit says whether its word is a finite verb, a participle
or a noun: the role heuristics (roles.py) read a verb's subject after it and a noun's agent before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from flows.nlp.events.lexicon import Trigger
from flows.nlp.quotes.lexicon import speech_cues
from flows.nlp.text import LemmaLexicon, LexiconEntry, Word, analyse, normalize, words
from flows.resources import read_tsv

# A sense's context words count this many words before the trigger and after it (a verb's subject and object, a
# noun's genitive: "هاجم المسلحون نقطة تفتيش للجيش" has its military word four words on).
SENSE_BEFORE_WORDS = 4
SENSE_AFTER_WORDS = 8
# A domain word anywhere in the sentence puts the sentence in that domain: one is enough (the list holds only
# words with no political sense).
POLITICAL_IN_ANY_DOMAIN = frozenset({"SANCTION"})
ALL_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE "
    "COERCE ASSAULT".split()
)
# "يصل إلى مليون": an arrival followed by a number is an amount reached, not a visit.
AMOUNT_AFTER = re.compile(r"\s*\d")
# Two triggers of one type this close ("تسليمها مساعدات") report one event: the second is dropped.
SAME_EVENT_GAP_WORDS = 1
# A verbal noun this close after its own verb is its cognate object ("رحب بها محاميه ترحيبا حذرا": two words
# between), the same event (the event audit of issue 14 counted it twice).
COGNATE_OBJECT_GAP_WORDS = 3
# "غير متعاونة", "غير مرحب": a participle after غير describes someone; it reports no event.
NEGATING_NOUN = normalize("غير")
# "بشكل حذر", "بصورة مستهدفة": a word right after ب + a manner noun is an adjective saying how something is done (no
# verb can follow بشكل), it reports no event. The manner phrases of Arabic grammar that ANT v2.1 uses most (بشكل 7756
# times, بطريقة 1028, بصورة 884); not "نحو", which is also "towards" and "about" before a number.
MANNER_NOUNS = frozenset(normalize(w) for w in ("شكل", "صورة", "طريقة"))
# The imperfect's person prefixes a word with the article or ب/ل cannot carry: "اليدين" (the hands) is not يدين
# (condemns), "ليندن" (a name) not ل + a form of ندّد. A verb lemma's nouns are its verbal noun and participles.
IMPERFECT_PREFIXES = ("ي", "ن")
# A word right after one of these prepositions is a noun, whatever it looks like ("مع دعمنا").
GOVERNING_PREPOSITIONS = frozenset(
    normalize(w) for w in ("مع", "في", "من", "على", "عن", "إلى", "حول", "بعد", "قبل", "خلال")
)
# "أسفر عن مقتل": a death after these words is the outcome of the attack the sentence already reports.
OUTCOME_WORDS = frozenset(normalize(w) for w in ("أسفر", "أسفرت", "خلف", "خلفت", "أوقع", "أوقعت", "عن", "إلى"))
OUTCOME_VERBS = frozenset(normalize(w) for w in ("أسفر", "أسفرت", "خلف", "خلفت", "أوقع", "أوقعت", "أدى", "أدت"))
# Numerals a noun follows (normalised keys).
NUMBER_WORDS = frozenset(normalize(w) for w in ("ألف", "آلاف", "مليون", "ملايين", "مئات", "عشرات", "مائة", "مئة"))
# A verb written with a damma on its first letters is passive ("اعتُقل", "قُتل"), as is ألقي before القبض.
PASSIVE_MARK = re.compile(r"^[وف]?\w{0,3}\u064f")  # "واعتُقل": with its conjunction
IMPERFECT_DAMMA = re.compile(r"^[وفل]?س?[يتن]\u064f")
PASSIVE_ARREST = re.compile(r"(?<!\w)[وف]?[أا]لقي(?!\w)")
# What may stand between a verb and the count that is its passive's patient ("منهم أكثر من", "ما يصل إلى", "نحو").
COUNT_LEAD_WORDS = frozenset(
    normalize(w) for w in ("منهم", "منها", "أكثر", "من", "نحو", "حوالي", "قرابة", "ما", "يصل", "إلى", "لا", "يقل", "عن")
)
COUNT_REACH_WORDS = 5
COUNT_LOOKAHEAD_CHARS = 60
# The cardinals three to ten, as news writes a count of people in words ("قتل ثلاثة أشخاص").
CARDINALS = frozenset(
    normalize(w)
    for w in ("ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "اثنان", "اثنين", "شخصان", "شخصين")
)
# Endings no finite verb form has: a feminine noun or plural (مهاجمة، تهديدات).
NOUN_ENDINGS = ("ه", "ات", "تان", "تين")
# The alif of an indefinite accusative ("اجتماعًا"): a verbal noun after a light verb, as the object of عقد، شن، أجرى.
ACCUSATIVE_ALIF = "ا"


@dataclass(frozen=True, slots=True)
class TriggerHit:
    char_start: int
    char_end: int
    entry: Trigger
    future_prefix: bool  # the verb itself carries the future prefix س ("سيلتقي")
    subject_suffix: bool = False  # a verb that spells its plural subject ("اقتحموا", "يتهمونها"): no subject after it


# The chemical weapon an attack noun names right after it ("الهجوم الكيماوي", "هجوم بالأسلحة الكيميائية"): a mode of
# its own, so a chemical attack is never one event with the strikes that answered it. The stems (clitics off) of
# the adjective كيميائي in its three spellings (كيميائي، كيماوي، كيمياوي) and كيمائي; the weapon nouns that may
# stand between (سلاح، أسلحة، غاز، مواد).
CHEMICAL_STEMS = ("كيميايي", "كيماوي", "كيمياوي", "كيمايي")
WEAPON_NOUN_STEMS = frozenset(normalize(w) for w in ("سلاح", "اسلح", "غاز", "مواد", "ماد"))
WEAPON_REACH_WORDS = 2
CHEMICAL_MODE = "chemical"


@dataclass(frozen=True, slots=True)
class Sense:
    context: frozenset[str]  # empty: the default row ("*")
    event_type: str | None  # None: not a political event
    event_mode: str | None


# The mode of a statement lemma of speech_cues.tsv that event_lemmas.tsv does not describe.
STATEMENT_MODES = {
    "ACCUSE": "accuse",
    "REQUEST": "call",
    "THREATEN": "threaten",
    "REJECT": "reject",
    "SUPPORT": "support",
}


class StatementTypeError(ValueError):
    """An event_lemmas.tsv row of category "statement" whose lemma has no PLOVER type in speech_cues.tsv."""


# The PLOVER lemmas a corpus census admitted (bench/quality/build_event_lemmas.py writes it; same columns, plus the
# counts that admitted each row).
CENSUS_LEMMAS = "event_lemmas_census.tsv"


@cache
def trigger_lexicon() -> LemmaLexicon:
    """event_lemmas.tsv and event_lemmas_census.tsv, their statements typed by the quote stage's speech_cues.tsv, plus
    the statements they lack."""
    statements = {normalize(cue.lemma): cue for cue in speech_cues() if cue.plover_type}
    rows = []
    described = set()
    for row in [*read_tsv("event_lemmas.tsv"), *read_tsv(CENSUS_LEMMAS)]:
        if row["category"] == "statement":
            key = normalize(row["lemma"].split("|")[0])
            if key not in statements:
                raise StatementTypeError(f"event_lemmas.tsv: {row['lemma']} has no plover_type in speech_cues.tsv")
            row = {**row, "category": str(statements[key].plover_type)}
            described.add(key)
        rows.append(row)
    for key, cue in statements.items():
        if key not in described:
            kind = str(cue.plover_type)
            rows.append({"lemma": cue.lemma, "pos": "verb", "category": kind, "mode": STATEMENT_MODES[kind]})
    return LemmaLexicon.from_rows(rows, "event_lemmas.tsv + event_lemmas_census.tsv + speech_cues.tsv")


@cache
def senses() -> dict[str, tuple[Sense, ...]]:
    found: dict[str, list[Sense]] = {}
    for row in read_tsv("event_senses.tsv"):
        context = frozenset() if row["context"] == "*" else frozenset(normalize(w) for w in row["context"].split("|"))
        kind = None if row["event_type"] == "-" else row["event_type"]
        found.setdefault(row["lemma"].split("|")[0], []).append(
            Sense(context, kind, None if row["event_mode"] == "-" else row["event_mode"])
        )
    return {lemma: tuple(rows) for lemma, rows in found.items()}


# The domains whose rows are stems (the market words bench/quality/build_business_words.py prints as stems; the
# prosecutor مدّعٍ, stem مدع): they match a word's stem as well as its key. The other rows are whole words and match
# its key only: دوري (a league) is not دورية (a patrol, whose stem it is), nor the rotating presidency (الرئاسة
# الدورية). Counted on 1500 political and economy articles of the census (bench/quality/build_event_lemmas.py's
# articles): of the triggers a sport word dropped in political sections about half were political reports, most of
# them through دورية and تسلل (infiltration; no longer a sport row).
STEM_DOMAINS = frozenset({"market", "court"})


@cache
def domain_words() -> dict[str, frozenset[str] | None]:
    """Normalised domain word -> the event types it rules out (None: every type but POLITICAL_IN_ANY_DOMAIN)."""
    return {
        normalize(row["word"]): None if row["event_types"] == "*" else frozenset(row["event_types"].split("|"))
        for row in read_tsv("event_domains.tsv")
    }


@cache
def domain_stems() -> frozenset[str]:
    """The domain words that are stems (STEM_DOMAINS): a word's stem is looked up only among these."""
    return frozenset(normalize(row["word"]) for row in read_tsv("event_domains.tsv") if row["domain"] in STEM_DOMAINS)


def ruled_out(seq: tuple[Word, ...]) -> frozenset[str] | None:
    """The event types the sentence's domain words rule out: None for none, ALL_TYPES for all."""
    found: set[str] = set()
    for w in seq:
        for form in (w.key, w.stem if w.stem in domain_stems() else None):
            if form in domain_words():
                types = domain_words()[form]
                if types is None:
                    return ALL_TYPES
                found |= types
    return frozenset(found) if found else None


@cache
def excluded(entry: LexiconEntry) -> frozenset[str]:
    value = entry.get("exclude") or "-"
    return frozenset() if value == "-" else frozenset(normalize(w) for w in value.split("|"))


def is_excluded(word: Word, entry: LexiconEntry) -> bool:
    """A form the entry's ``exclude`` column gives to another word; one written with ال only with the article."""
    forms = excluded(entry)
    article = word.article or word.key.startswith("ال")
    bare = word.key.removeprefix("ال")
    return word.key in forms or word.norm in forms or bare in forms or (article and "ال" + bare in forms)


def find_triggers(text: str, start: int, end: int) -> list[TriggerHit]:
    """The event triggers of the sentence ``text[start:end]``, in text order, offsets into ``text``."""
    seq = words(text, start, end)
    out_of_scope = ruled_out(seq) or frozenset()
    lexicon = trigger_lexicon()
    hits: list[TriggerHit] = []
    last_word = -10
    i = 0
    while i < len(seq):
        match, word = _match(lexicon, seq, i)
        if match is None or word is None:
            i += 1
            continue
        entry = match.entry
        i = match.last + 1
        if is_excluded(word, entry) or impossible_noun(word, entry):
            continue
        previous = seq[match.first - 1] if match.first else None
        pos = form_role(word, entry, previous)
        if pos != "verb" and previous is not None and previous.key == NEGATING_NOUN:
            continue
        if previous is not None and previous.key in MANNER_NOUNS and previous.proclitics.endswith("ب"):
            continue
        wanted = entry.get("forms") or "all"
        if wanted == "noun" and pos == "verb" and word.key == normalize(entry.lemma.split()[0]):
            pos = "noun"  # عزل read as the verbal noun it is spelled like ("أعلنت النيجر عزل ديوب")
        if (wanted == "verb" and pos == "noun") or (wanted == "noun" and pos != "noun"):
            continue
        event_type, mode = sense_of(entry, seq, match.first, match.last)
        if event_type is None or (event_type in out_of_scope and event_type not in POLITICAL_IN_ANY_DOMAIN):
            continue
        if mode == "kill" and is_outcome(seq, match.first):
            continue
        head_words = len(entry.lemma.split("…")[0].split())
        hit_end = seq[match.first + head_words - 1].end if "…" in entry.lemma else match.end
        if mode == "visit" and "…" in entry.lemma and AMOUNT_AFTER.match(text, match.end):
            continue
        if hits and hits[-1].entry.event_type == event_type and match.first - last_word - 1 <= SAME_EVENT_GAP_WORDS:
            continue
        if hits and hits[-1].entry.trigger == entry.lemma and match.first - last_word - 1 <= COGNATE_OBJECT_GAP_WORDS:
            continue
        future = "س" in word.proclitics
        trigger = Trigger(entry.lemma, event_type, mode, pos)
        hits.append(TriggerHit(match.start, hit_end, trigger, future, pos == "verb" and plural_subject(word, entry)))
        last_word = match.last
    return hits


def impossible_noun(word: Word, entry: LexiconEntry) -> bool:
    """A word with the article or ب/ل whose base is an imperfect verb form: the lexicon matched a look-alike."""
    if entry.pos != "verb" or not (word.article or word.proclitics[-1:] in ("ب", "ل", "ك")):
        return False
    lemma = normalize(entry.lemma.split()[0])
    return any(word.key.startswith(prefix) and not lemma.startswith(prefix) for prefix in IMPERFECT_PREFIXES)


def plural_subject(word: Word, entry: LexiconEntry) -> bool:
    """The verb carries a plural subject suffix: perfect -وا ("اقتحموا") or imperfect -ون ("يتهمونها"). Arabic puts a
    verb before its noun subject in the singular, so a name after a plural verb is its object."""
    lemma = normalize(entry.lemma.split()[0])
    key = word.key
    if key.endswith("وا") and not lemma.endswith("وا"):
        return True
    return key.startswith(("ي", "ت")) and key.endswith("ون") and not lemma.endswith("ون")


def is_outcome(seq: tuple[Word, ...], i: int) -> bool:
    """The word at ``i`` follows "أسفر عن" / "أدى إلى" / "خلف": it is the outcome of an event reported before it."""
    before = [w.key for w in seq[max(0, i - 2) : i]]
    return any(w in OUTCOME_VERBS for w in before) and all(w in OUTCOME_WORDS | OUTCOME_VERBS for w in before[-1:])


def _match(lexicon: LemmaLexicon, seq: tuple[Word, ...], i: int):
    """The lexicon match at word ``i``, and the word it matched; a word read as ل + ال is tried again as ل + the
    word ("للقاء" is "to the meeting", ل + لقاء), one read as و + ال as و + the word ("والتقى": و + التقى)."""
    match = lexicon.match_at(seq, i)
    if match is not None:
        return match, seq[i]
    word = seq[i]
    misread = word.proclitics.endswith("لل") or (word.proclitics[:1] in "وف" and word.article)
    if word.proclitics and misread and len(word.norm) > 3:
        retry = analyse(word.surface[1:], word.start + 1)
        match = lexicon.match_at((*seq[:i], retry, *seq[i + 1 :]), i)
        if match is not None:
            return match, retry
    return None, None


def form_role(word: Word, entry: LexiconEntry, previous: Word | None = None) -> str:
    """verb, participle or noun: how the matched word reads (a noun lemma's words are nouns)."""
    if entry.pos != "verb":
        return "participle" if entry.get("forms") == "participle" else "noun"
    lemma = normalize(entry.lemma.split()[0])
    key = word.key
    if word.article or word.proclitics[-1:] in ("ب", "ل", "ك") or (key.startswith("ال") and not lemma.startswith("ال")):
        return "noun"
    if word.enclitic and word.base in (lemma + "ت", lemma[:-1] + "ت") and lemma[2:3] != "ا":
        return "verb"  # "نفته وزارة الدفاع", "رفضته": she denied it; not a feminine noun (إدانته is, أدان is hollow)
    if lemma.startswith("ت") and word.enclitic:
        return "noun"  # forms V and VI take no object: تعاونها is "its cooperation"
    if previous is not None and (
        previous.key in GOVERNING_PREPOSITIONS or "س" in previous.proclitics or is_number(previous)
    ):
        return "noun"  # "مع دعمنا": with our support; "ستواصل دعمها": a verb's object is its verbal noun
    if key in (lemma, lemma + "ت", lemma + "تا", lemma + "وا"):
        return "verb"  # أنشأت ends like a plural noun but is the verb
    form_three = len(lemma) == 4 and lemma[1] == "ا"
    if key.startswith("م") and not lemma.startswith("م") and not (form_three and key.endswith(NOUN_ENDINGS)):
        return "participle"  # but مساعدة, the verbal noun of form III ساعد, is spelled like its participle
    if form_one_participle(key, lemma):
        return "participle"
    if key.endswith(NOUN_ENDINGS):
        return "noun"
    if lemma.startswith("ت") and word.enclitic:
        return "noun"  # forms V and VI take no object: تعاونها is "its cooperation"
    if verbal_noun_shape(key, lemma):
        return "noun"
    bare = key.removesuffix(ACCUSATIVE_ALIF)
    if bare != key and verbal_noun_shape(bare, lemma) and not lemma.endswith("ا"):
        # "عقد اجتماعا", "شن هجوما", "أجرى اتصالا": a verbal noun's indefinite accusative; not a dual verb, nor a
        # defective verb's plural ("دعوا" is دعا's, not دعو + ا)
        return "noun"
    return "verb"


def form_one_participle(key: str, lemma: str) -> bool:
    """The word is the accusative active participle of a form I verb, فاعلًا, as news writes a statement's second
    verb ("بعث برسالة …، داعيا فيها الحكومة إلى", "رافضا", "نافيا"): the verb's first letter then ا, the accusative
    alif at the end. Without that alif the word is read as before (داعي "reason", طالب "student" are listed in the
    exclude column; a bare فاعل is as often a noun). Not a hollow verb (زار: its ا is the root's)."""
    return (
        len(lemma) == 3
        and lemma[1] != "ا"
        and key[:2] == lemma[0] + "ا"
        and key.endswith(ACCUSATIVE_ALIF)
        and len(key) == 5
    )


def verbal_noun_shape(key: str, lemma: str) -> bool:
    """The word (normalised, clitics off) is spelled as the verbal noun of the verb ``lemma``, not as one of its forms."""
    if len(key) > len(lemma) and key[-2:-1] in ("ا", "ي") and lemma[-2:-1] not in ("ا", "ي") and key[:1] not in "يتن":
        return True  # اتهام، تدريب are verbal nouns; يتهم is a verb
    if key.startswith("ت") and not lemma.startswith("ت") and key[-2:-1] == "ي" and lemma[-2:-1] != "ي":
        return True  # تهديد، تسليم
    if len(lemma) > 3 and lemma[-2] == "ا" and key == lemma[:-2] + "يا" + lemma[-1]:
        return True  # the verbal noun of a hollow verb of form VII/VIII: اغتال -> اغتيال، اختار -> اختيار
    # the verbal noun of a defective verb: غزا -> غزو (no finite form ends so without its alif)
    return lemma.endswith("ا") and key == lemma[:-1] + "و"


def is_passive(text: str, hit: TriggerHit) -> bool:
    """A passive verb: a damma on its first letters ("اعتُقل", "قُتل"), ألقي before القبض, or a hollow verb's
    passive perfect, which its spelling shows without diacritics (اغتال -> "اغتيل", أقال -> "أقيل")."""
    word_end = hit.char_end
    while word_end < len(text) and not text[word_end].isspace():
        word_end += 1
    surface = text[hit.char_start : word_end]
    lemma = normalize(hit.entry.trigger.split()[0])
    if PASSIVE_ARREST.match(surface):
        return True
    if PASSIVE_MARK.match(surface):
        # The active imperfect of forms II-IV has a damma on its prefix too ("تُطالب", "يُدرّب", "يُقدّم").
        raw = hit.entry.trigger.split()[0]
        derived = (len(lemma) == 4 and (lemma[1] == "ا" or raw[:1] == "أ")) or "\u0651" in raw
        return not (IMPERFECT_DAMMA.match(surface) and derived)
    found = words(text, hit.char_start, word_end)[:1]
    return bool(found) and len(lemma) > 3 and lemma[-2] == "ا" and found[0].key == lemma[:-2] + "ي" + lemma[-1]


def counted_patient(text: str, hit: TriggerHit) -> bool:
    """The verb is followed by a count ("قتل 12 شخصا", "واعتقل ما يصل إلى 3700 شخص", "قتل منهم أكثر من 400 طفل"):
    unvowelled, that is the passive news writes for casualties and arrests, the count its patient."""
    following = words(text, hit.char_end, min(len(text), hit.char_end + COUNT_LOOKAHEAD_CHARS))
    for word in following[:COUNT_REACH_WORDS]:
        if word.key in COUNT_LEAD_WORDS:
            continue
        return word.norm[:1].isdigit() or is_number(word) or word.key in CARDINALS
    return False


def is_number(word: Word) -> bool:
    """A numeral word: a noun follows it ("45 ألف طلب", "عشرات الهجمات"); not a figure, which may end a date
    ("في 16 سبتمبر 2023، أنشأت")."""
    return word.key in NUMBER_WORDS


def sense_of(entry: LexiconEntry, seq: tuple[Word, ...], first: int, last: int) -> tuple[str | None, str | None]:
    """The trigger's PLOVER type and mode in this context (event_senses.tsv), or the entry's own."""
    rows = senses().get(entry.lemma)
    if not rows:
        return entry.category, entry.get("mode")
    near = seq[max(0, first - SENSE_BEFORE_WORDS) : last + 1 + SENSE_AFTER_WORDS]
    keys = {w.key for w in near} | {w.stem for w in near} | {w.norm for w in near}
    for sense in rows:
        if not sense.context or sense.context & keys:
            return sense.event_type, sense.event_mode
    return entry.category, entry.get("mode")


def weapon_mode(text: str, trigger_end: int) -> str | None:
    """ "الهجوم الكيماوي", "هجوم بالأسلحة الكيميائية": the chemical mode, from the adjective right after the noun or
    after a weapon noun there."""
    following = words(text, trigger_end, min(len(text), trigger_end + 60))[: WEAPON_REACH_WORDS + 1]
    for word in following:
        if word.stem.startswith(CHEMICAL_STEMS) or word.key.startswith(CHEMICAL_STEMS):
            return CHEMICAL_MODE
        if word.stem not in WEAPON_NOUN_STEMS and word.key not in WEAPON_NOUN_STEMS:
            return None
    return None
