"""The derived forms of an Arabic lemma, written without diacritics and normalised, clitics left off.

    >>> sorted(derived_forms("أكّد", "verb") & {"يوكد", "تاكيد", "موكدا", "اكدت"})
    ['اكدت', 'تاكيد', 'موكدا', 'يوكد']

A verb lemma is its past tense, third person masculine singular, as a dictionary lists it (قال، أكّد، اتهم،
استقبل). Its family is the past and present conjugations, the active and passive participles, and the verbal
noun when its pattern predicts it; participles and verbal nouns are then inflected as nouns (feminine, dual,
plurals, accusative alef): قال -> يقول، قالت، قالوا، قيل، قائل، قائلة، قائلا، قول; اتهم -> يتهم، اتهام، اتهامات،
متهم، متهما. A three-letter verb is read as form I unless its middle letter carries a shadda (أكّد is form II:
تأكيد، مؤكد); the verbal noun of form I is not predictable, so only the one spelled like the verb (قتل، قول) is
made: list others (زيارة، ذهاب) as noun lemmas of their own. A noun lemma gets its feminine, dual, sound plurals
and accusative; a broken plural is listed beside it in the lexicon file (تصريح|تصاريح). ``fixed`` keeps the word
as it is (particles, names).

The forms are made for matching, so a few of them are not real words (an imperfect of a hamza verb is made with
both ا and و for its hamza: يأخذ and يؤكد). That costs nothing as long as they do not collide with real words of
another lemma: LemmaLexicon.ambiguous_forms lists the forms two categories of a lexicon share, for its tests.
"""

from __future__ import annotations

from functools import lru_cache

from flows.nlp.text.arabic import DIACRITICS, normalize

SHADDA = "\u0651"
HAMZA_ALEFS = "أإآءا"
# Endings of the past tense: he/she/they/you/we (قال، قالت، قالوا، قالا، قالتا، قلن، قلنا، قلتم، قلتما، قلتن).
PAST_SUFFIXES = ("", "ت", "ا", "وا", "تا", "ن", "نا", "تم", "تما", "تن")
# Endings after a consonant-initial suffix shortens a hollow verb: قلت، قلنا، قلتم.
SHORT_PAST_SUFFIXES = ("ت", "نا", "تم", "تما", "تن", "ن")
IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")
# The third person only: he, she, they (كان، كانت، كانا، كانوا، كانتا، كنّ; يكون، تكون، يكونان، يكونون، يكنّ).
THIRD_PERSON_PAST_SUFFIXES = ("", "ت", "ا", "وا", "تا", "ن")
THIRD_PERSON_PREFIXES = ("ي", "ت")
THIRD_PERSON_PRESENT_SUFFIXES = ("", "ون", "ان", "ن")
# يقول، يقولون، يقولان، تقولين، يقولوا، يقلن.
IMPERFECT_SUFFIXES = ("", "ون", "ان", "ين", "وا", "ن", "ا")
# Feminine, dual, plurals, accusative alef: قائل، قائلة، قائلان، قائلين، قائلون، قائلات، قائلا.
NOUN_SUFFIXES = ("", "ه", "ان", "ين", "ون", "ات", "ا", "تان", "تين")
FEMININE_SUFFIXES = ("ه", "ات", "تان", "تين")
POS = ("verb", "noun", "fixed")
# (past stems, present stems without their prefix, participles, verbal nouns)
Patterns = tuple[set[str], set[str], set[str], set[str]]


@lru_cache(maxsize=4096)
def derived_forms(lemma: str, pos: str) -> frozenset[str]:
    """Every normalised, clitic-free form of ``lemma`` (a verb, a noun or a fixed word; see the module docstring)."""
    if pos not in POS:
        raise ValueError(f"unknown part of speech {pos!r} for {lemma!r}: one of {', '.join(POS)}")
    if pos == "fixed":
        return frozenset({normalize(lemma)})
    if pos == "noun":
        noun = normalize(lemma)
        return frozenset(noun_forms(noun) | broken_plurals(noun))
    return frozenset(normalize(form) for form in verb_forms(lemma))


def noun_forms(noun: str) -> set[str]:
    """A normalised noun or adjective with its feminine, dual, sound plurals and accusative."""
    if noun.endswith("ه") and len(noun) > 3:  # feminine in ة (normalised ه): حكومة، حكومات، حكومتان
        stem = noun[:-1]
        return {noun} | {stem + suffix for suffix in FEMININE_SUFFIXES}
    return {noun + suffix for suffix in NOUN_SUFFIXES}


def broken_plurals(noun: str) -> set[str]:
    """The broken plurals the shape of a normalised noun lemma predicts, for the commonest patterns only:
    شخص -> أشخاص، شخوص; باب -> أبواب، دار -> ديار; خبير -> خبراء; خسارة -> خسائر; جانب -> جوانب. A few are not
    words (the plural of a noun takes one pattern, not all); a plural no pattern makes is listed with | beside it."""
    n = len(noun)
    if n == 2:  # doubled: حد -> حدود
        return {noun[0] + noun[1] + "و" + noun[1]}
    if n == 3 and noun[1] == "ا":  # باب -> ابواب، دار -> ديار
        return {"ا" + noun[0] + "وا" + noun[2], noun[0] + "يا" + noun[2]}
    if n == 3:  # شخص -> اشخاص، شخوص
        return {"ا" + noun[0] + noun[1] + "ا" + noun[2], noun[0] + noun[1] + "و" + noun[2]}
    if n == 4 and noun[2] == "ي":  # خبير -> خبراء
        return {noun[:2] + noun[3] + "اء"}
    if n == 5 and noun[2] in "اي" and noun[4] == "ه":  # خسارة، وسيلة -> خساير، وسايل
        return {noun[:2] + "اي" + noun[3]}
    if noun[1:2] == "ا" and n in (4, 5):  # جانب، عاصمة -> جوانب، عواصم
        return {noun[0] + "وا" + noun[2] + noun[3]}
    return set()


def verb_forms(lemma: str) -> set[str]:
    """Conjugations, participles and verbal nouns of a past-tense verb lemma (not yet normalised)."""
    second_doubled = SHADDA in lemma
    bare = "".join(ch for ch in lemma if ch not in DIACRITICS)
    past, present, participles, nouns = _patterns(bare, second_doubled)
    if len(bare) > 3 and bare[-1] in "اى" or (len(bare) == 3 and second_doubled and bare[-1] in "اى"):
        past, present, nouns = _defective(past, present, nouns)
    forms = {stem + suffix for stem in past for suffix in PAST_SUFFIXES}
    forms |= {
        prefix + stem + suffix for stem in present for prefix in IMPERFECT_PREFIXES for suffix in IMPERFECT_SUFFIXES
    }
    for noun in participles | nouns:
        forms |= noun_forms(normalize(noun))
    return forms


@lru_cache(maxsize=4096)
def finite_forms(lemma: str) -> frozenset[str]:
    """The normalised third-person forms of a verb lemma's past and present tenses, no participle or verbal noun:
    كان -> كان، كانت، كانوا، يكون، تكون، يكونون (not كائن، كون); for closed classes of verbs whose nouns are other
    words (ظل "stayed" and ظل "shadow" share a spelling, but شارع "street" is no form of شرع here)."""
    bare = "".join(ch for ch in lemma if ch not in DIACRITICS)
    past, present, _, nouns = _patterns(bare, SHADDA in lemma)
    if len(bare) > 3 and bare[-1] in "اى" or (len(bare) == 3 and SHADDA in lemma and bare[-1] in "اى"):
        past, present, nouns = _defective(past, present, nouns)
    forms = {normalize(stem + suffix) for stem in past for suffix in THIRD_PERSON_PAST_SUFFIXES}
    forms |= {
        normalize(prefix + stem + suffix)
        for stem in present
        for prefix in THIRD_PERSON_PREFIXES
        for suffix in THIRD_PERSON_PRESENT_SUFFIXES
    }
    return frozenset(forms)


@lru_cache(maxsize=4096)
def imperfect_only_forms(lemma: str) -> frozenset[str]:
    """The normalised forms of a verb lemma that are its present tense and not also a past one: "يتهم", "تتهم",
    "ينفي" (present), not "تقدم" (تقدّم, form V: past and present alike) and not "اتهمت" (past)."""
    bare = "".join(ch for ch in lemma if ch not in DIACRITICS)
    past, present, _, nouns = _patterns(bare, SHADDA in lemma)
    if len(bare) > 3 and bare[-1] in "اى" or (len(bare) == 3 and SHADDA in lemma and bare[-1] in "اى"):
        past, present, nouns = _defective(past, present, nouns)
    past_forms = {normalize(stem + suffix) for stem in past for suffix in PAST_SUFFIXES}
    present_forms = {
        normalize(prefix + stem + suffix)
        for stem in present
        for prefix in IMPERFECT_PREFIXES
        for suffix in IMPERFECT_SUFFIXES
    }
    return frozenset(present_forms - past_forms)


def _defective(past: set[str], present: set[str], nouns: set[str]) -> tuple[set[str], set[str], set[str]]:
    """A verb whose last root letter is weak, beyond form I (تلقّى، أدّى، ألقى، استدعى): its last letter is ى, ا or ي,
    or falls before a suffix (تلقت، يؤدون); the verbal noun ends in ء (إلقاء، استدعاء)."""
    past = past | {stem[:-1] + last for stem in past for last in ("ا", "ي", "")}
    present = present | {stem[:-1] + last for stem in present for last in ("ي", "ى", "ا", "")}
    nouns = {noun[:-1] + "ء" if noun.endswith(("اى", "اا")) else noun for noun in nouns}
    return past, present, nouns


def _patterns(v: str, second_doubled: bool) -> Patterns:
    """(past stems, present stems without their prefix, participles, verbal nouns) of the bare verb ``v``."""
    n = len(v)
    if n == 2 or (n == 3 and v[1] == v[2]):  # doubled: ردّ، مدّ -> يرد، راد، مردود
        c1, c2 = v[0], v[1]
        return {c1 + c2, c1 + c2 + c2}, {c1 + c2}, {c1 + "ا" + c2, "م" + c1 + c2 + "و" + c2}, {c1 + c2}
    if n == 3:
        return _triliteral(v, second_doubled)
    if v[0] in HAMZA_ALEFS and v.startswith("است") and n == 6 and v[4] == "ا":  # X hollow: استفاد
        root = v[3] + "ي" + v[5]
        return {v, v[:4] + v[5]}, {"ست" + root}, {"مست" + root}, {v + "ة"}
    if v[0] in HAMZA_ALEFS and n == 4 and v[2] == "ا":  # IV hollow: أقام، أشار، أعاد
        return {v, v[0] + v[1] + v[3]}, {v[1] + "ي" + v[3]}, {"م" + v[1] + "ي" + v[3]}, {"إ" + v[1] + "ا" + v[3] + "ة"}
    if v[0] in HAMZA_ALEFS and n == 5 and v[3] == "ا":  # VIII hollow: اختار، احتاج
        inner = v[1:3]
        return (
            {v, v[:3] + v[4]},
            {inner + "ا" + v[4], inner + "ي" + v[4]},
            {"م" + inner + "ا" + v[4]},
            {v[:3] + "يا" + v[4]},
        )
    if v[0] in HAMZA_ALEFS and n >= 4:  # IV أعلن, VIII اجتمع/اتهم, VII انسحب, X استقبل
        present = v[1:]
        return {v}, {present}, {"م" + present}, {"ا" + v[1:-1] + "ا" + v[-1]}
    if v[0] == "ت":  # V تحدّث, VI تبادل: the verbal noun is the verb
        return {v}, {v}, {"م" + v}, {v}
    if n == 4 and v[1] == "ا":  # III شارك: مشاركة، قتال
        return {v}, {v}, {"م" + v}, {"م" + v + "ة", v[0] + v[2] + "ا" + v[3]}
    return {v}, {v}, {"م" + v}, {v + "ة"}  # quadriliteral ترجم: ترجمة، مترجم


def _triliteral(v: str, second_doubled: bool) -> Patterns:
    c1, c2, c3 = v[0], v[1], v[2]
    if second_doubled:
        return _form_two(v)
    if c2 in "اى":  # hollow: قال -> قلت، يقول، يقل، قيل، قائل، مقول، قول; باع -> يبيع، مبيع، بيع
        past = {v, c1 + c3, c1 + "ي" + c3}
        present = {c1 + middle + c3 for middle in "ويا"} | {c1 + c3}
        participles = {c1 + "ائ" + c3} | {"م" + c1 + middle + c3 for middle in "وي"}
        return past, present, participles, {c1 + middle + c3 for middle in "وي"}
    if c3 in "اىي":  # defective: دعا -> دعت، يدعو، داع، مدعو; رمى -> يرمي، رام، مرمي
        short = c1 + c2
        past = {v, short, short + "ي", short + "و"}  # دعت، دعوا، دعوت، رميت
        participles = {c1 + "ا" + c2, c1 + "ا" + c2 + "ي", "م" + short + "و", "م" + short + "ي"}
        return past, {short + "و", short + "ي", short + "ى"}, participles, set()
    present = {v}
    if c1 == "و":  # assimilated: وصل -> يصل
        present.add(c2 + c3)
    one = ({v}, present, {c1 + "ا" + c2 + c3, "م" + c1 + c2 + "و" + c3}, {v})
    if c1 not in HAMZA_ALEFS:
        return one
    # Without its shadda أكد may be form I (أخذ -> يأخذ) or form II (أكّد -> يؤكد، مؤكد، تأكيد): make both; the
    # form II spellings with ؤ and تأ are no other verb's.
    two = _form_two(v)
    return one[0] | two[0], one[1] | two[1], one[2] | two[2], one[3] | two[3]


def _form_two(v: str) -> Patterns:
    """Form II (أكّد، درّب): يؤكد، يدرب، مؤكد، تأكيد، تدريب."""
    c1, c2, c3 = v[0], v[1], v[2]
    present = {v} | ({"ؤ" + c2 + c3} if c1 in HAMZA_ALEFS else set())
    noun = "ت" + c1 + c2 + "ية" if c3 in "اى" else "ت" + c1 + c2 + "ي" + c3  # تأدية، تأكيد
    return {v}, present, {"م" + stem for stem in present}, {noun}
