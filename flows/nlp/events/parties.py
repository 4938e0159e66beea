"""Who stands with the agent, whom the act is done to, and whose act a noun is: the parties around a trigger that
roles.py places (issue 14, sixth session, from the wrong rows of the seed-20 audit and the ANT v2.1 dev errors).

- A noun's genitive is its patient for the modes of PATIENT_GENITIVE_MODES ("غزو العراق"); a death's or a protest's
  noun names no agent by proximity (DEATH_MODES).
- Names coordinated with the agent ("X وY وZ", "X وحليفتها Y") are its partners, not its target (coordinated_after).
- A name after a complementiser is inside what was said or done (content_start).
- A noun with a possessive pronoun ("زيارته") is its sentence's subject's act (possessor).
- A nisba right after an action noun, or after one adjective of its own, names the agent (nisba_on_noun), and so
  does a force behind ل after an attack noun (lam_agent).
- A call's, a charge's, a support's or an aid's noun names its author behind من ("دعوات من الأمم المتحدة",
  "المساعدات المقدمة من الجانب الأمريكي": author_after); a rejection of such a noun is done to that author
  (object_of_verb).
"""

from __future__ import annotations

from flows.nlp.events.agents import (
    CLAUSE_PUNCTUATION,
    COORDINATION,
    FORCE_NOUNS,
    ActorCandidate,
    carries_object,
    clitic_before,
    complementiser,
    gap_tokens,
    word_start,
)
from flows.nlp.text import words
from flows.nlp.text.arabic import enclitic_stems, normalize, tokens
from flows.nlp.text.syntax import between_commas

# A participle's subject is its sentence's: the name right after the opening verb ("ووصف ترامب الاتفاق …، مطالبا
# بإصلاحه"), within this many words of the clause start (the verb and a title: "ووصف الرئيس الأمريكي ترامب").
OPENING_SUBJECT_TOKENS = 3
# Nouns whose genitive is the one the act was done to, not its agent ("غزو العراق", "اغتيال سكريبال", "اعتقال
# الصحفي", "طرد الدبلوماسيين", "عزل الرئيس", "حصار غزة"): the verbal nouns of transitive verbs of these modes
# (event_lemmas.tsv). An attack, a strike, a call or a visit names its agent there instead ("هجمات داعش", "زيارة لافروف").
PATIENT_GENITIVE_MODES = frozenset({"kill", "assassination", "invasion", "detention", "expel", "coup", "blockade"})
# A death's noun (مقتل، اغتيال، القتل) names its agent only by a nisba or "على يد"/"من قبل": in the event audits
# (seeds 14-20) 1 of the 13 such reports with an agent before or after the noun had it right, and that one by a nisba;
# a protest's noun neither (protesters go unnamed): 0 of the 12 PROTEST reports with an actor1 had it right.
DEATH_MODES = frozenset({"kill", "assassination"})
TOPIC_PREPOSITION = normalize("من")
# Types whose noun's possessive pronoun is its doer ("زيارته", "دعوته", "اعتداءاتها", "اتهاماته"); an aid's, a
# sanction's or an arrest's is whom it was done to ("عقب تسليمها مساعدات": handing them to her, "طرده": expelling him).
POSSESSED_BY_AGENT = frozenset({"CONSULT", "REQUEST", "ASSAULT", "ACCUSE", "THREATEN"})
# The nouns for an ally or a partner (حليف، حليفة، حلفاء، شريك، شريكة، شركاء), normalised, as their stems stand
# before a pronoun (حليفت|ها, حلفاو|ها, حلفاي|ها).
PARTNER_STEMS = frozenset(
    {"حليف", "حليفت", "حلفاء", "حلفاو", "حلفاي", "حلفا", "شريك", "شريكت", "شركاء", "شركاو", "شركاي", "شركا"}
)
# Types whose coordinated actors are both parties (met, agreed, cooperated, clashed), not an agent and its partners.
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# The endings of an adjective (normalised): nisba-like -ي, -يه, -يين, -يون, -يات and the accusative -يا ("جوي",
# "الجوية", "مدفعي", "جويا").
ADJECTIVE_ENDINGS = ("ي", "يه", "يين", "يون", "يات", "يا")
# The article or the preposition ل a force noun carries there ("الطائرات", "لمقاتلات", "للقوات"), normalised.
FORCE_NOUN_PREFIXES = ("لل", "ال", "ل")
LAM_PREFIXES = ("لل", "ل")
# Types whose noun names its author behind من: a call, a charge or a criticism, a support, an aid. Not a threat's
# ("تحذيرات من التصعيد": what it warns of) nor a meeting's.
AUTHORED_TYPES = frozenset({"REQUEST", "ACCUSE", "SUPPORT", "AID"})
FROM = normalize("من")
# The words between such a noun and its من: its adjectives or a participle ("انتقادات شديدة من", "المساعدات المقدمة
# من"), at most this many.
AUTHOR_REACH_WORDS = 2
# A side named by its nisba after من ("من الجانب الأمريكي"): the nisba is the author.
PREPOSITION_WORDS = frozenset(normalize(w) for w in ("في", "إلى", "على", "عن", "من", "مع", "ضد"))
SIDE_WORDS = frozenset(normalize(w) for w in ("الجانب", "الطرف"))
# A verb's object stands within this many words after it: its subject (a title and a two-word name) between.
OBJECT_REACH_WORDS = 6


def possessor(
    text: str,
    trigger_start: int,
    trigger_end: int,
    clause_start: int,
    actor_before: list[ActorCandidate],
    shared_subject: ActorCandidate | None,
) -> ActorCandidate | None:
    """Whose act a noun with a possessive pronoun is ("زيارته", "دعوته", "اعتداءاتها"): the subject its sentence
    opens with ("وتوجه العبادي …، إضافة إلى لقائه"), or the one the verbs before it carried; None when the noun
    has no pronoun or neither is named."""
    if not carries_object(text, trigger_start, trigger_end):
        return None
    opening = next(
        (c for c in actor_before if 1 <= gap_tokens(text, clause_start, c.char_start) <= OPENING_SUBJECT_TOKENS),
        None,
    )
    return opening or shared_subject


def content_start(text: str, trigger_end: int, clause_end: int) -> int:
    """Where what was said or done opens after the trigger: its first complementiser not after من, or the clause end."""
    after = tokens(text, trigger_end, clause_end)
    for prior, token in zip([None, *after], after):
        if complementiser(normalize(token.text)) and not (prior and normalize(prior.text) == TOPIC_PREPOSITION):
            return token.char_start
    return clause_end


def nisba_on_noun(text: str, trigger_end: int, cand: ActorCandidate, mode: str | None) -> bool:
    """A country's nisba qualifying the action noun: right after it, or after one adjective of its own ("قصف جوي
    أمريكي", "الضربات الجوية الإسرائيلية") — not after a noun ("اعتقال صحفي أمريكي": the journalist's country),
    so not on a noun whose genitive is its patient (PATIENT_GENITIVE_MODES)."""
    if not (cand.is_adjectival and cand.entity_type == "GPE"):
        return False
    between = tokens(text, trigger_end, word_start(text, cand.char_start))
    if not between:
        return True
    return (
        len(between) == 1
        and mode not in PATIENT_GENITIVE_MODES
        and not CLAUSE_PUNCTUATION.search(text[trigger_end : cand.char_start])
        and (normalize(between[0].text).endswith(ADJECTIVE_ENDINGS) or force_noun(between[0].text))
    )


def force_noun(word: str, prefixes: tuple[str, ...] = FORCE_NOUN_PREFIXES) -> bool:
    """A force's noun with the article or ل ("الطائرات", "لمقاتلات", "للقوات"; FORCE_NOUNS): the doer's head."""
    norm = normalize(word)
    return any(norm.startswith(p) and norm[len(p) :] in FORCE_NOUNS for p in prefixes)


def lam_agent(text: str, trigger_end: int, cand: ActorCandidate, mode: str | None) -> bool:
    """An attack noun's agent behind ل right after it, or after one adjective ("قصف مدفعي للجيش الإسرائيلي",
    "هجوما لداعش"): a force or a person; a country behind ل is where strikes go ("ضربات جوية لسوريا"), unless a
    force's noun carries the ل ("غارات لمقاتلات التحالف": any name owning the force)."""
    if mode in PATIENT_GENITIVE_MODES:
        return False
    between = tokens(text, trigger_end, word_start(text, cand.char_start))
    if between and force_noun(between[-1].text, LAM_PREFIXES):
        # "غارات لمقاتلات التحالف", "غارة جوية لطائرات إسرائيلية": the name owns the force behind ل, any kind of name
        between = between[:-1]
    elif cand.entity_type not in ("ORG", "PERSON") or clitic_before(text, cand.char_start)[-1:] != "ل":
        return False
    return not between or (len(between) == 1 and normalize(between[0].text).endswith(ADJECTIVE_ENDINGS))


def coordinated_after(text: str, first: ActorCandidate, actors: list[ActorCandidate]) -> list[ActorCandidate]:
    """The actors coordinated with ``first`` right after it ("X وY وZ"): its partners, not its target."""
    partners: list[ActorCandidate] = []
    last = first
    for cand in (c for c in actors if c.char_start >= first.char_end):
        between = text[last.char_end : cand.char_start]
        joined = COORDINATION.fullmatch(between) and ("و" in between or "،" in between or "," in between)
        if joined and "و" not in between and last is first and between_commas(text, first.char_start, first.char_end):
            break  # "وانتقد وزير الخارجية الروسي، سيرغي لافروف، الولايات المتحدة": the comma closes an apposition
        if not (joined or partner_word(between)):
            break
        partners.append(cand)
        last = cand
    return partners


def partner_word(between: str) -> bool:
    """ "وحليفتها", "وشركاؤه": the word between two names makes the second the first's ally ("وتتهم الحكومة
    السورية وحليفتها موسكو المتمردين")."""
    found = tokens(between, 0, len(between))
    if len(found) != 1:
        return False
    word = normalize(found[0].text)
    return word[:1] == "و" and any(stem in PARTNER_STEMS for stem in enclitic_stems(word[1:]))


def author_after(text: str, trigger_end: int, cands: list[ActorCandidate]) -> ActorCandidate | None:
    """The name behind من right after a noun, or after its adjectives ("دعوات من الأمم المتحدة", "انتقادات شديدة من
    الاتحاد الأوروبي", "المساعدات المقدمة من الجانب الأمريكي"): who made the call, the charge or the aid. None when
    another word, a preposition or a clause break comes first, or no name follows من ("من أجل")."""
    following = words(text, trigger_end, min(len(text), trigger_end + 80))
    for i, word in enumerate(following[: AUTHOR_REACH_WORDS + 1]):
        if CLAUSE_PUNCTUATION.search(text[trigger_end : word.start]):
            return None
        if word.norm == FROM:
            named = following[i + 1 : i + 3]
            if named and named[0].norm in SIDE_WORDS:
                named = named[1:]
            if not named:
                return None
            return next((c for c in cands if named[0].start <= c.char_start < named[0].end), None)
        if word.proclitics.removesuffix("ال") or any(
            c.char_start < word.end and word.start < c.char_end for c in cands
        ):
            return None  # "دعوات لوقف", "دعم روسيا": not an adjective of the noun
    return None


def object_of_verb(text: str, verb_end: int, noun_start: int, noun_end: int) -> bool:
    """The noun at [noun_start, noun_end) is the object of the verb ending at ``verb_end``: a few words after it (its
    subject between), no clause break and no preposition on the noun ("ورفضت إسرائيل دعوات", not "رفضت الرد على
    دعوات")."""
    if noun_start < verb_end or CLAUSE_PUNCTUATION.search(text[verb_end:noun_start]):
        return False
    own = words(text, noun_start, noun_end)[:1]
    if not own or own[0].proclitics.removeprefix("و").removesuffix("ال"):
        return False
    between = words(text, verb_end, noun_start)
    if between and between[0].start < verb_end:
        between = between[1:]
    return len(between) <= OBJECT_REACH_WORDS and not any(
        w.proclitics.removeprefix("و").removesuffix("ال") or w.norm in PREPOSITION_WORDS for w in between
    )
