"""Which letters before a tagger's name are proclitics to leave out (و، ب، ل، ك), asked of the corpus counts
(flows.nlp.entities.tagged uses them)."""

from __future__ import annotations

from functools import cache

from flows.nlp.entities.base import non_name_words, proclitic_prefix
from flows.nlp.entities.tagger import clitic_stem, word_counts
from flows.nlp.entities.tokens import EntityText
from flows.nlp.text.morph import ARTICLE, CONJUNCTIONS, PARTICLES, PREPOSITIONS, segment

# The preposition ل with the article, normalised (للصحافيين، للتحقيق), and the kinds whose names never start or end
# with such a word (ANT v2.1 audit round 1, bench/quality/audits/entities_ant2_round1.tsv: "نويرت للصحافيين" and
# "للصحفيين" read as persons).
LIL = "لل"
KINDS_WITHOUT_LIL = frozenset({"PERSON", "GPE", "LOC"})
# The conjunction و, and و with the article: a name the corpus counts do not split (clitic_stem) that starts with
# وال and has at least MIN_BARE_AFTER_WA_AL letters after it is و + the article + a name ("الفوعة والزهراء"), while
# names spelled with وال have fewer (والتر، والاس، والش) (ANT v2.1 audit round 1: والزهراء، وكفريا).
WA = "و"
WA_AL = "وال"
MIN_BARE_AFTER_WA_AL = 3
# A first word seen this many times more often than its reading as a preposition + a word would explain is a word
# of its own (own_word); the words whose preposition rate is averaged are seen at least RATE_MIN_COUNT times.
OWN_WORD_FACTOR = 3
RATE_MIN_COUNT = 200
# The same for the conjunction و (own_word_after_wa): seen at least WA_MIN_COUNT times, and WA_FACTOR times more often
# than و before the rest would explain (و stands before 0.073 of a word's occurrences on average).
WA_FACTOR = 5
WA_MIN_COUNT = 50


def proclitic_letters(text: EntityText, a: int, kind: str) -> int:
    """Letters of proclitics to leave out of the span: و، ب، ل … ("وموسكو" -> "موسكو", "وقوات" -> "قوات"), never
    the article; an organisation's head word keeps its letters (وكالة)."""
    if kind == "ORG" and proclitic_prefix(text, a):
        return proclitic_prefix(text, a)
    word = text.toks[a].norm
    prefix = clitic_stem(word)[1]
    if not prefix and word.startswith(WA_AL) and len(word) - len(WA_AL) >= MIN_BARE_AFTER_WA_AL:
        return len(WA)  # a word the corpus does not know: و + the article + a name (والزهراء), not والتر
    letters = prefix[:-2] if prefix.endswith("ال") else prefix
    if not (word.startswith(prefix) or not prefix.endswith("ال")):
        return 0
    conjunction = letters[:1] if letters[:1] in CONJUNCTIONS else ""
    preposition = letters[len(conjunction) :][:1]
    if preposition in PREPOSITIONS and (
        not follows_a_preposition(word[len(letters) :])
        or (not prefix.endswith(ARTICLE) and own_word(word[len(conjunction) :], preposition, word[len(letters) :]))
    ):
        return len(conjunction)
    if conjunction == WA == letters and not prefix.endswith(ARTICLE) and own_word_after_wa(word):
        return 0
    return len(letters)


def own_word_after_wa(word: str) -> bool:
    """A word in و the corpus sees often, and far more often than the conjunction before the rest would explain: a
    word of its own (وسام 137 times where سام is seen 235 times, وادي 731 / ادي 1,555, ورود 97 / رود 101: وادي
    السيليكون was cut to ادي السيليكون, وسام بن يدر to سام بن يدر, ANT v2.1 audit seed 26). Names in lists take و
    more often than the mean word does (وخيسوس 8 / خيسوس 28, ويدعى 97 / يدعى 350), hence the larger factor and the
    floor on the count; both chosen on the mentions that changed in 1,500 random ANT v2.1 articles."""
    counts = word_counts()
    rest = word[len(WA) :]
    return counts.get(word, 0) >= WA_MIN_COUNT and counts.get(word, 0) > WA_FACTOR * preposition_rates()[
        WA
    ] * counts.get(rest, 0)


def own_word(word: str, preposition: str, rest: str) -> bool:
    """The corpus sees ``word`` far more often than a preposition (or the conjunction و) before ``rest`` would explain:
    it is a word of its own (كابل 80 times, where ك + ابل would explain 17; وسام 137, where و + سام would explain 17),
    not the clitic and ``rest`` (لترامب 331 times, where ل + ترامب would explain 548)."""
    counts = word_counts()
    return counts.get(word, 0) > OWN_WORD_FACTOR * preposition_rates()[preposition] * counts.get(rest, 0)


@cache
def preposition_rates() -> dict[str, float]:
    """How often each preposition, and the conjunction و, stands before a word, per occurrence of the word: the mean
    over the words the corpus counts RATE_MIN_COUNT times or more (ب 0.068, ل 0.042, ك 0.013, و 0.073 in ANT v2.1)."""
    counts = word_counts()
    frequent = [(w, n) for w, n in counts.items() if n >= RATE_MIN_COUNT and not w.startswith(ARTICLE)]
    return {p: sum(counts.get(p + w, 0) / n for w, n in frequent) / len(frequent) for p in (*PREPOSITIONS, WA)}


def follows_a_preposition(rest: str) -> bool:
    """A preposition (ب ك ل) takes a noun or a name, never a particle or a word that itself starts with a conjunction
    or a preposition: "وكولن" is و + كولن, not و + ك + ولن ("and will not"), though the corpus counts ولن often.
    Whether ``rest`` starts with a clitic is asked of the corpus counts (clitic_stem) the same way in turn: كولن is
    no ك + ولن either, so it is a name a preposition may take (ككولن: ك + كولن)."""
    if rest in PARTICLES or rest in non_name_words():
        return False
    clitics = leading_clitics(rest)
    if not clitics:
        return True
    split_holds = clitics[0] in CONJUNCTIONS or follows_a_preposition(rest[len(clitics) :])
    return not split_holds


def leading_clitics(word: str) -> str:
    """The conjunction and preposition letters a word starts with: by the corpus counts (clitic_stem: وموسكو), or
    و before a particle the counts cannot weigh, being too short to count (وفي، ولن). Not ف before one: normalised,
    فإن ("so that") is written like the name particle فان (Van: لفان مارفيك is ل + فان مارفيك)."""
    own = segment(word)
    if own.proclitics == WA and own.base in PARTICLES:
        return own.proclitics
    prefix = clitic_stem(word)[1]
    return prefix[: -len(ARTICLE)] if prefix.endswith(ARTICLE) else prefix


def lil_article(word: str) -> bool:
    """The word is ل + a word with the article, its alef dropped (للجيش، للسنغال), by the corpus counts; not ل + a
    word in ل (لليبيا)."""
    return word.startswith(LIL) and clitic_stem(word)[1].endswith(ARTICLE)
