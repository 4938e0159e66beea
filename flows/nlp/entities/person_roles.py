"""A person's role as the article states it, next to the name: a title before the name, with or without a comma
("مستشار الأمن القومي جون بولتون", "نظيره الفرنسي، جان إيف لودريان"), or a role in apposition after it ("جون بولتون،
مستشار الأمن القومي"), with the nationality the role phrase gives (a nisba or a country named in it).

``ArticleRoles`` reads one article's roles once; ``holders`` answers "who does the article introduce as وزير with
nationality RUS?", which is how a role description ("الوزير الروسي") is resolved, here and in the quote stage: by role
word, nationality and complement agreeing, never by taking the nearest person.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Mapping, Sequence

from flows.nlp.entities.gazetteer import name_stopwords
from flows.nlp.entities.role_words import (
    COMMAS,
    COUNTERPART,
    HAMZA_ALEFS,
    MAX_TITLE_WORDS,
    ON_BEHALF,
    TITLE_BREAKS,
    TITLE_LINKS,
    RoleWord,
    offices,
    role_continuations,
    role_hamzas,
    role_head,
    role_word,
    time_words,
)
from flows.nlp.text.arabic import ARTICLE, normalized_tokens, proclitic_readings
from flows.nlp.types import Entity, Mention, Sentence


@dataclass(frozen=True, slots=True)
class AttachedRole:
    """A role phrase standing next to a person's name mention."""

    name: Mention
    start: int  # the role phrase, offsets into body_text
    end: int
    words: frozenset[str]  # role_head of every word of the phrase, and its role head: what a description must share
    countries: frozenset[str]  # ISO alpha-3 codes of the countries the phrase names (nisbas included)
    position: str  # "before" or "after" the name
    head: str = ""  # the role head of the phrase's first role word
    office: str = ""  # the word that makes the head another office ("رئيس الوزراء": وزراء), if one follows it


def countries_of(mentions: Iterable[Mention], entities: Mapping[str, Entity]) -> set[str]:
    """The countries some mentions name as places or by a nisba ("الرئيس الأميركي" -> USA)."""
    return {
        code for m in mentions
        if m.entity_type == "GPE" and (code := _country(entities, m.entity_id)) is not None
    }  # fmt: skip


def _country(entities: Mapping[str, Entity], entity_id: str) -> str | None:
    entity = entities.get(entity_id)
    return entity.country_code if entity is not None else None


class ArticleRoles:
    """One article's words and mentions as the role rules read them, and the roles attached to its people."""

    def __init__(
        self, body: str, sentences: Sequence[Sentence], mentions: Iterable[Mention], entities: Mapping[str, Entity]
    ) -> None:
        self.body = body
        _, self._origin, self.words = normalized_tokens(body)
        self._word_starts = [t.char_start for t in self.words]
        self._sentence_starts = [s.char_start for s in sentences]
        self.sentences = tuple(sentences)
        body_mentions = [m for m in mentions if m.part == "body" and m.mention_kind == "name"]
        self.mentions = tuple(sorted(body_mentions, key=lambda m: (m.char_start, -m.char_end)))
        self._mention_starts = [m.char_start for m in self.mentions]
        self.entities = entities
        self.names = tuple(m for m in self.mentions if m.entity_type == "PERSON" and not m.is_adjectival)
        self._name_at = {i: m for m in self.names for i in self.words_of(m.char_start, m.char_end)}
        self.attached = _with_counterparts(
            [role for name in self.names for role in self._roles_of(name)], self.sentence_index
        )

    # --- the article's words and mentions -------------------------------------------------------------------
    def word_range(self, start: int, end: int) -> range:
        """Indexes of the words that start in ``body[start:end]``."""
        return range(bisect.bisect_left(self._word_starts, start), bisect.bisect_left(self._word_starts, end))

    def words_of(self, start: int, end: int) -> range:
        """Indexes of the words ``body[start:end]`` touches: the first may start before it ("ونيكولاس" for a name
        that starts after its و)."""
        first = max(bisect.bisect_right(self._word_starts, start) - 1, 0)
        if first < len(self.words) and self.words[first].char_end <= start:
            first += 1
        return range(first, bisect.bisect_left(self._word_starts, end))

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self._mention_starts, start)
        return [m for m in self.mentions[lo:] if m.char_start < end and m.char_end <= end]

    def sentence_bounds(self, index: int) -> tuple[int, int]:
        at = bisect.bisect_right(self._sentence_starts, index) - 1
        if at < 0 or not self.sentences:
            return 0, len(self.body)
        return self.sentences[at].char_start, self.sentences[at].char_end

    def sentence_index(self, index: int) -> int:
        return max(bisect.bisect_right(self._sentence_starts, index) - 1, 0)

    def gap_before(self, i: int) -> str:
        start = self.words[i - 1].char_end if i > 0 else 0
        return self.body[start : self.words[i].char_start]

    def word_start(self, i: int, prefix: int) -> int:
        """Where word ``i`` starts once ``prefix`` normalised letters of proclitics are skipped; a ل + ال written لل
        keeps both letters ("للوزير"), as the article has no letter of its own."""
        word = self.words[i]
        if prefix and word.norm[prefix : prefix + 2] != ARTICLE and word.norm[prefix - 1 : prefix + 1] == "لل":
            prefix -= 1
        return self._origin[word.norm_start + prefix]

    def role_at(self, i: int) -> RoleWord | None:
        """The role word at word ``i``, when the text's hamza agrees with the role's spelling (not "أمام" for إمام)."""
        role = role_word(self.words[i].norm)
        if role is None:
            return None
        continuations = role_continuations().get(role.head)
        if continuations is not None and (i + 1 >= len(self.words) or self.words[i + 1].norm not in continuations):
            return None
        if role.head not in role_hamzas():
            return role
        word = self.words[i]
        at = self._origin[
            word.norm_start + role.prefix + (len(ARTICLE) if word.norm[role.prefix :].startswith(ARTICLE) else 0)
        ]
        letter = self.body[at : at + 1]
        return None if letter in HAMZA_ALEFS and letter not in role_hamzas()[role.head] else role

    def _mention_types_at(self, i: int) -> set[str]:
        word = self.words[i]
        return {m.entity_type for m in self.mentions_in(word.char_start, word.char_end + 1) if not m.is_adjectival}

    # --- roles next to a name -------------------------------------------------------------------------------
    def _roles_of(self, name: Mention) -> list[AttachedRole]:
        found = [self._title_before(name), self._apposition_after(name)]
        return [role for role in found if role is not None]

    def _title_before(self, name: Mention) -> AttachedRole | None:
        """ "وزير الخارجية الألماني، هايكو ماس", "مستشار الأمن القومي جون بولتون": the title phrase that ends at the
        name (a comma may stand before the name), from its first role word."""
        first = self.words_of(name.char_start, name.char_end).start
        # "وريكاردو تيكسيرا الرئيس السابق للاتحاد البرازيلي، ونيكولاس ليوز": a name after و opens a conjunct; the
        # title before it is someone else's.
        if first < len(self.words) and self.words[first].char_start < name.char_start:
            return None
        if first == 0 or self.body[self.words[first - 1].char_end : self.words[first].char_start].strip() not in (
            "",
            *COMMAS,
        ):
            return None
        floor, _ = self.sentence_bounds(name.char_start)
        start_word: int | None = None
        head: RoleWord | None = None
        i = first - 1
        # Back over the words a title is made of, across commas ("المتحدث باسم تحالف دعم الشرعية في اليمن، العقيد
        # الركن تركي المالكي"); the title starts at the first role word reached, and a role word after و starts a
        # conjunct of its own ("الرئيس الفرنسي والمستشارة الألمانية أنغيلا ميركل"). What lies before a comma is
        # the title only when something other than a name ends it: "أنور قرقاش، وزير الدولة …، رئيس وزراء قطر
        # عبدالله بن ناصر" gives Abdullah bin Nasser no more than "رئيس وزراء قطر".
        nearest: tuple[int | None, RoleWord | None] | None = None
        ended_by_word = False
        while i >= 0 and first - i <= MAX_TITLE_WORDS and self.words[i].char_start >= floor and i not in self._name_at:
            role = self.role_at(i)
            if role is not None:
                if role.conjoined:
                    # "والعضو الجديد في فريق الرئيس الأمريكي ترامب": the conjunct is another person's unless the
                    # name has no role word nearer than it.
                    if start_word is None:
                        start_word, head = i, role
                    ended_by_word = True
                    break
                start_word, head = i, role
            elif not self._in_title(i):
                ended_by_word = True
                break
            if i == 0 or any(ch in TITLE_BREAKS for ch in self.gap_before(i)):
                ended_by_word = True
                break
            if nearest is None and any(ch in COMMAS for ch in self.gap_before(i)):
                nearest = (start_word, head)
            i -= 1
        if nearest is not None and not ended_by_word:
            start_word, head = nearest
        if start_word is None or head is None:
            return None
        start = self.word_start(start_word, head.prefix)
        if self.speaks_for(start, name.char_start):
            return None  # "المتحدث باسم رئيسة الوزراء تيريزا ماي": the title speaks for the person, it is not theirs
        end = self.words[first - 1].char_end
        return self._role(name, start_word, first, start, end, head, "before")

    def _in_title(self, i: int) -> bool:
        """Word ``i`` may stand inside a title phrase: definite (الخارجية، للطاقة), a link (باسم، لدى), part of a
        named body or place, or the complement of a role word before it (وزير خارجية مالي)."""
        if self._definite_or_link(i):
            return True
        if i > 0 and not self.gap_before(i).strip() and self.role_at(i - 1) is not None:
            return self.words[i].norm not in name_stopwords()
        return self._in_construct(i)

    def _in_construct(self, i: int) -> bool:
        """An indefinite noun in construct with what follows ("تحالف دعم الشرعية"): nouns with no punctuation between,
        up to a definite word; never a function word."""
        for k in range(i, min(i + MAX_TITLE_WORDS, len(self.words) - 1)):
            if self.words[k].norm in name_stopwords() or self.gap_before(k + 1).strip():
                return False
            if self._definite_or_link(k + 1):
                return True
        return False

    def _definite_or_link(self, i: int) -> bool:
        return self.words[i].norm in TITLE_LINKS or self.is_definite(i)

    def is_definite(self, i: int) -> bool:
        """Word ``i`` is definite: it has the article (الخارجية، للطاقة) or is part of a named place or body; a
        weekday is a date, not part of a role."""
        norm = self.words[i].norm
        if norm in time_words():
            return False
        if any(r.has_article for r in proclitic_readings(norm)):
            return True
        return bool(self._mention_types_at(i) & {"ORG", "GPE", "LOC"})

    def _apposition_after(self, name: Mention) -> AttachedRole | None:
        """ "جون بولتون، مستشار الأمن القومي", "أفيغدور ليبرمان وزير الدفاع الإسرائيلي": a role right after the name,
        up to the next comma or the end of the sentence."""
        following = self.word_range(name.char_end, len(self.body))
        if not following or self.body[name.char_end : self.words[following.start].char_start].strip() not in (
            "",
            *COMMAS,
        ):
            return None
        first = following.start
        head = self.role_at(first)
        if head is None or head.conjoined:
            return None  # "الرئيس، ريوفين ريفلين، ونظيره البولندي": a second person, not Rivlin's role
        _, sentence_end = self.sentence_bounds(name.char_start)
        last = first + 1
        while last < min(len(self.words), first + MAX_TITLE_WORDS) and not any(
            ch in TITLE_BREAKS or ch in COMMAS for ch in self.gap_before(last)
        ):
            if self.words[last].char_start >= sentence_end:
                break
            if last in self._name_at:
                if self._name_at[last].char_start == self.words[last].char_start:
                    return None  # "عواد العواد وزيرة الثقافة الفرنسية فرانسواز نيسين": the next name's title
                break  # "المتحدث باسم الجيش الليبي الموالي لخليفة حفتر": a name inside the role
            # "مالك احمد خان المتحدث باسم حكومة البنجاب إن …": the role stops where its words stop, not at the comma.
            if self.role_at(last) is None and not self._in_title(last):
                break
            last += 1
        start = self.word_start(first, head.prefix)
        return self._role(name, first, last, start, self.words[last - 1].char_end, head, "after")

    def _role(
        self, name: Mention, lo: int, hi: int, start: int, end: int, head: RoleWord, position: str
    ) -> AttachedRole:
        words = frozenset(role_head(self.words[n].norm) for n in range(lo, hi)) | {head.head}
        countries = frozenset(countries_of(self.mentions_in(start, end), self.entities))
        following = role_head(self.words[lo + 1].norm) if lo + 1 < hi else ""
        office = following if following in offices().get(head.head, frozenset()) else ""
        return AttachedRole(name, start, end, words, countries, position, head.head, office)

    def speaks_for(self, title_start: int, person_start: int) -> bool:
        """A باسم between a title and a person with neither a body nor a comma after it: the title speaks for the
        person ("المتحدث باسم رئيسة الوزراء تيريزا ماي")."""
        between = self.word_range(title_start, person_start)
        at = next((n for n in between if self.words[n].norm == ON_BEHALF), None)
        if at is None:
            return False
        rest_start = self.words[at].char_end
        body = [m for m in self.mentions_in(rest_start, person_start) if m.entity_type == "ORG"]
        return not body and not any(ch in COMMAS for ch in self.body[rest_start:person_start])

    # --- who holds a role -----------------------------------------------------------------------------------
    def holders(self, head: str, countries: set[str], complement: frozenset[str] = frozenset()) -> list[Mention]:
        """The name mentions the article introduces with role ``head`` (normalised, no article), in text order: the
        nationality must agree (the person's country, else the countries their role phrase names), and a role with
        a complement ("رئيس مجلس النواب") needs one of its words (``complement``, as role_head gives them) in the
        holder's role too: "الرئيس الأميركي دونالد ترامب" does not hold it."""
        found: list[Mention] = []
        for role in self.attached:
            if head not in role.words or (complement and not complement & role.words):
                continue
            if role.head == head and role.office and role.office not in complement:
                continue  # "الرئيس" is not "رئيس الوزراء إدوار فيليب"
            if countries:
                own = _country(self.entities, role.name.entity_id)
                if not (own in countries if own is not None else role.countries & countries):
                    continue
            if role.name not in found:
                found.append(role.name)
        return sorted(found, key=lambda m: m.char_start)


def _with_counterparts(roles: list[AttachedRole], sentence_of: Callable[[int], int]) -> tuple[AttachedRole, ...]:
    """Each counterpart ("نظيره التركي") with the role words of the person named last before it in its sentence
    with a role of their own ("الرئيس اليوناني بروكوبيس بافلوبولوس"): the counterpart holds the same office."""
    out = []
    for role in roles:
        if role.head.startswith(COUNTERPART):
            sentence = sentence_of(role.start)
            own = [
                r for r in roles
                if r.name.char_start < role.start and r.name.entity_id != role.name.entity_id
                and not r.head.startswith(COUNTERPART) and sentence_of(r.start) == sentence
            ]  # fmt: skip
            if own:
                role = replace(role, words=role.words | own[-1].words)
        out.append(role)
    return tuple(out)


def choose_holder(holders: Sequence[Mention], at: int) -> Mention | None:
    """Of the persons holding a role, the one named last before ``at``; else the first one named after it."""
    before = [m for m in holders if m.char_end <= at]
    if before:
        return before[-1]
    return holders[0] if holders else None
