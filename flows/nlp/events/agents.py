"""The agent of one event trigger, read from its clause: a verb's subject, a noun's agent, and the words that move
them (a preposition, a complementiser with a pronoun, a plural verb, a quantifier, a charge or a request's content).

Arabic news puts a verb's subject right after it ("التقى الوزير نظيره ...": VSO) unless the verb spells a plural
subject ("اقتحموا المعبر") or a pronoun carries it ("إنها استهدفت"); a noun's agent stands before it as a light
verb's subject ("أجرى الوزير محادثات ...") or right after it as a genitive ("زيارة لافروف ...") or behind "من قبل".
A definite noun right after a verb that no entity covers is an unnamed subject ("وأدانه المجتمع الدولي"): no name of
an earlier clause replaces it. Each agent says where it came from (Roles.source in roles.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flows.dates.lexicon import lexicon as date_words
from flows.nlp.entities.gazetteer import name_stopwords
from flows.nlp.text import words
from flows.nlp.text.arabic import normalize, tokens
from flows.nlp.text.syntax import auxiliary_verb, between_commas, verb_gender
from flows.resources import read_tsv, read_tsv_tuples

# A verb's subject stands within this many words after it (titles like "سفير فرنسا السابق لدى الاتحاد الأفريقي" come
# between; 7 is the longest title in the seeds, checked on their gold).
VERB_SUBJECT_TOKENS = 7
# A noun trigger's agent stands within this many words before it ("يجري الرئيس ... محادثات").
NOUN_AGENT_TOKENS = 10
COMPLEMENTISERS = frozenset(normalize(w) for w in ("أن", "أنّ", "إن", "أنه", "إنه"))
# Clitics a complementiser may carry and stay one: بأن, وأن, لأن (normalised).
COMPLEMENTISER_CLITICS = frozenset({"ب", "و", "ل"})
PREPOSITIONS = frozenset(normalize(w) for w in ("في", "إلى", "على", "عن", "من", "مع", "منذ", "لدى", "ضد", "نحو"))
PREPOSITION_REACH_TOKENS = 2
# What a nisba adjective can stand for: a country ("القوات الإيرانية"), or a body the gazetteer gives one ("الميليشيات
# الحوثية", "القوات الأممية").
NISBA_TYPES = frozenset({"GPE", "ORG"})
# A visit's noun names its visitor a few words on, behind ل or a title ("بالزيارة التاريخية لولي العهد السعودي
# الأمير محمد بن سلمان": five words); not behind مع / بين, which name whom the visitor met.
VISITOR_AFTER_TOKENS = 6
CO_PARTICIPANT_WORDS = frozenset(normalize(w) for w in ("مع", "بين", "ومع"))
# "بالتعاون من قبل X": the words that introduce a noun's agent (normalised).
AGENT_PHRASES = frozenset(
    (normalize(a), normalize(b)) for a, b in (("من", "قبل"), ("من", "جانب"), ("على", "يد"), ("على", "أيدي"))
)
# A passive verb's agent stands this many words after its phrase at most ("على يد عناصر حزب الله": a force's noun, then
# the name; "من قبل الشرطة التركية": the nisba on its noun).
BY_PHRASE_REACH_TOKENS = 2
# "كل من إيران والحوثيين": من after كل is a quantifier, not a preposition.
QUANTIFIER_BEFORE_MIN = normalize("كل")
# Words after which a name then a verb is subject then verb: كان and its forms, قد, لقد, لكن (a sister of إن: "لكن
# الاتحاد الأوروبي حذر"), normalised, with و/ف.
PREPOSING_WORDS = frozenset(
    normalize(p + w)
    for p in ("", "و", "ف")
    for w in ("كان", "كانت", "كانوا", "قد", "لقد", "ثم", "حيث", "بينما", "لكن", "لكنّ")
)
# The counterpart noun (نظير، نظيرة، نظراء) with its suffixes and a conjunction: whom an official met, not who met.
COUNTERPART = re.compile(r"^[وف]?(?:ل|ب)?(?:ال)?(?:نظير|نظرا)")
# Its person stands within this many words after it: the nisba, then a two-word name's first word, or a comma's
# apposition ("نظيره الروسي، فلاديمير بوتين").
COUNTERPART_REACH_TOKENS = 3
# The nouns news names an attack's doer with before its owner ("شنتها طائرات التحالف"), counted on ANT v2.1 by
# bench/quality/build_force_nouns.py: "غارات لمقاتلات التحالف", "غارات الطائرات الإسرائيلية" name the doer, and
# "قصفت مقاتلات التحالف" names the verb's subject, not a plural object.
FORCE_NOUNS = frozenset(row["noun"] for row in read_tsv("force_nouns.tsv"))
REQUEST_CONTENT_WORDS = frozenset(normalize(w) for w in ("على", "إلى"))
# A ب-word this long opens a charge ("بشن", "بالتدخل"); shorter ones are particles (بها، به، بين).
CHARGE_WORD_MIN_LETTERS = 3
# A definite word this long after a verb is a noun ("الشرطة"), not a particle or a relative pronoun (الذي، التي).
DEFINITE_NOUN_MIN_LETTERS = 4
# Quantifiers that open an object noun phrase (normalised): "كل طلبات إيران", "جميع الاتهامات".
OBJECT_QUANTIFIERS = frozenset(normalize(w) for w in ("كل", "جميع", "بعض", "أي", "عدد", "عشرات", "مئات", "آلاف"))
# The name a subject pronoun refers to stands this close before it ("روسيا وحلفاؤها إنها": the partner word and the
# complementiser); further back ("… الرئيس الصيني شي جين بينغ. لكنه أشاد") it is a name of another clause.
PRONOUN_REFERENT_GAP_TOKENS = 2
# A complementiser carrying a subject pronoun: "أنه", "إنها", "بأنهم" (normalised).
SUBJECT_PRONOUN_OPENER = re.compile(r"[وف]?ب?[اإأ]ن(?:ه|ها|هم|هما)")
# Punctuation that closes a clause, so a name after it starts a new one.
CLAUSE_PUNCTUATION = re.compile(r"[،,.:;؛«»\"()\-]")
# Between two members of a coordination: و, a comma, or "كل من" words.
COORDINATION = re.compile(r"[\s،,]*و?\s*")
# A numeral this few words before a nisba counts the noun it qualifies ("40 جندي تركي"); the count words are the
# numerals and quantifiers of OBJECT_QUANTIFIERS' kind that take a counted noun (normalised).
COUNTED_REACH_TOKENS = 2
COUNT_WORDS = frozenset(normalize(w) for w in ("عشرات", "مئات", "آلاف", "ألف", "عدد", "بضعة", "ثلاثة", "ثلاث", "عشرة"))
PREPOSITION_PREFIXED = re.compile(r"^[وف]?(?:بال|لل|با|لا|كال)")
# The words of the titles a person's name follows (flows/data/titles.tsv), without the article: "قال وزير الخارجية
# الأمريكي مايك بومبيو" names its subject after a title, "استهدف انفجار موكبا لرئيس الوزراء" does not.
TITLE_WORDS = frozenset(
    normalize(w).removeprefix("ال") for title, _ in read_tsv_tuples("titles.tsv") for w in title.split()
)
# The gender of a state or city as a verb's subject (flows/data/gazetteer/state_genders.tsv, a census of ANT v2.1 by
# bench/quality/build_state_genders.py: "قالت روسيا" 82 times against "قال روسيا" 2, "قال العراق" 14 against 0).
STATE_GENDERS = {row["entity_id"]: row["gender"] for row in read_tsv("gazetteer", "state_genders.tsv")}
# The letters of a form-I lemma (دعم، طلب، قطع; no shadda, which makes هدّد form II): unvowelled, its masculine
# perfect is spelled as its verbal noun.
FORM_ONE_LETTERS = 3
SHADDA = "\u0651"


@dataclass(frozen=True, slots=True)
class ActorCandidate:
    """An entity mention (or a resolved group phrase) that may fill a role."""

    char_start: int
    char_end: int
    entity_ids: tuple[str, ...]
    entity_type: str
    is_adjectival: bool = False
    # The country its entity belongs to (Entity.country_code): a person's state, a nisba's country.
    country_code: str | None = None


def gap_tokens(text: str, start: int, end: int) -> int:
    return len(tokens(text, start, end)) if end > start else 0


def word_start(text: str, start: int) -> int:
    """Where the word holding ``start`` begins: a nisba's mention may start after its article ("ال|مالي")."""
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start


def clitic_before(text: str, start: int) -> str:
    """The letters glued to the front of a mention ("لباماكو" -> "ل"), without a leading conjunction."""
    i = start
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    glued = normalize(text[i:start])
    return glued[1:] if glued[:1] in ("و", "ف") and len(glued) > 1 else glued


def pick_actor1(
    text: str,
    pos: str,
    genitive_is_agent: bool,
    trigger_start: int,
    trigger_end: int,
    after: list[ActorCandidate],
    before: list[ActorCandidate],
    shared_subject: ActorCandidate | None = None,
    subject_suffix: bool = False,
    verb_lemma: str = "",
) -> tuple[ActorCandidate | None, str]:
    """The agent, and where it came from (Roles.source).

    A verb's subject after it (not behind a preposition; not after a verb that spells its plural subject,
    "اقتحموا المعبر"), else the subject it shares with the verb before it (Arabic drops a repeated subject:
    "طالبوا بتسليم المتهم"), else the nearest actor before; a noun's agent before it, else its genitive, "من قبل X",
    or the first actor after it with no preposition between ("احتجاجا على إجراءات ترامب" names the target)."""
    direct = [c for c in after if not behind_preposition(text, trigger_end, c)]
    if pos == "verb":
        # "يلتقي خلالها نظيره الروسي فلاديمير بوتين": someone's counterpart is whom the subject met, its object.
        direct = [c for c in direct if not after_counterpart(text, c.char_start)]
        if before and is_preposed_subject(text, before[-1], trigger_start):
            return first_conjunct(text, before, len(before) - 1), "subject"
        if subject_pronoun_before(text, trigger_start):
            # "تقول الولايات المتحدة وحلفاؤها إنها استهدفت": the pronoun is the name before it, not an earlier
            # subject; a name after the verb is its object ("أكد أنه يدعم موقف مالي").
            if before and gap_tokens(text, before[-1].char_end, trigger_start) <= PRONOUN_REFERENT_GAP_TOKENS:
                return first_conjunct(text, before, len(before) - 1), "subject"
            return (shared_subject, "subject") if shared_subject is not None else (None, "guess")
        if direct and disagrees_in_gender(text, trigger_start, trigger_end, direct[0], verb_lemma):
            # "أكد روحاني …، وهدد واشنطن برد سريع": a masculine verb takes no feminine state right after it as its
            # subject; the state is its object, and the subject is the one the sentence carries (roles.py reads its
            # opening subject when no earlier report named one).
            return (shared_subject, "subject") if shared_subject is not None else (None, "carried")
        titled = None if subject_suffix else titled_person_after(text, trigger_end, after)
        if titled is not None:
            return titled, "subject"  # "دعا المفوض الأوروبي للشؤون الاقتصادية بيار موسكوفيسي إيطاليا"
        apposed = None if subject_suffix else apposed_person_after(text, trigger_end, after)
        if apposed is not None:
            return apposed, "subject"  # "وحث المبعوث الأممي إلى اليمن، مارتن غريفيث، الحكومة على الحوار"
        if not subject_suffix and direct and common_subject_after(text, trigger_end, after):
            # "استهدف انفجار موكبا لرئيس الوزراء … رامي الحمد الله", "يتهم مشروع القرار إسرائيل": a common noun
            # opens the clause as its subject; the name further on is in the object.
            return None, "unnamed"
        if (
            not subject_suffix
            and direct
            and gap_tokens(text, trigger_end, direct[0].char_start) <= VERB_SUBJECT_TOKENS
            and not inside_object(text, trigger_end, direct[0].char_start)
        ):
            return direct[0], "subject"
        unnamed = unnamed_subject_after(text, trigger_end, after)
        if shared_subject is not None and not (unnamed and carries_object(text, trigger_start, trigger_end)):
            return shared_subject, "subject"
        if unnamed:
            # "وأدانه المجتمع الدولي", "ودعت الشرطة السكان": a subject the entity layer did not name
            return None, "unnamed"
        return (first_conjunct(text, before, len(before) - 1) if before else None), "guess"
    # A noun with a pronoun ("لقائه", "زيارتها") has its genitive already: a name after it is its object, whom he
    # met, not who met (the possessor, parties.possessor, is the agent).
    genitive_is_agent = genitive_is_agent and not any(w.enclitic for w in words(text, trigger_start, trigger_end))
    visitor = next(
        (
            c
            for c in after
            if genitive_is_agent
            and c.entity_type == "PERSON"
            and gap_tokens(text, trigger_end, c.char_start) <= VISITOR_AFTER_TOKENS
            and not CO_PARTICIPANT_WORDS & {normalize(t.text) for t in tokens(text, trigger_end, c.char_start)}
        ),
        None,
    )
    if visitor is not None and not (before and gap_tokens(text, before[-1].char_end, trigger_start) == 0):
        return visitor, "genitive"  # "بالزيارة التاريخية لولي العهد السعودي الأمير محمد بن سلمان"
    if (
        genitive_is_agent
        and after
        and (gap_tokens(text, trigger_end, after[0].char_start) == 0 or lam_genitive(text, trigger_end, after[0]))
    ):
        # "زيارة لافروف" names the visitor; "عزل بازوم" or "طرد القوات" name the one it was done to. "خلال اجتماع
        # لمجلس الأمن": the body whose meeting it is, also behind ل.
        return after[0], "genitive"
    by_agent = next((c for c in after if agent_phrase_before(text, c)), None)
    if by_agent is not None:
        return by_agent, "by"  # "عقوبات من قبل كندا": by Canada
    if before and gap_tokens(text, before[-1].char_end, trigger_start) <= NOUN_AGENT_TOKENS:
        # "أجرى الوزير محادثات": the subject of a light verb; a noun behind a preposition ("شكك كوربن في الضربات")
        # is not its subject's act.
        return first_conjunct(text, before, len(before) - 1), "guess" if governed(text, trigger_start) else "before"
    free = [
        c
        for c in after
        if not clitic_before(text, c.char_start)  # "ضربات جوية لسوريا": to Syria
        and not any(is_preposition(t.text) for t in tokens(text, trigger_end, c.char_start))
    ]
    if free:
        return free[0], "guess"
    return (first_conjunct(text, before, len(before) - 1) if before else None), "guess"


def disagrees_in_gender(text: str, verb_start: int, verb_end: int, cand: ActorCandidate, lemma: str) -> bool:
    """A state or city of known gender (STATE_GENDERS) stands right after a singular verb of the other gender: it
    cannot be that verb's subject ("وهدد واشنطن", "وانتقدت العراق"). Not when the verb carries an object pronoun
    ("وهددها"): the name after it is then its subject whatever the census says."""
    gender = STATE_GENDERS.get(cand.entity_ids[0]) if cand.entity_type == "GPE" and not cand.is_adjectival else None
    verb = words(text, verb_start, verb_end)[-1:]
    if gender is None or not lemma or not verb or verb[0].enclitic or gap_tokens(text, verb_end, cand.char_start):
        return False
    if (
        SHADDA not in lemma
        and len(normalize(lemma)) == FORM_ONE_LETTERS
        and normalize(verb[0].base) == normalize(lemma)
    ):
        return False  # "دعم الجزائر للبوليساريو", "طلب واشنطن": a form-I perfect is spelled as its verbal noun
    said = verb_gender(verb[0].norm, lemma)
    return said is not None and said != gender


def lam_genitive(text: str, noun_end: int, cand: ActorCandidate) -> bool:
    """Only a glued ل stands between the noun and the name: "اجتماع لمجلس الأمن", "قمة لقادة الاتحاد"."""
    return cand.char_start > noun_end and normalize(text[noun_end : cand.char_start].strip()) in ("ل", "لل")


def titled_person_after(text: str, trigger_end: int, after: list[ActorCandidate]) -> ActorCandidate | None:
    """The person a verb's subject names after a description of him whose words are all definite, a complement with
    لل among them ("دعا المفوض الأوروبي للشؤون الاقتصادية بيار موسكوفيسي", "دعا الأمين العام للمنظمة أنطونيو
    غوتيريس"): the ل there belongs to the title, so the name is the subject, not an object behind a preposition.
    None without such a ل-complement (other subjects are read as before), or with a name, a comma or an indefinite
    word in the description."""
    person = next((c for c in after if c.entity_type == "PERSON"), None)
    if person is None or gap_tokens(text, trigger_end, person.char_start) > VERB_SUBJECT_TOKENS:
        return None
    if CLAUSE_PUNCTUATION.search(text[trigger_end : person.char_start]):
        return None
    if any(c.char_start < person.char_start and not c.is_adjectival for c in after):
        return None
    between = [normalize(t.text) for t in tokens(text, trigger_end, person.char_start)]
    definite = [w.removeprefix("و") for w in between]
    if not between or not all(w.startswith(("ال", "لل")) for w in definite) or definite[0].startswith("لل"):
        return None
    return person if any(w.startswith("لل") for w in definite) else None


def apposed_person_after(text: str, trigger_end: int, after: list[ActorCandidate]) -> ActorCandidate | None:
    """The person set off by commas after a description of him that opens right after the verb with a definite title
    ("وحث المبعوث الأممي إلى اليمن، مارتن غريفيث، الحكومة"): the description is the verb's subject and the name
    its apposition, so the name is the subject, not an object. None when a name (not a nisba) stands in the
    description or the person stands further than a description's reach."""
    person = next((c for c in after if c.entity_type == "PERSON"), None)
    if person is None or gap_tokens(text, trigger_end, person.char_start) > VERB_SUBJECT_TOKENS:
        return None
    if not between_commas(text, person.char_start, person.char_end):
        return None
    comma = max(text.rfind("،", trigger_end, person.char_start), text.rfind(",", trigger_end, person.char_start))
    if CLAUSE_PUNCTUATION.search(text[trigger_end:comma]):
        return None
    if any(c.char_start < person.char_start and not c.is_adjectival for c in after):
        return None
    head = tokens(text, trigger_end, comma)[:1]
    if not head:
        return None
    word = normalize(head[0].text).removeprefix("و")
    return person if word.startswith("ال") and word.removeprefix("ال") in TITLE_WORDS else None


def after_counterpart(text: str, start: int) -> bool:
    """The counterpart noun (نظيره، نظيرتها، نظرائه) stands among the few words before ``start``, behind the
    counterpart's nisba or title ("نظيره الروسي فلاديمير بوتين", "نظيره الروسي، فلاديمير بوتين")."""
    before = tokens(text, max(0, start - 60), start)[-COUNTERPART_REACH_TOKENS:]
    return any(COUNTERPART.match(normalize(t.text)) for t in before)


def charge_start(text: str, trigger_end: int, clause_end: int, request: bool = False) -> int:
    """Where an accusation's charge opens: the first word after the trigger glued to ب ("بالتدخل", "بمساعدة"); a
    request's content also after على or إلى ("حث X على", "دعا X إلى")."""
    for token in tokens(text, trigger_end, clause_end):
        word = normalize(token.text)
        if word.startswith(("ب", "وب")) and len(word) > CHARGE_WORD_MIN_LETTERS:
            return token.char_start
        if request and word in REQUEST_CONTENT_WORDS:
            return token.char_start
    return clause_end


def carries_object(text: str, trigger_start: int, trigger_end: int) -> bool:
    """The verb carries its object as a pronoun ("وأدانه"): a definite noun after it can only be its subject."""
    word = words(text, trigger_start, trigger_end)[-1:]
    return bool(word) and bool(word[0].enclitic)


def unnamed_subject_after(text: str, trigger_end: int, after: list[ActorCandidate]) -> bool:
    """The word right after the verb is a definite noun that no candidate covers: the verb's subject (Arabic puts it
    there), named by a role or a common noun ("المجتمع الدولي", "الشرطة", "النظام"), so a name before the verb is
    another clause's."""
    following = tokens(text, trigger_end, min(len(text), trigger_end + 40))[:1]
    if not following or any(c.char_start <= following[0].char_start < c.char_end for c in after):
        return False
    if CLAUSE_PUNCTUATION.search(text[trigger_end : following[0].char_start]):
        return False  # "قد وصل، الاثنين،": a time adverb set off by commas
    word = normalize(following[0].text)
    return word.startswith(("ال", "وال")) and word not in PREPOSITIONS and len(word) > DEFINITE_NOUN_MIN_LETTERS


def common_subject_after(text: str, trigger_end: int, after: list[ActorCandidate]) -> bool:
    """The word right after the verb is an indefinite common noun, no name, title, particle or time word (a name
    stopword), and no name is its genitive or stands behind its adjectives: the verb's subject, which names no one
    ("استهدف انفجار موكبا", "يتهم مشروع القرار إسرائيل"). A plural or a force's noun with a name after it ("قوات
    النظام", "غارات جوية للتحالف") is the name's, and so is a title ("قال وزير الخارجية")."""
    following = words(text, trigger_end, min(len(text), trigger_end + 80))
    if len(following) < 2 or CLAUSE_PUNCTUATION.search(text[trigger_end : following[0].start]):
        return False
    head = following[0]
    if any(c.char_start < head.end and head.start < c.char_end for c in after):
        return False
    if head.proclitics or head.norm[:1].isdigit() or head.norm.endswith("ا") or not head.norm.isalpha():
        return False  # "بالقيادي", "الشرطة" (unnamed_subject_after's), "45", "أيضا", "رسميا"
    if head.enclitic:
        return False  # "أعلن المغرب قطع علاقاته مع إيران": a noun with a pronoun is definite, the object, not a subject
    if head.key in TITLE_WORDS or head.norm in name_stopwords() or is_preposition(head.norm) or time_word(head.norm):
        return False
    if head.norm.endswith("ات") or head.norm in OBJECT_QUANTIFIERS or head.norm in COUNT_WORDS:
        return False  # "غارات التحالف", "عشرات المدنيين": a plural or a count before a name is the name's
    first_name = next((c for c in after if c.char_start >= head.end), None)
    if first_name is None or gap_tokens(text, head.end, first_name.char_start) == 0:
        return False  # "قوات النظام": the name is the noun's genitive
    between = words(text, head.end, first_name.char_start)
    if all(w.norm.endswith(ADJECTIVE_ENDINGS) for w in between):
        return False  # "غارات جوية للتحالف": the noun's adjectives, then its owner
    if any(w.enclitic for w in between):
        return False  # "قتلت عبوة ناسفة زرعتها ميليشيا الحوثي": a clause on the noun names who stands behind it
    # "حذر رجل الدين الإيراني البارز أحمد خاتمي": a person after a description of him, with no preposition or
    # indefinite object ("موكبا لرئيس الوزراء …") between, is that description's name.
    return not (
        first_name.entity_type == "PERSON"
        and not any(w.proclitics.removesuffix("ال")[-1:] in ("ب", "ل") or w.norm.endswith("ا") for w in between)
        and not any(is_preposition(w.norm) for w in between)
    )


def time_word(word: str) -> bool:
    """A weekday, a month, or a word of a relative date or a time of day (flows/data/weekdays.tsv, months.tsv,
    relative_dates.tsv): "التقى مساء الأحد …" names no subject with its first word."""
    lexicon = date_words()
    return word in lexicon.weekdays or word in lexicon.months or any(word in kind for kind in lexicon.words.values())


# The endings of an adjective between a noun and the name it belongs to ("غارات جوية للتحالف"), normalised.
ADJECTIVE_ENDINGS = ("ي", "يه", "يين", "يون", "يات")


def inside_object(text: str, start: int, end: int) -> bool:
    """A quantifier or a plural noun stands between a verb and a name: the name is the genitive of the object
    ("رفض بشكل قاطع كل طلبات إيران": Iran's requests), not the subject (titles are singular: "قال الرئيس الأمريكي")."""
    words = [normalize(t.text).removeprefix("و").removeprefix("ال") for t in tokens(text, start, end)]
    for i, word in enumerate(words):
        if word == QUANTIFIER_BEFORE_MIN and words[i + 1 : i + 2] == [normalize("من")]:
            continue  # "وينفي كل من إيران والحوثيون": "both Iran and the Houthis", the subject
        if word in FORCE_NOUNS:
            continue  # "قصفت مقاتلات التحالف": a force's noun heads the subject
        if word in OBJECT_QUANTIFIERS or (word.endswith("ات") and len(word) > 4):
            return True
    return False


def subject_pronoun_before(text: str, start: int) -> bool:
    """The word right before ``start`` is a complementiser carrying the verb's subject pronoun ("أنها", "إنهم")."""
    before = tokens(text, max(0, start - 20), start)[-1:]
    return bool(before) and bool(SUBJECT_PRONOUN_OPENER.fullmatch(normalize(before[0].text)))


def governed(text: str, start: int) -> bool:
    """The word at ``start`` is behind a preposition: a glued ب/ل/ك or a preposition word right before it."""
    own = tokens(text, start, min(len(text), start + 30))[:1]
    if clitic_before(text, start)[-1:] in ("ب", "ل", "ك") or (
        own and PREPOSITION_PREFIXED.match(normalize(own[0].text))
    ):
        return True
    before = tokens(text, max(0, start - 30), start)[-1:]
    return bool(before) and is_preposition(before[0].text)


def is_preposition(word: str) -> bool:
    norm = normalize(word)
    return norm in PREPOSITIONS or norm[1:] in PREPOSITIONS and norm[:1] in ("و", "ف")


def agent_phrase_before(text: str, cand: ActorCandidate) -> bool:
    """ "من قبل X", "من جانب X", "على يد X": X is who did it."""
    words = [normalize(t.text) for t in tokens(text, max(0, cand.char_start - 30), cand.char_start)][-2:]
    return len(words) == 2 and tuple(words) in AGENT_PHRASES


def by_phrase_agent(text: str, start: int, end: int, cands: list[ActorCandidate]) -> ActorCandidate | None:
    """The agent a passive verb names in its clause [start, end) behind "من قبل", "على يد", "على أيدي" or "من جانب":
    "واعتُقل الصحفي من قبل الشرطة التركية" (Turkey, by the nisba on the police), "قُتل الناشط على يد عناصر حزب الله";
    None when the clause has no such phrase (the agent is left unsaid)."""
    found = tokens(text, start, end)
    for first, second in zip(found, found[1:]):
        if (normalize(first.text).removeprefix("و"), normalize(second.text)) not in AGENT_PHRASES:
            continue
        return next(
            (
                c
                for c in sorted(cands, key=lambda c: c.char_start)
                if second.char_end <= c.char_start < end
                and gap_tokens(text, second.char_end, word_start(text, c.char_start)) <= BY_PHRASE_REACH_TOKENS
            ),
            None,
        )
    return None


def first_conjunct(text: str, cands: list[ActorCandidate], last: int) -> ActorCandidate:
    """The first member of the coordination that ends with ``cands[last]`` ("أمريكا وبريطانيا وفرنسا يقصفون": the
    agent named first, as the gold names a coalition by its first member)."""
    i = last
    while i > 0 and COORDINATION.fullmatch(text[cands[i - 1].char_end : cands[i].char_start]):
        i -= 1
    return cands[i]


def is_preposed_subject(text: str, cand: ActorCandidate, trigger_start: int) -> bool:
    """A name right before a verb, itself after كان/قد (or another auxiliary verb: "وظل ترامب ينتقد") or at the start
    of its clause, is the verb's subject ("وكانت دمشق اتهمت إسرائيل", "إن واشنطن انسحبت"); so is a nisba on the noun there ("أن الصواريخ الإسرائيلية
    استهدفت": Israel)."""
    if gap_tokens(text, cand.char_end, trigger_start) != 0:
        return False
    before = tokens(text, max(0, cand.char_start - 60), cand.char_start)
    if cand.is_adjectival:
        # "أن الصواريخ الإسرائيلية استهدفت": a nisba on the subject noun; the clause starts before that noun.
        before = before[:-1]
    if not before:
        return True
    word = normalize(before[-1].text)
    return (
        word in PREPOSING_WORDS
        or auxiliary_verb(word)  # "وظل ترامب ينتقد الاتفاق": كان's sisters and the verbs of beginning
        or complementiser(word)
        or bool(CLAUSE_PUNCTUATION.search(text[before[-1].char_end : cand.char_start]))
    )


def complementiser(word: str) -> bool:
    """أن/إن, bare or with a clitic that leaves it a complementiser (normalised): "بأن", "وأن", "لأن" ("أيدت مزاعم
    بأن الحكومة الروسية وافقت": the name after it opens the clause, the verb's subject)."""
    return word in COMPLEMENTISERS or (word[:1] in COMPLEMENTISER_CLITICS and word[1:] in COMPLEMENTISERS)


def behind_preposition(text: str, start: int, cand: ActorCandidate) -> bool:
    """A preposition just before the candidate makes it an object ("بتسليم المتهم", "من إيكواس").

    Only the last words count: a title in between may hold one of its own ("سفير فرنسا لدى ...").
    """
    words = [normalize(t.text) for t in tokens(text, start, cand.char_start)]
    between = words[-PREPOSITION_REACH_TOKENS:]
    if len(words) >= 2 and words[-2:] == [QUANTIFIER_BEFORE_MIN, normalize("من")]:
        return False  # "كل من إيران"
    glued = clitic_before(text, cand.char_start)
    return bool(glued) or any(word in PREPOSITIONS or PREPOSITION_PREFIXED.match(word) for word in between)


def subject_nisba_after(
    text: str, trigger_end: int, inside: list[ActorCandidate], actors_after: list[ActorCandidate]
) -> ActorCandidate | None:
    """ "وتدعم القوات الإيرانية قوات الحكومة السورية": a definite noun right after the verb is its subject (VSO),
    and a nisba on it names the subject's country; the names after it are the object. Not when a name follows the
    nisba at once: "قال الرئيس الأمريكي ترامب" — the title's holder is the subject."""
    nisba = next(
        (
            c
            for c in inside
            if c.is_adjectival and c.entity_type in NISBA_TYPES and c.char_start >= trigger_end
            and gap_tokens(text, trigger_end, word_start(text, c.char_start)) == 1
        ),
        None,
    )  # fmt: skip
    if nisba is None or not subject_noun_nisba(text, trigger_end, nisba.char_start, nisba.char_end):
        return None
    holder = next((c for c in actors_after if c.char_start >= nisba.char_end), None)
    if holder is not None and gap_tokens(text, nisba.char_end, holder.char_start) == 0:
        return None
    return nisba


def subject_noun_nisba(text: str, verb_end: int, start: int, end: int) -> bool:
    """The nisba at [start, end) qualifies the definite noun right after the verb ending at ``verb_end``, and that
    noun can be the verb's subject: a feminine verb ("وطلبت", "وتطالب") does not take a masculine noun ("السفير
    الإسرائيلي", "المسؤولين الأمريكيين") as its subject, so that noun is its object."""
    between = tokens(text, verb_end, word_start(text, start))
    if len(between) != 1 or CLAUSE_PUNCTUATION.search(text[verb_end:start]):
        return False
    head = normalize(between[0].text)
    if not head.startswith(("ال", "وال")) or is_preposition(head) or PREPOSITION_PREFIXED.match(head):
        return False
    verb = tokens(text, max(0, verb_end - 30), verb_end)[-1:]
    return not (verb and feminine_verb(normalize(verb[0].text)) and masculine_nisba(normalize(text[start:end])))


def feminine_verb(word: str) -> bool:
    """A third-person feminine verb form: the perfect's -ت ("طلبت", "وقصفت") or the imperfect's ت- ("وتطالب")."""
    bare = word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word
    return bare.endswith("ت") or (bare[:1] == "ت" and not bare.endswith(("ون", "وا")))


def masculine_nisba(word: str) -> bool:
    """A masculine nisba (normalised): "الاسرائيلي", "الامريكيين", "الروسيون"; not "الاسرائيليه"."""
    return word.endswith(("ي", "يين", "يون"))


def counted(text: str, cand: ActorCandidate) -> bool:
    """A nisba inside a counted noun phrase ("قتل 40 جندي تركي", "مقتل عشرات الجنود الأتراك"): its country's people
    are the ones counted, the victims or objects, not the agent."""
    return any(
        t.text.isdigit() or normalize(t.text).removeprefix("و") in COUNT_WORDS
        for t in tokens(text, max(0, cand.char_start - 30), word_start(text, cand.char_start))[-COUNTED_REACH_TOKENS:]
    )
