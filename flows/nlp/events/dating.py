"""An event report's date: the usable date nearest its trigger in its sentence, resolved against the publication date.

Dates come from flows.dates.resolve.find_dates. Without one, a report of the day's news (the lead's, and a later
past-tense report that is no background: ``days_news``) takes the story's day (``story_day``); any other report's date
is unknown. A planned weekday moves forward, and a date after publication makes an occurred report planned (detect.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from flows.dates.lexicon import lexicon as date_words
from flows.dates.resolve import find_dates
from flows.nlp.events.agents import charge_start
from flows.nlp.events.clauses import QUOTE_BOUNDARY, is_quoted_name
from flows.nlp.events.lexicon import WORD_END, WORD_START, EventLexicon, alternation, phrase_regex
from flows.nlp.events.references import DEFINITE, Report, same_kind
from flows.nlp.events.triggers import TriggerHit
from flows.nlp.quotes.lexicon import speech_cues
from flows.nlp.text import words
from flows.nlp.text.arabic import normalize, normalize_with_map
from flows.nlp.text.forms import imperfect_only_forms
from flows.nlp.types import EventMention, Sentence
from flows.resources import read_tsv_tuples

# "منذ" right before a point in time ("منذ يناير/ كانون الثاني الماضي", "منذ 2015"; not a duration, whose span the
# date finder opens with منذ itself: "منذ 30 عاما"): when the act began, normalised.
SINCE = normalize("منذ")
# An elative (أفعل: الأكبر، أعلى، أدنى، أكثر) or the ordinal أول/الأولى before منذ measures the act against
# everything since ("الأولى منذ 2015", "لأول مرة منذ", "الأكبر منذ غزو العراق في عام 2003"): no start. The pattern of
# Arabic grammar, normalised (أ -> ا), with the article or a proclitic ل; a word whose ا is the article's is none
# ("التي", "الذي").
ELATIVE = re.compile(r"^[وف]?(?:ال|لل|ل)?(?!ال)(?:ا\w{3}|اول\w?)$")
# How far "منذ" may follow the trigger and still say when the trigger's act began: its complements between ("مواجهات
# مع الأكراد في عفرين منذ", four words); farther, another verb or participle has come between and منذ is its ("عملية
# عسكرية في درنة لتحريرها من قبضة تنظيمات إرهابية تسيطر عليها منذ 2011", "الحصار … المستمرة منذ 30 مارس": the
# 286 articles of date audits 81-86, dev). And how many words before the trigger an elative still compares it
# ("أكثر قائد متشدد أهمية يقتل منذ أغسطس 2016").
SINCE_GAP_TOKENS = 4
ELATIVE_REACH_TOKENS = 4
# A date this close after a blocked one, joined by و, is the other end of the same range.
RANGE_JOIN_CHARS = 3
# A week-relative date ("الأسبوع الماضي") stands for the shifted day and this many days either side of it.
WEEK_HALF_SPAN = 3
# How far before a weekday its clause's verb is looked for ("قد يعقد الخميس", "يزور الرئيس موسكو الخميس").
VERB_WINDOW_TOKENS = 5
# An imperfect verb: the 3rd person ي, with و/ف ("ويعقد", "قد يعقد"): a present-tense clause. A ت- or ن-initial
# word is not taken: perfect verbs of forms V and VI start with ت ("قد تحدث" is the pluperfect "had spoken").
IMPERFECT = re.compile(r"^[وف]?ي\w{2,}$")
# ي-initial nouns of time that IMPERFECT would take for verbs: "في يوم واحد من الاحتجاجات الاثنين" is past, and the
# months يناير/يونيو/يوليو (flows/data/months.tsv) name dates, not actions.
TIME_NOUN = re.compile(r"^[وف]?(?:يوم(?:ا|ي|ين|ان)?$|" + alternation(list(date_words().months)) + "$)")
# كان before it makes the clause past ("وكان يزور", "وكانت قد"): the forms of كان, normalised.
PAST_AUXILIARY = re.compile(r"^[وف]?كان(?:ت|وا|تا|ا)?$")
CLAUSE_PUNCTUATION = re.compile(r"[،,؛;.:]")
DAYS_IN_WEEK = 7
# Words that open a fronted time adjunct: "في عام 2016، …", "خلال العام 2016".
ADVERBIAL_OPENERS = frozenset({"في", "وفي", "خلال", "وخلال", "منذ"})
# A year at most this many words after its trigger is the trigger's own (its adjectives: "الانتخابات الرئاسية عام").
OWN_YEAR_GAP_TOKENS = 2
# A relative pronoun at most this many words after an action noun opens the noun's own relative clause (its adjectives
# between: "الاتفاق النووي الإيراني الذي").
OWN_RELATIVE_GAP_TOKENS = 3
# A date this few tokens from its sentence's start opens it ("عام 2016 شهد …").
OPENING_TOKENS = 1
# Reports that have happened: a reference of these takes the date of the event it refers to.
DATED_STATUSES = frozenset({"occurred", "claimed"})
# The sequence adverbs that name a day next to the clause's: غداة "the morrow of" (the event was the day before),
# عشية "the eve of" (the day after); normalised as the lexicon's adjunct cues (event_cues.tsv).
DAY_SHIFTS = {normalize("غداة"): -1, normalize("عشية"): 1}
# The lead's day is the story's when it lies at most this many days before publication (a weekday, أمس, اليوم).
STORY_DAY_REACH_DAYS = 7
# Words that make a clause background (flows/data/event_background.tsv: the pluperfect, adverbs of anteriority and
# of a past frame, a background paragraph's opener), whole words with a proclitic و/ف.
BACKGROUND_CUES = re.compile(
    rf"{WORD_START}[وف]?(?:{alternation([phrase_regex(c) for c, _ in read_tsv_tuples('event_background.tsv')])})"
    rf"{WORD_END}"
)
# A background cue among a sentence's first this many words opens it ("من ناحية أخرى،", "ومنذ ذلك الحين،").
OPENING_CUE_TOKENS = 3
# A relative pronoun before a verb in its clause puts it in a relative clause, about an earlier act or a lasting
# one ("الاتهامات التي وجهت له", "الجزائر هي التي تحتضن وتساند وتقدم"). The pronouns of clauses.py.
RELATIVES = frozenset(
    normalize(w) for w in ("الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي")
)
# Nouns before a relative pronoun that resume the clause before them ("، الأمر الذي دفع …"): no relative clause.
RESUMPTIVE_HEADS = frozenset(normalize(w) for w in ("الأمر", "والأمر", "وهو", "وهي", "الشيء"))
# The time adjuncts' cues (event_cues.tsv's adjunct: بعد، قبل، عقب، إثر، غداة، عشية) anywhere between a date and a
# trigger after it: the trigger is inside the adjunct, which places it before or after the main clause's day.
ADJUNCT_BETWEEN = re.compile(
    rf"{WORD_START}[وف]?(?:{alternation([phrase_regex(c) for k, c in read_tsv_tuples('event_cues.tsv') if k == 'adjunct'])})"
    rf"{WORD_END}"
)
# A saying's day before a complementiser counts as this much farther from a trigger in what was said than it is:
# a date inside the reported clause, when there is one, wins ("قال مصدر، الأحد، إن منفذ الهجوم … السبت"); else the
# saying's day still dates it ("قالت الوكالة، الأحد، إن الأسد زار مواقع": the judged audits read it so).
REPORTED_PENALTY = 10_000
# An action noun at most this many words after the statement verb that opens its clause is what the statement reports:
# the verb, a subject of up to two words and a preposition ("وأعرب ماكوي عن رفض").
GOVERNED_NOUN_TOKENS = 4
# The speech_cues.tsv classes whose verbs state what happened (not "according to" or "located").
STATED_CLASSES = frozenset({"speech", "statement"})
# Particles before a verb in the perfect that make it no past act: the future سوف and the negations لا، لن، لم، ما
# (a perfect after لا or ما is a wish or an oath's negation, "لا سمح الله"), with a proclitic و/ف.
NOT_PAST_PARTICLES = frozenset(p + w for p in ("", "و", "ف") for w in ("سوف", "لا", "لن", "لم", "ما"))
# A word the text layer reads with the future prefix س (flows.nlp.text.morph: "ستطبق", "سيزور", "وستعقد") is a
# verb when more than this many letters are left, or this many after ي: "سيشن" is one, "ستين" (sixty) is none.
FUTURE_MIN_BASE = 3
# A complementiser, with or without a pronoun ("إن", "أنها", "بأن"): what follows is someone's account.
COMPLEMENTISER = re.compile(r"(?<!\w)(?:ب?[أإا]نّ?(?:ه|ها|هم|هما|هن|ني|نا)?)(?!\w)")


@dataclass(frozen=True, slots=True)
class EventDate:
    value: dt.date | None
    precision: str


UNKNOWN_DATE = EventDate(None, "unknown")


def sentence_dates(text: str, sentence: Sentence, anchor: dt.date | None) -> list:
    """The sentence's dates (flows.dates.resolve.DateMention) with offsets shifted into body_text."""
    found = find_dates(text[sentence.char_start : sentence.char_end], anchor)
    return [
        replace(d, char_start=d.char_start + sentence.char_start, char_end=d.char_end + sentence.char_start)
        for d in found
    ]


def usable(text: str, dates: list, lex: EventLexicon, anchor: dt.date | None = None) -> list:
    """Dates that can be an event's date: resolved, and not "since …" or a range."""
    kept = []
    blocked_end = -1
    for d in (week_as_month(d, anchor) for d in dates):
        if d.value is None or d.precision == "unknown":
            continue
        before = normalize_with_map(text[max(0, d.char_start - 20) : d.char_start])[0]
        # The second end of a range ("بين عامي 2022 و2023") is blocked with the first.
        range_end = 0 <= d.char_start - blocked_end <= RANGE_JOIN_CHARS and "و" in text[blocked_end : d.char_start]
        # The date finder may take the blocker into its span: "منذ 30 عاما" is a duration, not a year.
        own_head = normalize(text[d.char_start : d.char_end].split(" ", 1)[0])
        if lex.date_blockers.search(before) or lex.date_blockers.search(own_head) or range_end:
            blocked_end = d.char_end
            continue
        kept.append(d)
    return kept


def week_as_month(d, anchor: dt.date | None):
    """ "الأسبوع الماضي" is a day of a week (flows.dates: the anchor moved by whole weeks, precision unknown). An event
    in that week is known to the month when the week (the day and WEEK_HALF_SPAN days either side) lies in one month:
    the Douma attack "الأسبوع الماضي" of an article of 14 April is an event of April. "هذا الأسبوع", "نهاية الأسبوع"
    (the anchor's own week) do not say on which side of the anchor the event fell, and stay unknown."""
    if d.value is None or d.precision != "unknown" or not d.relative or d.value == anchor:
        return d
    first, last = d.value - dt.timedelta(days=WEEK_HALF_SPAN), d.value + dt.timedelta(days=WEEK_HALF_SPAN)
    if (first.year, first.month) != (last.year, last.month):
        return d
    return replace(d, value=dt.date(d.value.year, d.value.month, 1), precision="month")


def continues(text: str, sentence: Sentence, lex: EventLexicon, by_sentence: dict[int, list[TriggerHit]]) -> bool:
    """A sentence that opens with a continuation word and reports no event of its own carries on the previous one."""
    opening = normalize_with_map(text[sentence.char_start : sentence.char_start + 30])[0]
    return sentence.index not in by_sentence and bool(lex.continuation.search(opening))


def nearest_date(
    text: str,
    hit: TriggerHit,
    hits: list[TriggerHit],
    dates: list,
    lex: EventLexicon,
    sentence_start: int = 0,
    anchor: dt.date | None = None,
    names: tuple[tuple[int, int], ...] = (),
) -> EventDate:
    """The usable date closest to the trigger in its sentence, or unknown.

    A date before the trigger (a fronted "في فبراير 2023، ...") scopes over every clause after it; a date after
    the trigger belongs to another trigger that stands between them. A trigger inside a time adjunct ("بعد طرد")
    takes only a date that follows it.
    """
    lead_in = normalize_with_map(text[max(0, hit.char_start - 12) : hit.char_start])[0]
    in_adjunct = bool(lex.adjunct.search(lead_in))
    best = None
    scope = own_scope(text, sentence_start, hit, lex)
    for d in usable(text, dates, lex, anchor) + since_points(text, hit, dates):
        outside = scope is not None and not (scope[0] <= d.char_start and d.char_end <= scope[1])
        if outside and not fronted(text, sentence_start, d):
            continue  # "اقتصاد كوريا الشمالية الذي أنهكته العقوبات" after "الجمعة": the vow's day, not the sanctions'
        if d.char_end <= hit.char_start:
            if in_adjunct:
                continue
            if d.precision == "year" and not d.relative and not adverbial(text, sentence_start, d.char_start):
                continue  # "بتدخل في الانتخابات العام 2016، … قمة هلسنكي": the elections' year, not the summit's
            if ADJUNCT_BETWEEN.search(normalize_with_map(text[d.char_end : hit.char_start])[0]):
                continue  # "قررت إغلاق سفارتها الإثنين وذلك إثر مقتل السفير في هجوم": the closure's day, not the attack's
            if parenthetical(text, sentence_start, d, hit):
                continue  # "رصد شريط فيديو، نشر الأحد، لحظة إطلاق الغواصة": the day the video was published
            reported = says(text, d.char_end, hit)
            if reported and not reported_past(text, hit, d.char_end):
                continue  # "تعهد بومبيو الأحد بأن … سوف تطبق العقوبات": the vow's day, not the sanctions'
            # "قال مصدر، الأحد، إن منفذ الهجوم في باريس، السبت، …": the saying's day yields to one in what was said
            distance = (hit.char_start - d.char_end) + (REPORTED_PENALTY if reported else 0)
        elif own_relative(text, hit, hits, d):
            # "الاتفاق النووي الذي تم التوصل إليه عام 2015", "الهجمات التي شنتها روسيا يوم 3 مارس": the noun's own
            # relative clause dates it, before any date of the main clause
            distance = -1
        else:
            if any(hit.char_end <= other.char_start and other.char_end <= d.char_start for other in hits):
                continue
            if any(not is_quoted_name(text, m) for m in QUOTE_BOUNDARY.finditer(text, hit.char_end, d.char_start)):
                continue  # a date inside someone's words ("... ما يقال لها اليوم") does not date the event outside
            if since_another_act(text, hit.char_end, d.char_start):
                continue  # "والأولى منذ فوزه بولاية ثانية في آذار/مارس": the win's month, not the visit's
            if d.precision == "year" and about_something_else(text, hit, d.char_start, lex):
                continue  # "قمة هلسنكي بشأن التدخل … العام 2016", "اتهامات بالتدخل … عام 2016": the topic's year
            if (
                d.precision == "year"
                and not d.relative
                and hit.entry.pos == "noun"
                and not own_year(text, hit.char_end, d.char_start)
            ):
                continue  # "القمة التي تأتي … منذ انهيار الاتحاد السوفيتي عام 1991": the collapse's year
            distance = max(0, d.char_start - hit.char_end)
        if best is None or distance < best[0]:
            best = (distance, d)
    if best is None:
        return next_day_date(text, hit, dates, lex, lead_in, anchor)
    chosen = best[1]
    if anchor and chosen.relative and present_tense(text, sentence_start, chosen.char_start, names):
        # "قد يعقد الخميس", "يزور الرئيس موسكو الخميس": a weekday in a present-tense clause is the coming one.
        ahead = find_dates(chosen.text, anchor, future=True)
        if len(ahead) == 1 and ahead[0].precision == "day" and ahead[0].value:
            # Only a weekday moves (within the coming week); a yearless "3 أبريل" stays the nearest.
            within_week = 0 <= (ahead[0].value - anchor).days < DAYS_IN_WEEK
            chosen = replace(chosen, value=ahead[0].value) if within_week else chosen
    return EventDate(chosen.value, chosen.precision)


def since_points(text: str, hit: TriggerHit, dates: list) -> list:
    """Dates right after "منذ" that follow the trigger in its clause: the point the act has gone on since
    ("وتخوض تركيا مواجهات مع الأكراد في عفرين منذ يناير/ كانون الثاني الماضي": the clashes began in January, as
    the ANT v2.1 dev2 annotator dates them). ``usable`` leaves them out, since "منذ" blocks a date as the trigger's
    own; a duration ("منذ 30 عاما", "منذ أيام": منذ inside the date's span) and a comparison ("الأولى منذ 2015",
    ``ELATIVE``) give no start, nor does a date across clause punctuation from the trigger or more than
    SINCE_GAP_TOKENS words after it."""
    found = []
    for d in dates:
        if d.value is None or d.precision == "unknown" or d.char_start < hit.char_end:
            continue
        before = text[hit.char_end : d.char_start].split()
        if not before or normalize(before[-1]) != SINCE or normalize(d.text.split(" ", 1)[0]) == SINCE:
            continue
        if len(before) - 1 > SINCE_GAP_TOKENS or CLAUSE_PUNCTUATION.search(text, hit.char_end, d.char_start):
            continue
        compared = text[max(0, hit.char_start - 80) : hit.char_start].split()[-ELATIVE_REACH_TOKENS:] + before[:-1]
        if any(ELATIVE.match(normalize(w)) for w in compared):
            continue
        found.append(d)
    return found


def since_another_act(text: str, trigger_end: int, date_start: int) -> bool:
    """ "منذ" between the trigger and a later date, not right before the date, opens a phrase about another act
    ("الأولى منذ فوزه بولاية رئاسية ثانية في آذار/مارس"): the date is that act's."""
    between = [normalize(w) for w in text[trigger_end:date_start].split()]
    return any(w in (SINCE, "و" + SINCE) for w in between[:-1])


def own_relative(text: str, hit: TriggerHit, hits: list[TriggerHit], d) -> bool:
    """A date after an action noun stands in the noun's own relative clause: a relative pronoun at most
    OWN_RELATIVE_GAP_TOKENS words after the noun (its adjectives between: "الاتفاق النووي الإيراني الذي"), no clause
    punctuation, background cue ("منذ انهيار … عام 1991" is another act's time) or other trigger between the
    pronoun's verb and the date. The clause tells when the act the noun names took place."""
    if hit.entry.pos != "noun":
        return False
    between = text[hit.char_end : d.char_start]
    if CLAUSE_PUNCTUATION.search(between) or BACKGROUND_CUES.search(normalize_with_map(between)[0]):
        return False
    tokens = list(re.finditer(r"\S+", between))
    opener = next((i for i, m in enumerate(tokens) if normalize(m.group()) in RELATIVES), None)
    if opener is None or opener > OWN_RELATIVE_GAP_TOKENS:
        return False
    verb_end = hit.char_end + tokens[opener + 1].end() if opener + 1 < len(tokens) else d.char_start
    return not any(verb_end <= other.char_start and other.char_end <= d.char_start for other in hits)


def own_scope(text: str, sentence_start: int, hit: TriggerHit, lex: EventLexicon) -> tuple[int, int] | None:
    """Where a date must stand to date a trigger told as background, or None when any date of its sentence may.
    A trigger inside a relative clause (a relative pronoun before it in its clause: "اقتصاد كوريا الذي أنهكته
    العقوبات", "والتي قضت … أثناء مشاركتها في القتال") tells an earlier or lasting act about a noun of the main
    clause: only a date from the pronoun to the clause's end dates it, not the main clause's ("تعهد بومبيو الجمعة أن
    …"). A clause with a background cue (event_background.tsv: "منذ", "في وقت سابق", "سابقا") places its act at
    another time than the sentence's: only a date from the cue, or from what was said ("قالت مالي الخميس إن …"), to
    the clause's end dates it. "الأمر الذي" and "وهو ما" resume the whole clause before them (a consequence, told as
    news) and open no relative clause. A fronted date (``fronted``) still scopes over all. A pluperfect ("، وكان
    السيسي قد وصل في زيارة") is left to the sentence's date: ANT v2.1 dev2 dates such a visit to the talks' day."""
    start = max(
        (m.end() for m in CLAUSE_PUNCTUATION.finditer(text, sentence_start, hit.char_start)), default=sentence_start
    )
    end = next((m.start() for m in CLAUSE_PUNCTUATION.finditer(text, hit.char_end)), len(text))
    relative = relative_start(text, start, hit, lex)
    if relative is not None:
        return relative, end
    norm = normalize_with_map(text[start:end])[0]
    if BACKGROUND_CUES.search(norm):
        # the background is what was said, or from its cue on: "قالت مالي الخميس إن روسيا شنت في وقت سابق هجوما"
        said = max((m.end() for m in COMPLEMENTISER.finditer(text, start, hit.char_start)), default=start)
        return max(said, cue_start(text, start, hit.char_start)), end
    return None


def cue_start(text: str, start: int, end: int) -> int:
    """Where the first background cue (event_background.tsv) between start and end begins, else start."""
    norm, origin = normalize_with_map(text[start:end])
    cue = BACKGROUND_CUES.search(norm)
    return start + origin[cue.start()] if cue else start


def fronted(text: str, sentence_start: int, d) -> bool:
    """The date opens its sentence, alone or after في/خلال ("في حزيران/يونيو المنصرم، أكد بومبيو دعمه للإيرانيين
    الذين يتظاهرون ضد حكومتهم التي اتهمها …"): a fronted adjunct scopes over every clause of the sentence, relative
    or background ones too."""
    return all(normalize(w) in ADVERBIAL_OPENERS for w in text[sentence_start : d.char_start].split())


def relative_start(text: str, clause_start: int, hit: TriggerHit, lex: EventLexicon) -> int | None:
    """Where the relative clause that holds the trigger opens: the last relative pronoun (with و/ف) before it in its
    clause; else None. None too when a resumptive head stands before the pronoun ("الأمر الذي", "وهو ما"), or a topic
    (event_cues.tsv: "حول", "بشأن") between the pronoun and the trigger: "الأنباء التي تداولتها وسائل إعلام حول
    استهداف إسرائيل للمطار" tells what the news is about, the day's strike, not an act of the relative clause."""
    before = list(re.finditer(r"\S+", text[clause_start : hit.char_start]))
    for i in range(len(before) - 1, -1, -1):
        word = normalize(before[i].group())
        if word in RELATIVES or (word[:1] in ("و", "ف") and word[1:] in RELATIVES):
            head = normalize(before[i - 1].group()) if i else ""
            opening = clause_start + before[i].start()
            if head in RESUMPTIVE_HEADS or lex.topic.search(normalize_with_map(text[opening : hit.char_start])[0]):
                return None
            return opening
    return None


def background_clause(text: str, sentence: Sentence, hit: TriggerHit, lex: EventLexicon) -> bool:
    """The trigger's clause is background (in_background) or the trigger stands in a relative clause (own_scope):
    the lead's undated reports there are no day's news either."""
    start, _ = date_clause(text, sentence, hit)
    return in_background(text, sentence, hit) or relative_start(text, start, hit, lex) is not None


def parenthetical(text: str, sentence_start: int, d, hit: TriggerHit) -> bool:
    """A date before the trigger in a clause set off by commas that holds words of its own ("، نشر الأحد،", "، التي
    وقعت السبت،"): the date is that clause's, an aside about something else. A date alone between commas ("أعلنت
    الوكالة، الأربعاء، مقتل"), after في/خلال/منذ ("، في فبراير 2023، قام بزيارته") or in the sentence's opening clause
    ("قال الرئيس الأحد، إن") still dates what follows.
    ANT v2.1 dev: "رصد شريط فيديو، نشر الأحد، لحظة إطلاق الغواصة …" had given the Saturday strikes the Sunday."""
    opening = max((m.end() for m in CLAUSE_PUNCTUATION.finditer(text, sentence_start, d.char_start)), default=None)
    closing = CLAUSE_PUNCTUATION.search(text, d.char_end, hit.char_start)
    if opening is None or closing is None:
        return False
    own_words = [w for w in text[opening : d.char_start].split() if normalize(w) not in ADVERBIAL_OPENERS]
    return bool(own_words)  # "، في فبراير 2023، قام لافروف بزيارته": a fronted adjunct, no aside


def says(text: str, date_end: int, hit: TriggerHit) -> bool:
    """A complementiser ("إن", "أن", "بأن") stands between a date and the trigger after it: the date is the day
    something was said, the trigger part of what was said."""
    return COMPLEMENTISER.search(text, date_end, hit.char_start) is not None


def reported_past(text: str, hit: TriggerHit, date_end: int) -> bool:
    """What was said, from its complementiser to the trigger, tells a past act the saying's day can date: "قالت
    الوكالة، الأحد، إن الأسد زار مواقع", "وقال الوزير الخميس إنه عقد محادثات" (a noun under a perfect verb), "قالت
    إنه يظهر ضربة التحالف" (a video's strike: what the verb before it does is no matter). It does not when the
    trigger is an imperfect ("لن تتراجع", "تهمة يلوح بها ترامب منذ أيام": refused or ongoing), told as days_news
    tells it (flows.nlp.text.forms.imperfect_only_forms: a form past and present alike, "تقدّم", is past), or when
    the future or a negation stands before it in what was said ("بأن الولايات المتحدة سوف تطبق العقوبات", "إن الجيش
    سيشن هجوما": vowed or planned, not done): the day is then the saying's, and the act has none the text gives.
    ANT v2.1 date audit re-runs (dev): seed 84 rows 23, 27 and 34 (a vow's, a refusal's and a call's day) turn right,
    seed 82 row 37 too (the 1953 coup now takes the day its sentence names for it); none turns wrong."""
    if hit.entry.pos == "verb":
        verb = words(text, hit.char_start, hit.char_end)[:1]
        if not verb or verb[0].key in imperfect_only_forms(hit.entry.trigger.split()[0]):
            return False
    start = max((m.end() for m in COMPLEMENTISER.finditer(text, date_end, hit.char_start)), default=date_end)
    return not any(w.analysis.norm in NOT_PAST_PARTICLES or future(w) for w in words(text, start, hit.char_start))


def future(word) -> bool:
    """A word (flows.nlp.text.morph.Word) that is a verb with the future prefix س ("ستطبق", "سيشن", "وسيزور")."""
    key = word.analysis.key
    if not word.analysis.proclitics.endswith("س"):
        return False
    return len(key) > FUTURE_MIN_BASE or (len(key) == FUTURE_MIN_BASE and key.startswith("ي"))


def next_day_date(text: str, hit: TriggerHit, dates: list, lex: EventLexicon, lead_in: str, anchor) -> EventDate:
    """An undated trigger right after غداة or عشية is a day from the clause's day: "الأربعاء، غداة اتهام …" was
    Tuesday (DAY_SHIFTS), the clause's day being the closest day before the trigger in its sentence."""
    shift = next((days for word, days in DAY_SHIFTS.items() if re.search(rf"(?<!\w)[وف]?{word}\s*$", lead_in)), 0)
    before = [
        d
        for d in usable(text, dates, lex, anchor)
        if d.char_end <= hit.char_start and d.precision == "day" and d.value is not None
    ]
    if not shift or not before:
        return UNKNOWN_DATE
    closest = max(before, key=lambda d: d.char_end)
    return EventDate(closest.value + dt.timedelta(days=shift), "day")


def adverbial(text: str, sentence_start: int, date_start: int) -> bool:
    """A year before the trigger scopes over it only as a fronted adjunct: opened by "في"/"خلال" or opening the
    sentence. Otherwise it follows a noun ("للحزب الديمقراطي عام 2016") and dates that noun."""
    before = text[sentence_start:date_start].split()
    return len(before) <= OPENING_TOKENS or normalize(before[-1]) in ADVERBIAL_OPENERS


def own_year(text: str, trigger_end: int, date_start: int) -> bool:
    """A year after an action noun is the noun's when it follows it closely ("قمة عام 2018", "الانتخابات الرئاسية
    عام 2016") or opens an adjunct ("… في عام 2016"); else it follows another noun and dates that."""
    between = text[trigger_end:date_start].split()
    return len(between) <= OWN_YEAR_GAP_TOKENS or normalize(between[-1]) in ADVERBIAL_OPENERS


def present_tense(text: str, sentence_start: int, date_start: int, names: tuple[tuple[int, int], ...] = ()) -> bool:
    """An imperfect verb stands among the VERB_WINDOW_TOKENS words before the date, not across a comma: news tells
    what is past in the perfect, so a weekday of a present-tense clause is the coming one. A word inside a name
    (``names``: the entity mentions' spans, "يوسف") is no verb."""
    start = max(sentence_start, date_start - 80)
    cut = max((m.end() for m in CLAUSE_PUNCTUATION.finditer(text, start, date_start)), default=start)
    words = [
        normalize(m.group())
        for m in re.finditer(r"\S+", text[cut:date_start])
        if not any(a <= cut + m.start() < b for a, b in names)
    ][-VERB_WINDOW_TOKENS:]
    if any(PAST_AUXILIARY.match(word) for word in words):
        return False
    return any(IMPERFECT.match(word) and not TIME_NOUN.match(word) for word in words)


def planned_forward(date: EventDate, published: dt.date | None) -> EventDate:
    """A planned event's weekday is the coming one: "سيزور موسكو الخميس" read as last Thursday moves a week on."""
    if date.value is None or published is None or date.precision != "day":
        return date
    days_back = (published - date.value).days
    return EventDate(date.value + dt.timedelta(days=7), "day") if 0 < days_back < 7 else date


def after_publication(date: EventDate, published: dt.date | None) -> bool:
    """An event dated after the article's own day had not happened yet when it was written."""
    if date.value is None or published is None:
        return False
    if date.precision == "day":
        return date.value > published
    if date.precision == "month":
        return (date.value.year, date.value.month) > (published.year, published.month)
    return date.precision == "year" and date.value.year > published.year


def about_something_else(text: str, hit: TriggerHit, date_start: int, lex: EventLexicon) -> bool:
    """Between the trigger and a later date opens a topic ("بشأن", "حول") or, for an accusation, its charge
    ("بالتدخل"): what follows is what the report is about, and a year there is that matter's."""
    between = normalize_with_map(text[hit.char_end : date_start])[0]
    if lex.topic.search(between):
        return True
    return hit.entry.event_type == "ACCUSE" and charge_start(text, hit.char_end, date_start) < date_start


def with_reference_dates(found: list[Report]) -> list[Report]:
    """A definite reference ("الاجتماع", "بعد الهجوم", "هذه الضربات") that its own text does not date, and that has
    happened, is the event the article told before it: it takes the date of the first earlier report of its type and
    kind whose own text dated it (the story's event, as a rule the lead's), unless the last report of its type before
    it is of another kind ("الهجوم الكيماوي" after the strikes: the text has moved on). Only a date the text gave is
    passed on: the lead's day's news (detect.py) is a reading, and an older strike the lead did not date (ANT v2.1
    dev: "الضربة" of 14 April in an article of the 15th) would take the wrong day. The reference's actors are
    references.with_antecedent_actors' matter, which wants a firm agent; a date does not: "منفذ الهجوم … السبت"
    names no agent and still dates "بعد الهجوم" of a later paragraph. ANT v2.1 dev date accuracy 0.738 -> 0.762."""
    result: list[Report] = []
    for report in found:
        event = report.event
        if report.reference and not report.dated and event.event_date is None and event.status in DATED_STATUSES:
            same_type = [r for r in result if r.event.event_type == event.event_type]
            told = next((r for r in same_type if r.dated and same_kind(r.event, event)), None)
            last = same_type[-1] if same_type else None
            if told is not None and last is not None and same_kind(last.event, told.event):
                dated = replace(event, event_date=told.event.event_date, date_precision=told.event.date_precision)
                report = replace(report, event=dated, dated=True)
        result.append(report)
    return result


def with_lead_dates(found: list[Report], retold: frozenset[int]) -> list[Report]:
    """A report after the lead that someone's words tell again (``retold``: the trigger offsets that ``retelling``
    finds: "وقال المالكي إن الميليشيات أطلقت صاروخين", "وأكد أن القوات شنت الهجوم"), that nothing in its own text
    dates, is the lead's event told again when the lead reports an event of its type and kind with a date, and no
    two agents part them (``same_party``): it takes that date. Its clause must give it its agent (Report.firm: a
    verb's subject, a light verb's before its noun): a bare noun ("ردا على إطلاق صواريخ", "الغارة") is a
    reference's matter (with_reference_dates), and an older strike is as often meant as the lead's."""
    lead = [
        r
        for r in found
        if r.event.sentence_index == 0 and r.event.event_date is not None and r.event.status in DATED_STATUSES
    ]
    if not lead:
        return found
    result: list[Report] = []
    for report in found:
        event = report.event
        if event.event_date is None and event.char_start in retold and report.firm and event.status in DATED_STATUSES:
            told = next(
                (
                    r.event
                    for r in lead
                    if r.event.event_type == event.event_type
                    and same_kind(r.event, event)
                    and same_party(r.event, event, agents_told(r.event, result))
                ),
                None,
            )
            if told is not None:
                dated = replace(event, event_date=told.event_date, date_precision=told.date_precision)
                report = replace(report, event=dated, dated=True)
        result.append(report)
    return result


def agents_told(lead: EventMention, earlier: list[Report]) -> frozenset[str]:
    """The lead's event's actors as the article tells them: the lead report's, and those of every earlier report of
    its type and kind whose clause gave its agent and whose own text dates it to the lead's day ("ووجهت الولايات
    المتحدة وبريطانيا وفرنسا، فجر السبت، ضربة" after a lead whose "الضربة" had its name from another clause)."""
    told = [
        r.event
        for r in earlier
        if r.firm
        and r.dated
        and r.event.event_type == lead.event_type
        and same_kind(r.event, lead)
        and (r.event.event_date, r.event.date_precision) == (lead.event_date, lead.date_precision)
    ]
    return actors_of(lead).union(*(actors_of(e) for e in told))


def same_party(lead: EventMention, retold: EventMention, lead_actors: frozenset[str]) -> bool:
    """The lead's event and its retelling can be one party's act: they name an actor in common (``lead_actors``:
    agents_told), or one of them names no agent, so that no two agents part them: "استهدف قصف صاروخي مواقع للنظام
    … مرجحا أن يكون ضربة إسرائيلية", "قتل موظف أربعة من زملائه … وقال إن مطلق الرصاص … أطلق النار". Two
    agents that differ part them ("شنت روسيا هجوما … وقال ديوب إن النيجر شنت هجوما"): another party's act."""
    if lead_actors & actors_of(retold):
        return True
    return lead.actor1_id is None or retold.actor1_id is None


def retelling(text: str, sentence: Sentence, hit: TriggerHit, lex: EventLexicon) -> bool:
    """A report after the lead in what someone said (a complementiser before it in its sentence: "وقال X إن …",
    "قائلة إنها …"), told as a past act of its own: not in a background or relative clause (background_clause:
    "سبق أن نفذت ضربات", "الذي أنهكته العقوبات") nor a time adjunct ("بعد إطلاق"), not imperfect or under the future
    or a negation (reported_past)."""
    if sentence.index == 0 or COMPLEMENTISER.search(text, sentence.char_start, hit.char_start) is None:
        return False
    lead_in = normalize_with_map(text[max(0, hit.char_start - 12) : hit.char_start])[0]
    if lex.adjunct.search(lead_in) or background_clause(text, sentence, hit, lex):
        return False
    return reported_past(text, hit, sentence.char_start)


def actors_of(event) -> frozenset[str]:
    """Every entity a report names as its actors."""
    return frozenset(a for a in (event.actor1_id, event.actor2_id, *event.actor_ids) if a)


def story_day(text: str, lead: Sentence | None, anchor: dt.date | None, lex: EventLexicon) -> dt.date | None:
    """The day the article's news happened: the lead's earliest usable day at most STORY_DAY_REACH_DAYS before
    publication ("قال الوزير الأربعاء", "أمس"), else the publication day. A lead about a planned or older event
    names a day outside the reach, and the publication day stands. The earliest, not the first: a lead that names two
    recent days names the event's and the day it was reported or published ("رصد شريط فيديو، نشر الأحد، … الضربة
    … فجر السبت": the story is Saturday's, ANT v2.1 dev, once the grammar read a bare الأحد)."""
    if anchor is None or lead is None:
        return anchor
    days = [
        d.value
        for d in usable(text, sentence_dates(text, lead, anchor), lex, anchor)
        if d.precision == "day" and d.value and 0 <= (anchor - d.value).days <= STORY_DAY_REACH_DAYS
    ]
    return min(days, default=anchor)


def days_news(
    text: str,
    sentences: Sequence[Sentence],
    sentence: Sentence,
    hit: TriggerHit,
    lex: EventLexicon,
    story: dt.date | None,
    anchor: dt.date | None,
) -> bool:
    """An undated report after the lead is the day's news when the text tells it as such: a verb in the perfect
    ("ودعت الخارجية", "اشتبك", "اتُهم"), in a main clause the text does not place elsewhere. It is background
    (no date) when it is a noun (an action noun names the event, its date is the clause's or a reference's:
    with_reference_dates), an imperfect ("ويتهم سكان", "وتتهم", "وينفي": habitual or general;
    a form that is past and present alike, "تقدّم", is read as the past), after كان or another
    background cue in its clause ("وكانت السلطات قد ألقت القبض", "سجلت في السابق"), in a relative clause ("التي وجهت
    له"), someone's account (after a complementiser or a quotation mark: "ويعتقد المسؤولون أن خاشقجي قتل"), or in a
    paragraph that an earlier date places at another time than the story's day (``other_time``) or that a background
    cue opens (``background_paragraph``). A clause with a time expression that dates nothing to the day ("هذا
    الأسبوع") keeps what it says: unknown."""
    if story is None or anchor is None:
        return False
    if hit.entry.pos == "verb":
        verb = words(text, hit.char_start, hit.char_end)[:1]
        if not verb or verb[0].key in imperfect_only_forms(hit.entry.trigger.split()[0]):
            return False
    elif hit.entry.pos != "noun" or not stated_news(text, sentence, hit):
        return False
    start, end = date_clause(text, sentence, hit)
    if in_background(text, sentence, hit) or background_paragraph(text, sentences, sentence):
        return False
    told = sentence_dates(text, Sentence(sentence.index, start, end), anchor)
    if any(d.precision == "unknown" for d in told) or any(
        not within(d, story) for d in usable(text, told, lex, anchor)
    ):
        return False  # a time the text gives that is not the story's day ("هذا الأسبوع", "عام 2016"): no more is known
    before = [normalize(w) for w in text[start : hit.char_start].split()]
    if any(w in RELATIVES for w in before):
        return False
    leading = text[sentence.char_start : hit.char_start]
    if COMPLEMENTISER.search(leading):
        return False
    if any(not is_quoted_name(text, m) for m in QUOTE_BOUNDARY.finditer(text, sentence.char_start, hit.char_start)):
        return False
    return not other_time(text, sentence, hit, lex, story, anchor)


def stated_news(text: str, sentence: Sentence, hit: TriggerHit) -> bool:
    """An indefinite action noun that a statement verb in the perfect, opening the noun's clause, reports: "وأكد
    التحالف مقتل 341 عنصرا", "وأعرب ماكوي عن رفض جوبا" (the statement's subject and a preposition between them, at
    most GOVERNED_NOUN_TOKENS words). What the statement tells is its news; a definite noun or one with a pronoun
    ("الهجوم", "اتفاقه") refers to an event told before, and with_reference_dates dates it."""
    start, _ = date_clause(text, sentence, hit)
    before = [normalize(w) for w in text[start : hit.char_start].split()]
    if not before or len(before) > GOVERNED_NOUN_TOKENS:
        return False
    noun = words(text, hit.char_start, hit.char_end)[:1]
    if not noun or noun[0].enclitic or DEFINITE.match(normalize(text[hit.char_start : hit.char_end])):
        return False
    first = before[0]
    forms = perfect_statement_forms()
    return first in forms or (first[:1] in ("و", "ف") and first[1:] in forms)


@cache
def perfect_statement_forms() -> frozenset[str]:
    """The perfect forms (normalised, no proclitic) of speech_cues.tsv's reporting and statement verbs: أكد، أعلن،
    أعرب، ذكر، أدان … (the quote stage's census-built lexicon); their imperfects ("يؤكد", "تؤكد") report no day."""
    found = set()
    for cue in speech_cues():
        if cue.pos != "verb" or cue.cue_class not in STATED_CLASSES:
            continue
        imperfect = imperfect_only_forms(cue.lemma)
        for form in cue.finite:
            present = IMPERFECT.match(form) or (form.startswith("ت") and "ي" + form[1:] in cue.finite)
            if form not in imperfect and not present:
                found.add(form)
    return frozenset(found)


def date_clause(text: str, sentence: Sentence, hit: TriggerHit) -> tuple[int, int]:
    """The trigger's clause for dating: its sentence between the punctuation marks around it."""
    start = max(
        (m.end() for m in CLAUSE_PUNCTUATION.finditer(text, sentence.char_start, hit.char_start)),
        default=sentence.char_start,
    )
    end = next(
        (m.start() for m in CLAUSE_PUNCTUATION.finditer(text, hit.char_end, sentence.char_end)), sentence.char_end
    )
    return start, end


def in_background(text: str, sentence: Sentence, hit: TriggerHit) -> bool:
    """The trigger's clause holds a background cue (event_background.tsv: "منذ أن انسحبت", "في وقت سابق") or كان
    before it ("وكانت السلطات قد ألقت القبض"): the lead's undated reports too are then no day's news."""
    start, end = date_clause(text, sentence, hit)
    if BACKGROUND_CUES.search(normalize_with_map(text[start:end])[0]):
        return True
    return any(PAST_AUXILIARY.match(normalize(w)) for w in text[start : hit.char_start].split())


def background_paragraph(text: str, sentences: Sequence[Sentence], sentence: Sentence) -> bool:
    """A sentence of the paragraph, up to this one, opens with a background cue ("ومنذ ذلك الحين، شكلت …", "من ناحية
    أخرى، فرض …"): what the paragraph tells from there is another time or matter."""
    paragraph_start = text.rfind("\n", 0, sentence.char_start) + 1
    for earlier in sentences[: sentence.index + 1]:
        if earlier.char_start < paragraph_start:
            continue
        opening = " ".join(text[earlier.char_start : earlier.char_end].split()[:OPENING_CUE_TOKENS])
        if BACKGROUND_CUES.search(normalize_with_map(opening)[0]):
            return True
    return False


def other_time(
    text: str, sentence: Sentence, hit: TriggerHit, lex: EventLexicon, story: dt.date, anchor: dt.date
) -> bool:
    """An earlier date of the trigger's paragraph that the story's day is not in ("وفي عام 2016 …. ثم اتهمت …"): the
    paragraph tells another time, and what it tells undated is of that time, not the day's news."""
    paragraph_start = text.rfind("\n", 0, sentence.char_start) + 1
    before = Sentence(sentence.index, paragraph_start, hit.char_start)
    return any(not within(d, story) for d in usable(text, sentence_dates(text, before, anchor), lex, anchor))


def within(d, story: dt.date) -> bool:
    """A date mention the story's day lies in: that day, its month ("هذا الشهر") or its year ("هذا العام"); a time
    that resolves to no precision ("هذا الأسبوع", "مؤخرا") is not known to hold it."""
    if d.value is None or d.precision == "unknown":
        return False
    if d.precision == "day":
        return d.value == story
    if d.precision == "month":
        return (d.value.year, d.value.month) == (story.year, story.month)
    return d.value.year == story.year
