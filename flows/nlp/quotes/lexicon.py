"""The word lists the quote stage reads, loaded once from flows/data and keyed by normalised form.

speech_cues.tsv is the one lemma-keyed lexicon of speech cues, shared with the event stage: ``speech_cues()``,
``speech_cue(lemma)``, ``statement_type(lemma)`` (its PLOVER type) and ``speech_lexicon()`` (the file as the text
layer's LemmaLexicon, matched by every derived form of each lemma) are what the event stage reads. ``cues()`` is the
quote grammar's view of it (form -> lemma and class): it matches the forms the file spells out, since the grammar
needs to know a finite verb from a participle or a verbal noun, which the text layer's derived forms do not say.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from flows.nlp.text import LemmaLexicon
from flows.nlp.text.arabic import normalize
from flows.resources import read_tsv, read_tsv_tuples

# Proclitics a reporting verb or participle may carry: وقال، فأضاف.
VERB_PROCLITICS = ("و", "ف")
# Proclitics a speaker word may carry: وفقاً لبيان، للوزارة.
WORD_PROCLITICS = ("ول", "وب", "لل", "و", "ف", "ب", "ل")
# Dual and plural endings of a speaker word: مسؤول -> مسؤولان، مسؤولين، مسؤولون.
NUMBER_SUFFIXES = ("ان", "ين", "ون")
ARTICLE = "ال"
SHORT_PREP = 3  # حسب، وفق: with ف another word
TA_MARBUTA = "ه"  # ة once normalised
# Object pronouns a preposition carries: "وكتب فوقها", "وقال عنه", "أضاف إليها" (normalised; longest first). A listed
# preposition ("stop") with one of them is a preposition still, never a subject.
OBJECT_PRONOUNS = ("هما", "هم", "هن", "ها", "كم", "نا", "ه")


@dataclass(frozen=True, slots=True)
class Cue:
    form: str  # normalised, without proclitic
    lemma: str
    cue_class: str  # verb, statement_verb, named_verb, quoting_verb, located_verb, participle, noun, prep


@dataclass(frozen=True, slots=True)
class SpeechCue:
    """One lemma of flows/data/speech_cues.tsv: the quote stage's cues and the event stage's statements."""

    lemma: str  # the first spelling of the entry (a verb's past tense, 3rd person masculine singular)
    pos: str  # verb or fixed
    cue_class: str  # speech, speech_polysemous, quoting, statement, according_to, located
    plover_type: str | None  # ACCUSE, REQUEST, THREATEN, REJECT, SUPPORT; None for plain speech
    note: str
    finite: frozenset[str]  # normalised forms, no proclitic
    participles: frozenset[str]
    nouns: frozenset[str]

    @property
    def forms(self) -> frozenset[str]:
        return self.finite | self.participles | self.nouns


@dataclass(frozen=True, slots=True)
class SpeakerWord:
    word: str  # normalised
    kind: str  # unnamed, head, ref, skip
    resolve: str | None  # person, org, nisba_gpe
    name_contains: str | None  # normalised


# The class a form of each kind takes in the quote stage's grammar (extract.py), by the lemma's class.
FINITE_CLASS = {
    "speech": "verb",
    "statement": "statement_verb",
    "speech_polysemous": "named_verb",
    "quoting": "quoting_verb",
    "located": "located_verb",
}


@functools.cache
def speech_cues() -> tuple[SpeechCue, ...]:
    """Every lemma of speech_cues.tsv, in file order."""
    entries = []
    for row in read_tsv("speech_cues.tsv"):
        spellings = [normalize(s) for s in row["lemma"].split("|")]
        finite = _forms(row["finite"]) | (frozenset(spellings) if row["pos"] == "fixed" else frozenset())
        entries.append(
            SpeechCue(
                row["lemma"].split("|")[0],
                row["pos"],
                row["class"],
                row["plover_type"] or None,
                row["note"],
                finite,
                _forms(row["participles"]),
                _forms(row["nouns"]),
            )
        )
    return tuple(entries)


def _forms(cell: str) -> frozenset[str]:
    return frozenset(normalize(form) for form in cell.split())


def speech_cue(lemma: str) -> SpeechCue | None:
    """The entry of a lemma (قال، اتهم، حذّر or حذر، بحسب): diacritics and hamza spellings do not matter."""
    return _by_lemma().get(normalize(lemma))


@functools.cache
def _by_lemma() -> dict[str, SpeechCue]:
    return {normalize(entry.lemma): entry for entry in speech_cues()}


@functools.cache
def speech_lexicon() -> LemmaLexicon:
    """The same file as the shared text layer's lemma-keyed lexicon (flows.nlp.text.LemmaLexicon): category is the
    lemma's class, plover_type and note ride along. The event stage finds statements with it:
    ``speech_lexicon().find(text)`` gives each match's entry, ``entry.get("plover_type")`` its type."""
    rows = [{"lemma": row["lemma"], "pos": row["pos"], "category": row["class"], "plover_type": row["plover_type"],
             "note": row["note"]} for row in read_tsv("speech_cues.tsv")]  # fmt: skip
    return LemmaLexicon.from_rows(rows, "speech_cues.tsv")


def statement_type(lemma: str) -> str | None:
    """The PLOVER statement type of a speech lemma (اتهم -> ACCUSE, نفى -> REJECT), None when it has none."""
    entry = speech_cue(lemma)
    return entry.plover_type if entry else None


@functools.cache
def speech_cue_by_form() -> dict[str, SpeechCue]:
    """Normalised form (without proclitic) -> its lemma's entry."""
    return {form: entry for entry in speech_cues() for form in entry.forms}


@functools.cache
def cues() -> dict[str, Cue]:
    """Normalised cue form (with and without its proclitic) -> cue, as the quote stage's grammar reads it."""
    table: dict[str, Cue] = {}
    for entry in speech_cues():
        kinds = ((entry.finite, _finite_class(entry)), (entry.participles, "participle"), (entry.nouns, "noun"))
        for forms, cue_class in kinds:
            for form in forms:
                table[form] = Cue(form, entry.lemma, cue_class)
    for form, cue in list(table.items()):
        for clitic in VERB_PROCLITICS:
            # "فحسب" means "only" and "فوفق" "and he succeeded", not "according to": a prep of three letters takes و
            # alone; the longer ones take ف too ("فبحسب" 32, "فوفقا" 12 in the census of cue_census.py).
            if cue.cue_class != "prep" or clitic == "و" or len(form) > SHORT_PREP:
                table.setdefault(clitic + form, cue)
    return table


def _finite_class(entry: SpeechCue) -> str:
    return "prep" if entry.cue_class == "according_to" else FINITE_CLASS[entry.cue_class]


def cue_for(token: str) -> tuple[Cue, int] | None:
    """The cue a normalised token is, and the length of the proclitic in front of it."""
    cue = cues().get(token)
    if cue is None:
        return None
    return cue, len(token) - len(cue.form)


@functools.cache
def speaker_words() -> dict[str, SpeakerWord]:
    """quote_speaker_words.tsv, and the heads of organisation names the entity stage reads (flows/data/org_heads.tsv:
    شركة، مركز، مجلة …): without the article a head opens a body's name ("وقالت شركة …"), with it the head refers
    back to a body named before ("وأوضحت المجلة" -> the magazine the article named). A word listed in
    quote_speaker_words.tsv keeps its listed kind."""
    table: dict[str, SpeakerWord] = {}
    for word, kind, resolve, contains in read_tsv_tuples("quote_speaker_words.tsv"):
        entry = SpeakerWord(
            normalize(word), kind, None if resolve == "-" else resolve, None if contains == "-" else normalize(contains)
        )
        table[entry.word] = entry
    for row in read_tsv("org_heads.tsv"):
        head = normalize(row["head"])
        table.setdefault(head, SpeakerWord(head, "head", "org", None))
        table.setdefault(ARTICLE + head, SpeakerWord(ARTICLE + head, "ref", "org", head_stem(head)))
    return table


def head_stem(head: str) -> str:
    """A normalised head without its feminine ending, to match it in a name or its plural: مجله -> مجل."""
    return head[: -len(TA_MARBUTA)] if head.endswith(TA_MARBUTA) else head


def speaker_word(token: str) -> SpeakerWord | None:
    """The speaker word a normalised token is, once a proclitic (و، ب، ل، لل) is stripped."""
    found = speaker_word_split(token)
    return found[0] if found else None


def speaker_word_split(token: str) -> tuple[SpeakerWord, int] | None:
    """The speaker word a normalised token is, and the length of the proclitic stripped from it."""
    table = speaker_words()
    if token in table:
        return table[token], 0
    for suffix in NUMBER_SUFFIXES:
        # "مسؤولان", "مصادر" and "مسؤولين" are one word: the dual and plural of a listed unnamed source or title.
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            entry = table.get(token[: -len(suffix)])
            if entry is not None and entry.kind in ("unnamed", "head"):
                return entry, 0
    for suffix in OBJECT_PRONOUNS:
        entry = table.get(token[: -len(suffix)]) if token.endswith(suffix) and len(token) > len(suffix) else None
        if entry is not None and entry.kind == "stop":
            return entry, 0
    for clitic in WORD_PROCLITICS:
        if token.startswith(clitic):
            rest = token[len(clitic) :]
            # "للوزارة" is ل + الوزارة with the alef of the article dropped.
            for candidate in (rest, "ال" + rest if clitic == "لل" else rest):
                if candidate in table:
                    return table[candidate], len(clitic)
    return None


@functools.cache
def person_titles() -> frozenset[str]:
    """The first words of the person titles the entity stage reads (flows/data/titles.tsv: القاضي، المنسق…),
    normalised and without the article: a subject phrase opening with one names a person by role."""
    firsts = {normalize(row["title"]).split()[0] for row in read_tsv("titles.tsv")}
    return frozenset(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in firsts)


@functools.cache
def _clause_words() -> dict[str, str]:
    return {normalize(word): kind for word, kind in read_tsv_tuples("quote_clause_words.tsv")}


def is_complementizer(token: str) -> bool:
    return _clause_words().get(token) == "complementizer"


def is_blocker(token: str) -> bool:
    return _clause_words().get(token) == "blocker"


def is_blocker_before_min(token: str) -> bool:
    """A word that, followed by من, makes the next أن concessive: على الرغم من أن."""
    return _clause_words().get(token) == "blocker_min"


@functools.cache
def clause_tails() -> tuple[tuple[str, ...], ...]:
    """The phrases before which a reported clause ends (kind tail), as normalised words, longest first."""
    tails = [tuple(word.split()) for word, kind in _clause_words().items() if kind == "tail"]
    return tuple(sorted(tails, key=len, reverse=True))


def clause_tails_from(token: str) -> tuple[tuple[str, ...], ...]:
    """The clause tails whose first word is ``token``, longest first (a clause's every word is looked up)."""
    return _clause_tails_by_first().get(token, ())


@functools.cache
def _clause_tails_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    by_first: dict[str, tuple[tuple[str, ...], ...]] = {}
    for tail in clause_tails():
        by_first[tail[0]] = (*by_first.get(tail[0], ()), tail)
    return by_first


def is_clause_word(token: str) -> bool:
    """Any word of quote_clause_words.tsv: a complementizer, a blocker (حتى، بعد، يجب …) or a lead."""
    return token in _clause_words()


def is_lead(token: str) -> bool:
    return _clause_words().get(token) == "lead"
