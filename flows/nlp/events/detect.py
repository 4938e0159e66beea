"""PLOVER event detection: trigger lexicon -> EventMention with actors, place, resolved date, status and contexts.

One pass of the trigger regex over the normalised body finds every trigger; each becomes one EventMention whose
offsets are the trigger's span in ``body_text`` and whose evidence is its sentence. Dates come from
flows.dates.resolve.find_dates, resolved against the publication date; a date is never guessed: without one the
mention's date is null with precision "unknown". Cross-article linking happens later (flows/nlp/event_linking.py).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace

from flows.dates.resolve import find_dates
from flows.nlp.events.lexicon import Lexicon, Trigger, lexicon
from flows.nlp.events.roles import Candidate, assign_roles, resolve_groups
from flows.nlp.text.arabic import normalize_with_map, split_sentences, tokens
from flows.nlp.types import Document, Entity, EventMention, Mention, Sentence

# A planned cue ("من المقرر أن") counts within this many words before the trigger.
PLANNED_WINDOW_TOKENS = 14
WORD = re.compile(r"\w+")
# و + بال before a trigger's first letters: "وبالانسحاب".
MAX_PROCLITIC_LETTERS = 4
# A comma then a conjunction-prefixed word ("، ووصف") opens a new clause: a planned cue before it governs another verb.
NEW_CLAUSE = re.compile(r"[،,]\s*[وف]\w")
# Where a quotation opens: what follows is someone's words, not the reporting clause.
QUOTE_BOUNDARY = re.compile(r"[«“\":]")
# A straight-quoted stretch this short is a name (منظمة "إيكواس"), not someone's words.
QUOTED_NAME_CHARS = 25
# A date this close after a blocked one, joined by و, is the other end of the same range.
RANGE_JOIN_CHARS = 3
# "يصل إلى مليون": an arrival followed by a number is an amount reached, not a visit.
AMOUNT_AFTER = re.compile(r"\s*\d")
# Two triggers of one type this close ("تسليمها مساعدات") report one event: the second is dropped.
SAME_EVENT_GAP_TOKENS = 1


@dataclass(frozen=True, slots=True)
class TriggerHit:
    char_start: int
    char_end: int
    entry: Trigger
    future_prefix: bool  # the verb itself carries the future prefix س ("سيلتقي")


@dataclass(frozen=True, slots=True)
class EventDate:
    value: dt.date | None
    precision: str


UNKNOWN_DATE = EventDate(None, "unknown")


def detect_events(
    doc: Document, mentions: tuple[Mention, ...], entities: tuple[Entity, ...]
) -> tuple[EventMention, ...]:
    """Every event the document reports, one EventMention per trigger, in text order."""
    lex = lexicon()
    text = doc.body_text
    sentences = doc.sentences or split_sentences(text)
    hits = find_triggers(text, lex)
    if not hits:
        return ()
    starts = [s.char_start for s in sentences]
    by_sentence: dict[int, list[TriggerHit]] = {}
    for hit in hits:
        index = bisect.bisect_right(starts, hit.char_start) - 1
        if index >= 0 and hit.char_end <= sentences[index].char_end:
            by_sentence.setdefault(index, []).append(hit)
    anchor = doc.published_at.date() if doc.published_at else None
    candidates = [Candidate(m.char_start, m.char_end, (m.entity_id,), m.entity_type, m.is_adjectival) for m in mentions]
    found: list[EventMention] = []
    for index, sentence_hits in sorted(by_sentence.items()):
        sentence = sentences[index]
        next_sentence = sentences[index + 1] if index + 1 < len(sentences) else None
        dates = sentence_dates(text, sentence, anchor)
        if not usable(text, dates, lex) and next_sentence and continues(text, next_sentence, lex, by_sentence):
            dates = sentence_dates(text, next_sentence, anchor)
        groups = resolve_groups(text, lex, sentence.char_start, sentence.char_end, mentions)
        pool = [c for c in candidates if sentence.char_start <= c.char_start < sentence.char_end] + groups
        contexts = event_contexts(text[sentence.char_start : sentence.char_end], lex)
        subject = None
        for i, hit in enumerate(sentence_hits):
            previous_end = sentence_hits[i - 1].char_end if i else sentence.char_start
            clause_start, clause_end = clause_bounds(text, lex, sentence, hit)
            if i + 1 < len(sentence_hits):
                clause_end = min(clause_end, sentence_hits[i + 1].char_start)
            roles = assign_roles(
                text,
                hit.char_start,
                hit.char_end,
                hit.entry.pos,
                hit.entry.event_mode,
                clause_start,
                clause_end,
                pool,
                hit.entry.event_type,
                subject,
            )
            # The last named agent carries on to later verbs that drop their subject ("ووصل الوزير …، ومن المقرر أن يلتقي").
            subject = (
                next((c for c in pool if roles.actor1_id in c.entity_ids), subject) if roles.actor1_id else subject
            )
            date = nearest_date(text, hit, sentence_hits, dates, lex)
            found.append(
                EventMention(
                    event_type=hit.entry.event_type,
                    event_mode=hit.entry.event_mode,
                    actor1_id=roles.actor1_id,
                    actor2_id=roles.actor2_id,
                    location_id=roles.location_id,
                    event_date=date.value,
                    date_precision=date.precision,
                    status="planned" if after_publication(date, anchor) else event_status(text, hit, previous_end, lex),
                    sentence_index=sentence.index,
                    char_start=hit.char_start,
                    char_end=hit.char_end,
                    evidence=text[sentence.char_start : sentence.char_end],
                    trigger=text[hit.char_start : hit.char_end],
                    contexts=contexts,
                    actor_ids=roles.actor_ids,
                )
            )
    return tuple(found)


def find_triggers(text: str, lex: Lexicon) -> list[TriggerHit]:
    """Trigger spans in ``text`` (body offsets), adjacent repeats of one event type folded into the first."""
    norm, origin = normalize_with_map(text)
    hits: list[TriggerHit] = []
    scanned_to = 0
    # The trigger regex is one long alternation: try it only where a word starts with a trigger's first letters
    # (after up to three proclitic letters), not at every character — the same matches, a tenth of the time.
    for word in WORD.finditer(norm):
        if word.start() < scanned_to:
            continue
        letters = word.group()
        match = None
        for i in range(min(MAX_PROCLITIC_LETTERS + 1, len(letters))):
            pattern = lex.trigger_heads.get(letters[i : i + 2])
            found = pattern.match(norm, word.start()) if pattern else None
            # As in one alternation sorted longest first: the longest trigger wins.
            if found and (
                match is None
                or len(lex.triggers[str(found.lastgroup)].trigger) > len(lex.triggers[str(match.lastgroup)].trigger)
            ):
                match = found
        if match is None:
            continue
        scanned_to = match.end()
        name = str(match.lastgroup)  # every branch of the trigger patterns is a named group
        entry = lex.triggers[name]
        core_end = match.end(name)
        if "…" in entry.trigger:
            # A gapped trigger ("وصل … إلى") is reported by its head word; the words between may be its actors.
            core_end = match.start(name) + len(normalize_with_map(entry.trigger.split("…")[0].strip())[0])
        start, end = origin[match.start(name)], origin[core_end - 1] + 1
        prefix = norm[match.start() : match.start(name)]
        future = "س" in prefix and not normalize_with_map(entry.trigger)[0].startswith("س")
        if entry.event_mode == "visit" and entry.trigger.endswith("إلى") and AMOUNT_AFTER.match(norm, match.end()):
            continue
        if (
            hits
            and hits[-1].entry.event_type == entry.event_type
            and len(tokens(text, hits[-1].char_end, start)) <= SAME_EVENT_GAP_TOKENS
        ):
            continue
        hits.append(TriggerHit(start, end, entry, future))
    return hits


def clause_bounds(text: str, lex: Lexicon, sentence: Sentence, hit: TriggerHit) -> tuple[int, int]:
    """The part of the sentence the trigger's roles are read from: up to the next clause break after it."""
    norm, origin = normalize_with_map(text[hit.char_end : sentence.char_end])
    brk = lex.clause_break.search(norm)
    end = hit.char_end + origin[brk.start()] if brk else sentence.char_end
    norm_before, origin_before = normalize_with_map(text[sentence.char_start : hit.char_start])
    breaks = list(lex.clause_break.finditer(norm_before))
    start = sentence.char_start + origin_before[breaks[-1].end() - 1] + 1 if breaks else sentence.char_start
    # A quotation mark or a colon before the trigger separates a speaker from what they said:
    # "قال الخبير: «... الزيارة ...»" — the speaker is not the visit's actor.
    quote_marks = [m.end() for m in QUOTE_BOUNDARY.finditer(text, start, hit.char_start) if not is_quoted_name(text, m)]
    if quote_marks:
        start = quote_marks[-1]
    return start, end


def is_quoted_name(text: str, mark: re.Match[str]) -> bool:
    """A straight quote around a short name (منظمة "إيكواس") is not a quotation; the closing one neither."""
    if mark.group() != '"':
        return False
    after = text.find('"', mark.end())
    before = text.rfind('"', 0, mark.start())
    return (0 <= after - mark.end() <= QUOTED_NAME_CHARS) or (0 <= mark.start() - before - 1 <= QUOTED_NAME_CHARS)


def sentence_dates(text: str, sentence: Sentence, anchor: dt.date | None) -> list:
    """The sentence's dates (flows.dates.resolve.DateMention) with offsets shifted into body_text."""
    found = find_dates(text[sentence.char_start : sentence.char_end], anchor)
    return [
        replace(d, char_start=d.char_start + sentence.char_start, char_end=d.char_end + sentence.char_start)
        for d in found
    ]


def usable(text: str, dates: list, lex: Lexicon) -> list:
    """Dates that can be an event's date: resolved, and not "since …" or a range."""
    kept = []
    blocked_end = -1
    for d in dates:
        if d.value is None or d.precision == "unknown":
            continue
        before = normalize_with_map(text[max(0, d.char_start - 20) : d.char_start])[0]
        # The second end of a range ("بين عامي 2022 و2023") is blocked with the first.
        range_end = 0 <= d.char_start - blocked_end <= RANGE_JOIN_CHARS and "و" in text[blocked_end : d.char_start]
        if lex.date_blockers.search(before) or range_end:
            blocked_end = d.char_end
            continue
        kept.append(d)
    return kept


def continues(text: str, sentence: Sentence, lex: Lexicon, by_sentence: dict[int, list[TriggerHit]]) -> bool:
    """A sentence that opens with a continuation word and reports no event of its own carries on the previous one."""
    opening = normalize_with_map(text[sentence.char_start : sentence.char_start + 30])[0]
    return sentence.index not in by_sentence and bool(lex.continuation.search(opening))


def nearest_date(text: str, hit: TriggerHit, hits: list[TriggerHit], dates: list, lex: Lexicon) -> EventDate:
    """The usable date closest to the trigger in its sentence, or unknown.

    A date before the trigger (a fronted "في فبراير 2023، ...") scopes over every clause after it; a date after
    the trigger belongs to another trigger that stands between them. A trigger inside a time adjunct ("بعد طرد")
    takes only a date that follows it.
    """
    in_adjunct = bool(lex.adjunct.search(normalize_with_map(text[max(0, hit.char_start - 12) : hit.char_start])[0]))
    best = None
    for d in usable(text, dates, lex):
        if d.char_end <= hit.char_start:
            if in_adjunct:
                continue
            distance = hit.char_start - d.char_end
        else:
            if any(hit.char_end <= other.char_start and other.char_end <= d.char_start for other in hits):
                continue
            if any(not is_quoted_name(text, m) for m in QUOTE_BOUNDARY.finditer(text, hit.char_end, d.char_start)):
                continue  # a date inside someone's words ("... ما يقال لها اليوم") does not date the event outside
            distance = max(0, d.char_start - hit.char_end)
        if best is None or distance < best[0]:
            best = (distance, d)
    if best is None:
        return UNKNOWN_DATE
    return EventDate(best[1].value, best[1].precision)


def after_publication(date: EventDate, published: dt.date | None) -> bool:
    """An event dated after the article's own day had not happened yet when it was written."""
    if date.value is None or published is None:
        return False
    if date.precision == "day":
        return date.value > published
    if date.precision == "month":
        return (date.value.year, date.value.month) > (published.year, published.month)
    return date.precision == "year" and date.value.year > published.year


def event_status(text: str, hit: TriggerHit, previous_end: int, lex: Lexicon) -> str:
    """planned when a planned cue governs the trigger ("من المقرر أن", "سيجري", "... المقبل"), else occurred."""
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


def event_contexts(sentence_text: str, lex: Lexicon) -> tuple[str, ...]:
    """PLOVER-style context tags from the keywords of the event's sentence, sorted."""
    norm = normalize_with_map(sentence_text)[0]
    return tuple(
        sorted(
            {lex.contexts[m.group("kw")] for m in lex.context_pattern.finditer(norm) if m.group("kw") in lex.contexts}
        )
    )
