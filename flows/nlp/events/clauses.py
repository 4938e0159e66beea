"""Who may be an actor of a trigger, from the clause around it: sources and speakers out, relative clauses in.

- A source is never an actor of the event it reports: the subject of a speech verb ("أفاد مدير المرصد رامي عبد
  الرحمن عن توقف الغارات", "وفق ما نقلت رويترز") — the speech verbs of the quote stage's lexicon (speech_cues.tsv,
  classes speech / quoting / according_to) and the source words "وفق", "بحسب", "حسب", "نقلا". Unless a
  complementiser with a pronoun stands between the speaker and the trigger ("أعلنت النيجر أنها عزلت …": the
  speaker is the pronoun's referent, so the agent).
- A relative clause gives its event to the one it is about: in "قال بومبيو، الذي أجرى محادثات …" the talks are
  Pompeo's, whoever else the sentence names.
- An accusation's content is the accused's act: "اتهموا روسيا بمواصلة القصف" — the shelling is Russia's.
"""

from __future__ import annotations

import re
from functools import cache

from flows.nlp.events.roles import ActorCandidate
from flows.nlp.quotes.lexicon import speech_cue_by_form
from flows.nlp.text import normalize, tokens

# Where a quotation opens: what follows is someone's words, not the reporting clause.
QUOTE_BOUNDARY = re.compile(r"[«“\":]")
# A straight-quoted stretch this short is a name (منظمة "إيكواس"), not someone's words.
QUOTED_NAME_CHARS = 25


SOURCE_CLASSES = frozenset({"speech", "speech_polysemous", "quoting", "according_to"})
# Source words that introduce who says something, not who does it (normalised).
SOURCE_WORDS = frozenset(normalize(w) for w in ("وفق", "وفقا", "بحسب", "حسب", "نقلا", "طبقا"))
# A speaker stands within this many words after its speech verb ("أفاد مدير المرصد السوري رامي عبد الرحمن":
# the title's three words, then the name).
SPEAKER_AFTER_VERB_TOKENS = 5
# What a speaker's words open with after the speaker's name: عن, a complementiser, or a colon.
REPORTED_OPENERS = frozenset(
    normalize(w) for w in ("عن", "أن", "إن", "بأن", "أنه", "إنه", "أنها", "إنها", "بأنه", "بأنها")
)
# A complementiser with a pronoun: the speaker stays the agent of what follows ("أنها عزلت").
PRONOUN_COMPLEMENTISER = re.compile(r"(?<!\w)ب?[أإا]ن(?:ه|ها|هم|هما|نا)(?!\w)")
BARE_OR_PRONOUN_COMPLEMENTISER = re.compile(r"(?<!\w)ب?[أإا]نّ?(?:ه|ها|هم)?(?!\w)")
# "his / her country, state, government" (normalised).
OWN_COUNTRY_WORDS = frozenset(
    normalize(w) for w in ("بلاده", "بلادها", "دولته", "دولتها", "حكومته", "حكومتها", "بلادهم", "حكومتهم")
)
RELATIVE_PRONOUNS = frozenset(normalize(w) for w in ("الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين"))
# The trigger stands within this many words after the relative pronoun ("الذي أجرى محادثات": two).
RELATIVE_REACH_TOKENS = 3
# The antecedent ends within this many words before the relative pronoun (a comma between counts for none).
ANTECEDENT_GAP_TOKENS = 1
# "اتهموا روسيا بمواصلة القصف": the accused's act follows within this many words of the accusation verb.
ACCUSED_ACT_TOKENS = 6


@cache
def _speech_forms() -> frozenset[str]:
    return frozenset(form for form, cue in speech_cue_by_form().items() if cue.cue_class in SOURCE_CLASSES)


def is_speech_word(word: str) -> bool:
    norm = normalize(word)
    if norm in SOURCE_WORDS:
        return True
    for strip in (0, 1):  # with or without a conjunction: "وقال"
        if norm[strip:] in _speech_forms():
            return True
    return False


def sources(text: str, pool: list[ActorCandidate], sentence_start: int) -> list[tuple[ActorCandidate, int]]:
    """The candidates of a sentence that are sources, each with the start of the word that makes it one: after a
    source word ("وفق ما نقلت رويترز", "بحسب المرصد"), or a speech verb's subject followed by what was said
    through عن or a complementiser ("أفاد رامي عبد الرحمن عن توقف الغارات"). A speech verb's subject followed by
    a noun ("أعلنت الدول الثلاث قرارا بالانسحاب") is the agent of what it announces, not a source."""
    found = []
    for cand in pool:
        before = tokens(text, max(sentence_start, cand.char_start - 120), cand.char_start)[-SPEAKER_AFTER_VERB_TOKENS:]
        source_word = next((t for t in before if normalize(t.text) in SOURCE_WORDS), None)
        if source_word is not None:
            found.append((cand, source_word.char_start))
            continue
        verb = next((t for t in before if is_speech_word(t.text)), None)
        after = tokens(text, cand.char_end, min(len(text), cand.char_end + 60))[:3]
        if verb is not None and after and normalize(after[0].text) in REPORTED_OPENERS:
            found.append((cand, verb.char_start))
        elif len(after) >= 2 and is_speech_word(after[0].text) and normalize(after[1].text) in REPORTED_OPENERS:
            found.append((cand, after[0].char_start))  # "شاهد عيان … علي أحمد قال إن": the name, then what it said
    return found


def actor_pool(
    text: str,
    pool: list[ActorCandidate],
    speakers: list[tuple[ActorCandidate, int]],
    trigger_start: int,
    trigger_end: int,
) -> list[ActorCandidate]:
    """The pool without the sources, except a source whose own word is the trigger ("أعرب X عن دعمه"), one the
    trigger stands before ("أعلنت عزل بازوم" names whom, not who says), and a speaker a pronoun complementiser
    refers back to ("أعلنت النيجر أنها عزلت")."""
    dropped = set()
    for cand, word_start in speakers:
        if trigger_start <= word_start < trigger_end or word_start <= trigger_start < cand.char_start:
            continue
        if cand.char_end <= trigger_start and PRONOUN_COMPLEMENTISER.search(text, cand.char_end, trigger_start):
            continue
        dropped.add(id(cand))
    return [c for c in pool if id(c) not in dropped]


def relative_antecedent(
    text: str, pool: list[ActorCandidate], sentence_start: int, trigger_start: int
) -> ActorCandidate | None:
    """The one a relative clause is about, when the trigger stands in it ("بومبيو، الذي أجرى محادثات")."""
    before = tokens(text, max(sentence_start, trigger_start - 80), trigger_start)
    for token in reversed(before[-RELATIVE_REACH_TOKENS:]):
        if normalize(token.text) in RELATIVE_PRONOUNS:
            named = [c for c in pool if c.char_end <= token.char_start and not c.is_adjectival]
            if named and len(tokens(text, named[-1].char_end, token.char_start)) <= ANTECEDENT_GAP_TOKENS:
                return named[-1]
            return None
    return None


def accused_agent(text: str, accuse_end: int, accused: str | None, trigger_start: int) -> str | None:
    """The accused of an accusation just before the trigger, when the trigger is the act it is accused of (its
    word, or one of the two before it, carries the ب of "اتهم X بـ")."""
    if accused is None or trigger_start < accuse_end:
        return None
    between = tokens(text, accuse_end, trigger_start + 1)
    if len(between) > ACCUSED_ACT_TOKENS:
        return None
    return accused if any(normalize(t.text).startswith(("ب", "وب")) for t in between[-3:]) else None


def speaker_country(text: str, pool: list[ActorCandidate], sentence_start: int, trigger_start: int) -> str | None:
    """ "أعلن الرئيس الصيني … أن بلاده ستقدم": "his country" after a complementiser is the speaker's country, the
    last GPE (a nisba too) named before the complementiser."""
    opener = None
    for match in BARE_OR_PRONOUN_COMPLEMENTISER.finditer(text, sentence_start, trigger_start):
        opener = match
    if opener is None:
        return None
    if not any(normalize(t.text) in OWN_COUNTRY_WORDS for t in tokens(text, opener.end(), trigger_start)):
        return None
    gpes = [c for c in pool if c.entity_type == "GPE" and c.char_end <= opener.start()]
    return gpes[-1].entity_ids[0] if gpes else None


def is_quoted_name(text: str, mark: re.Match[str]) -> bool:
    """A straight quote around a short name (منظمة "إيكواس") is not a quotation; the closing one neither."""
    if mark.group() != '"':
        return False
    after = text.find('"', mark.end())
    before = text.rfind('"', 0, mark.start())
    return (0 <= after - mark.end() <= QUOTED_NAME_CHARS) or (0 <= mark.start() - before - 1 <= QUOTED_NAME_CHARS)
