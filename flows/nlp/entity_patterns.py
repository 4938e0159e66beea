"""Entities no list knows: ministries by pattern, persons by their title or role, organisations by their head word.

Each rule reads the shared EntityText and the gazetteer matches already found, and proposes candidate spans;
flows.nlp.entities decides between overlapping candidates.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache

from flows.nlp.arabic import ARTICLE, normalize
from flows.nlp.entity_match import GazetteerMatch
from flows.nlp.entity_text import EntityText
from flows.nlp.gazetteer import Gazetteer, given_names, name_stopwords, org_heads, place_heads, portfolio_index, portfolio_names_ar, titles
from flows.nlp.types import Entity

# Longest run of name tokens taken after a title ("باكاري ياو سانجاري"); four swallowed nouns on ANT news
# (الممثلة التونسية فاطمة ناصر بطلة مسلسل), and the four-word names of the beat are in the gazetteer.
MAX_NAME_TOKENS = 3
# A one-word name after a title is too often a common noun; unknown persons need two words.
MIN_NAME_TOKENS = 2
# How many words may stand between a title and the name (وزير الخارجية الروسي -, مندوب روسيا الدائم لدى الأمم المتحدة -).
MAX_QUALIFIER_TOKENS = 7
# Definite words an organisation head may take (هيئة الأركان العامة للقوات المسلحة).
MAX_ORG_WORDS = 4
# Longest unquoted name after a media head (جريدة مرآة الشرق) and after a place word (قرية كفر سابا).
MAX_MEDIA_WORDS = 3
MAX_PLACE_WORDS = 2
# Longest quoted organisation name after a head (وكالة «أكتونيجر»).
MAX_QUOTED_WORDS = 5
# Indefinite words that may stand inside a title's qualifier (وزير خارجية مالي، رئيس الفترة الانتقالية لجمهورية …).
QUALIFIER_WORDS = frozenset(normalize(w) for w in ("خارجية", "دفاع", "داخلية", "جمهورية", "حكومة", "باسم", "لدى", "ديوان", "مجلس", "وزراء"))
# Name particles that keep a name going even though they look like words (عبد الرحمن، ولد الغزواني، أغ غالي).
NAME_LINKS = frozenset(normalize(w) for w in ("عبد", "ابو", "أبو", "بن", "ولد", "اغ", "آغ", "دي", "ديل"))
TANWEEN = "\u064b"
# Particles that may start a name (عبد الحميد، أبو مازن); ولد، بن، دي only continue one.
START_LINKS = frozenset(normalize(w) for w in ("عبد", "أبو", "ابو"))
ARABIC_WORD = re.compile(r"^[\u0621-\u064A]+$")


@dataclass(frozen=True, slots=True)
class Candidate:
    char_start: int
    char_end: int
    tok_start: int
    tok_end: int
    entity: Entity
    priority: int  # lower wins between overlapping candidates of the same length
    source: str
    is_adjectival: bool = False


def stable_id(kind: str, name: str) -> str:
    """An id for an entity no list knows: stable across runs and machines (sha1 of the normalised name)."""
    key = " ".join(normalize(name).split())
    return f"{kind}:{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


def covered(matches: list[GazetteerMatch]) -> dict[int, GazetteerMatch]:
    """token index -> the gazetteer match covering it."""
    return {i: m for m in matches for i in range(m.tok_start, m.tok_end)}


# Portfolios that stand for their ministry without وزارة when a country adjective follows (الخارجية الروسية).
METONYM_PORTFOLIOS = frozenset({"Foreign Affairs", "Defence"})
FI = "في"


def _country_after_fi(text: EntityText, j: int, by_token: dict[int, GazetteerMatch], gazetteer: Gazetteer) -> Entity | None:
    """وزارة الداخلية في روسيا: the ministry's country, read from "في" + a country right after it."""
    if j + 1 < len(text.toks) and text.toks[j].norm == FI and text.joined(j) and text.joined(j + 1):
        match = by_token.get(j + 1)
        if match is not None and match.tok_start == j + 1 and match.info.kind == "name":
            entity = gazetteer.entities[match.info.entity_id]
            if entity.entity_id == f"gpe:{(entity.country_code or '').lower()}":
                return entity
    return None


# --- Ministries ---------------------------------------------------------------------------------------------
def find_ministries(text: EntityText, gazetteer: Gazetteer, by_token: dict[int, GazetteerMatch]) -> list[Candidate]:
    """وزارة + portfolio (+ a country adjective or name); or portfolio + feminine country adjective alone."""
    out = []
    heads = {h for h, kind in org_heads().items() if kind == "ministry"}
    triggers = ministry_triggers()
    for i in range(len(text.toks)):
        if not text.bare_stems(i) & triggers:
            continue
        has_head = bool(text.bare_stems(i) & heads) and not text.has_article(i)
        start = i + 1 if has_head else i
        found = _portfolio_at(text, start)
        if found is None:
            continue
        words, name_en = found
        end = start + words
        country = by_token.get(end) if end < len(text.toks) and text.joined(end) else None
        country_entity = None
        if country is not None and country.tok_start == end:
            entity = gazetteer.entities[country.info.entity_id]
            feminine_nisba = country.info.kind == "nisba" and text.toks[end].norm.endswith("يه")
            if entity.entity_type == "GPE" and (feminine_nisba or (has_head and country.info.kind == "name")):
                country_entity = entity
        if not has_head and (country_entity is None or name_en not in METONYM_PORTFOLIOS or _after_title(text, i)):
            continue  # "الخارجية" alone is a word; "وزير الخارجية الروسي" is a person's title
        if has_head and country_entity is None:
            country_entity = _country_after_fi(text, end, by_token, gazetteer)
        tok_end = country.tok_end if country_entity and country is not None and country.tok_start == end and country.info.entity_id == country_entity.entity_id else end
        char_start = text.char_start(i, _prefix(text, i))
        out.append(Candidate(char_start, text.toks[tok_end - 1].char_end, i, tok_end, _ministry(name_en, country_entity), 1, "ministry"))
    return out


@cache
def ministry_triggers() -> frozenset[str]:
    """Words a ministry mention can start with: the heads and the first words of the portfolios."""
    return frozenset({h for h, kind in org_heads().items() if kind == "ministry"} | set(portfolio_index()))


@cache
def non_name_words() -> frozenset[str]:
    """Words that are never part of a person's name: stop words, titles, organisation heads and place words."""
    return name_stopwords() | frozenset(org_heads()) | place_heads() | frozenset(titles())


@cache
def title_firsts() -> frozenset[str]:
    return frozenset(titles())


def _prefix(text: EntityText, i: int) -> int:
    """Proclitic letters before the word at token i (و، ب، ل … but not the article)."""
    for reading in text.readings[i]:
        if reading.prefix and (reading.stem in org_heads() or reading.stem.startswith(ARTICLE)):
            return reading.prefix
    return 0


def _portfolio_at(text: EntityText, i: int) -> tuple[int, str] | None:
    if i >= len(text.toks):
        return None
    index = portfolio_index()
    for reading in text.readings[i]:
        for tokens, name_en in index.get(reading.stem, ()):
            n = len(tokens)
            if i + n <= len(text.toks) and all(
                text.toks[i + k].norm == tokens[k] and text.joined(i + k) for k in range(1, n)
            ):
                return n, name_en
    return None


def _after_title(text: EntityText, i: int) -> bool:
    return i > 0 and text.joined(i) and any(text.bare_stems(i - 1) & {t for t in titles()})


def _ministry(portfolio_en: str, country: Entity | None) -> Entity:
    """One entity per (portfolio, country), named canonically whatever spelling the article used."""
    slug = re.sub(r"[^a-z]+", "-", portfolio_en.lower()).strip("-")
    name_ar = f"وزارة {portfolio_names_ar()[portfolio_en]}"
    if country is None:
        return Entity(f"org:ministry-{slug}", "ORG", name_ar, f"Ministry of {portfolio_en}", None)
    return Entity(
        f"org:ministry-{slug}-{country.country_code.lower()}",
        "ORG",
        f"{name_ar} ({country.name_ar})",
        f"Ministry of {portfolio_en} ({country.name_en})",
        country.country_code,
    )


# --- Persons by title ---------------------------------------------------------------------------------------
def find_titled_persons(text: EntityText, by_token: dict[int, GazetteerMatch], gazetteer: Gazetteer) -> list[Candidate]:
    out = []
    for i in range(len(text.toks)):
        if not text.bare_stems(i) & title_firsts():
            continue
        title = _title_at(text, i)
        if title is None:
            continue
        if title.position == "before":
            span = _name_after(text, i + len(title.tokens), by_token)
        else:
            span = _name_before(text, i, by_token)
        if span is None:
            continue
        a, b = span
        char_start, char_end = text.toks[a].char_start, text.toks[b - 1].char_end
        name = text.body[char_start:char_end]
        entity = Entity(stable_id("person", name), "PERSON", " ".join(name.split()), None, None)
        out.append(Candidate(char_start, char_end, a, b, entity, 2, "title"))
    return out


def _title_at(text: EntityText, i: int):
    for stem in dict.fromkeys(r.stem for r in text.readings[i]):
        for title in titles().get(stem, ()):
            n = len(title.tokens)
            if i + n <= len(text.toks) and all(
                text.toks[i + k].norm == title.tokens[k] and text.joined(i + k) for k in range(1, n)
            ):
                return title
    return None


def is_name_token(text: EntityText, i: int, by_token: dict[int, GazetteerMatch]) -> bool:
    token = text.toks[i].norm
    if not ARABIC_WORD.match(token) or len(token) < 2 or i in by_token:
        return False
    if TANWEEN in text.body[text.toks[i].char_start : text.toks[i].char_end + 1]:
        return False  # قائلاً، رسمياً: adverbs and indefinite accusatives, never names
    if text.bare_stems(i) & non_name_words() or token in titles():
        return False
    return not text.has_article(i)


def _name_after(text: EntityText, j: int, by_token: dict[int, GazetteerMatch]) -> tuple[int, int] | None:
    """Skip the title's qualifier, then take the run of name tokens."""
    skipped = 0
    while j < len(text.toks) and skipped <= MAX_QUALIFIER_TOKENS and text.joined(j):
        if j in by_token:
            match = by_token[j]
            if match.info.entity_id.startswith("person:"):
                return None  # a known person: the gazetteer has them
            skipped += match.tok_end - j
            j = match.tok_end
            continue
        if text.bare_stems(j) & name_stopwords() and not text.bare_stems(j) & QUALIFIER_WORDS:
            return None  # الفريق اليوم …: a time word or a particle, no name follows the title here
        if (text.has_article(j) and not _link_before(text, j)) or text.bare_stems(j) & QUALIFIER_WORDS:
            j += 1
            skipped += 1
            continue
        break
    if j >= len(text.toks) or not text.joined(j):
        return None
    start = j
    while j < len(text.toks) and j - start < MAX_NAME_TOKENS and (j == start or text.joined(j)):
        if is_name_token(text, j, by_token) or (j > start and _link_before(text, j) and j not in by_token):
            j += 1
            continue
        break
    return (start, j) if j - start >= MIN_NAME_TOKENS else None


def _link_before(text: EntityText, j: int) -> bool:
    """Token j follows a name particle (عبد الرحمن، ولد الغزواني) and is not a stop word itself."""
    return (
        j > 0
        and text.toks[j - 1].norm in NAME_LINKS
        and text.joined(j)
        and not text.bare_stems(j) & name_stopwords()
    )


def _name_before(text: EntityText, i: int, by_token: dict[int, GazetteerMatch]) -> tuple[int, int] | None:
    """The two name tokens right before a role that follows its name (X Y الخبير في …)."""
    a = i - MIN_NAME_TOKENS
    if a < 0 or not all(is_name_token(text, k, by_token) for k in range(a, i)):
        return None
    if not all(text.joined(k) for k in range(a + 1, i)) or HARD_BREAK_BEFORE_ROLE.search(text.gap(i)):
        return None
    return a, i


HARD_BREAK_BEFORE_ROLE = re.compile(r"[.!?؟:«»\"()]")


# --- Persons by given name ---------------------------------------------------------------------------------
# Longest name a given name starts: "خليل السكاكيني", "نمر محمد الرياحي"; longer runs swallowed verbs on ANT news.
MAX_GIVEN_NAME_TOKENS = 3
# A word this short after و is a name letter, not a conjunction (ود).
MIN_NAME_LEN = 3
# Proclitics a name may carry in the text: "ومعتصم جيوسي", "لزهدي باكير" (not ك: "كريم" is not ك + ريم).
NAME_PROCLITICS = frozenset({"", "و", "ل"})
# A word spelled with final ى is a particle (على), never the name علي.
ALEF_MAQSURA = "ى"


def find_named_persons(text: EntityText, by_token: dict[int, GazetteerMatch]) -> list[Candidate]:
    """A given name followed by more name words (خليل السكاكيني، عبد الحميد عبد العاطي) is a PERSON."""
    out = []
    names = given_names()
    i = 0
    while i < len(text.toks) - 1:
        reading = _given_name_reading(text, i, names, by_token)
        if reading is None:
            i += 1
            continue
        j, words = i + 1, 1  # a particle and the word after it (عبد الحميد) count as one word
        while j < len(text.toks) and text.joined(j) and (words < MAX_GIVEN_NAME_TOKENS or _link_before(text, j)):
            if _coordinated(text, j):
                break  # محمد وسمير: two people
            if is_name_token(text, j, by_token) or (_link_before(text, j) and j not in by_token):
                words += 0 if _link_before(text, j) or text.toks[j].norm in NAME_LINKS else 1
                j += 1
            elif text.toks[j].norm.startswith(ARTICLE) and j not in by_token and not text.bare_stems(j) & non_name_words():
                j += 1  # a family name with the article ends the name: ماهر المصري
                break
            else:
                break
        if j - i >= MIN_NAME_TOKENS:
            char_start, char_end = text.char_start(i, reading), text.toks[j - 1].char_end
            name = " ".join(text.body[char_start:char_end].split())
            out.append(Candidate(char_start, char_end, i, j, Entity(stable_id("person", name), "PERSON", name, None, None), 2, "given-name"))
            i = j
        else:
            i += 1
    return out


def _coordinated(text: EntityText, j: int) -> bool:
    """Token j starts with the conjunction و and is not itself a given name (وليد)."""
    word = text.toks[j].norm
    return word.startswith("و") and word not in given_names() and len(word) > MIN_NAME_LEN


def _given_name_reading(text: EntityText, i: int, names: frozenset[str], by_token: dict[int, GazetteerMatch]) -> int | None:
    """The proclitic length before a given name at token i, or None when token i does not start a name."""
    if i in by_token or text.body[text.toks[i].char_end - 1] == ALEF_MAQSURA:
        return None
    for reading in text.readings[i]:
        if text.toks[i].norm[: reading.prefix] in NAME_PROCLITICS and (reading.stem in names or (reading.stem in NAME_LINKS and not reading.has_article)):
            if reading.stem in NAME_LINKS and (reading.stem not in START_LINKS or not _link_before(text, i + 1)):
                return None
            return reading.prefix
    return None


# --- Organisations by head word -----------------------------------------------------------------------------
def find_headed_orgs(text: EntityText, by_token: dict[int, GazetteerMatch]) -> list[Candidate]:
    out = []
    heads = org_heads()
    head_words = frozenset(heads)
    for i in range(len(text.toks) - 1):
        if text.has_article(i) or not text.bare_stems(i) & head_words:
            continue
        kinds = [heads[r.stem] for r in text.readings[i] if r.stem in heads and r.stem != "وزاره"]
        if not kinds:
            continue
        kind = kinds[0]
        place = by_token.get(i + 1)
        if place is not None and place.tok_start == i + 1 and text.joined(i + 1) and place.info.kind == "name" and place.info.entity_id.startswith(("gpe:", "loc:")):
            out.append(_headed_org(text, i, place.tok_end, 1, "org-of-place"))  # بلدية نابلس، جامعة القاهرة
            continue
        if kind == "gov":
            continue
        quoted = _quoted_name(text, i + 1, by_token)
        if quoted is not None:
            a, b = quoted
            char_start, char_end = text.toks[a].char_start, text.toks[b - 1].char_end
            name = text.body[char_start:char_end]
            out.append(Candidate(char_start, char_end, a, b, Entity(stable_id("org", name), "ORG", name, None, None), 3, "org-quoted"))
            continue
        if kind == "media":
            j = i + 1
            while j < len(text.toks) and j - i <= MAX_MEDIA_WORDS and text.joined(j):
                if is_name_token(text, j, by_token):
                    j += 1
                elif j > i + 1 and j in by_token and by_token[j].tok_start == j and by_token[j].info.kind == "name":
                    j = by_token[j].tok_end  # إذاعة صوت فلسطين
                    break
                else:
                    break
            if j > i + 1:
                out.append(_headed_org(text, i, j, 3, "media-name"))  # جريدة مرآة الشرق
                continue
        if kind not in {"org", "media"}:
            continue
        j = i + 1
        while j < len(text.toks) and j - i <= MAX_ORG_WORDS and text.joined(j) and text.has_article(j) and (
            j not in by_token or by_token[j].info.kind == "nisba"
        ) and not text.bare_stems(j) & name_stopwords():
            j += 1
        if j - i >= 2:
            char_start = text.char_start(i, _prefix(text, i))
            char_end = text.toks[j - 1].char_end
            name = " ".join(text.body[char_start:char_end].split())
            out.append(Candidate(char_start, char_end, i, j, Entity(stable_id("org", name), "ORG", name, None, None), 3, "org-head"))
    return out


def _headed_org(text: EntityText, i: int, end: int, priority: int, source: str) -> Candidate:
    char_start = text.char_start(i, _prefix(text, i))
    char_end = text.toks[end - 1].char_end
    name = " ".join(text.body[char_start:char_end].split())
    return Candidate(char_start, char_end, i, end, Entity(stable_id("org", name), "ORG", name, None, None), priority, source)


# --- Places by head word ------------------------------------------------------------------------------------
def find_headed_places(text: EntityText, by_token: dict[int, GazetteerMatch]) -> list[Candidate]:
    """قرية X، مدينة X، مخيم X: the name after a place word, when no list knows it, is a GPE."""
    out = []
    heads = place_heads()
    for i in range(len(text.toks) - 1):
        if not text.bare_stems(i) & heads or text.has_article(i) or (i + 1) in by_token or not text.joined(i + 1):
            continue
        j = i + 1
        # the first word may carry the article (قرية الظاهرية); the rest are name words
        if text.has_article(j) and not text.bare_stems(j) & non_name_words():
            j += 1
        while j < len(text.toks) and j - i <= MAX_PLACE_WORDS and text.joined(j) and is_name_token(text, j, by_token):
            j += 1
        if j == i + 1:
            continue
        char_start, char_end = text.toks[i + 1].char_start, text.toks[j - 1].char_end
        name = " ".join(text.body[char_start:char_end].split())
        out.append(Candidate(char_start, char_end, i + 1, j, Entity(stable_id("gpe", name), "GPE", name, None, None), 3, "place-head"))
    return out


def _quoted_name(text: EntityText, j: int, by_token: dict[int, GazetteerMatch]) -> tuple[int, int] | None:
    if j >= len(text.toks) or not any(q in text.gap(j) for q in '«"“('):
        return None
    if "،" in text.gap(j) or "." in text.gap(j):
        return None
    start = j
    while j < len(text.toks) and j - start < MAX_QUOTED_WORDS and (j == start or text.joined(j)):
        j += 1
        if j < len(text.toks) and any(q in text.gap(j) for q in '»"”)'):
            return start, j
    return None
