"""The gazetteer and the word lists of the entity stage, loaded once from flows/data (reviewed TSV files).

Every alias is normalised (flows.nlp.text.arabic.normalize) and split into word tokens; the index maps an alias's first
token to the aliases that start with it, longest first, so the matcher does one dict lookup per token reading
instead of looping over the gazetteer. Spelling variants come from rules applied here (g as غ/ج/ك, "عبد الله" /
"عبدالله") plus the aliases the files list; nisba adjectives are derived from their masculine singular.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from flows.nlp.text.arabic import NORM_WORD, normalize
from flows.nlp.types import Entity
from flows.resources import read_tsv

GAZETTEER_FILES = ("countries.tsv", "places.tsv", "orgs.tsv", "platforms.tsv", "clubs.tsv", "people.tsv")
# A listed body's name and a ل-phrase judged by hand (bench/quality/build_body_purposes.py): where the whole phrase names
# another body (الاتحاد الأوروبي لكرة القدم is UEFA), the gazetteer reads it as that body; the longest match wins.
BODY_PURPOSES = "body_purposes.tsv"
# Definite place names the news writes after a place head (مدينة الحديدة), counted over the corpus
# (bench/quality/build_definite_places.py): each is a GPE wherever it stands, as a places.tsv city is.
DEFINITE_PLACES = "definite_places.tsv"
OTHER_BODY = "other"
# Names that hold a listed place (قوات سوريا الديمقراطية، جمهورية التشيك), counted over the corpus and judged
# (bench/quality/build_headed_names.py): an org or loc row is an entity of its own, a gpe row a longer name of its
# place; the longest match wins, so the place inside is no mention of its own (ANT v2.1 guidelines).
HEADED_NAMES = "headed_names.tsv"
HEADED_TYPES = {"org": "ORG", "loc": "LOC"}
# The ta marbuta as normalised: the feminine of a nisba (سوريه).
FEMININE_ENDING = "ه"
# An alias listed with this mark counts only when the surface stands inside quotes.
QUOTED_MARK = '"'
# Foreign g is written غ, ج or ك (غويتا / جويتا / كويتا); generated for people and places only, whose names
# are transliterations; organisation names are Arabic words where the swap would only add noise.
G_LETTERS = ("غ", "ج", "ك")
G_VARIANT_TYPES = frozenset({"PERSON", "GPE", "LOC"})
# Nisba endings derived from a masculine singular ending in ي: feminine, plurals (normalised: ة is ه).
NISBA_SUFFIXES = ("", "ه", "ين", "ون", "ات")
# Where a gap between two alias tokens is only spaces or hyphens, the text may write it either way.
SOFT_GAP = re.compile(r"[\s\-‐–—_]+")


@dataclass(frozen=True, slots=True)
class AliasInfo:
    entity_id: str
    kind: str  # name | nisba
    quoted_only: bool
    gaps: tuple[str, ...]  # the hard punctuation between the alias's tokens ("." in أ.ف.ب), soft gaps as ""


@dataclass(frozen=True, slots=True, eq=False)
class Gazetteer:
    entities: dict[str, Entity]
    # first token -> [(following tokens, infos)], longest first
    index: dict[str, tuple[tuple[tuple[str, ...], tuple[AliasInfo, ...]], ...]]
    # normalised full names of listed people, for fuzzy matching: name -> entity_id
    person_names: dict[str, str]


def split_alias(alias: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Normalised tokens of ``alias`` and the hard gaps between them."""
    norm = normalize(alias)
    matches = list(NORM_WORD.finditer(norm))
    tokens = tuple(m.group() for m in matches)
    gaps = tuple(gap_key(norm[a.end() : b.start()]) for a, b in zip(matches, matches[1:]))
    return tokens, gaps


def gap_key(gap: str) -> str:
    return SOFT_GAP.sub("", gap)


def spelling_variants(alias: str, entity_type: str) -> set[str]:
    """``alias`` and the spellings the rules derive from it (normalised)."""
    base = normalize(alias)
    variants = {base}
    if "عبد ال" in base:
        variants.add(base.replace("عبد ال", "عبدال"))
    if "عبدال" in base:
        variants.add(base.replace("عبدال", "عبد ال"))
    if entity_type in G_VARIANT_TYPES:
        for form in list(variants):
            for letter in G_LETTERS:
                for other in G_LETTERS:
                    if letter != other and letter in form:
                        variants.add(form.replace(letter, other))
    return variants


def nisba_forms(base: str) -> set[str]:
    """The nisba adjectives derived from a masculine singular (روسي -> روسيه، روسيين، الروسي …)."""
    base = normalize(base)
    bare = {base + suffix for suffix in NISBA_SUFFIXES} if base.endswith("ي") else {base}
    return bare | {"ال" + form for form in bare}


def name_key(name: str) -> str:
    """The key an unlisted body's or place's id is made from: its normalised words (base.stable_id)."""
    return " ".join(normalize(name).split())


def unlisted_id(kind: str, key: str) -> str:
    """The id of an entity no list knows, from its key: sha1, stable across runs and machines (base.stable_id)."""
    return f"{kind}:{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


@cache
def names_spelled_as_nisbas() -> frozenset[str]:
    """A country's names, normalised, that are also the feminine of its own nisba (السعودية of السعودي، سورية of
    سوري): the gazetteer reads them as the name, and extract.py says where the adjective stands. Not a name that is
    the masculine (مالي، جيبوتي): "حكومة مالي" is Mali's government."""
    extras = {row["country_code"]: row for row in read_tsv("gazetteer", "country_extras.tsv")}
    out: set[str] = set()
    for row in read_tsv("gazetteer", "countries.tsv"):
        extra = extras.get(row["country_code"], {})
        listed = [row["name_ar"], *(row["aliases"] + "|" + extra.get("aliases", "")).split("|")]
        names = {normalize(a.strip().lstrip(QUOTED_MARK)) for a in listed if a.strip()}
        for base in (row["nisba"] + "|" + extra.get("nisba", "")).split("|"):
            if base.strip():
                out |= {form for form in nisba_forms(base.strip()) & names if form.endswith(FEMININE_ENDING)}
    return frozenset(out)


def definite_place_rows() -> list[dict[str, str]]:
    """The census's definite place names as gazetteer rows: GPE, no country or English name listed, the id an
    unlisted place of that name would have (base.stable_id), so the warehouse keeps the entity the tagger made."""
    return [
        {
            "entity_id": unlisted_id("gpe", name_key(row["name_ar"])),
            "entity_type": "GPE",
            "name_ar": row["name_ar"],
            "name_en": "",
            "country_code": "",
            "aliases": "",
            "nisba": "",
            "file": DEFINITE_PLACES,
        }
        for row in read_tsv("gazetteer", DEFINITE_PLACES)
    ]


@cache
def load_gazetteer() -> Gazetteer:
    hand_rows = [row | {"file": name} for name in GAZETTEER_FILES for row in read_tsv("gazetteer", name)]
    rows = with_headed_names(with_body_purposes(hand_rows + definite_place_rows()))
    extras = {row["country_code"]: row for row in read_tsv("gazetteer", "country_extras.tsv")}
    entities: dict[str, Entity] = {}
    aliases: dict[tuple[str, ...], dict[str, AliasInfo]] = defaultdict(dict)
    person_names: dict[str, str] = {}
    names_of: dict[str, set[str]] = defaultdict(set)

    def add(alias: str, entity: Entity, kind: str, quoted_only: bool) -> None:
        for variant in spelling_variants(alias, entity.entity_type) if kind == "name" else {normalize(alias)}:
            tokens, gaps = split_alias(variant)
            if not tokens:
                continue
            if kind == "name":
                names_of[entity.entity_id].add(" ".join(tokens))
            # first file wins: a country keeps its name even if a city or an org lists the same words
            aliases[tokens].setdefault(entity.entity_id, AliasInfo(entity.entity_id, kind, quoted_only, gaps))

    for row in rows:
        extra = extras.get(row["country_code"], {}) if row["file"] == "countries.tsv" else {}
        entity = Entity(
            row["entity_id"], row["entity_type"], row["name_ar"], row["name_en"] or None, row["country_code"] or None
        )
        if entity.entity_id in entities:
            continue
        entities[entity.entity_id] = entity
        listed = [a for a in (row["aliases"] + "|" + extra.get("aliases", "")).split("|") if a.strip()]
        quoted = {a[1:].strip() for a in listed if a.startswith(QUOTED_MARK)}
        if row["name_ar"] not in quoted:
            add(row["name_ar"], entity, "name", False)
        for alias in listed:
            add(alias.lstrip(QUOTED_MARK).strip(), entity, "name", alias.startswith(QUOTED_MARK))
        for base in [b for b in (row["nisba"] + "|" + extra.get("nisba", "")).split("|") if b.strip()]:
            for form in nisba_forms(base):
                if " ".join(split_alias(form)[0]) not in names_of[entity.entity_id]:
                    add(form, entity, "nisba", False)
        if entity.entity_type == "PERSON":
            person_names[" ".join(split_alias(row["name_ar"])[0])] = entity.entity_id

    index: dict[str, list] = defaultdict(list)
    for tokens, infos in aliases.items():
        index[tokens[0]].append((tokens[1:], tuple(infos.values())))
    frozen = {first: tuple(sorted(cands, key=lambda c: (-len(c[0]), c[0]))) for first, cands in index.items()}
    return Gazetteer(entities, frozen, person_names)


def with_body_purposes(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """``rows`` with the judged "other body" phrases of body_purposes.tsv: an alias of the listed body the phrase is
    a longer name of (صندوق الأمم المتحدة للطفولة: UNICEF), else a row of its own (الاتحاد الأوروبي لكرة القدم: UEFA)."""
    by_id = {row["entity_id"]: row for row in rows}
    extra: dict[str, dict[str, str]] = {}
    for judged in read_tsv("gazetteer", BODY_PURPOSES):
        if judged["verdict"] != OTHER_BODY:
            continue
        entity_id = judged["entity_id"]
        if entity_id in by_id:
            by_id[entity_id] = by_id[entity_id] | {"aliases": f"{by_id[entity_id]['aliases']}|{judged['phrase']}"}
        elif entity_id in extra:
            extra[entity_id]["aliases"] += f"|{judged['phrase']}"
        else:
            extra[entity_id] = {
                "entity_id": entity_id,
                "entity_type": "ORG",
                "name_ar": judged["phrase"],
                "name_en": judged["name_en"],
                "country_code": "",
                "aliases": "",
                "nisba": "",
                "file": BODY_PURPOSES,
            }
    return [by_id[row["entity_id"]] for row in rows] + list(extra.values())


def with_headed_names(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """``rows`` with the judged names of headed_names.tsv: a gpe row an alias of its place (جمهورية التشيك is
    التشيك), an org or loc row one of its own, its id the one an unlisted body or place of that name would have
    (base.stable_id), an org carrying its place's country (قوات سوريا الديمقراطية: SYR)."""
    by_id = {row["entity_id"]: row for row in rows}
    extra = []
    for judged in read_tsv("gazetteer", HEADED_NAMES):
        verdict, place = judged["verdict"], by_id.get(judged["place_id"])
        if verdict == "gpe" and place is not None:
            by_id[place["entity_id"]] = place | {"aliases": f"{place['aliases']}|{judged['name_ar']}"}
        elif verdict in HEADED_TYPES:
            kind = HEADED_TYPES[verdict]
            country = place["country_code"] if place is not None and kind == "ORG" else ""
            extra.append(
                {
                    "entity_id": unlisted_id(kind.lower(), name_key(judged["name_ar"])),
                    "entity_type": kind,
                    "name_ar": judged["name_ar"],
                    "name_en": "",
                    "country_code": country,
                    "aliases": "",
                    "nisba": "",
                    "file": HEADED_NAMES,
                }
            )
    return [by_id[row["entity_id"]] for row in rows] + extra


def word_set(*parts: str, column: str) -> frozenset[str]:
    return frozenset(normalize(row[column]) for row in read_tsv(*parts) if row[column])


@cache
def name_stopwords() -> frozenset[str]:
    return word_set("gazetteer", "name_stopwords.tsv", column="word")


@cache
def unnamed_words() -> frozenset[str]:
    """Words the tagger reads inside a person's name in hardly any of their corpus occurrences (verbs and verbal
    nouns it now and then runs on to a name: وشارك، رشح، تعيين), from bench/quality/build_unnamed_words.py."""
    return word_set("gazetteer", "unnamed_words.tsv", column="word")


@cache
def name_followers() -> frozenset[str]:
    """Words written right after listed persons' names that the tagger seldom reads inside one (a verb, a pronoun,
    a preposition: يقول، هو، الانسحاب), from bench/quality/build_name_followers.py."""
    return word_set("gazetteer", "name_followers.tsv", column="word")


@cache
def nisba_heads() -> frozenset[str]:
    return word_set("gazetteer", "nisba_heads.tsv", column="head")


@cache
def ambiguous_names() -> dict[str, frozenset[str]]:
    """alias -> the words after which it is a common word, not the entity (مالي after دعم is "financial")."""
    return {
        normalize(row["alias"]): frozenset(normalize(w) for w in row["not_after"].split("|") if w)
        for row in read_tsv("gazetteer", "ambiguous_names.tsv")
    }


@dataclass(frozen=True, slots=True)
class Title:
    tokens: tuple[str, ...]
    position: str  # before | after


@cache
def titles() -> dict[str, tuple[Title, ...]]:
    """first token -> titles starting with it, longest first."""
    out: dict[str, list[Title]] = defaultdict(list)
    for row in read_tsv("titles.tsv"):
        tokens = split_alias(row["title"])[0]
        out[tokens[0]].append(Title(tokens, row["position"]))
    return {k: tuple(sorted(set(v), key=lambda t: -len(t.tokens))) for k, v in out.items()}


@cache
def org_heads() -> dict[str, str]:
    """normalised head -> kind (ministry, org, media, quoted)."""
    return {normalize(row["head"]): row["kind"] for row in read_tsv("org_heads.tsv")}


@cache
def portfolios() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(normalised portfolio tokens, English name), longest first."""
    rows = [(split_alias(row["portfolio"])[0], row["name_en"]) for row in read_tsv("gazetteer", "portfolios.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def portfolio_index() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """first normalised token -> (portfolio tokens, English name), longest first."""
    out: dict[str, list] = defaultdict(list)
    for tokens, name_en in portfolios():
        out[tokens[0]].append((tokens, name_en))
    return {k: tuple(v) for k, v in out.items()}


@cache
def portfolio_names_ar() -> dict[str, str]:
    """English portfolio name -> the Arabic written first for it in portfolios.tsv (the canonical name)."""
    out: dict[str, str] = {}
    for row in read_tsv("gazetteer", "portfolios.tsv"):
        out.setdefault(row["name_en"], row["portfolio"])
    return out


@cache
def place_heads() -> frozenset[str]:
    return word_set("gazetteer", "place_heads.tsv", column="head")


@cache
def given_names() -> frozenset[str]:
    return word_set("gazetteer", "given_names.tsv", column="name")


@cache
def place_name_starts() -> frozenset[str]:
    return word_set("gazetteer", "place_name_starts.tsv", column="word")


@cache
def definite_org_heads() -> frozenset[str]:
    return word_set("gazetteer", "definite_org_heads.tsv", column="head")


@cache
def latin_name_heads() -> frozenset[str]:
    """The heads whose Latin-script name after them is a body's (latin_name_heads.tsv, bench/quality/build_latin_heads.py)."""
    return word_set("gazetteer", "latin_name_heads.tsv", column="head")


@cache
def nisba_body_heads() -> frozenset[str]:
    """The definite body heads a country's nisba may qualify (definite_org_heads.tsv, nisba=yes)."""
    return frozenset(
        normalize(row["head"]) for row in read_tsv("gazetteer", "definite_org_heads.tsv") if row["nisba"] == "yes"
    )


@cache
def generic_adjectives() -> frozenset[str]:
    return word_set("gazetteer", "generic_adjectives.tsv", column="word")
