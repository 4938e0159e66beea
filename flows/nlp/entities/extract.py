"""Who is mentioned: gazetteer matches, ministries, persons by title or given name, organisations and places by
their head word, and the CRF name tagger over every sentence (which also says where a rule's person stops), resolved
into canonical entities and mentions, in the body and in the title (a bare surname resolves to the full name earlier in
the body, or anywhere in the body for a title's surname).

``extract_entities(doc)`` is deterministic; its data (flows/data) is loaded once per process. Body mentions come first,
sorted by char_start, never overlap, and satisfy ``body_text[char_start:char_end] == surface``; title mentions follow
(``part == "title"``, ``title[char_start:char_end] == surface``, sentence_index TITLE_SENTENCE).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rapidfuzz import fuzz

from flows.nlp.entities.acronyms import bracketed_acronyms
from flows.nlp.entities.base import Candidate, covered, is_name_token, made_up, non_name_words
from flows.nlp.entities.canonical import listed_person
from flows.nlp.entities.clubs import club_names, club_readings
from flows.nlp.entities.consistency import consistent_types, type_votes
from flows.nlp.entities.descriptors import without_descriptors
from flows.nlp.entities.gazetteer import Gazetteer, load_gazetteer, names_spelled_as_nisbas, nisba_heads
from flows.nlp.entities.joined import joined_names
from flows.nlp.entities.match import GazetteerMatch, match_gazetteer
from flows.nlp.entities.patterns import (
    find_definite_bodies,
    find_headed_orgs,
    find_headed_places,
    find_latin_names,
    find_ministries,
)
from flows.nlp.entities.persons import find_named_persons, find_titled_persons
from flows.nlp.entities.repeated import repeated_names
from flows.nlp.entities.state_bodies import find_state_bodies
from flows.nlp.entities.tagged import TITLE_SOURCES, merge, stretched_to, tagger_reading
from flows.nlp.entities.tokens import CLOSING, EntityText
from flows.nlp.text.arabic import enclitic_stems, normalize, split_sentences
from flows.nlp.types import Document, Entity, Mention

# A name found after a title or a given name is the listed person when their normalised names are this similar
# (rapidfuzz ratio, 0-100), and only when the surnames start alike. Spelling variants score above it
# (باكاري ياو سنغاري / سانغاري 97, أسيمي غويتة / غويتا 91); different people who share a surname score below
# (عمر تراوري / إبراهيم تراوري 67, كاراموكو تراوري / إبراهيم تراوري 76).
FUZZY_PERSON_MIN = 85
# How far back a nisba may look for the person or body it qualifies (وزير الخارجية الروسي: two words).
NISBA_REACH = 3
# A surname shorter than this is too often a word to resolve on its own.
MIN_SURNAME = 3
# The sentence_index of a title mention: the title is no sentence of the body.
TITLE_SENTENCE = -1
# A hashtag whose words are joined by underscores (#بشار_الأسد, #الحشد_الشعبي).
HASHTAG = re.compile(r"#(\w+_\w+)")
# The endings, as normalised, of a word a feminine nisba agrees with: ة (normalised ه) and the plural ات.
FEMININE_OR_PLURAL = ("ه", "ات")
# Nisba-like endings of adjectives a nisba's reach may cross (أفراد عسكريين أوكرانيين).
ADJECTIVE_ENDINGS = ("ي", "يه", "يين", "يون", "يات")


def extract_entities(doc: Document) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    """Entities (sorted by id) and mentions: the body's (sorted by char_start), then the title's."""
    sentences = doc.sentences or split_sentences(doc.body_text)
    text = EntityText.build(hashtags_as_words(doc.body_text), sentences)
    candidates, by_token = rule_candidates(text)
    chosen = _with_tagger(text, _without_overlaps(candidates), doc.body_text)
    votes = type_votes(text, chosen)
    chosen = _linked_to_listed(consistent_types(text, chosen, votes))
    clubs = club_names(text, chosen)
    chosen = joined_names(text, club_readings(text, chosen, clubs))
    known = _full_names(text, chosen)
    chosen = repeated_names(text, bracketed_acronyms(text, _resolve_short_names(text, chosen, by_token, known)))
    mentions = _mentions(doc.article_id, "body", doc.body_text, text, chosen)
    title_chosen: list[Candidate] = []
    if doc.title and doc.title.strip():
        title = EntityText.build(hashtags_as_words(doc.title), split_sentences(doc.title))
        title_candidates, title_by_token = rule_candidates(title)
        title_chosen = _with_tagger(title, _without_overlaps(title_candidates), doc.title)
        title_chosen = _linked_to_listed(consistent_types(title, title_chosen, type_votes(title, title_chosen, votes)))
        title_chosen = joined_names(title, club_readings(title, title_chosen, clubs | club_names(title, title_chosen)))
        # A title names its people by surname more often than the body does: a title's surname is the person the
        # body names in full wherever the body names them (known), or the title's own full name.
        title_known = _merge_names(known, _full_names(title, title_chosen), everywhere=True)
        title_chosen = _resolve_short_names(title, title_chosen, title_by_token, title_known)
        title_chosen = repeated_names(title, bracketed_acronyms(title, title_chosen))
        mentions += _mentions(doc.article_id, "title", doc.title, title, title_chosen)
    entities: dict[str, Entity] = {}
    for c in chosen + title_chosen:
        entities.setdefault(c.entity.entity_id, c.entity)
    return tuple(sorted(entities.values(), key=lambda e: e.entity_id)), tuple(mentions)


def rule_candidates(text: EntityText) -> tuple[list[Candidate], dict[int, GazetteerMatch]]:
    """Every candidate the gazetteer and the patterns propose, overlapping ones included."""
    gazetteer = load_gazetteer()
    matches = match_gazetteer(text, gazetteer)
    by_token = covered(matches)
    candidates = [c for c in (_from_gazetteer(text, m, matches, gazetteer) for m in matches) if c is not None]
    candidates += find_ministries(text, gazetteer, by_token)
    candidates += find_state_bodies(text, gazetteer, by_token)
    candidates += [_link_known_person(c, gazetteer) for c in find_titled_persons(text, by_token, gazetteer)]
    candidates += [_link_known_person(c, gazetteer) for c in find_named_persons(text, by_token)]
    candidates += find_headed_orgs(text, by_token)
    candidates += find_latin_names(text, by_token)
    candidates += find_headed_places(text, by_token)
    candidates += find_definite_bodies(text, by_token)
    return candidates, by_token


def _with_tagger(text: EntityText, chosen: list[Candidate], original: str) -> list[Candidate]:
    """The rules' mentions and the tagger's names, merged (flows.nlp.entities.tagged); new persons are linked to
    a listed person when their names are spellings of one."""
    gazetteer = load_gazetteer()
    asked = [k for c in chosen if c.source in TITLE_SOURCES for k in range(c.tok_start, c.tok_end)]
    reading = tagger_reading(text, asked)
    merged = without_descriptors(text, _to_hashtag_ends(text, merge(text, chosen, reading), original))
    return [
        _link_known_person(c, gazetteer) if c.source == "tagger" and c.entity.entity_type == "PERSON" else c
        for c in merged
    ]


def _to_hashtag_ends(text: EntityText, chosen: list[Candidate], original: str) -> list[Candidate]:
    """A name that ends inside a hashtag ends where the hashtag ends: its words are one phrase (#بيونغ_يانغ, جبهة
    #الساحل_الغربي), never over the next mention."""
    hashtags = [(m.start(), m.end()) for m in HASHTAG.finditer(original)]
    if not hashtags:
        return chosen
    ends = {tok.char_end: k for k, tok in enumerate(text.toks)}
    out = []
    for n, c in enumerate(chosen):
        end = next((b for a, b in hashtags if a < c.char_end < b), None)
        last = ends.get(end, -1) if end is not None else -1
        if last >= c.tok_end and (n + 1 == len(chosen) or chosen[n + 1].tok_start > last):
            c = stretched_to(text, c, last + 1)
        out.append(c)
    return out


def _from_gazetteer(
    text: EntityText, match: GazetteerMatch, matches: list[GazetteerMatch], gazetteer: Gazetteer
) -> Candidate | None:
    entity = gazetteer.entities[match.info.entity_id]
    adjectival = match.info.kind == "nisba" or _name_as_nisba(text, match, matches)
    if adjectival and not _qualifies_person_or_body(text, match, matches, gazetteer):
        return None
    return Candidate(
        match.char_start, match.char_end, match.tok_start, match.tok_end, entity, 0, "gazetteer", adjectival
    )


def _name_as_nisba(text: EntityText, match: GazetteerMatch, matches: list[GazetteerMatch]) -> bool:
    """A country's name spelled as its own nisba (السعودية، سورية: gazetteer.names_spelled_as_nisbas), written bare
    right after a feminine or plural word it agrees with in definiteness, is that word's adjective (القوات
    السعودية، اللجنة الأولمبية العربية السعودية، فصائل معارضة سورية), read as a nisba: ANT v2.1 guidelines, no
    mention. After a preposition, a verb or a name it stays the country (إلى السعودية، وقالت السعودية)."""
    k = match.tok_start
    if match.tok_end - k != 1 or k == 0 or not text.joined(k) or text.toks[k].norm not in names_spelled_as_nisbas():
        return False
    if any(m.tok_start < k <= m.tok_end - 1 or m.tok_end == k for m in matches):
        return False
    agrees = text.starts_with_article(k - 1) == text.starts_with_article(k)
    return agrees and text.toks[k - 1].norm.endswith(FEMININE_OR_PLURAL)


def _qualifies_person_or_body(
    text: EntityText, match: GazetteerMatch, matches: list[GazetteerMatch], gazetteer: Gazetteer
) -> bool:
    """A nisba counts only after a noun for people or a body, a named person or body, or a nisba that did."""
    i = match.tok_start
    ends = {m.tok_end: m for m in matches}
    heads = nisba_heads()
    for back in range(1, NISBA_REACH + 1):
        k = i - back
        if k < 0 or not CLOSING.match(text.gap(k + 1)) and not text.joined(k + 1):
            return False
        before = ends.get(k + 1)
        if before is not None and before.tok_end == k + 1:
            kind = gazetteer.entities[before.info.entity_id].entity_type
            if kind in {"PERSON", "ORG"} or (
                before.info.kind == "nisba" and back == 1 and text.toks[i].norm.startswith("و")
            ):
                return back == 1 or kind in {"PERSON", "ORG"}
            return False
        stems = {s for stem in text.bare_stems(k) for s in enclitic_stems(stem)}
        if stems & heads:
            return True
        if not (text.has_article(k) or text.toks[k].norm.endswith(ADJECTIVE_ENDINGS)):
            return False
    return False


def _link_known_person(candidate: Candidate, gazetteer: Gazetteer) -> Candidate:
    """A titled name that is a spelling of a listed person becomes that person: the same person_key as one of their
    names or aliases, else fuzzy (same surname only)."""
    name = " ".join(normalize(candidate.entity.name_ar).split())
    listed = listed_person(name, gazetteer)
    if listed is not None:
        return _as_listed(candidate, listed)
    best, best_score = None, 0.0
    for known, entity_id in gazetteer.person_names.items():
        if known.split()[-1][:3] != name.split()[-1][:3]:
            continue
        score = fuzz.ratio(name, known)
        if score > best_score:
            best, best_score = entity_id, score
    if best is None or best_score < FUZZY_PERSON_MIN:
        return candidate
    return _as_listed(candidate, gazetteer.entities[best])


def _as_listed(candidate: Candidate, entity: Entity) -> Candidate:
    """The candidate as a mention of a listed entity: it then weighs like a gazetteer match."""
    c = candidate
    return Candidate(c.char_start, c.char_end, c.tok_start, c.tok_end, entity, 0, "fuzzy")


def _linked_to_listed(chosen: list[Candidate]) -> list[Candidate]:
    """Every person no list knows whose name spells a listed person's name or alias (the same person_key) is that
    person, whichever rule or tagger pass named them: نتانياهو is بنيامين نتنياهو (alias نتنياهو)."""
    gazetteer = load_gazetteer()
    out = []
    for c in chosen:
        if c.entity.entity_type == "PERSON" and not c.is_adjectival and made_up(c.entity):
            listed = listed_person(c.entity.name_ar, gazetteer)
            if listed is not None:
                c = Candidate(c.char_start, c.char_end, c.tok_start, c.tok_end, listed, c.priority, c.source)
        out.append(c)
    return out


def _without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first, then by priority; a candidate overlapping one already kept is dropped."""
    kept: list[Candidate] = []
    taken: set[int] = set()
    for c in sorted(
        candidates, key=lambda c: (-(c.char_end - c.char_start), c.priority, c.char_start, c.entity.entity_id)
    ):
        span = range(c.char_start, c.char_end)
        if any(p in taken for p in span):
            continue
        kept.append(c)
        taken.update(span)
    return sorted(kept, key=lambda c: c.char_start)


class FullNames(NamedTuple):
    """The persons named in full: each surname's entity ids, where each person is first named, and the entities."""

    surnames: dict[str, set[str]]
    first_seen: dict[str, int]
    entities: dict[str, Entity]


def _full_names(text: EntityText, chosen: list[Candidate]) -> FullNames:
    names = FullNames({}, {}, {})
    for c in chosen:
        if c.entity.entity_type == "PERSON" and c.tok_end - c.tok_start >= 2:
            surname = text.toks[c.tok_end - 1].norm
            if len(surname) < MIN_SURNAME or text.bare_stems(c.tok_end - 1) & non_name_words():
                continue
            names.surnames.setdefault(surname, set()).add(c.entity.entity_id)
            names.first_seen.setdefault(c.entity.entity_id, c.char_start)
            names.entities[c.entity.entity_id] = c.entity
    return names


def _merge_names(body: FullNames, title: FullNames, *, everywhere: bool) -> FullNames:
    """Both texts' full names; with ``everywhere`` a surname may come before the full name (a title's does)."""
    surnames = {k: set(v) for k, v in body.surnames.items()}
    for k, v in title.surnames.items():
        surnames.setdefault(k, set()).update(v)
    first_seen = {**body.first_seen, **title.first_seen}
    if everywhere:
        first_seen = {k: -1 for k in first_seen}
    return FullNames(surnames, first_seen, {**body.entities, **title.entities})


def _resolve_short_names(
    text: EntityText, chosen: list[Candidate], by_token: dict[int, GazetteerMatch], names: FullNames
) -> list[Candidate]:
    """A bare surname after the full name in the same article is that person; never when two people share it."""
    surnames, first_seen, entities = names
    if not surnames:
        return chosen
    # The tagger reads a bare surname as a name of its own; it is the person named in full (or, when two people
    # share it, no one), so it is resolved below like any other surname.
    confirmed = {c.entity.entity_id for c in chosen if c.entity.entity_type == "PERSON" and c.source != "title"}
    chosen = [c for c in chosen if not _tagged_surname(text, c, surnames, confirmed)]
    used = {i for c in chosen for i in range(c.tok_start, c.tok_end)}
    extra = []
    for i in range(len(text.toks)):
        if i in used or i in by_token:
            continue
        for reading in text.readings[i]:
            ids = surnames.get(reading.stem)
            if not ids or len(ids) != 1 or reading.has_article:
                continue
            entity_id = next(iter(ids))
            start = text.char_start(i, reading.prefix)
            if first_seen[entity_id] < start and not _continues_a_name(text, i, used):
                extra.append(Candidate(start, text.toks[i].char_end, i, i + 1, entities[entity_id], 4, "surname"))
            break
    return sorted(chosen + extra, key=lambda c: c.char_start)


def _tagged_surname(text: EntityText, c: Candidate, surnames: dict[str, set[str]], confirmed: set[str]) -> bool:
    """A tagger's name of one word that is the surname of a person named in full. The tagger types a word from its
    sentence alone, so a word it reads as a place or a body (بخاري "against Buhari" as a place) is the person too,
    where that person's full name was read by a list, a given name or the tagger, not only after a title word (a
    title rule runs on into places: "وصوله مطار عدن")."""
    if c.source != "tagger" or c.tok_end - c.tok_start != 1:
        return False
    ids = [surnames.get(reading.stem, set()) for reading in text.readings[c.tok_start]]
    if c.entity.entity_type == "PERSON":
        return any(ids)
    return any(found and found <= confirmed for found in ids)


def _continues_a_name(text: EntityText, i: int, used: set[int]) -> bool:
    """The surname follows an unknown word that may be another person's first name (إبراهيم تراوري)."""
    return (
        i > 0
        and text.joined(i)
        and (i - 1) not in used
        and is_name_token(text, i - 1, {})
        and not text.toks[i].norm.startswith("و")
    )


def hashtags_as_words(text: str) -> str:
    """``text`` with each hashtag read as words (#بشار_الأسد as " بشار الأسد"): the same length, so that offsets into
    it are offsets into ``text``, and the name is the same entity as when written with spaces."""
    return HASHTAG.sub(lambda m: " " + m.group(1).replace("_", " "), text)


def _mentions(article_id: str, part: str, original: str, text: EntityText, chosen: list[Candidate]) -> list[Mention]:
    """Mention records of one part ("body" or "title"); a title's ids carry a ``t`` so they never meet a body's."""
    tag = "m" if part == "body" else "t"
    return [
        Mention(
            mention_id=f"{article_id}:{tag}{c.char_start}-{c.char_end}",
            entity_id=c.entity.entity_id,
            entity_type=c.entity.entity_type,
            surface=original[c.char_start : c.char_end],
            char_start=c.char_start,
            char_end=c.char_end,
            sentence_index=text.sentence_index(c.char_start) if part == "body" else TITLE_SENTENCE,
            is_adjectival=c.is_adjectival,
            part=part,
        )
        for c in chosen
    ]
