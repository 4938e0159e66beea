"""Who did what to whom, and where: actors and place of one event trigger, read from the entity mentions of its clause.

Arabic news puts a verb's subject right after it ("التقى الوزير نظيره ...": VSO) and a noun's agent before it
("أجرى الوزير محادثات ...") or right after it as a genitive ("زيارة لافروف ..."). A country named in an
official's title ("وزير دفاع النيجر <الاسم>") is not an actor of its own: the person is, and the country
stays derivable from the person's entity (country_code). A place is a GPE/LOC introduced by في / إلى or an
attached ب or a place word (قرب، شرقي، مدينة); a visit's place is its destination. A subject before its verb counts
after كان/قد or at a clause start, a coordination's first member is its agent, "من قبل X" names a noun's agent.
Group phrases ("الدول الثلاث") are resolved in groups.py; sources, speakers and relative clauses in clauses.py; the
agent itself (subject, genitive, "من قبل") in agents.py.
A city or leader standing for a state (واشنطن, الكرملين) stays the actor: its entity's country_code gives the state
for the country views (v_events.actor1_country_code, events_by_country_month).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flows.nlp.events.agents import (
    CLAUSE_PUNCTUATION,
    COMPLEMENTISERS,
    COORDINATION,
    COUNTERPART,
    NISBA_TYPES,
    ActorCandidate,
    apposed_person_after,
    charge_start,
    clitic_before,
    common_subject_after,
    counted,
    gap_tokens,
    is_preposed_subject,
    pick_actor1,
    subject_nisba_after,
    word_start,
)
from flows.nlp.events.parties import (
    AUTHORED_TYPES,
    DEATH_MODES,
    OPENING_SUBJECT_TOKENS,
    PATIENT_GENITIVE_MODES,
    POSSESSED_BY_AGENT,
    SYMMETRIC_TYPES,
    author_after,
    content_start,
    coordinated_after,
    lam_agent,
    nisba_on_noun,
    possessor,
)
from flows.nlp.text import words
from flows.nlp.text.arabic import normalize, tokens
from flows.nlp.text.syntax import in_parentheses_after, joined_with_object_pronoun
from flows.resources import read_tsv_tuples

ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE"})
PLACE_TYPES = frozenset({"GPE", "LOC"})
# A country or body this close before a person is part of the person's title, not an actor
# ("سفير فرنسا السابق لدى الاتحاد الأفريقي <الاسم>": four words between).
TITLE_GAP_TOKENS = 4
# Gatherings named after their city: "محادثات موسكو", "قمة باماكو" — the GPE right after the noun is the place.
GATHERINGS = frozenset({"meeting", "talks", "summit"})
# Words that introduce a place, as whole tokens before the mention (normalised), with their clitics off: a
# preposition, a direction, or the kind of place ("قرب دمشق", "شرقي أفغانستان", "بمدينة الحديدة", "شوارع أنقرة").
PLACE_WORDS = frozenset(
    normalize(w)
    for w in (
        "في", "إلى", "داخل", "قرب", "بالقرب", "أنحاء", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي",
        "غربي", "مدينة", "بلدة", "محافظة", "ولاية", "ريف", "عاصمة", "منطقة", "إقليم", "شوارع", "ضواحي", "ضاحية",
        "جبهة", "سواحل", "ساحل", "ميناء", "مطار", "فوق", "أجواء", "سماء", "باتجاه", "نحو", "مدن", "مناطق", "قرى",
        "بلدات", "محافظات",
    )
)  # fmt: skip
# The verb شهد "witnessed" in its perfect and imperfect forms, with و/ف and the future س (normalised): its subject is
# where an event happened ("تشهد المدينة احتجاجات").
WITNESS_VERB = re.compile(r"[وف]?س?[يت]?شهد(?:ت)?")
# Prepositions: a candidate behind one is an object, not a subject.
# Titles with the article that open a person's own noun phrase (flows/data/titles.tsv, position before).
DEFINITE_TITLES = frozenset(
    normalize(title)
    for title, position in read_tsv_tuples("titles.tsv")
    if position == "before" and title.startswith("ال")
) | frozenset(normalize(w) for w in ("نظيره", "نظيرها", "نظيرهم"))
SENTENCE_ENDS = (".", "؟", "?", "!", "\n")
# Clitics attached to a place name: بموسكو (in), لباماكو (to, for visits).
PLACE_CLITICS = frozenset({"ب"})
VISIT_CLITICS = frozenset({"ب", "ل"})
# The dual pronoun on a noun ("قمتهما": their summit, of the two), as the text layer splits it off.
DUAL_PRONOUN = "هما"
# بين after a meeting noun, within this many words ("اجتماع قمة ثنائي بين": two words between), names its two sides;
# the first within a title's words after it ("بين رئيسي روسيا والولايات المتحدة").
BETWEEN_WORDS = frozenset(normalize(w) for w in ("بين", "ما بين"))
BETWEEN_REACH_TOKENS = 3
BETWEEN_TITLE_TOKENS = 2
# The kinds of name the two parties of such a noun are, in the order they are looked for: two persons, else two states.
DUAL_KINDS = (("PERSON",), ("GPE",))


@dataclass(frozen=True, slots=True)
class Roles:
    actor1_id: str | None
    actor2_id: str | None
    location_id: str | None
    actor_ids: tuple[str, ...]
    # Where actor1 came from: the clause's structure ("subject", "genitive", "by", "nisba", "speaker"), a light
    # verb's subject before a noun ("before": "أجرى الوزير محادثات"), a subject noun no entity names ("unnamed":
    # "ودعت الشرطة السكان"), or a guess (the nearest name, "guess"). A
    # definite reference ("الضربات") with a guessed agent takes its article's event instead (detect.py).
    source: str = "guess"
    # The other sides coordinated with the agent of a meeting or an agreement ("موسكو وباماكو عقدتا اجتماعا"):
    # parties, so a city among them is no place of the event (places.py).
    partner_ids: tuple[str, ...] = ()


def word_before(text: str, start: int, within: int = 3) -> set[str]:
    """The normalised words in the few tokens before ``start``, stopping at a complementiser: in
    "يشار إلى أن موسكو ..." the إلى governs the clause, not the name."""
    words: list[str] = []
    window_start = max(0, start - 60)
    # Not across a sentence end: in "… جنوب البوكمال. واتهمت دمشق" Damascus accuses, it is no place.
    sentence_end = max(text.rfind(mark, window_start, start) for mark in SENTENCE_ENDS)
    for t in reversed(tokens(text, max(window_start, sentence_end + 1), start)[-within:]):
        word = normalize(t.text)
        if word in COMPLEMENTISERS:
            break
        words.append(word)
    return set(words)


def is_place(text: str, cand: ActorCandidate, visit: bool) -> bool:
    if cand.entity_type not in PLACE_TYPES or len(cand.entity_ids) != 1:
        return False
    if witnessed_by(text, cand):
        return True
    clitic = clitic_before(text, cand.char_start)
    if clitic and clitic[-1:] in (VISIT_CLITICS if visit else PLACE_CLITICS):
        return True
    return any(place_word(w) for w in word_before(text, cand.char_start))


def witnessed_by(text: str, cand: ActorCandidate) -> bool:
    """ "يشهد العراق احتجاجات", "شهدت مصر تظاهرات": the subject of شهد ("saw", "witnessed") right after it is where
    the event happened, not who did it."""
    before = tokens(text, max(0, cand.char_start - 20), cand.char_start)[-1:]
    return bool(before) and bool(WITNESS_VERB.fullmatch(normalize(before[0].text)))


def place_word(word: str) -> bool:
    bare = word[1:] if word[:1] in ("و", "ف", "ب", "ل") and len(word) > 3 else word
    return any(w in PLACE_WORDS for w in (word, bare, bare.removeprefix("ال"), word.removeprefix("ال")))


def assign_roles(
    text: str,
    trigger_start: int,
    trigger_end: int,
    pos: str,
    mode: str | None,
    clause_start: int,
    clause_end: int,
    candidates: list[ActorCandidate],
    event_type: str = "",
    shared_subject: ActorCandidate | None = None,
    subject_suffix: bool = False,
    verb_lemma: str = "",
) -> Roles:
    """actor1, actor2, place and every actor of the trigger, from the candidates inside [clause_start, clause_end)."""
    visit = mode == "visit"
    inside = sorted(
        (
            c
            for c in candidates
            if clause_start <= c.char_start
            and c.char_end <= clause_end
            and not (trigger_start <= c.char_start < trigger_end)
        ),
        key=lambda c: c.char_start,
    )
    places = [
        c
        for c in inside
        if is_place(text, c, visit)
        or (
            mode in GATHERINGS
            and pos == "noun"
            and c.entity_type in PLACE_TYPES
            and c.char_start >= trigger_end
            and gap_tokens(text, trigger_end, c.char_start) == 0
        )
    ]
    for previous, member in zip(inside, inside[1:]):
        # "في سوريا ولبنان والأردن": the members after a place's first are places too
        if previous in places and member not in places and member.entity_type in PLACE_TYPES:
            if COORDINATION.fullmatch(text[previous.char_end : member.char_start]):
                places.append(member)
    after = [c for c in inside if c.char_start >= trigger_end]
    before = [c for c in inside if c.char_end <= trigger_start]
    location = pick_location(text, visit, after, before, places, trigger_end)
    unnamed_agent = False  # the clause leaves the agent unnamed: no nisba of the sentence stands in for it
    actors = [
        c
        for c in inside
        if c is not location
        and c not in places
        and c.entity_type in ACTOR_TYPES
        and not c.is_adjectival
        and not is_title_part(text, c, inside, trigger_start)
        # "اتهم مكتب التحقيقات الفدرالي (أف بي آي)": a name in parentheses after another names it again
        and not any(in_parentheses_after(text, o.char_end, c.char_start, c.char_end) for o in inside if o is not c)
    ]
    if visit:
        # A visit's destination is its place, never its counterpart.
        actors = [c for c in actors if not (location and set(c.entity_ids) == set(location.entity_ids))]
    actor_after = [c for c in actors if c.char_start >= trigger_end]
    actor_before = [c for c in actors if c.char_end <= trigger_start]
    if pos == "participle":
        # "دانت الدول ... X، متهمةً Y": the participle shares the subject of the verb before it.
        opening = next(
            (c for c in actor_before if 1 <= gap_tokens(text, clause_start, c.char_start) <= OPENING_SUBJECT_TOKENS),
            None,
        )
        first = shared_subject or opening or (actor_before[-1] if actor_before else None)
        source = "subject" if shared_subject is not None else "guess"
    else:
        first, source = pick_actor1(
            text,
            pos,
            event_type == "CONSULT",
            trigger_start,
            trigger_end,
            actor_after,
            actor_before,
            shared_subject,
            subject_suffix,
            verb_lemma,
        )
        if source == "carried":
            # "وأكد الرئيس الإيراني حسن روحاني على …، وهدد واشنطن": the subject the verb carries is its sentence's
            # opening one, the name right after the first verb.
            first = next(
                (
                    c
                    for c in actor_before
                    if 1 <= gap_tokens(text, clause_start, c.char_start) <= OPENING_SUBJECT_TOKENS
                ),
                None,
            )
            source = "subject" if first is not None else "guess"
        nisba_subject = next(
            (
                c
                for c in inside
                if pos == "verb"
                and c.is_adjectival
                and c.entity_type in NISBA_TYPES
                and c.char_end <= trigger_start
                and is_preposed_subject(text, c, trigger_start)
            ),
            None,
        )
        first, source = (nisba_subject, "nisba") if nisba_subject else (first, source)
        if (
            pos == "verb"
            and source == "guess"
            and first in actor_before
            and joined_with_object_pronoun(text, trigger_start, trigger_end)
        ):
            # "دأب ترامب على انتقاد الحكومة الكندية، واتهمها بالتقصير": the name just before a joined verb with an
            # object pronoun is whom the pronoun stands for, its object; its subject is the clause's opening one.
            referent = first
            opening = next(
                (
                    c
                    for c in actor_before
                    if c is not referent and 1 <= gap_tokens(text, clause_start, c.char_start) <= OPENING_SUBJECT_TOKENS
                ),
                None,
            )
            first, source = opening, "subject" if opening is not None else "guess"
            actor_after = [referent, *actor_after]
        # A subject after the verb outranks a guess; a preposed or shared subject ("وكانت دمشق اتهمت") stays.
        if (
            pos == "verb"
            and not subject_suffix
            and (first is None or first.char_start >= trigger_end or source in ("guess", "unnamed"))
        ):
            nisba_after = subject_nisba_after(text, trigger_end, inside, actor_after)
            apposed = first is not None and first is apposed_person_after(text, trigger_end, actor_after)
            if nisba_after is not None and not apposed and (first is None or first.char_start >= nisba_after.char_end):
                first, source = nisba_after, "nisba"
    if pos == "noun":
        # "غارة إسرائيلية", "ضربات أمريكية", "قصف جوي أمريكي": a nisba right after an action noun names its agent.
        agent_nisba = next(
            (c for c in inside if c.char_start >= trigger_end and nisba_on_noun(text, trigger_end, c, mode)), None
        ) or next((c for c in actor_after if event_type == "ASSAULT" and lam_agent(text, trigger_end, c, mode)), None)
        owner = (
            possessor(text, trigger_start, trigger_end, clause_start, actor_before, shared_subject)
            if event_type in POSSESSED_BY_AGENT and mode not in PATIENT_GENITIVE_MODES
            else None
        )
        # A masculine pronoun ("قمته", not "اعتداءاتها": a state is feminine) on the noun points past a nearer name
        # before it to a person ("وكان ترمب قد وصل إلى هلسنكي عشية قمته").
        masculine = any(words(text, trigger_start, trigger_end)[-1].enclitic == p for p in ("ه", "هما", "هم"))
        if owner is not None and (
            first is None or source == "guess" or (source == "before" and owner.entity_type == "PERSON" and masculine)
        ):
            first, source = owner, "subject"  # "وركز نتانياهو … في اليوم الأول من زيارته لبرلين": his visit
        author = (
            author_after(text, trigger_end, [c for c in inside if c.char_start >= trigger_end])
            if event_type in AUTHORED_TYPES and source in ("guess", "before") and agent_nisba is None
            else None
        )
        if author is not None:
            # "ورفضت إسرائيل دعوات من الأمم المتحدة": the calls are the UN's, not the rejecter's
            first, source = author, "by"
            actor_after = [c for c in actor_after if c is not author]
        # "قرر ترامب فرض عقوبات اقتصادية أميركية", "ووصف ترامب الاتفاق …، وهدد بإعادة فرض العقوبات الأميركية": the
        # clause's agent (or the sentence's subject its verb goes on with), a person of the nisba's state, acted for it.
        person = first if source in ("before", "subject") else shared_subject
        if agent_nisba is not None and states_person(person, agent_nisba):
            first, source = person, "subject"
        elif agent_nisba is not None:
            # a guessed name it replaces is no target either ("غارة إسرائيلية، قال متحدث باسم الجيش": the speaker)
            guessed = first if source == "guess" else None
            actor_after = [c for c in actor_after if c is not guessed]
            first, source = agent_nisba, "nisba"
        if first is not None and source == "guess" and mode in PATIENT_GENITIVE_MODES and first in actor_after:
            # "غزو العراق", "اغتيال الجاسوس سكريبال": the noun's genitive is the one it was done to, not its agent.
            first, unnamed_agent = None, True
        pair = dual_parties(text, trigger_start, trigger_end, event_type, actors) or parties_between(
            text, trigger_end, event_type, actors
        )
        if pair:
            # "في مستهل قمتهما …، أعرب الرئيس الأميركي، دونالد ترمب، … مع نظيره الروسي، فلاديمير بوتين": a meeting
            # noun with a dual pronoun is the meeting of the two its clause names, the first its agent; "قبيل اجتماع
            # قمة ثنائي بين رئيسي روسيا والولايات المتحدة": the two after بين.
            first, source = pair[0], "subject"
            actor_after = [pair[1], *(c for c in actor_after if c is not pair[1])]
        if first is not None and (mode in DEATH_MODES or event_type == "PROTEST") and source not in ("nisba", "by"):
            # "على خلفية مقتل متظاهر", "وأبدت إسرائيل أسفها على مقتل …", "لم ينجح الوزير في تهدئة الاحتجاجات": a
            # name near a death or a protest is who spoke of it or answered it, or where it was.
            if location is None and first.entity_type in PLACE_TYPES and len(first.entity_ids) == 1:
                location = first  # "إيران تشهد أعمال شغب"
            first, unnamed_agent = None, True
    if first is None and not unnamed_agent:
        # Last resort: a nisba standing for its country ("المسؤولين الماليين" -> Mali).
        # Not the counterpart's ("بعد قمة جمعته مع نظيره الروسي": the Russian is whom he met).
        # Not a counted one either ("وقتل 40 جندي تركي": the victims' country is the target).
        # A common noun's own nisba only, right after it ("هاجم مسلحون أفغان"), not one in the object ("استهدف
        # انفجار موكبا لرئيس الوزراء الفلسطيني رامي …").
        common = source == "unnamed" and pos == "verb" and common_subject_after(text, trigger_end, actor_after)
        object_from = trigger_end if common else clause_end
        nisbas = [
            c
            for c in inside
            if c.is_adjectival
            and c.entity_type in NISBA_TYPES
            and not counterpart(text, c.char_start)
            and (c.char_start < object_from or gap_tokens(text, trigger_end, word_start(text, c.char_start)) <= 1)
        ]
        first = next((c for c in nisbas if not counted(text, c)), None)
        victims = [c for c in nisbas if c.char_start >= trigger_end]
        if first is None and victims and not actor_after:
            actor_after = victims[:1]
    rest = [c for c in actor_after if c is not first]
    partners = coordinated_after(text, first, actors) if first is not None else []
    if event_type in SYMMETRIC_TYPES:
        # "أنقرة وواشنطن توصلتا إلى اتفاق", "قمة ترامب وكيم": who is coordinated with the agent of a meeting, an
        # agreement or a cooperation is its other side, also before the trigger.
        rest = partners + [c for c in rest if c not in partners]
    else:
        # "أيدت الولايات المتحدة وفرنسا وألمانيا …", "واتهم المسؤولون الأميركيون والناتو موسكو": who is coordinated
        # with the agent acts with it; the target is the next name.
        rest = [c for c in rest if c not in partners]
        partners = []
    # "أيدت X مزاعم بأن الحكومة الروسية وافقت": a name after a complementiser is in what was said or done, another
    # clause, not the target; after "من أن" it is what a warning is about ("حذر لافروف من أن الولايات المتحدة …").
    content = content_start(text, trigger_end, clause_end)
    rest = [c for c in rest if c.char_start < content]
    if event_type in ("ACCUSE", "REQUEST"):
        # "متهمة إياه بمساعدة تنظيم داعش": who is named in the charge is not the accused; "حثت شركاتها على مواصلة
        # علاقاتها مع طهران": who is named in the request's content is not the one asked.
        # read after a subject that follows the verb: "بيار موسكوفيسي" opens with a ب and is no charge
        agent_end = first.char_end if first is not None and first.char_start >= trigger_end else trigger_end
        charge = charge_start(text, agent_end, clause_end, event_type == "REQUEST")
        rest = [c for c in rest if c.char_start < charge]
    if visit:
        # Whom a visitor met is a person named in the visit's clause; countries and bodies there are context.
        rest = [c for c in rest if c.entity_type == "PERSON"]
    second = None if visit and not rest else (rest[0] if rest else None)
    ordered: list[str] = []
    # Actors before the trigger other than its agent belong to earlier clauses ("زار الوزير البلاد، وعقد لقاءات").
    for cand in [first, *rest]:
        for entity_id in cand.entity_ids if cand else ():
            if entity_id not in ordered:
                ordered.append(entity_id)
    actor1 = first.entity_ids[0] if first else None
    actor2 = next((e for e in (second.entity_ids if second else ()) if e != actor1), None)
    partner_ids = tuple(e for c in partners for e in c.entity_ids)
    return Roles(actor1, actor2, location.entity_ids[0] if location else None, tuple(ordered), source, partner_ids)


def states_person(person: ActorCandidate | None, nisba: ActorCandidate) -> bool:
    """``person`` belongs to the state the noun's nisba names: he acted for it and is the agent, as the gold names him;
    the state is the agent only when the clause names no one of its own, or someone of another state."""
    return (
        person is not None
        and person.entity_type == "PERSON"
        and person.country_code is not None
        and person.country_code == nisba.country_code
    )


def dual_parties(
    text: str, trigger_start: int, trigger_end: int, event_type: str, actors: list[ActorCandidate]
) -> tuple[ActorCandidate, ActorCandidate] | None:
    """The two parties of a meeting or an agreement noun with a dual pronoun ("قمتهما", "اجتماعهما", "اتفاقهما"):
    the first two persons its clause names, else its first two states; None when it names fewer (a body is rarely
    one of the two: "وفقا لوكالة الأنباء الفرنسية، فإن الزعيم الكوري وجه دعوة لترامب …، بعيد اجتماعهما")."""
    if event_type not in SYMMETRIC_TYPES or words(text, trigger_start, trigger_end)[-1].enclitic != DUAL_PRONOUN:
        return None
    for kind in DUAL_KINDS:
        named: list[ActorCandidate] = []
        for cand in actors:
            if any(place_word(w) for w in word_before(text, cand.char_start)):
                continue  # "في العاصمة الفنلندية #هلسنكي": where they met, whatever the tagger made of it
            if cand.entity_type in kind and not any(set(cand.entity_ids) == set(n.entity_ids) for n in named):
                named.append(cand)
        if len(named) >= 2:
            return named[0], named[1]
    return None


def parties_between(
    text: str, trigger_end: int, event_type: str, actors: list[ActorCandidate]
) -> tuple[ActorCandidate, ActorCandidate] | None:
    """The two sides a meeting or an agreement noun names after بين ("قمة بين ترامب وكيم", "اجتماع قمة ثنائي بين
    رئيسي روسيا والولايات المتحدة"): the first name after بين, within a title's words, and the name coordinated
    with it; None when the noun has no such بين."""
    if event_type not in SYMMETRIC_TYPES:
        return None
    following = tokens(text, trigger_end, min(len(text), trigger_end + 80))[: BETWEEN_REACH_TOKENS + 1]
    at = next((t for t in following if normalize(t.text) in BETWEEN_WORDS), None)
    if at is None or CLAUSE_PUNCTUATION.search(text[trigger_end : at.char_start]):
        return None
    first = next((c for c in actors if c.char_start >= at.char_end), None)
    if first is None or gap_tokens(text, at.char_end, first.char_start) > BETWEEN_TITLE_TOKENS:
        return None
    second = next((c for c in actors if c.char_start >= first.char_end), None)
    if second is None or set(second.entity_ids) == set(first.entity_ids):
        return None
    joined = text[first.char_end : second.char_start]
    return (first, second) if COORDINATION.fullmatch(joined) and "و" in joined else None


def counterpart(text: str, start: int) -> bool:
    """The word before a mention is "نظير" (counterpart) in any form: "نظيره", "نظيرتها", "نظرائه"."""
    before = tokens(text, max(0, start - 20), start)[-1:]
    return bool(before) and COUNTERPART.match(normalize(before[0].text)) is not None


def is_title_part(text: str, cand: ActorCandidate, inside: list[ActorCandidate], trigger_start: int = -1) -> bool:
    """A country or body right before a person ("وزير دفاع النيجر - <الاسم>") belongs to the title.

    Not when the trigger stands between them: in "أعلنت النيجر عزل ديوب" Niger acts on Diop.
    """
    if cand.entity_type == "PERSON" or len(cand.entity_ids) != 1:
        return False
    return any(
        other.entity_type == "PERSON"
        and other.char_start >= cand.char_end
        and not (cand.char_end <= trigger_start < other.char_start)
        and gap_tokens(text, cand.char_end, other.char_start) <= TITLE_GAP_TOKENS
        and not opens_own_title(text, cand.char_end, other.char_start)
        for other in inside
    )


def opens_own_title(text: str, start: int, end: int) -> bool:
    """The words between a country and a person start with a definite title ("وتدعم إيران الرئيس بشار الأسد"):
    the person has a title of its own, and the country is a separate noun phrase (here the agent)."""
    between = tokens(text, start, end)
    return bool(between) and normalize(between[0].text) in DEFINITE_TITLES


def pick_location(
    text: str,
    visit: bool,
    after: list[ActorCandidate],
    before: list[ActorCandidate],
    places: list[ActorCandidate],
    trigger_end: int,
) -> ActorCandidate | None:
    after_places = [c for c in places if c in after]
    if visit:
        # "زار ... مالي": the destination may be a bare object; a title part or the visitor is not.
        objects = [
            c
            for c in after
            if c.entity_type in PLACE_TYPES
            and len(c.entity_ids) == 1
            and not c.is_adjectival
            and not is_title_part(text, c, after)
        ]
        return after_places[0] if after_places else (objects[0] if objects else None)
    if after_places:
        return after_places[0]
    before_places = [c for c in places if c in before]
    return before_places[-1] if before_places else None
