"""The name tagger (flows.nlp.entities.tagger) over a whole article, and how its spans and the rules' candidates
become one set of mentions.

The tagger reads every sentence. Where it finds a name no rule found, the name is a mention. Where a rule
found one too, the rule gives the canonical entity (a listed person, a ministry) and the tagger says where the
name stops: a person the rules ran on past the name ("محمد بن سلمان صورة") ends where the tagger's name ends, and
a name the tagger carries on through a word that is also a function word ("هو", "من") is not cut short. A person
proposed only because a listed given name starts it (يزيد "exceeds", باسم "in the name of") stands only where
the tagger reads a name there too.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from flows.nlp.entities.base import (
    NAME_LINKS,
    START_LINKS,
    TANWEEN,
    Candidate,
    indefinite_adjective,
    non_name_words,
    proclitic_prefix,
    stable_id,
)
from flows.nlp.entities.context import after_body_head, is_work_title
from flows.nlp.entities.gazetteer import given_names, nisba_heads
from flows.nlp.entities.tagger import (
    article_counts,
    bio_spans,
    clitic_stem,
    gazetteer_words,
    tag_with_confidence,
    word_counts,
)
from flows.nlp.entities.tokens import HAMZA_ALEFS, EntityText
from flows.nlp.text import analyse
from flows.nlp.text.arabic import normalize
from flows.nlp.text.morph import ARTICLE, CONJUNCTIONS, PARTICLES, PREPOSITIONS, segment
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
# Sources of persons whose name is the words they read, not a listed person's.
MADE_UP_PERSONS = frozenset({"given-name", "title", "tagger"})

# Prepositions and particles spelled with a final alef maqsura; normalisation writes them like names (على/علي).
MAQSURA_PREPOSITIONS = frozenset(("على", "إلى", "الى", "لدى", "حتى", "متى", "سوى"))


# The preposition ل with the article, normalised (للصحافيين، للتحقيق), and the kinds whose names never start or end
# with such a word (ANT v2.1 audit round 1, bench/quality/audits/entities_ant2_round1.tsv: "نويرت للصحافيين" and
# "للصحفيين" read as persons).
LIL = "لل"
KINDS_WITHOUT_LIL = frozenset({"PERSON", "GPE", "LOC"})
# The conjunction و, and و with the article: a name the corpus counts do not split (clitic_stem) that starts with
# وال and has at least MIN_BARE_AFTER_WA_AL letters after it is و + the article + a name ("الفوعة والزهراء"), while
# names spelled with وال have fewer (والتر، والاس، والش) (ANT v2.1 audit round 1: والزهراء، وكفريا).
WA = "و"
WA_AL = "وال"
MIN_BARE_AFTER_WA_AL = 3
# The kinds whose tagger span is two names where a word carries the conjunction و by the corpus counts
# (clitic_stem): "عاصي وهالة مالكي" is two persons, "أصفهان وشيراز" two cities (ANT v2.1 audits,
# bench/quality/audits/entities_ant2*.tsv). A body's name holds such words (وزارة الخارجية والتعاون الدولي), so ORG
# spans are left whole.
KINDS_SPLIT_AT_CONJUNCTIONS = frozenset({"PERSON", "GPE", "LOC"})
# Endings of the sound masculine plural and the nisba plural (المصريون، المسلمين، الفلسطينيين); a definite word of one
# of these read as a person is a people, not a name. Not the bare ين, which ends names (الحسين، الأمين).
PLURAL_ENDINGS = ("ون", "يين")
# Pronoun enclitics that never end a person's name (المتحدث باسمها غاربا شيهو، حكومتهم): "her", "their" (ه alone
# is left out: normalised, it is also the ة of names such as أسامة).
PRONOUN_ENCLITICS = frozenset({"ها", "هما", "هم"})
# A name from the tagger alone (no rule found it) is kept when the tagger's marginal probability of every label in
# it reaches this. Chosen on development data: of the 159 rows of the two judged entity audits
# (bench/quality/audits/entities_ant2_round1.tsv and _round2.tsv) the code still finds with a tagger span, 49 are wrong; below 0.7 fall
# 28 of them, 15 wrong (below 0.6: 16, 7 wrong; below 0.8: 34, 19 wrong), while ANT v2.1 dev F1 moves 0.743 -> 0.738
# and the Wojood validation split 0.839 -> 0.836 (mention figures, where such names are few).
MIN_CONFIDENCE = 0.7
# The nisba ending, and what a place's name ends in where its nisba is made (ماليزي-ا، سوري-ا، فرنس-ا، إيران).
NISBA = "ي"
NISBA_PLACE_ENDINGS = ("", "ا", "يا")
# A first word seen this many times more often than its reading as a preposition + a word would explain is a word
# of its own (_own_word); the words whose preposition rate is averaged are seen at least RATE_MIN_COUNT times.
OWN_WORD_FACTOR = 3
RATE_MIN_COUNT = 200
# Letters after which a word's first و is the W of a foreign name (ويليام، والتر، وودي), not the conjunction.
W_VOWELS = frozenset("اويى")
# A name of one word from the tagger alone needs this many letters: two-letter words (مي، لي) are more often
# abbreviations, model names and particles than names.
MIN_ONE_WORD_NAME = 3
# A word written without the article whose stem the corpus sees with the article in at least this share of its
# COMMON_MIN_COUNT or more occurrences is a common noun or adjective used indefinitely (ناشطة "an activist" 152 of
# 222 with the article, سويدية 194 of 224), not a name: names written bare are seldom written with the article
# (ترامب 0 of 13050, نيمار 0 of 1211, كلود 0 of 135, بخاري 3 of 49). Counts: ANT v2.1 (clusters.tsv).
COMMON_ARTICLE_SHARE = 0.5
COMMON_MIN_COUNT = 50
# Clitic letters a particle may carry (و + ب: وبأن).
MAX_PARTICLE_CLITICS = 2


class NameSpan(NamedTuple):
    entity_type: str  # PERSON | ORG | GPE | LOC
    tok_start: int  # EntityText token indices, end exclusive
    tok_end: int
    confidence: float = 1.0  # the lowest marginal probability of the span's labels (tag_with_confidence)


def tagged_spans(text: EntityText) -> list[NameSpan]:
    """The tagger's names in every sentence, as EntityText token spans (punctuation is context, never an edge)."""
    spans = []
    for sentence in sentence_tokens(text):
        labels, confidence = tag_with_confidence([word for word, _ in sentence])
        for span in bio_spans(labels):
            words = [tok for _, tok in sentence[span.first : span.last] if tok >= 0]
            if words:
                sure = min(confidence[span.first : span.last])
                spans.append(NameSpan(ENTITY_TYPES[span.kind], words[0], words[-1] + 1, sure))
    return spans


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


def merge(text: EntityText, chosen: list[Candidate], spans: list[NameSpan]) -> list[Candidate]:
    """The rules' mentions, their person spans adjusted to the tagger's, and the tagger's names the rules missed."""
    kept: list[Candidate] = []
    for n, c in enumerate(chosen):
        kind = c.entity.entity_type
        if c.source in TAGGER_ENDS.get(kind, ()) or (kind == "PERSON" and c.source in NEEDS_AGREEMENT):
            agreeing = [
                s for s in spans if s.entity_type == kind and s.tok_start < c.tok_end and c.tok_start < s.tok_end
            ]
            if not agreeing:
                if c.source not in NEEDS_AGREEMENT:
                    kept.append(c)
                continue
            # never over the neighbouring mentions: the one before (as kept) and the one after
            lowest = kept[-1].tok_end if kept else 0
            highest = chosen[n + 1].tok_start if n + 1 < len(chosen) else len(text.toks)
            first, last = min(s.tok_start for s in agreeing), max(s.tok_end for s in agreeing)
            c = _with_tagger_edges(text, c, max(first, lowest), min(last, highest))
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
                and not _not_a_name_word(text, a - 1)
            ):
                a -= 1
        out.append(_with_tagger_edges(text, c, a, c.tok_end) if a < c.tok_start else c)
    return out


def _pieces(text: EntityText, span: NameSpan) -> list[NameSpan]:
    """A person's or place's span split where a later word carries the conjunction و by the corpus counts: the next
    name of the same type starts there (عاصي | وهالة مالكي، أصفهان | وشيراز). A word listed as a name word is never
    split (وليد). A preposition read by the counts is no such evidence inside a foreign name: باول is not ب + اول,
    كيري not ك + يري."""
    if span.entity_type not in KINDS_SPLIT_AT_CONJUNCTIONS:
        return [span]
    pieces = []
    start = span.tok_start
    for k in range(span.tok_start + 1, span.tok_end):
        if _conjunction_before_name(text, k, k - start > 1 and span.tok_end - k > 1):
            pieces.append(NameSpan(span.entity_type, start, k, span.confidence))
            start = k
    return [*pieces, NameSpan(span.entity_type, start, span.tok_end, span.confidence)]


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


def _with_tagger_edges(text: EntityText, c: Candidate, tok_start: int, tok_end: int) -> Candidate:
    """The rule's name, stretched or cut to the tagger's: it ends where the tagger's name ends, and starts where the
    tagger's starts when the words before the rule's start are name words (عبد الله بن زايد, not the title before
    it). A name the rule made up from the words it read gets the id of its new words; a listed one keeps its own."""
    tok_start, tok_end = _trimmed(text, tok_start, tok_end, c.entity.entity_type)
    while tok_start < c.tok_start and text.bare_stems(tok_start) & non_name_words():
        tok_start += 1
    tok_start = min(tok_start, c.tok_start)
    if tok_end <= c.tok_start or (tok_start, tok_end) == (c.tok_start, c.tok_end):
        return c
    kind = c.entity.entity_type
    char_start = (
        c.char_start if tok_start == c.tok_start else text.char_start(tok_start, _proclitics(text, tok_start, kind))
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
    if b <= a or _only_common_words(text, a, b) or (b - a == 1 and len(text.toks[a].norm) < MIN_ONE_WORD_NAME):
        return None
    if is_work_title(text, a):
        return None
    kind = "ORG" if span.entity_type == "PERSON" and after_body_head(text, a) else span.entity_type
    proclitics = _proclitics(text, a, kind)
    if coordinated and a == span.tok_start and proclitics == 0:
        proclitics = len(WA)
    if kind == "PERSON" and b - a == 1 and _place_nisba(text, a):
        return None
    if kind == "PERSON" and b - a == 1 and _plural_noun(text, a):
        if not text.is_quoted(text.toks[a].char_start):
            return None
        kind = "ORG"  # a quoted people's name is a group's: ميليشيا تدعى "الفاطميون"
    start, end = text.char_start(a, proclitics), text.toks[b - 1].char_end
    name = name_of(text.body[start:end])
    if proclitics == len(LIL) - 1 and _lil_article(text.toks[a].norm):
        name = ARTICLE[0] + name  # ل + ال written لل: "للجيش الوطني" names "الجيش الوطني"
    entity = Entity(stable_id(kind.lower(), name), kind, name, None, None)
    return Candidate(start, end, a, b, entity, 5, "tagger")


def _lil_article(word: str) -> bool:
    """The word is ل + a word with the article, its alef dropped (للجيش، للسنغال), by the corpus counts; not ل + a
    word in ل (لليبيا)."""
    return word.startswith(LIL) and clitic_stem(word)[1].endswith(ARTICLE)


def _place_nisba(text: EntityText, a: int, definite: bool = True) -> bool:
    """A definite word in ي made from a listed place's name (الماليزي from ماليزيا, الفرنسي from فرنسا): the nisba
    of a title ("وزير الدفاع الماليزي"), not a person; a family name such as الحريري makes no place name. With
    ``definite`` False, the same word without the article (بنك ياباني "a Japanese bank")."""
    word = text.toks[a].norm
    if not (text.starts_with_article(a) == definite and word.endswith(NISBA)):
        return False
    base = word[len(ARTICLE) if definite else 0 : -len(NISBA)]
    places = gazetteer_words()["place"]
    return any(base + ending in places for ending in NISBA_PLACE_ENDINGS)


def _plural_noun(text: EntityText, a: int) -> bool:
    """A definite word in a plural ending (المصريون، الفلسطينيين): people of a nation or a kind, not a person's
    name (ANT v2.1 guidelines: plural nationality nouns are not mentions; a group's name used as a noun is an ORG)."""
    word = text.toks[a].norm
    return text.starts_with_article(a) and word.endswith(PLURAL_ENDINGS)


def _trimmed(text: EntityText, a: int, b: int, kind: str) -> tuple[int, int]:
    """The span without name particles that cannot stand at its edges (a name does not start with بن or ولد, nor
    end with عبد or أبو), nor a word that cannot be a name as written (_not_a_name_word), nor, for a person or a
    place, a word written with the preposition ل and the article (للصحافيين "to the journalists": a body's name may
    end in one, الهيئة العامة للاستعلامات, a person's or a place's never) or a particle written with its hamza
    (_hamza_particle: فإن، بأن), nor a place's nisba after a body named
    by a proper name (الزمالك المصري، أتروميتوس اليوناني: the club's country qualifies it, ANT v2.1 guidelines; a
    body named by a head word keeps it, الحكومة البريطانية، الجيش الأمريكي). Other function words inside the tagger's
    span stay: it read them as part of the name."""
    edge_words = kind in KINDS_WITHOUT_LIL

    def cut(i: int) -> bool:
        return (
            _not_a_name_word(text, i)
            or (edge_words and (text.toks[i].norm.startswith(LIL) or _hamza_particle(_letters(text, i))))
            or (kind == "PERSON" and _with_pronoun(text, i))
        )

    while a < b and (text.bare_stems(a) & (NAME_LINKS - START_LINKS) or cut(a)):
        a += 1
    while b > a and (text.bare_stems(b - 1) & NAME_LINKS or cut(b - 1)):
        b -= 1
    while kind == "PERSON" and b - a > 2 and _definite_before_given_name(text, a):
        a += 1
    while kind == "ORG" and b - a > 1 and _place_nisba(text, b - 1) and not text.bare_stems(a) & non_name_words():
        b -= 1
    return a, b


def _definite_before_given_name(text: EntityText, a: int) -> bool:
    """Token a is a definite word that is no listed name, and a listed given name follows: the name starts at the
    given name ("المرشد العام للإخوان المسلمين محمد بديع": المسلمين belongs to the body before it)."""
    names = given_names() | gazetteer_words()["person"]
    return text.starts_with_article(a) and not text.bare_stems(a) & names and text.toks[a + 1].norm in given_names()


def _with_pronoun(text: EntityText, i: int) -> bool:
    tok = text.toks[i]
    return analyse(text.body[tok.char_start : tok.char_end]).enclitic in PRONOUN_ENCLITICS


def _not_a_name_word(text: EntityText, i: int) -> bool:
    """A preposition written with its alef maqsura, a word with tanween (روسياً، رسمياً: adverbs and indefinite
    accusatives, never names)."""
    tok = text.toks[i]
    written = text.body[tok.char_start : tok.char_end + 1]
    letters = "".join(ch for ch in written if ch.isalpha())
    return TANWEEN in written or letters in MAQSURA_PREPOSITIONS


def _letters(text: EntityText, i: int) -> str:
    tok = text.toks[i]
    return "".join(ch for ch in text.body[tok.char_start : tok.char_end] if ch.isalpha())


def _hamza_particle(letters: str) -> bool:
    """A particle that starts with a hamza alef (أن، إن، أو), alone or after a conjunction or a preposition (فإن،
    بأن، لأن، وأن). Normalised, these are written like name words (فان "Van", بان "Ban", وان "Wan"); as written, the
    hamza tells them apart."""
    for clitics in range(min(MAX_PARTICLE_CLITICS, len(letters)) + 1):
        head, base = letters[:clitics], letters[clitics:]
        if all(ch in CONJUNCTIONS or ch in PREPOSITIONS for ch in head) and base[:1] in HAMZA_ALEFS:
            if normalize(base) in PARTICLES:
                return True
    return False


def _only_common_words(text: EntityText, a: int, b: int) -> bool:
    """A span of heads and function words only (الوزارة، حكومة، القضاء) is a description, not a name; so is a head
    followed by indefinite adjectives only (قناة تلفزيونية "a TV channel", شبكة لوجستية "a logistics network", بنك
    ياباني "a Japanese bank")."""
    common = non_name_words() | nisba_heads()
    if all(text.bare_stems(k) & common or _common_by_counts(text, k) for k in range(a, b)):
        return True
    return (
        bool(text.bare_stems(a) & common or _common_by_counts(text, a))
        and b - a > 1
        and all(indefinite_adjective(text, k) or _place_nisba(text, k, definite=False) for k in range(a + 1, b))
    )


def _common_by_counts(text: EntityText, k: int) -> bool:
    """Token k, written without the article, is a word the corpus mostly writes with it (COMMON_ARTICLE_SHARE): a
    common noun or adjective, not a name. A word of a listed name is never one."""
    if text.starts_with_article(k):
        return False
    stem = clitic_stem(text.toks[k].norm)[0]
    names = gazetteer_words()
    if stem in names["given"] or stem in names["person"] or stem in names["place"]:
        return False
    count = word_counts().get(stem, 0)
    return count >= COMMON_MIN_COUNT and article_counts().get(stem, 0) >= COMMON_ARTICLE_SHARE * count


def _proclitics(text: EntityText, a: int, kind: str) -> int:
    """Letters of proclitics to leave out of the span: و، ب، ل … ("وموسكو" -> "موسكو", "وقوات" -> "قوات"), never
    the article; an organisation's head word keeps its letters (وكالة)."""
    if kind == "ORG" and proclitic_prefix(text, a):
        return proclitic_prefix(text, a)
    word = text.toks[a].norm
    prefix = clitic_stem(word)[1]
    if not prefix and word.startswith(WA_AL) and len(word) - len(WA_AL) >= MIN_BARE_AFTER_WA_AL:
        return len(WA)  # a word the corpus does not know: و + the article + a name (والزهراء), not والتر
    letters = prefix[:-2] if prefix.endswith("ال") else prefix
    if not (word.startswith(prefix) or not prefix.endswith("ال")):
        return 0
    conjunction = letters[:1] if letters[:1] in CONJUNCTIONS else ""
    preposition = letters[len(conjunction) :][:1]
    if preposition in PREPOSITIONS and (
        not _follows_a_preposition(word[len(letters) :])
        or (not prefix.endswith(ARTICLE) and _own_word(word[len(conjunction) :], preposition, word[len(letters) :]))
    ):
        return len(conjunction)
    return len(letters)


def _own_word(word: str, preposition: str, rest: str) -> bool:
    """The corpus sees ``word`` far more often than a preposition before ``rest`` would explain: it is a word of its
    own (كابل 80 times, where ك + ابل would explain 17), not the preposition and ``rest`` (لترامب 331 times, where
    ل + ترامب would explain 548)."""
    counts = word_counts()
    return counts.get(word, 0) > OWN_WORD_FACTOR * preposition_rates()[preposition] * counts.get(rest, 0)


@cache
def preposition_rates() -> dict[str, float]:
    """How often each preposition stands before a word, per occurrence of the word: the mean over the words the
    corpus counts RATE_MIN_COUNT times or more (ب 0.068, ل 0.042, ك 0.013 in ANT v2.1)."""
    counts = word_counts()
    frequent = [(w, n) for w, n in counts.items() if n >= RATE_MIN_COUNT and not w.startswith(ARTICLE)]
    return {p: sum(counts.get(p + w, 0) / n for w, n in frequent) / len(frequent) for p in PREPOSITIONS}


def _follows_a_preposition(rest: str) -> bool:
    """A preposition (ب ك ل) takes a noun or a name, never a particle or a word that itself starts with a conjunction
    or a preposition: "وكولن" is و + كولن, not و + ك + ولن ("and will not"), though the corpus counts ولن often.
    Whether ``rest`` starts with a clitic is asked of the corpus counts (clitic_stem) the same way in turn: كولن is
    no ك + ولن either, so it is a name a preposition may take (ككولن: ك + كولن)."""
    if rest in PARTICLES or rest in non_name_words():
        return False
    clitics = _leading_clitics(rest)
    if not clitics:
        return True
    split_holds = clitics[0] in CONJUNCTIONS or _follows_a_preposition(rest[len(clitics) :])
    return not split_holds


def _leading_clitics(word: str) -> str:
    """The conjunction and preposition letters a word starts with: by the corpus counts (clitic_stem: وموسكو), or
    و before a particle the counts cannot weigh, being too short to count (وفي، ولن). Not ف before one: normalised,
    فإن ("so that") is written like the name particle فان (Van: لفان مارفيك is ل + فان مارفيك)."""
    own = segment(word)
    if own.proclitics == WA and own.base in PARTICLES:
        return own.proclitics
    prefix = clitic_stem(word)[1]
    return prefix[: -len(ARTICLE)] if prefix.endswith(ARTICLE) else prefix
