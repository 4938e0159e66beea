"""The name tagger (flows.nlp.entities.tagger) over a whole article, and how its spans and the rules' candidates
become one set of mentions.

The tagger reads every sentence. Where it finds a name no rule found, the name is a mention. Where a rule
found one too, the rule gives the canonical entity (a listed person, a ministry) and the tagger says where the
name stops: a person the rules ran on past the name ("محمد بن سلمان صورة") ends where the tagger's name ends, and
a name the tagger carries on through a word that is also a function word ("هو", "من") is not cut short. A person
proposed only because a listed given name starts it (يزيد "exceeds", باسم "in the name of") stands only where
the tagger reads a name there too; a person proposed by a title before it stands unless the tagger reads its words
as no name at all or as a body or place from its first word on (_unlikely_title_name). Which words a span may hold or end with is asked of
flows.nlp.entities.span_words, which letters before it are proclitics of flows.nlp.entities.span_clitics.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import NamedTuple

from flows.nlp.entities.base import (
    NAME_LINKS,
    START_LINKS,
    Candidate,
    made_up,
    non_name_words,
    stable_id,
)
from flows.nlp.entities.context import after_body_head, is_work_title
from flows.nlp.entities.gazetteer import definite_org_heads, given_names
from flows.nlp.entities.persons import completes_title
from flows.nlp.entities.role_words import time_words
from flows.nlp.entities.span_clitics import KINDS_WITHOUT_LIL, LIL, WA, lil_article, proclitic_letters
from flows.nlp.entities.span_words import (
    definite_description,
    hamza_particle,
    letters_of,
    not_a_name_word,
    only_common_words,
    place_nisba,
    plural_noun,
    run_on_word,
    unnamed_word,
    with_bi,
    with_pronoun,
)
from flows.nlp.entities.tagger import (
    bio_spans,
    clitic_stem,
    gazetteer_words,
    tag_with_confidence,
    word_counts,
)
from flows.nlp.entities.tokens import EntityText
from flows.nlp.text.arabic import normalize
from flows.nlp.text.morph import ARTICLE
from flows.nlp.types import Entity

ENTITY_TYPES = {"PERS": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC"}
# Rule sources whose persons need the tagger's agreement: a listed given name followed by name-like words is
# also how ordinary phrases start (يزيد عن، باسم الحزب، جميلة جدا).
NEEDS_AGREEMENT = frozenset({"given-name"})
# Rule sources whose spans take the tagger's end (per type): names found by a title or a given name, and bodies
# found by a head word, end where the rules' word lists say, which runs on into verbs and nouns no list holds or
# stops before the rest of the name.
TAGGER_ENDS = {
    "PERSON": frozenset({"given-name", "title"}),
    "ORG": frozenset({"org-of-place", "media-name", "definite-body", "org-head", "org-quoted"}),
}
# Rule sources of persons found by a title before them (الرئيس، وزير الخارجية), and how likely the tagger must find
# their words to be in a name (tagger_reading's in_name, the highest of its words) when its own spans do not cover them.
TITLE_SOURCES = frozenset({"title"})
MIN_TITLE_NAME = 0.05
# Words only a person's name holds between its parts: the name particles and بنت "daughter of" (عيشة بنت بشر).
PERSON_LINKS = NAME_LINKS | {normalize("بنت")}
# Sources of persons whose name is the words they read, not a listed person's.
MADE_UP_PERSONS = frozenset({"given-name", "title", "tagger"})

# The kinds whose tagger span is two names where a word carries the conjunction و by the corpus counts
# (clitic_stem): "عاصي وهالة مالكي" is two persons, "أصفهان وشيراز" two cities (ANT v2.1 audits,
# bench/quality/audits/entities_ant2*.tsv). A body's name holds such words (وزارة الخارجية والتعاون الدولي), so ORG
# spans are left whole.
KINDS_SPLIT_AT_CONJUNCTIONS = frozenset({"PERSON", "GPE", "LOC"})
PLACE_KINDS = frozenset({"GPE", "LOC"})
# The endings of a relational adjective, normalised (-ي، -ية): the second body's adjective in _bodies.
RELATIONAL_ENDINGS = ("ي", "يه")
# Words that head a kunya as أبو does (أم رأفت "Raafat's mother"): a name's first word, whatever else they mean.
KUNYA_HEADS = START_LINKS | {normalize("أم")}
# A name from the tagger alone (no rule found it) is kept when the tagger's marginal probability of every label in
# it reaches this. Chosen on development data: of the 159 rows of the two judged entity audits
# (bench/quality/audits/entities_ant2_round1.tsv and _round2.tsv) the code still finds with a tagger span, 49 are wrong; below 0.7 fall
# 28 of them, 15 wrong (below 0.6: 16, 7 wrong; below 0.8: 34, 19 wrong), while ANT v2.1 dev F1 moves 0.743 -> 0.738
# and the Wojood validation split 0.839 -> 0.836 (mention figures, where such names are few).
MIN_CONFIDENCE = 0.7
# The tagger's longer names a census place may stand inside (_census_place_inside_a_name).
LONGER_NAME_KINDS = frozenset({"LOC", "ORG"})
# Letters after which a word's first و is the W of a foreign name (ويليام، والتر، وودي), not the conjunction.
W_VOWELS = frozenset("اويى")
# A name of one word from the tagger alone needs this many letters: two-letter words (مي، لي) are more often
# abbreviations, model names and particles than names.
MIN_ONE_WORD_NAME = 3


class NameSpan(NamedTuple):
    entity_type: str  # PERSON | ORG | GPE | LOC
    tok_start: int  # EntityText token indices, end exclusive
    tok_end: int
    confidence: float = 1.0  # the lowest marginal probability of the span's labels (tag_with_confidence)


class TaggerReading(NamedTuple):
    spans: list[NameSpan]
    # per EntityText token asked for, the tagger's probability that it is in some name (1.0 for the others: no
    # evidence either way)
    in_name: list[float]


def tagger_reading(text: EntityText, asked: Collection[int] = ()) -> TaggerReading:
    """The tagger's names in every sentence, as EntityText token spans (punctuation is context, never an edge), and
    how likely each ``asked`` token is to be in a name (computed only where asked: a marginal per word costs about
    a tenth of the tagging)."""
    spans = []
    in_name = [1.0] * len(text.toks)
    wanted = frozenset(asked)
    for sentence in sentence_tokens(text):
        positions = [n for n, (_, tok) in enumerate(sentence) if tok in wanted]
        labels, confidence, named = tag_with_confidence([word for word, _ in sentence], positions)
        for n, p in zip(positions, named, strict=True):
            in_name[sentence[n][1]] = p
        for span in bio_spans(labels):
            words = [tok for _, tok in sentence[span.first : span.last] if tok >= 0]
            if words:
                sure = min(confidence[span.first : span.last])
                spans.append(NameSpan(ENTITY_TYPES[span.kind], words[0], words[-1] + 1, sure))
    return TaggerReading(spans, in_name)


def sentence_tokens(text: EntityText) -> list[list[tuple[str, int]]]:
    """Per sentence, the tagger's tokens: (word, EntityText token index), punctuation marks with index -1."""
    sentences: list[list[tuple[str, int]]] = []
    current = -1
    previous_end = 0
    for i, tok in enumerate(text.toks):
        index = text.sentence_index(tok.char_start)
        if index != current:
            sentences.append([])
            current = index
        marks = [ch for ch in text.norm[previous_end : tok.norm_start] if not ch.isspace()]
        sentences[-1].extend((mark, -1) for mark in marks)
        sentences[-1].append((tok.norm, i))
        previous_end = tok.norm_end
    return sentences


def merge(text: EntityText, chosen: list[Candidate], reading: TaggerReading) -> list[Candidate]:
    """The rules' mentions, their person spans adjusted to the tagger's, and the tagger's names the rules missed."""
    spans = reading.spans
    chosen = [c for c in chosen if not _census_place_inside_a_name(c, spans)]
    kept: list[Candidate] = []
    for n, c in enumerate(chosen):
        kind = c.entity.entity_type
        if c.source in TAGGER_ENDS.get(kind, ()) or (kind == "PERSON" and c.source in NEEDS_AGREEMENT):
            agreeing = [
                s for s in spans if s.entity_type == kind and s.tok_start < c.tok_end and c.tok_start < s.tok_end
            ]
            if not agreeing:
                if c.source not in NEEDS_AGREEMENT and not _unlikely_title_name(text, c, reading):
                    kept.append(_without_unnamed_edges(text, c))
                continue
            # never over the neighbouring mentions: the one before (as kept) and the one after
            lowest = kept[-1].tok_end if kept else 0
            highest = chosen[n + 1].tok_start if n + 1 < len(chosen) else len(text.toks)
            first, last = min(s.tok_start for s in agreeing), max(s.tok_end for s in agreeing)
            last = _with_the_bodys_nisba(text, c, last)
            c = _without_unnamed_edges(text, _with_tagger_edges(text, c, max(first, lowest), min(last, highest)))
        kept.append(c)
    taken = {k for c in kept for k in range(c.tok_start, c.tok_end)}
    for whole in spans:
        if whole.confidence < MIN_CONFIDENCE or any(k in taken for k in range(whole.tok_start, whole.tok_end)):
            continue
        for span in _pieces(text, whole):
            candidate = _candidate(text, span, _coordinated(text, span, kept, spans))
            if candidate is not None:
                kept.append(candidate)
                taken.update(range(candidate.tok_start, candidate.tok_end))
    return sorted(_with_given_names(text, kept), key=lambda c: c.char_start)


def _with_the_bodys_nisba(text: EntityText, c: Candidate, last: int) -> int:
    """A body the rules named with a state's nisba at its end (مجلس النواب العراقي، الحرس الثوري الإيراني) keeps it
    where the tagger's name stops before it: a nisba after a body's own name is part of its span (ANT v2.1
    guidelines: "الحرس الثوري الإيراني"; dev2: "مجلس النواب العراقي")."""
    if c.entity.entity_type != "ORG" or not c.tok_start < last < c.tok_end:
        return last
    return c.tok_end if all(place_nisba(text, k, feminine=True) for k in range(last, c.tok_end)) else last


def _census_place_inside_a_name(c: Candidate, spans: Sequence[NameSpan]) -> bool:
    """A place of the corpus census (gazetteer/definite_places.tsv: a listed name with the id of an unlisted place)
    inside a longer sea, region or body the tagger reads (خليج عدن، جامعة تعز): the longer name stands, as the
    tagger read it. Hand-listed places keep their own rules."""
    if c.source != "gazetteer" or c.entity.entity_type != "GPE" or not made_up(c.entity):
        return False
    return any(
        s.entity_type in LONGER_NAME_KINDS
        and s.confidence >= MIN_CONFIDENCE
        and s.tok_start <= c.tok_start
        and c.tok_end <= s.tok_end
        and s.tok_end - s.tok_start > c.tok_end - c.tok_start
        for s in spans
    )


def _unlikely_title_name(text: EntityText, c: Candidate, reading: TaggerReading) -> bool:
    """A person found after a title, where the tagger reads no person: words the tagger reads as no name at all (the
    words after a title are as often a verb and its object, "الرئيس الأفغاني يدعم فتوى", "ولم يقدم الوزير أي دليل"),
    or a body or a place the tagger reads from the first word on (رئيس نادي سموحة، المدير الفني لفريق ليفربول,
    المتحدث باسم حاكم ولاية نانغرهار: the body or the place is the name, and the tagger's span gives it). A body's
    span that starts before the name (رئيس منظمة التحرير ياسر عرفات) is the tagger running on, and the name stays."""
    if c.entity.entity_type != "PERSON" or c.source not in TITLE_SOURCES:
        return False
    if any(s.entity_type != "PERSON" and c.tok_start <= s.tok_start < c.tok_end for s in reading.spans):
        return True
    names = gazetteer_words()
    words = range(c.tok_start, c.tok_end)
    if any(text.bare_stems(k) & PERSON_LINKS or text.toks[k].norm in names["given"] | names["person"] for k in words):
        return False  # a listed name word, or a link only names have (عيشة بنت بشر)
    return max(reading.in_name[c.tok_start : c.tok_end], default=0.0) < MIN_TITLE_NAME


def _without_unnamed_edges(text: EntityText, c: Candidate) -> Candidate:
    """A person found by a title, its edges cut where a word stands that the tagger reads in hardly any name across
    the corpus (unnamed_word: "الرئيس ترامب قد رشح هاسبل" names هاسبل); the tagger's edges never start a rule's
    name later than the rule did."""
    if c.entity.entity_type != "PERSON":
        return c
    a, b = _unnamed_edges_cut(text, c.tok_start, c.tok_end)
    if a > c.tok_start and _after_title(text, c.tok_start):
        a = c.tok_start  # رئيس الوزراء السابق سلام فياض: the title's name starts right after it
    if (a, b) == (c.tok_start, c.tok_end) or b <= a:
        return c
    return _with_tagger_edges(text, c, a, b, later_start=True)


def _after_title(text: EntityText, a: int) -> bool:
    """Token a follows a title or the definite words of a title's chain (الوزير، السابق) in the same phrase."""
    k = a - 1
    return (
        k >= 0
        and text.joined(a)
        and (text.starts_with_article(k) or bool(text.bare_stems(k) & gazetteer_words()["title"]))
    )


def _unnamed_edges_cut(text: EntityText, a: int, b: int) -> tuple[int, int]:
    """A person's tokens a..b-1 without the words at its start the tagger reads in hardly any name across the corpus
    (unnamed_word): a verb or a verbal noun run on before the name (وشارك | ديمبلي، رشح | هاسبل، تعيين | هاسبل). A
    first word is cut only before a word written without the article: before one it is the name's own head, a given
    name spelled like a common noun (صباح الأحمد الصباح), and so is a kunya's head (أم رأفت). A last word is left (after
    a name it is as often a family name spelled like a word, يوخن ساير، سارة نجم), and a name of one unnamed word is
    none (a city the tagger read as a person here and nowhere else, هلسنكي)."""
    while (
        a < b
        and unnamed_word(text, a)
        and not (b - a > 1 and (text.starts_with_article(a + 1) or text.toks[a].norm in KUNYA_HEADS))
    ):
        a += 1
    while b - a == 1 and unnamed_word(text, a):
        b -= 1  # a name of one unnamed word is none; a last word after a name is left (يوخن ساير: a family name)
    return a, b


def _with_given_names(text: EntityText, kept: list[Candidate]) -> list[Candidate]:
    """A person the rules or the tagger made up from the words they read, started where a listed given name or word
    of a listed person's name stands right before it: the given name is the name's (جان | كلود يونكر). Not past a
    punctuation mark, another mention, a title or a stop word, nor a preposition spelled like a name (على/علي)."""
    names = gazetteer_words()
    taken = {k for c in kept for k in range(c.tok_start, c.tok_end)}
    out = []
    for c in kept:
        a = c.tok_start
        if c.entity.entity_type == "PERSON" and c.source in MADE_UP_PERSONS:
            while (
                a > 0
                and text.joined(a)
                and a - 1 not in taken
                and text.toks[a - 1].norm in names["given"] | names["person"]
                and not text.bare_stems(a - 1) & non_name_words()
                and not not_a_name_word(text, a - 1)
            ):
                a -= 1
        out.append(_with_tagger_edges(text, c, a, c.tok_end) if a < c.tok_start else c)
    return out


def _pieces(text: EntityText, span: NameSpan) -> list[NameSpan]:
    """A person's or place's span split where a later word carries the conjunction و by the corpus counts: the next
    name of the same type starts there (عاصي | وهالة مالكي، أصفهان | وشيراز). A word listed as a name word is never
    split (وليد). A preposition read by the counts is no such evidence inside a foreign name: باول is not ب + اول,
    كيري not ك + يري."""
    if span.entity_type == "ORG":
        return _bodies(text, span)
    if span.entity_type not in KINDS_SPLIT_AT_CONJUNCTIONS:
        return [span]
    pieces = []
    start = span.tok_start
    for k in range(span.tok_start + 1, span.tok_end):
        if _conjunction_before_name(text, k, k - start > 1 and span.tok_end - k > 1):
            pieces.append(NameSpan(span.entity_type, start, k, span.confidence))
            start = k
    return [*pieces, NameSpan(span.entity_type, start, span.tok_end, span.confidence)]


def _bodies(text: EntityText, span: NameSpan) -> list[NameSpan]:
    """A body's span split at و + a definite noun and its definite adjective, where the span is itself a definite noun
    and its definite adjective: two bodies named side by side (الجيش الوطني | والمقاومة الشعبية، القوات المشتركة |
    والتحالف العربي). A name that is a construct keeps its و (وزارة الخارجية والتعاون الدولي، حزب العدالة والتنمية),
    and so does a name whose part before و ends in ل + the article (الهيئة العامة للطيران والأرصاد الجوية: the
    conjunction joins what the body is for)."""
    a, b = span.tok_start, span.tok_end
    if not text.starts_with_article(a):
        return [span]
    for k in range(a + 2, b - 1):
        word = text.toks[k].norm
        if (
            word.startswith(WA + ARTICLE)
            and text.joined(k)
            and text.starts_with_article(k - 1)
            and text.starts_with_article(k + 1)
            and text.toks[k + 1].norm.endswith(RELATIONAL_ENDINGS)
        ):
            return [NameSpan("ORG", a, k, span.confidence), *_bodies(text, NameSpan("ORG", k, b, span.confidence))]
    return [span]


def _conjunction_before_name(text: EntityText, k: int, two_full_names: bool) -> bool:
    """Token k starts a second name: its و is the conjunction by the corpus counts, or, between two names of two
    words or more, it is و + a word the counts do not know (_unknown_after_wa)."""
    word = text.toks[k].norm
    names = gazetteer_words()
    if word in names["given"] or word in names["person"]:
        return False
    return clitic_stem(word)[1] == WA or (two_full_names and _unknown_after_wa(word))


def _unknown_after_wa(word: str) -> bool:
    """و + a word the corpus counts do not know, written و + a consonant (ودوماغوي): the conjunction. A name's own
    W is mostly written و + a long vowel (ويليام، والتر، وودي), and a known name (ولفغانغ) is in the counts; a
    name of one word on either side is left whole (سيرينا وليامز), see _pieces."""
    counts = word_counts()
    return (
        word.startswith(WA)
        and word[1:2] not in W_VOWELS
        and len(word) - len(WA) >= MIN_ONE_WORD_NAME
        and word not in counts
        and word[len(WA) :] not in counts
    )


def _with_tagger_edges(
    text: EntityText, c: Candidate, tok_start: int, tok_end: int, later_start: bool = False
) -> Candidate:
    """The rule's name, stretched or cut to the tagger's: it ends where the tagger's name ends, and starts where the
    tagger's starts when the words before the rule's start are name words (عبد الله بن زايد, not the title before
    it; with ``later_start``, the given start stands even after the rule's). A name the rule made up from the words
    it read gets the id of its new words; a listed one keeps its own."""
    tok_start, tok_end = _trimmed(text, tok_start, tok_end, c.entity.entity_type)
    while tok_start < c.tok_start and text.bare_stems(tok_start) & non_name_words():
        tok_start += 1
    tok_start = tok_start if later_start else min(tok_start, c.tok_start)
    if tok_end <= c.tok_start or (tok_start, tok_end) == (c.tok_start, c.tok_end):
        return c
    kind = c.entity.entity_type
    char_start = (
        c.char_start
        if tok_start == c.tok_start
        else text.char_start(tok_start, proclitic_letters(text, tok_start, kind))
    )
    char_end = text.toks[tok_end - 1].char_end
    name = name_of(text.body[char_start:char_end])
    entity = c.entity
    if c.entity.name_ar == name_of(text.body[c.char_start : c.char_end]):
        entity = Entity(stable_id(kind.lower(), name), kind, name, None, None)
    return Candidate(char_start, char_end, tok_start, tok_end, entity, c.priority, c.source, c.is_adjectival)


def stretched_to(text: EntityText, c: Candidate, tok_end: int) -> Candidate:
    """The candidate carried on to ``tok_end`` (its words renamed as _with_tagger_edges does)."""
    return _with_tagger_edges(text, c, c.tok_start, tok_end)


def name_of(surface: str) -> str:
    """The name a surface writes: one space between words, a hashtag's underscores as spaces (#بشار_الأسد)."""
    return " ".join(surface.replace("_", " ").split())


def _coordinated(text: EntityText, span: NameSpan, kept: list[Candidate], spans: list[NameSpan]) -> bool:
    """The span's first word starts with و right after another name (ديان لوفرن ودوماغوي فيدا، الفوعة وكفريا،
    مانشستر يونايتد الإنجليزي وراجا نايغولان) or the piece of a name split off at it: a list of names, so the و is
    the conjunction. Never for a listed name word: وليد after a name is وليد."""
    a = span.tok_start
    word = text.toks[a].norm
    names = gazetteer_words()
    if not (word.startswith(WA) and text.joined(a)) or word in names["given"] or word in names["person"]:
        return False
    return any(c.tok_end == a for c in kept) or any(s.tok_end == a or s.tok_start < a < s.tok_end for s in spans)


def _candidate(text: EntityText, span: NameSpan, coordinated: bool = False) -> Candidate | None:
    a, b = _trimmed(text, span.tok_start, span.tok_end, span.entity_type)
    if span.entity_type in PLACE_KINDS and definite_description(text, a, b):
        return None
    if b <= a or only_common_words(text, a, b) or (b - a == 1 and len(text.toks[a].norm) < MIN_ONE_WORD_NAME):
        return None
    if is_work_title(text, a):
        return None
    kind = "ORG" if span.entity_type == "PERSON" and after_body_head(text, a) else span.entity_type
    proclitics = proclitic_letters(text, a, kind)
    if coordinated and a == span.tok_start and proclitics == 0:
        proclitics = len(WA)
    if kind == "PERSON" and b - a == 1 and place_nisba(text, a):
        return None
    if kind == "PERSON" and b - a == 1 and plural_noun(text, a):
        if not text.is_quoted(text.toks[a].char_start):
            return None
        kind = "ORG"  # a quoted people's name is a group's: ميليشيا تدعى "الفاطميون"
    start, end = text.char_start(a, proclitics), text.toks[b - 1].char_end
    name = name_of(text.body[start:end])
    if proclitics == len(LIL) - 1 and lil_article(text.toks[a].norm):
        name = ARTICLE[0] + name  # ل + ال written لل: "للجيش الوطني" names "الجيش الوطني"
    entity = Entity(stable_id(kind.lower(), name), kind, name, None, None)
    return Candidate(start, end, a, b, entity, 5, "tagger")


def _trimmed(text: EntityText, a: int, b: int, kind: str) -> tuple[int, int]:
    """The span without name particles that cannot stand at its edges (a name does not start with بن or ولد, nor
    end with عبد or أبو), nor a word that cannot be a name as written (not_a_name_word), nor, for a person or a
    place, a word written with the preposition ل and the article (للصحافيين "to the journalists": a body's name may
    end in one, الهيئة العامة للاستعلامات, a person's or a place's never) or a particle written with its hamza
    (hamza_particle: فإن، بأن), nor a place's nisba after a body named
    by a proper name (الزمالك المصري، أتروميتوس اليوناني: the club's country qualifies it, ANT v2.1 guidelines; a
    body named by a head word keeps it, الحكومة البريطانية، الجيش الأمريكي). Other function words inside the tagger's
    span stay: it read them as part of the name."""
    edge_words = kind in KINDS_WITHOUT_LIL

    def cut(i: int) -> bool:
        return (
            not_a_name_word(text, i)
            or (edge_words and (text.toks[i].norm.startswith(LIL) or hamza_particle(letters_of(text, i))))
            or (kind == "PERSON" and with_pronoun(text, i))
            or text.toks[i].norm in time_words()  # المحكمة العليا الأميركية الاثنين: a date after the name
        )

    while a < b and (text.bare_stems(a) & (NAME_LINKS - START_LINKS) or cut(a)):
        a += 1
    if kind == "PERSON":
        a += 1 if b - a > 1 and completes_title(text, a) else 0  # المتحدث باسم | روحاني
        b = next((k for k in range(a + 1, b) if run_on_word(text, k)), b)  # مولر | هو جمهوري
    if kind == "ORG":
        # حزب العمال | بالتصويت; never the second word (لاس بالماس, Las Palmas: the counts read ب + الماس)
        b = next((k for k in range(a + 2, b) if with_bi(text, k)), b)
    while b > a and (text.bare_stems(b - 1) & NAME_LINKS or cut(b - 1)):
        b -= 1
    if kind == "PERSON":
        a, b = _unnamed_edges_cut(text, a, b)
    while kind == "PERSON" and b - a > 2 and _definite_before_given_name(text, a):
        a += 1
    while kind == "ORG" and b - a > 1 and place_nisba(text, b - 1) and not _named_by_a_head(text, a, b - 1):
        b -= 1
    return a, b


def _named_by_a_head(text: EntityText, a: int, b: int) -> bool:
    """A head word among tokens a..b-1: the body is named by it, and a state's nisba after it is the body's (الجيش
    الأمريكي، قوات الحرس الثوري الإيراني: حرس is a definite body's head), not a qualifier of a proper name."""
    heads = non_name_words() | definite_org_heads()
    return any(text.bare_stems(k) & heads for k in range(a, b))


def _definite_before_given_name(text: EntityText, a: int) -> bool:
    """Token a is a definite word that is no listed name, and a listed given name follows: the name starts at the
    given name ("المرشد العام للإخوان المسلمين محمد بديع": المسلمين belongs to the body before it)."""
    names = given_names() | gazetteer_words()["person"]
    return text.starts_with_article(a) and not text.bare_stems(a) & names and text.toks[a + 1].norm in given_names()
