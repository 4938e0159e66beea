"""The words a person's role is made of, as the role rules read them: role heads from flows/data/titles.tsv
(without article, clitics or a counterpart's pronoun), the offices a longer title names, the heads that need their
continuation, the written hamza that tells a role from a word, and the words a title phrase may hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from flows.nlp.text.arabic import ARTICLE, enclitic_stems, normalize, proclitic_readings, without_article
from flows.resources import read_tsv

ON_BEHALF = "باسم"  # normalised: "on behalf of"
# A title stands at most this many words before the name it introduces: "المتحدث باسم تحالف دعم الشرعية في اليمن،
# العقيد الركن تركي المالكي" has eight between the role word and the name (ANT v2.1 dev); an apposition after a name
# runs at most as long ("نائب الرئيس المصري السابق الرئيس الأسبق للوكالة الدولية للطاقة الذرية": ten).
MAX_TITLE_WORDS = 10
# A colon, a quotation mark or a sentence end between a title and a name: the title is not the name's.
TITLE_BREAKS = frozenset(':«»"“”.؟!')
COMMAS = frozenset("،,")
# Words that may stand inside a title phrase before the name besides role words, definite words and named bodies or
# places: "المتحدث باسم التحالف", "السفير لدى الأمم المتحدة", "عضو الكنيست السابق في حزب …".
TITLE_LINKS = frozenset(normalize(w) for w in (ON_BEHALF, "لدى", "في"))
CONJUNCTION = "و"
HAMZA_ALEFS = frozenset("أإآ")
# "نظيره التركي رجب طيب أردوغان" after "الرئيس اليوناني": a counterpart holds the office of the person whose
# counterpart they are, so "الرئيس التركي" later is Erdogan (normalised; نظيره، نظيرته، نظيرهم all start so).
COUNTERPART = "نظير"


@cache
def time_words() -> frozenset[str]:
    """Weekday names (flows/data/weekdays.tsv): definite, but a date after the role ("وزير الثقافة السعودي الاثنين"),
    never part of it."""
    return frozenset(normalize(row["spelling"]) for row in read_tsv("weekdays.tsv"))


@cache
def role_words() -> frozenset[str]:
    """Role heads, normalised and without the article: the first word of every title in flows/data/titles.tsv
    (وزير، رئيس، مستشار، نظيره…) and the same without a pronoun (نظير), less the honorifics (honorifics.tsv)."""
    honorifics = {role_head(normalize(row["honorific"])) for row in read_tsv("honorifics.tsv")}
    heads: set[str] = set()
    for row in read_tsv("titles.tsv"):
        first = role_head(normalize(row["title"]).split()[0])
        if first not in honorifics:
            heads.update(enclitic_stems(first))
    return frozenset(heads)


@cache
def offices() -> dict[str, frozenset[str]]:
    """Role head -> the words that make it another office when they follow it (titles.tsv's longer titles, links
    such as باسم left out): "رئيس الوزراء" is not what "الرئيس" alone names."""
    out: dict[str, set[str]] = {}
    for row in read_tsv("titles.tsv"):
        words = normalize(row["title"]).split()
        if len(words) > 1 and words[1] not in TITLE_LINKS:
            out.setdefault(role_head(words[0]), set()).add(role_head(words[1]))
    return {head: frozenset(nexts) for head, nexts in out.items()}


@cache
def role_continuations() -> dict[str, frozenset[str]]:
    """Role heads listed only at the start of a longer title ("الفريق أول", "الأمين العام") -> the words that must
    follow them (أول، العام): alone, الفريق is the team and الأمين the trustworthy."""
    alone: set[str] = set()
    following: dict[str, set[str]] = {}
    for row in read_tsv("titles.tsv"):
        words = normalize(row["title"]).split()
        if len(words) == 1:
            alone.add(role_head(words[0]))
        else:
            following.setdefault(role_head(words[0]), set()).add(words[1])
    return {head: frozenset(nexts) for head, nexts in following.items() if head not in alone}


def role_head(word: str) -> str:
    """A role word without its article: الرئيسة -> رئيسة."""
    return word[len(ARTICLE) :] if word.startswith(ARTICLE) and len(word) > len(ARTICLE) + 2 else word


@dataclass(frozen=True, slots=True)
class RoleWord:
    head: str  # the role head (وزير، نظيره)
    prefix: int  # letters of proclitics before it (و، ب، لل)
    definite: bool  # with the article or a possessive pronoun: "الوزير", "نظيره"
    conjoined: bool  # after the conjunction و: a new conjunct ("ونظيره البولندي"), never an apposition


@lru_cache(maxsize=65536)
def role_word(norm: str) -> RoleWord | None:
    """The role head a normalised token holds, with its proclitics and pronoun stripped (للوزير -> وزير,
    بنظيرته -> نظيره), or None."""
    heads = role_words()
    for reading in proclitic_readings(norm):
        bare = without_article(reading.stem) or reading.stem
        for stem in enclitic_stems(bare):
            # A pronoun after a feminine noun shows its ta: نظيرته is نظيرة + ه.
            for head in (stem, stem[:-1] + "ه") if stem.endswith("ت") and stem != bare else (stem,):
                possessed = stem != bare
                # Only a counterpart takes a pronoun in a role ("نظيره"): "صحفية" is no صحفي + ه, "فريقه" no rank.
                if head in heads and (not possessed or head.startswith(COUNTERPART)):
                    conjoined = norm[: reading.prefix].startswith(CONJUNCTION)
                    return RoleWord(head, reading.prefix, reading.has_article or possessed, conjoined)
    return None


@cache
def role_hamzas() -> dict[str, frozenset[str]]:
    """Role head -> the hamza letters its listed spellings open with (الإمام: إ). Normalisation writes every hamza
    alef as ا, so "أمام" ("in front of") would read as إمام; the text's own letter tells them apart."""
    out: dict[str, set[str]] = {}
    for row in read_tsv("titles.tsv"):
        first = row["title"].split()[0]
        bare = first[len(ARTICLE) :] if first.startswith(ARTICLE) and len(first) > len(ARTICLE) + 2 else first
        if bare[:1] in HAMZA_ALEFS:
            out.setdefault(role_head(normalize(first)), set()).add(bare[0])
    return {head: frozenset(letters) for head, letters in out.items()}
