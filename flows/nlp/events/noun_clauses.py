"""The verbs around an event noun that place its parties (issue 14, seventh session).

Verbs of undergoing: "تعرضت فرنسا لهجمات", "تتلقى الحكومة دعما من روسيا" — their subject is the target. An event noun after تعرّض ("was exposed to") or تلقّى ("received") has the verb's subject as the one it was done
to, and its doer, when named, after it ("من روسيا"). ANT v2.1 holds تعرض ل most often before لهجوم (78 times),
لانتقادات (73), لضغوط (44), لقصف (30), and تلقى before دعما/الدعم (66) and تهديدات (43): the lemmas are the two
the corpus uses for it; every form comes from the text layer.

A relative clause whose verb did the act after the noun: "غارة شنتها طائرات التحالف", "الضربات التي نفذتها الولايات
المتحدة", "مجزرة ارتكبتها إسرائيل", "غزو قادته الولايات المتحدة", "العقوبات التي فرضتها واشنطن" — the name right after
the verb (with the noun's pronoun, or after التي/الذي) is the act's agent, unless a preposition stands before it
("العقوبات التي فرضتها على إيران": the subject is dropped, Iran the target). In ANT v2.1 the words after the attack
nouns' شنتها/شنها/نفذتها/نفذها/يشنها are a force's noun or the agent itself (شنتها طائرات 34, شنتها الولايات 33,
شنتها مقاتلات 24, نفذتها الولايات 22, شنتها قوات 18, ينفذها الجيش 17, شنها التحالف 16). The verbs are those of
flows/data/agent_verbs.tsv (bench/quality/build_agent_verbs.py: the verbs news puts with an event noun's pronoun right
after it, judged a doer's: شنّ 283, فرض 209, نفّذ 202, أجرى 107, قاد 78, عقد 77, وقّع 54 …), their finite forms only
("قادته الولايات المتحدة", not the verbal noun "توقيعها").
"""

from __future__ import annotations

from functools import cache

from flows.nlp.events.agents import CO_PARTICIPANT_WORDS, ActorCandidate, gap_tokens
from flows.nlp.events.parties import coordinated_after
from flows.nlp.events.roles import Roles
from flows.nlp.text import Word, derived_forms, normalize, words
from flows.nlp.text.forms import finite_forms
from flows.resources import read_tsv

# Each lemma with the preposition its event noun takes: تعرض ل + the noun ("تعرض مهمة إمداد للجيش لهجوم": the
# supply is no target), تلقى + the noun itself.
UNDERGO_LEMMAS = {"تعرّض": "ل", "تلقّى": ""}
# The verb stands this many words before the event noun at most: "تعرضت الأراضي الفرنسية لعدد من الهجمات" (five).
UNDERGO_WINDOW_WORDS = 6
# "تتلقى إيران دعما": the verb, the subject, then the noun.
VERB_READ_WINDOW_WORDS = 3
# A meeting or call has no target: "تلقى الرئيس اتصالا من نظيره" keeps the order the clause gives.
SYMMETRIC_TYPES = frozenset({"CONSULT"})


@cache
def undergo_forms() -> dict[str, str]:
    """Every form of the verbs of undergoing -> the preposition their event noun takes."""
    return {form: prep for lemma, prep in UNDERGO_LEMMAS.items() for form in derived_forms(lemma, "verb")}


def is_undergone(text: str, clause_start: int, start: int, end: int, verb_form: bool) -> bool:
    """A verb of undergoing stands among the few words of the clause before the event noun at ``start``. A word
    the layer reads as a verb ("دعما": they both supported, or support in the accusative) counts only close after
    it and without و/ف: "تعرضت إيران لضغوط وهاجمت" is a second verb of its own."""
    before = words(text, clause_start, start)[-(VERB_READ_WINDOW_WORDS if verb_form else UNDERGO_WINDOW_WORDS) :]
    own = words(text, start, end)[:1]
    proclitics = own[0].proclitics if own else ""
    if verb_form and proclitics:
        return False
    preps = {undergo_forms()[w.key] for w in before if w.key in undergo_forms()}
    return any(proclitics.endswith(prep) if prep else "ل" not in proclitics for prep in preps)


def undergone_roles(roles: Roles, pool: list[ActorCandidate], noun_end: int) -> Roles:
    """The subject (actor1) becomes the target; the doer is a party named after the noun, else none."""
    after = {e for c in pool if c.char_start >= noun_end for e in c.entity_ids}
    doer = roles.actor2_id if roles.actor2_id in after else None
    target = roles.actor1_id if roles.actor1_id not in after else roles.actor2_id
    if target is None or target == doer:
        return roles
    ordered = tuple(a for a in (doer, target) if a) + tuple(a for a in roles.actor_ids if a not in (doer, target))
    return Roles(doer, target, roles.location_id, ordered, "subject")


# The verbs whose subject did the act of the noun their clause is on (flows/data/agent_verbs.tsv, a census).
LIGHT_VERB_LEMMAS = tuple(row["lemma"] for row in read_tsv("agent_verbs.tsv"))
RELATIVES = frozenset(normalize(w) for w in ("التي", "الذي", "اللتي", "اللذين", "اللواتي"))
# The light verb stands this many words after the noun at most ("الغارات الجوية التي شنتها": an adjective, التي).
LIGHT_VERB_REACH_WORDS = 3
# Its subject's name within this many words after it ("شنتها مقاتلات التحالف العربي": a force's noun, then the name).
LIGHT_SUBJECT_WORDS = 2


@cache
def light_verb_forms() -> frozenset[str]:
    return frozenset(form for lemma in LIGHT_VERB_LEMMAS for form in finite_forms(lemma))


def relative_light_agent(text: str, noun_end: int, clause_end: int, pool: list[ActorCandidate]) -> str | None:
    """The entity named as the subject of a relative light verb right after the event noun, or None."""
    following = words(text, noun_end, clause_end)
    for i, word in enumerate(following[: LIGHT_VERB_REACH_WORDS + 1]):
        if normalize(word.base) not in light_verb_forms() or word.proclitics:
            continue
        if not (word.enclitic or (i and following[i - 1].key in RELATIVES)):
            return None
        reach = following[i + 1 : i + 2 + LIGHT_SUBJECT_WORDS]
        if not reach:
            return None
        named = sorted((c for c in pool if word.end <= c.char_start < reach[-1].end), key=lambda c: c.char_start)
        if not named or any(governed_word(w) for w in reach if w.start <= named[0].char_start):
            return None  # "العقوبات التي فرضتها على إيران": the subject dropped, the name behind على its target
        holder = next(
            (
                c
                for c in pool
                if named[0].is_adjectival
                and c.entity_type == "PERSON"
                and c.char_start >= named[0].char_end
                and not gap_tokens(text, named[0].char_end, c.char_start)
            ),
            None,
        )  # "المحادثات التي أجراها وزير الخارجية الفرنسي جان إيف لودريان": the title's holder, not its nisba
        return (holder or named[0]).entity_ids[0] or None
    return None


def relative_clause_roles(
    text: str, roles: Roles, agent: str, noun_end: int, clause_end: int, pool: list[ActorCandidate]
) -> Roles:
    """The roles of an event noun whose relative clause names its agent (relative_light_agent). The target is the
    first other name behind a preposition after the agent and its partners ("العقوبات التي فرضتها واشنطن على موسكو";
    "ضربات شنتها الولايات المتحدة وبريطانيا وفرنسا": Britain acts with the US), not in a clause on the agent ("طائرات
    التحالف الذي تقوده السعودية"); else a target already read, or the name the clause guessed as agent ("لقي عشرات
    الحوثيين مصرعهم في غارة شنتها طائرات التحالف"), but not the subject of the clause around the noun ("كرر بومبيو
    الاتهامات التي وجهها نتنياهو": Pompeo repeats them, no one accuses him)."""
    after = sorted((c for c in pool if noun_end <= c.char_start < clause_end), key=lambda c: c.char_start)
    at = next((c for c in after if agent in c.entity_ids), None)
    partners = coordinated_after(text, at, [c for c in after if not c.is_adjectival]) if at is not None else []
    target = None
    for cand in after:
        if at is None or cand.char_start < at.char_end or cand.is_adjectival or cand in partners:
            continue
        if agent in cand.entity_ids or cand.entity_ids[0] == roles.location_id:
            continue
        between = words(text, at.char_end, cand.char_start)
        own = words(text, cand.char_start, cand.char_end)[:1]
        if any(w.key in RELATIVES for w in between):
            break  # "التحالف الذي تقوده السعودية": a clause on the agent
        if between and between[-1].norm in CO_PARTICIPANT_WORDS:
            partners.append(cand)
            continue  # "الضربة التي قادتها الولايات المتحدة مع فرنسا": France took part, it was not struck
        if any(governed_word(w) for w in between[-1:] + own):
            target = cand.entity_ids[0]
        break
    if target is None:
        earlier = roles.actor1_id if roles.source not in ("before", "subject") else None
        taking_part = {e for c in partners for e in c.entity_ids}
        target = next((a for a in (roles.actor2_id, earlier) if a not in (None, agent, *taking_part)), None)
    ordered = tuple(a for a in (agent, target) if a) + tuple(a for a in roles.actor_ids if a not in (agent, target))
    return Roles(agent, target, roles.location_id, ordered, "subject")


# A name this many words after the relative clause's own verb is that verb's object ("الغارة التي استهدفت القيادي
# الحوثي صالح الصماد": a title of two words, then the name).
RELATIVE_OBJECT_WORDS = 3


def relative_object(text: str, noun_end: int, clause_end: int, pool: list[ActorCandidate]) -> str | None:
    """The entity a relative clause on the event noun does the act to: "الغارة التي استهدفت القيادي … الصماد",
    "الهجوم الذي طال X" — the noun is the relative verb's subject, so the name after that verb is its object, the
    target, never the agent. Not when the verb carries the noun's pronoun ("غارة شنتها طائرات التحالف": the name is
    the subject, relative_light_agent's) nor behind a preposition ("التي أعلن عنها")."""
    following = words(text, noun_end, clause_end)
    for i, word in enumerate(following[:LIGHT_VERB_REACH_WORDS]):
        if word.key not in RELATIVES or word.proclitics:
            continue
        verb = following[i + 1 : i + 2]
        if not verb or verb[0].enclitic or verb[0].proclitics or verb[0].key in RELATIVES:
            return None
        reach = following[i + 2 : i + 2 + RELATIVE_OBJECT_WORDS]
        named = sorted(
            (c for c in pool if reach and verb[0].end <= c.char_start < reach[-1].end and not c.is_adjectival),
            key=lambda c: c.char_start,
        )
        if not named or any(governed_word(w) for w in reach if w.end <= named[0].char_start):
            return None
        return named[0].entity_ids[0] or None
    return None


PREPOSITION_KEYS = frozenset(normalize(w) for w in ("في", "إلى", "على", "عن", "من", "مع", "ضد", "لدى"))
# A preposition carrying a pronoun ("عنه", "لها", "عليهم"): the segmenter keeps such short words whole.
PRONOUN_PREPOSITIONS = frozenset(
    normalize(p + e)
    for p in ("في", "إلي", "علي", "عن", "من", "مع", "ضد", "لدي", "ل", "ب")
    for e in ("ه", "ها", "هم", "هما")
)


def governed_word(word: Word) -> bool:
    """A preposition, or a word carrying one ("لها", "بالقيادي", "للجيش"): what follows it is no direct object."""
    glued = word.proclitics.removesuffix("ال").removesuffix("ل" if word.proclitics.endswith("لل") else "")
    return word.key in PREPOSITION_KEYS or word.norm in PRONOUN_PREPOSITIONS or glued[-1:] in ("ب", "ل", "ك")
