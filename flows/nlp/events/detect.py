"""PLOVER event detection: trigger lexicon -> EventMention with actors, place, resolved date, status and contexts.

Each sentence's triggers are found by lemma (flows/nlp/events/triggers.py); each becomes one EventMention whose
offsets are the trigger's span in ``body_text`` and whose evidence is its sentence. Dates come from
flows.dates.resolve.find_dates, resolved against the publication date; a date is never guessed: without one the
mention's date is null with precision "unknown" (flows/nlp/events/dating.py). Cross-article linking happens later
(flows/nlp/events/linking.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from flows.nlp.events.agents import by_phrase_agent, carries_object, gap_tokens
from flows.nlp.events.answers import answering, authored_roles, in_noun_phrase, rejected_by
from flows.nlp.events.clauses import (
    QUOTE_BOUNDARY,
    accused_agent,
    actor_pool,
    is_quoted_name,
    relative_antecedent,
    sources,
    speaker_country,
)
from flows.nlp.events.dating import (
    EventDate,
    after_publication,
    background_clause,
    continues,
    days_news,
    nearest_date,
    planned_forward,
    retelling,
    sentence_dates,
    story_day,
    usable,
    with_lead_dates,
    with_reference_dates,
)
from flows.nlp.events.domains import KEPT_OFF_POLITICS, is_off_politics
from flows.nlp.events.groups import resolve_groups
from flows.nlp.events.irrealis import (
    PLANNING_KINDS,
    VOIDING_KINDS,
    any_of_a_kind,
    complement_status,
    governing_statement,
    irrealis_kind,
)
from flows.nlp.events.legislation import votes_on_a_bill
from flows.nlp.events.lexicon import EventLexicon, lexicon
from flows.nlp.events.nisbas import action_nisbas, with_counterpart_nisba, with_object_nisba
from flows.nlp.events.noun_clauses import (
    SYMMETRIC_TYPES,
    is_undergone,
    relative_clause_roles,
    relative_light_agent,
    relative_object,
    undergone_roles,
)
from flows.nlp.events.places import is_place_only, places_out_of_roles
from flows.nlp.events.references import Report, is_reference, reported_subject, same_kind, with_antecedent_actors
from flows.nlp.events.roles import ActorCandidate, Roles, assign_roles
from flows.nlp.events.triggers import TriggerHit, counted_patient, find_triggers, is_passive, weapon_mode
from flows.nlp.text import words
from flows.nlp.text.arabic import normalize, normalize_with_map, split_sentences, tokens
from flows.nlp.types import Document, Entity, EventMention, Mention, Quote, Sentence
from flows.resources import read_tsv_tuples

# A planned cue ("من المقرر أن") counts within this many words before the trigger.
PLANNED_WINDOW_TOKENS = 14
# A negation, condition or allegation counts within this many words before the trigger ("نفت دمشق وقوع اعتداء":
# three words; "اتهمت الدول الغربية دمشق بشن هجوم": four).
STATUS_WINDOW_TOKENS = 5
# A comma then a conjunction-prefixed word ("، ووصف") opens a new clause: a planned cue before it governs another verb.
NEW_CLAUSE = re.compile(r"[،,]\s*[وف]\w")
# The end of a dateline: ")--" after the outlet's name.
DATELINE_MARK = re.compile(r"\)\s*[-–—]+")
# A complementiser without a pronoun ("إن", "أن", "بأن"): what follows is what someone said.
BARE_COMPLEMENTISER = re.compile(r"(?<!\w)(?:ب?[أإا]نّ?)(?!\w)")
# The statement types of speech_cues.tsv: an event of one of them agrees with its quote on who spoke.
STATEMENT_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT"})
# The head nouns of a court's name (محكمة and its plural, normalised as the text layer keys them).
COURT_HEADS = frozenset({"محكمه", "محاكم"})
# Who can make a visit: a person, or a body (a delegation, an organisation).
VISITOR_TYPES = frozenset({"PERSON", "ORG"})
# Role nouns that name a visitor (flows/data/titles.tsv, and a delegation).
VISITOR_TITLES = frozenset(normalize(title) for title, _ in read_tsv_tuples("titles.tsv")) | {normalize("وفد")}


# An undated event of the article's lead, and an undated later report of the day's news (dating.days_news: a
# past-tense verb in a main clause that is no background), happened on the day the article reports: it takes the
# story's day (dating.story_day: the lead's recent day, else the publication day). Precision "day" (the contract's
# values: day, month, year, unknown), as the test annotator dates the day's news (NOTES_test.md). No column says the
# day was read from the report rather than from a date expression: a reader tells it by the evidence sentence, which
# holds no date; a flag would need the schema, a migration and linking.py to carry it.
LEAD_PRECISION = "day"


def detect_events(
    doc: Document,
    mentions: tuple[Mention, ...],
    entities: tuple[Entity, ...],
    quotes: tuple[Quote, ...] = (),
    keep_weak: bool = False,
) -> tuple[EventMention, ...]:
    """Every event the document reports, one EventMention per trigger, in text order. A statement whose trigger is
    a quote's cue ("اتهم X Y بـ…", "نفى X أن …") takes the quote's speaker as its agent: one lexicon
    (speech_cues.tsv), one speaker. A report that names neither who nor where is dropped (``countable``) unless
    ``keep_weak`` (the tests of single rules read sentences without names), or unless it is an event noun that
    names the article's last told event of its type (``with_told_actors``)."""
    lex = lexicon()
    mentions = tuple(m for m in mentions if m.part == "body")  # a title mention's offsets point into the title
    quotes = tuple(q for q in quotes if q.part == "body")  # so do a title quote's
    text = doc.body_text
    sentences = doc.sentences or split_sentences(text)
    by_sentence: dict[int, list[TriggerHit]] = {}
    names = [(m.char_start, m.char_end) for m in mentions if m.entity_type == "ORG"]
    for index, sentence in enumerate(sentences):
        # A trigger word inside a body's name ("لجنة عقوبات ليبيا", "تحالف دعم الشرعية") names it, reports nothing.
        found_here = [
            hit
            for hit in find_triggers(text, sentence.char_start, sentence.char_end)
            if not any(start <= hit.char_start and hit.char_end <= end for start, end in names)
        ]
        if found_here:
            by_sentence[index] = found_here
    if not by_sentence:
        return ()
    if is_off_politics(text):
        # a match report, a product launch, an exhibition: only a sanction is political there
        by_sentence = {
            index: kept
            for index, hits in by_sentence.items()
            if (kept := [h for h in hits if (h.entry.event_type, h.entry.event_mode) in KEPT_OFF_POLITICS])
        }
    anchor = doc.published_at.date() if doc.published_at else None
    story = story_day(text, sentences[0] if sentences else None, anchor, lex)
    places = frozenset(e.entity_id for e in entities if is_place_only(e))
    courts = frozenset(e.entity_id for e in entities if is_court(e))
    countries = {e.entity_id: e.country_code for e in entities}
    candidates = [
        ActorCandidate(
            m.char_start, m.char_end, (m.entity_id,), m.entity_type, m.is_adjectival, countries.get(m.entity_id)
        )
        for m in mentions
        if m.entity_id not in courts
    ]
    name_spans = tuple((m.char_start, m.char_end) for m in mentions)
    found: list[Report] = []
    retold: list[int] = []  # the triggers that someone's words tell again after the lead (dating.retelling)
    poses: list[str] = []  # each report's trigger's part of speech, in found's order
    background: list[int] = []  # undated nouns in a background clause: no told event's day (with_told_actors)
    for index, sentence_hits in sorted(by_sentence.items()):
        sentence = sentences[index]
        next_sentence = sentences[index + 1] if index + 1 < len(sentences) else None
        dates = sentence_dates(text, sentence, anchor)
        if not usable(text, dates, lex, anchor) and next_sentence and continues(text, next_sentence, lex, by_sentence):
            dates = sentence_dates(text, next_sentence, anchor)
        groups = resolve_groups(text, lex, sentence.char_start, sentence.char_end, mentions)
        pool = [c for c in candidates if sentence.char_start <= c.char_start < sentence.char_end] + groups
        pool += action_nisbas(text, sentence_hits, mentions, entities)
        contexts = event_contexts(text[sentence.char_start : sentence.char_end], lex)
        subject = None
        speakers = sources(text, pool, sentence.char_start)
        accusation: tuple[int, str | None] | None = None
        for i, hit in enumerate(sentence_hits):
            previous_end = sentence_hits[i - 1].char_end if i else sentence.char_start
            governor = governing_statement(text, sentence_hits[i - 1] if i else None, hit)
            asked_for, governed_status = complement_status(governor)
            if asked_for:
                continue  # "طلبت بريطانيا عقد اجتماع": the meeting is what the request asks, not a report of one
            wish = irrealis_kind(text, hit, sentence.char_start)
            if wish in VOIDING_KINDS:
                continue  # "يريد هجوما مدمرا", "إمكانية سحب": an act wished for or possible, no report of one
            clause_start, clause_end = clause_bounds(text, lex, sentence, hit)
            if i + 1 < len(sentence_hits):
                clause_end = min(clause_end, sentence_hits[i + 1].char_start)
            if votes_on_a_bill(text, hit, clause_end):
                continue  # "وافق مجلس النواب على مشروع قانون": domestic law-making, no event between actors
            hit_pool = actor_pool(text, pool, speakers, hit.char_start, hit.char_end)
            antecedent = relative_antecedent(text, hit_pool, sentence.char_start, hit.char_start)
            patient = None
            if (
                antecedent is not None
                and hit.entry.pos == "verb"
                and carries_object(text, hit.char_start, hit.char_end)
            ):
                # "روسيا التي تتهمها أجهزة الاستخبارات": the pronoun on the verb is the antecedent, its object;
                # the subject comes after the verb.
                antecedent, patient = None, antecedent
            if antecedent is not None:
                clause_start = min(clause_start, antecedent.char_start)
            roles = assign_roles(
                text,
                hit.char_start,
                hit.char_end,
                hit.entry.pos,
                hit.entry.event_mode,
                clause_start,
                clause_end,
                hit_pool,
                hit.entry.event_type,
                antecedent or subject,
                hit.subject_suffix,
                hit.entry.trigger.split()[0],
            )
            if antecedent is not None and roles.actor1_id not in antecedent.entity_ids:
                roles = with_agent(roles, antecedent.entity_ids[0])
            if patient is not None and roles.actor1_id not in patient.entity_ids:
                roles = replace(roles, actor2_id=patient.entity_ids[0])
            own_country = speaker_country(text, pool, sentence.char_start, hit.char_start)
            if roles.actor1_id is None and own_country is not None:
                roles = with_agent(roles, own_country)
            accused = accused_agent(text, accusation[0], accusation[1], hit.char_start) if accusation else None
            if accused is not None and hit.entry.event_type != "ACCUSE":
                roles = with_agent(roles, accused)
            speaker = quote_speaker(quotes, hit)
            if speaker is not None and hit.entry.event_type in STATEMENT_TYPES and roles.actor1_id != speaker:
                roles = with_agent(roles, speaker)
            reporter = reported_subject(text, quotes, hit)
            if reporter is not None and roles.source == "guess":
                roles = with_agent(roles, reporter)  # "وأكد أنه يدعم …": he, the one who said it
            if hit.entry.pos == "verb" and (
                is_passive(text, hit)
                or (roles.source == "guess" and counted_patient(text, hit) and not name_right_before(text, pool, hit))
            ):
                # "اعتُقل الصحفي": no agent unless a by-phrase names it ("من قبل الشرطة", "على يد عناصر حزب الله"); the
                # one named after the verb is the one it was done to.
                by = by_phrase_agent(text, hit.char_end, clause_end, pool)
                agent = by.entity_ids[0] if by is not None and by.entity_ids[0] else None
                after_verb = {e for c in pool if c.char_start >= hit.char_end for e in c.entity_ids} - {agent}
                patient = next((a for a in (roles.actor1_id, roles.actor2_id) if a in after_verb), None)
                ordered = tuple(a for a in (agent, patient) if a)
                roles = Roles(agent, patient, roles.location_id, ordered, "by" if agent else "subject")
            elif hit.entry.event_type not in SYMMETRIC_TYPES and is_undergone(
                text, clause_start, hit.char_start, hit.char_end, hit.entry.pos == "verb"
            ):
                roles = undergone_roles(roles, pool, hit.char_end)  # "تعرضت فرنسا لهجمات": the subject is the target
            if hit.entry.pos == "noun":
                light_agent = relative_light_agent(text, hit.char_end, clause_end, pool)
                if light_agent is not None and light_agent != roles.actor1_id:
                    # "غارة شنتها طائرات التحالف": the coalition's; "العقوبات التي فرضتها واشنطن على موسكو"
                    roles = relative_clause_roles(text, roles, light_agent, hit.char_end, clause_end, pool)
                target = relative_object(text, hit.char_end, clause_end, pool)
                if target is not None and target == roles.actor1_id and roles.source not in ("nisba", "by"):
                    roles = as_target(roles, target)  # "الغارة التي استهدفت القيادي الحوثي صالح الصماد"
            roles = places_out_of_roles(roles, places)
            roles = with_object_nisba(text, hit, roles, pool, clause_end, mentions, entities)
            roles = with_counterpart_nisba(text, hit, roles, pool, clause_end, entities)
            rejection = rejected_by(found[-1] if found else None, sentence_hits[i - 1] if i else None, hit, text)
            if rejection is not None:
                near = in_noun_phrase(text, hit.char_end, pool, roles.actor2_id)
                roles = authored_roles(
                    roles, hit.entry.event_type, rejection.event.actor1_id, near
                )  # "ورفضت إسرائيل دعوات من الأمم المتحدة"
                found[-1] = answering(rejection, roles.actor1_id)
            if (
                hit.entry.event_mode == "visit"
                and hit.entry.pos == "verb"
                and not names_a_visitor(pool, roles.actor1_id)
                and not titled_subject(text, hit.char_end)
            ):
                continue  # "ووصلت قوات الجيش", "يصل الطفل إلى العرش": no one named arrives, so no visit
            if hit.entry.event_type == "ACCUSE" and hit.entry.pos != "noun":
                accusation = (hit.char_end, roles.actor2_id)
            # The last named agent carries on to later verbs that drop their subject ("ووصل الوزير …، ومن المقرر أن يلتقي").
            subject = (
                next((c for c in pool if roles.actor1_id in c.entity_ids), subject) if roles.actor1_id else subject
            )
            date = nearest_date(text, hit, sentence_hits, dates, lex, sentence.char_start, anchor, name_spans)
            status = event_status(text, hit, previous_end, lex, sentence.char_start)
            if governed_status is not None and status == "occurred":
                status = governed_status  # "هددت بشن هجوم": the threatened attack is hypothetical
            if wish in PLANNING_KINDS and status == "occurred":
                status = "planned"  # "مستعدة لتقديم قرض", "تعتزم الاستقالة": an act to come
            if status == "content":
                continue  # "بتهمة …", "بدعوى أنها تدعم …": the content of a charge, not a report of the act
            if status == "occurred" and any_of_a_kind(text, hit):
                continue  # "أي عملية عسكرية": a kind of act in a rule; a negated one keeps its status (لم يحدث أي اعتداء)
            if after_publication(date, anchor) and status == "occurred":
                status = "planned"
            date = planned_forward(date, anchor) if status == "planned" else date
            dated = date.value is not None
            if (
                date.value is None
                and story
                and status in ("occurred", "claimed")
                and (
                    (sentence.index == 0 and not background_clause(text, sentence, hit, lex))
                    or days_news(text, sentences, sentence, hit, lex, story, anchor)
                )
            ):
                date = EventDate(story, LEAD_PRECISION)  # the lead, or a later report, tells the day's news
            if retelling(text, sentence, hit, lex):
                retold.append(hit.char_start)
            poses.append(hit.entry.pos)
            if date.value is None and hit.entry.pos == "noun" and background_clause(text, sentence, hit, lex):
                background.append(hit.char_start)
            found.append(
                Report(
                    EventMention(
                        event_type=hit.entry.event_type,
                        event_mode=(weapon_mode(text, hit.char_end) if hit.entry.event_type == "ASSAULT" else None)
                        or hit.entry.event_mode,
                        actor1_id=roles.actor1_id,
                        actor2_id=roles.actor2_id,
                        location_id=roles.location_id,
                        event_date=date.value,
                        date_precision=date.precision,
                        status=status,
                        sentence_index=sentence.index,
                        char_start=hit.char_start,
                        char_end=hit.char_end,
                        evidence=text[sentence.char_start : sentence.char_end],
                        trigger=text[hit.char_start : hit.char_end],
                        contexts=contexts,
                        actor_ids=roles.actor_ids,
                    ),
                    roles.source,
                    hit.entry.pos == "noun" and is_reference(text, hit, candidates),
                    dated,
                )
            )
    found = with_lead_dates(with_reference_dates(found), frozenset(retold))
    nouns = frozenset(
        (r.event.char_start, r.event.char_end) for r, pos in zip(found, poses, strict=True) if pos == "noun"
    )
    events = with_told_actors(found, with_antecedent_actors(found), nouns, frozenset(background))
    return tuple(
        event for report, event in zip(found, events, strict=True) if keep_weak or countable(event, report.source)
    )


def with_told_actors(
    found: list[Report],
    events: list[EventMention],
    nouns: frozenset[tuple[int, int]],
    background: frozenset[int] = frozenset(),
) -> list[EventMention]:
    """An event noun its clause gives no one and no place for (``countable`` would drop it: "تشكل لقاء تاريخيا",
    "في ضربة اليوم", "إزاء لقائه المرتقب") names the article's last event of its type and kind told before it with a
    named agent: it takes that report's actors, and its date when its own text gives none, as a definite reference
    does (references.py), instead of being dropped. Not a verb (``nouns`` holds the noun triggers' spans): a verb
    with no subject named ("وحذر من مخاطر") has its own, a pronoun whose referent is not the last report's agent.
    A noun in a background clause (``background``: trigger offsets, dating.background_clause: "سبق أن شنت هجوما")
    takes the actors but not the day: it is an earlier act of theirs, not the one told."""
    result: list[EventMention] = []
    for i, (report, event) in enumerate(zip(found, events, strict=True)):
        if (event.char_start, event.char_end) in nouns and not countable(event, report.source):
            told = next(
                (
                    (earlier_report, earlier)
                    for earlier_report, earlier in zip(reversed(found[:i]), reversed(result), strict=True)
                    if earlier.event_type == event.event_type
                    and earlier.actor1_id is not None
                    and earlier_report.firm
                    and earlier.status != "negated"
                    and same_kind(earlier, event)
                ),
                None,
            )
            if told is not None:
                told_report, told_event = told
                event = replace(
                    event,
                    actor1_id=told_event.actor1_id,
                    actor2_id=told_event.actor2_id,
                    actor_ids=told_event.actor_ids,
                )
                if (
                    not report.dated
                    and told_report.dated
                    and event.status in ("occurred", "claimed")
                    and event.char_start not in background
                ):
                    event = replace(event, event_date=told_event.event_date, date_precision=told_event.date_precision)
        result.append(event)
    return result


def is_court(entity: Entity) -> bool:
    """A court ("محكمة الجنايات", "محكمة بالعاصمة الإثيوبية"): its rulings are no political event (the event audits'
    rule since round 1), so it is no event's actor; the act it tries keeps the parties the text names."""
    head = words(entity.name_ar, 0, len(entity.name_ar))[:1]
    return bool(head) and head[0].key in COURT_HEADS


def name_right_before(text: str, pool: list[ActorCandidate], hit: TriggerHit) -> bool:
    """A name stands right before the verb ("وروسيا قتلت 40 مسلحا"): its subject, SVO."""
    return any(c.char_end <= hit.char_start and gap_tokens(text, c.char_end, hit.char_start) == 0 for c in pool)


def countable(event: EventMention, source: str) -> bool:
    """A report that names neither who took part (not even by an unnamed subject noun: "قتلتهم الشرطة") nor where
    is dropped: about half of such reports in the event audits were no political event at all ("بالقتل الجماعي" in
    an essay, "هجمات إلكترونية" a product can launch), and an analyst can neither count nor place the rest. On the
    ANT v2.1 dev gold, with the article domains and places already in, dropping them moved event F1 from 0.460 to
    0.500 (type F1 0.713 -> 0.708); dropping every report without an actor, place or not, gave 0.517 but loses
    "clashes inside Daraa" and "killed in Syria", which the audits judged right."""
    return bool(event.actor1_id or event.actor2_id or event.location_id) or source == "unnamed"


def quote_speaker(quotes: tuple[Quote, ...], hit: TriggerHit) -> str | None:
    """The speaker of the quote whose cue is this trigger."""
    for quote in quotes:
        if quote.speaker_id and quote.cue_start is not None and quote.cue_end is not None:
            if quote.cue_start < hit.char_end and hit.char_start < quote.cue_end:
                return quote.speaker_id
    return None


def names_a_visitor(pool: list[ActorCandidate], actor1_id: str | None) -> bool:
    """A visit verb's agent is a named person or body, or officials named by a nisba ("وزار العديد من المسؤولين
    الماليين"); a state or city "arrives" only as a team does."""
    return (
        any(actor1_id in c.entity_ids and (c.entity_type in VISITOR_TYPES or c.is_adjectival) for c in pool)
        if actor1_id
        else False
    )


def titled_subject(text: str, verb_end: int) -> bool:
    """The verb's subject is a person named by title ("وصلت الوزيرة إلى العاصمة") or a delegation."""
    after = tokens(text, verb_end, min(len(text), verb_end + 40))[:1]
    return bool(after) and normalize(after[0].text) in VISITOR_TITLES


def with_agent(roles: Roles, agent: str) -> Roles:
    """The roles with ``agent`` as actor1; the former actor1 becomes actor2 when there was none."""
    second = roles.actor2_id if roles.actor2_id not in (None, agent) else roles.actor1_id
    second = None if second == agent else second
    ordered = (agent, *(a for a in roles.actor_ids if a != agent))
    return Roles(agent, second, roles.location_id, ordered, "speaker")


def as_target(roles: Roles, target: str) -> Roles:
    """The roles with ``target`` moved from actor1 to actor2: the clause names no agent."""
    ordered = (target, *(a for a in roles.actor_ids if a != target))
    return Roles(None, target, roles.location_id, ordered, "subject")


def clause_bounds(text: str, lex: EventLexicon, sentence: Sentence, hit: TriggerHit) -> tuple[int, int]:
    """The part of the sentence the trigger's roles are read from: up to the next clause break after it."""
    norm, origin = normalize_with_map(text[hit.char_end : sentence.char_end])
    brk = lex.clause_break.search(norm)
    if brk and hit.entry.pos == "verb" and not norm[: brk.start()].strip():
        # "واستهدفت، مقاتلات التحالف أيضا، مواقع": a comma right after a verb sets off its subject, no clause end
        brk = lex.clause_break.search(norm, brk.end())
    end = hit.char_end + origin[brk.start()] if brk else sentence.char_end
    norm_before, origin_before = normalize_with_map(text[sentence.char_start : hit.char_start])
    breaks = list(lex.clause_break.finditer(norm_before))
    start = sentence.char_start + origin_before[breaks[-1].end() - 1] + 1 if breaks else sentence.char_start
    # A quotation mark or a colon before the trigger separates a speaker from what they said:
    # "قال الخبير: «... الزيارة ...»" — the speaker is not the visit's actor.
    quote_marks = [m.end() for m in QUOTE_BOUNDARY.finditer(text, start, hit.char_start) if not is_quoted_name(text, m)]
    if quote_marks:
        start = quote_marks[-1]
    # "القاهرة، مصر (CNN)-- وصلت …": a dateline's place and outlet are not in the clause.
    datelines = [m.end() for m in DATELINE_MARK.finditer(text, start, hit.char_start)]
    if datelines:
        start = datelines[-1]
    # "قالت الوزارة إن الطائرات قصفت …": the reporting subject is not an actor of the reported event; the clause
    # starts after a bare complementiser. With a pronoun ("أعلنت النيجر أنها عزلت …") the speaker is the agent.
    bare = [m.end() for m in BARE_COMPLEMENTISER.finditer(text, start, hit.char_start)]
    if bare:
        start = bare[-1]
    return start, end


def event_status(
    text: str, hit: TriggerHit, previous_end: int, lex: EventLexicon, sentence_start: int | None = None
) -> str:
    """content when a charge or pretext names the act ("بتهمة", "بدعوى": the caller drops it); negated,
    hypothetical or claimed when a cue of event_cues.tsv stands just before the trigger ("لم", "عدم",
    "نفت … وقوع"; "إذا"; "اتهمت … بـ", "زعم") or claimed right after it ("المزعوم"); planned when a planned cue
    governs it ("من المقرر أن", "سيجري", "... المقبل"); else occurred."""
    # The cue may be the trigger before this one ("نفت … وقوع هجوم", "اتهمت … بشن هجوم"): look back from the sentence.
    start = previous_end if sentence_start is None else sentence_start
    window = tokens(text, max(start, hit.char_start - 80), hit.char_start)[-STATUS_WINDOW_TOKENS:]
    before = normalize_with_map(text[window[0].char_start : hit.char_start])[0] if window else ""
    for kind in ("content", "negated", "hypothetical", "claimed"):
        if before and lex.status_before[kind].search(before):
            return kind
    if lex.claimed_after.search(normalize_with_map(text[hit.char_end : hit.char_end + 30])[0]):
        return "claimed"
    if hit.future_prefix:
        return "planned"
    coordinated = list(NEW_CLAUSE.finditer(text, previous_end, hit.char_start))
    start = coordinated[-1].end() - 1 if coordinated else previous_end
    window = tokens(text, start, hit.char_start)[-PLANNED_WINDOW_TOKENS:]
    if window:
        before = normalize_with_map(text[window[0].char_start : hit.char_start])[0]
        if lex.planned_before.search(before):
            return "planned"
    after = normalize_with_map(text[hit.char_end : hit.char_end + 30])[0]
    return "planned" if lex.planned_after.search(after) else "occurred"


def event_contexts(sentence_text: str, lex: EventLexicon) -> tuple[str, ...]:
    """PLOVER-style context tags from the keywords of the event's sentence, sorted."""
    norm = normalize_with_map(sentence_text)[0]
    return tuple(
        sorted(
            {lex.contexts[m.group("kw")] for m in lex.context_pattern.finditer(norm) if m.group("kw") in lex.contexts}
        )
    )
