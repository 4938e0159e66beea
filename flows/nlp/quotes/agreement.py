"""Agreement between a subjectless cue and the speaker it would continue.

A verb with no subject of its own agrees with its speaker in gender and number: "وأضافت" continues a woman or a
body quoted with a feminine verb ("قالت ماي"), not the man quoted before; "وقال إنه" continues one speaker, never
"معارضوها" or "مسؤولون". The cue's gender and number are read from its form in flows/data/speech_cues.tsv (the
past + ت, the present with ت for ي, a participle with ة, the plural endings); a speaker's gender from the verb that
introduced it (a verb before its subject agrees in gender: "قالت الوزارة", "قال المسؤولون"), its number from its
own words (a sound plural with no entity: "مسؤولون", "المعارضين", "معارضوها"). Built on the ANT v2.1 dev split
("وقال إنه" after "ويرى معارضوها أن" is Corbyn's) and the studied audit draws.
"""

from __future__ import annotations

from flows.nlp.quotes.context import Found, Speaker
from flows.nlp.quotes.lexicon import ARTICLE, TA_MARBUTA, Cue, speaker_word, speech_cue
from flows.nlp.text.arabic import normalize

MASCULINE, FEMININE, PLURAL = "m", "f", "p"
PAST_FEMININE = "ت"  # قالت
PRESENT_FEMININE, PRESENT_MASCULINE = "ت", "ي"  # تقول، يقول
VERB_PLURALS = ("وا", "ون")  # قالوا، يقولون
PARTICIPLE_PLURAL = "ين"  # قائلين
NOUN_FEMININE, NOUN_PLURAL, NOUN_MASCULINE = "ها", "هم", "ه"  # قولها، قولهم، قوله
# A sound masculine plural (or its construct form before a pronoun: معارضو-ها) is at least this long.
MIN_PLURAL_WORD = 5
SOUND_PLURALS = ("ون", "ين")
CONSTRUCT_PLURAL = "و"
PRONOUNS = ("هم", "ها", "ه")
# Entities a plural pronoun never stands for: a body may be "they" (الحوثيون), a person or a state may not.
SINGULAR_TYPES = frozenset({"PERSON", "GPE"})


def cue_agreement(cue: Cue) -> str | None:
    """MASCULINE, FEMININE or PLURAL for a cue whose form says so, else None (بحسب، a headline's colon, بيان)."""
    entry = speech_cue(cue.lemma)
    if entry is None:
        return None
    form = cue.form
    if form in entry.finite:
        if form.endswith(VERB_PLURALS):
            return PLURAL
        if form.endswith(PAST_FEMININE) and form[: -len(PAST_FEMININE)] in entry.finite:
            return FEMININE
        if form.startswith(PRESENT_FEMININE) and PRESENT_MASCULINE + form[1:] in entry.finite:
            return FEMININE
        if form.startswith(PRESENT_MASCULINE) or form + PAST_FEMININE in entry.finite:
            return MASCULINE
        return None
    if form in entry.participles:
        if form.endswith(PARTICIPLE_PLURAL):
            return PLURAL
        return FEMININE if form.endswith(TA_MARBUTA) else MASCULINE
    if form in entry.nouns:
        if form.endswith(NOUN_PLURAL):
            return PLURAL
        if form.endswith(NOUN_FEMININE):
            return FEMININE
        if form.endswith(NOUN_MASCULINE) and form[: -len(NOUN_MASCULINE)] + NOUN_FEMININE in entry.nouns:
            return MASCULINE
    return None


def agrees(agreement: str | None, speaker: Speaker) -> bool:
    """A plural verb with no subject after it never speaks for one person or one state: "مصادر … يقولون"."""
    return agreement != PLURAL or speaker.entity_type not in SINGULAR_TYPES


def continues(agreement: str | None, earlier: Found) -> bool:
    """Whether a subjectless cue of ``agreement`` may take ``earlier``'s speaker."""
    if agreement == PLURAL:
        return agrees(agreement, earlier.speaker)
    if agreement not in (MASCULINE, FEMININE):
        return True
    said = cue_agreement(earlier.cue)
    if said in (MASCULINE, FEMININE) and said != agreement:
        return False
    return not _plural_surface(earlier)


def _plural_surface(earlier: Found) -> bool:
    speaker = earlier.speaker
    if speaker.entity_id is not None or not speaker.surface:
        return False
    words = normalize(speaker.surface).split()
    word = words[0] if words else ""
    # "المسؤولين", "مسؤولون" (a listed source word in the plural); not a name no list knows ("ياسين").
    listed = speaker_word(word) is not None or word.startswith(ARTICLE)
    if listed and word.endswith(SOUND_PLURALS) and len(word) >= MIN_PLURAL_WORD:
        return True
    bare = next((word[: -len(p)] for p in PRONOUNS if word.endswith(p)), word)
    return bare != word and bare.endswith(CONSTRUCT_PLURAL) and len(bare) >= MIN_PLURAL_WORD - 1
