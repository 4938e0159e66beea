"""Which words a tagger's span may hold or start and end with: words that cannot be names as written (a preposition
with its alef maqsura, tanween, a particle with its hamza), common words by the lists and by the corpus counts, a
place's nisba, a people's plural, a pronoun enclitic (flows.nlp.entities.tagged uses them)."""

from __future__ import annotations

from collections import Counter
from functools import cache

from flows.nlp.entities.base import NAME_LINKS, TANWEEN, indefinite_adjective, non_name_words
from flows.nlp.entities.gazetteer import name_followers, nisba_heads, unnamed_words
from flows.nlp.entities.tagger import article_counts, clitic_stem, clusters, gazetteer_words, word_counts
from flows.nlp.entities.tokens import HAMZA_ALEFS, EntityText
from flows.nlp.text import analyse
from flows.nlp.text.arabic import normalize
from flows.nlp.text.morph import ARTICLE, CONJUNCTIONS, PARTICLES, PREPOSITIONS
from flows.resources import read_tsv

# Prepositions and particles spelled with a final alef maqsura; normalisation writes them like names (على/علي).
MAQSURA_PREPOSITIONS = frozenset(("على", "إلى", "الى", "لدى", "حتى", "متى", "سوى"))
# Endings of the sound masculine plural and the nisba plural (المصريون، المسلمين، الفلسطينيين); a definite word of one
# of these read as a person is a people, not a name. Not the bare ين, which ends names (الحسين، الأمين).
PLURAL_ENDINGS = ("ون", "يين")
# Pronoun enclitics that never end a person's name (المتحدث باسمها غاربا شيهو، حكومتهم): "her", "their" (ه alone
# is left out: normalised, it is also the ة of names such as أسامة).
PRONOUN_ENCLITICS = frozenset({"ها", "هما", "هم"})
# Personal pronouns among the text layer's particles: a name never holds one (مولر هو جمهوري "Mueller is a Republican").
BI = "ب"
# Not هي: it is also a Chinese given name (ليو هي, Liu He) as often as the news names him.
PERSONAL_PRONOUNS = PARTICLES & frozenset({"هو", "هم"})
# Endings of a relational adjective or a family name made like one, normalised (-ي، -ية).
RELATIONAL_ENDINGS = ("ي", "يه")
# The nisba ending, and what a place's name ends in where its nisba is made (ماليزي-ا، سوري-ا، فرنس-ا، إيران).
NISBA = "ي"
FEMININE = "ه"  # the ta marbuta, normalised
NISBA_PLACE_ENDINGS = ("", "ا", "يا")
# A word written without the article whose stem the corpus sees with the article in at least this share of its
# COMMON_MIN_COUNT or more occurrences is a common noun or adjective used indefinitely (ناشطة "an activist" 152 of
# 222 with the article, سويدية 194 of 224), not a name: names written bare are seldom written with the article
# (ترامب 0 of 13050, نيمار 0 of 1211, كلود 0 of 135, بخاري 3 of 49). Counts: ANT v2.1 (clusters.tsv).
COMMON_ARTICLE_SHARE = 0.5
# A name of one word is held to a lower bar: a word the corpus writes with the article in a tenth of its occurrences
# is a common word when it stands alone (ليل "the night of" 342 of 1,003, هاتريك "hat-trick" 14 of 120), while names
# stay under it (بخاري 3 of 49, فيفا's الفيفا is listed). Not a word of a given-name cluster (clusters.tsv's fine
# cluster, GIVEN_CLUSTER_SHARE of its words listed given names): كريم (102 of 428) is a name as often as "generous"
# (Wojood test: كريم alone three times); صادق shares that cluster and stays too. Seeds 26 and 27 (dev): 3 rows gone,
# all wrong; ANT v2.1 dev, NewsFANE and Wojood as before.
ONE_WORD_ARTICLE_SHARE = 0.1
GIVEN_CLUSTER_SHARE = 0.1
COMMON_MIN_COUNT = 50
# Clitic letters a particle may carry (و + ب: وبأن).
MAX_PARTICLE_CLITICS = 2


def place_nisba(text: EntityText, a: int, definite: bool = True, feminine: bool = False) -> bool:
    """A definite word in ي made from a listed place's name (الماليزي from ماليزيا, الفرنسي from فرنسا): the nisba
    of a title ("وزير الدفاع الماليزي"), not a person; a family name such as الحريري makes no place name. With
    ``definite`` False, the same word without the article (بنك ياباني "a Japanese bank"); with ``feminine``, its
    feminine too (اليمنية، normalised اليمنيه)."""
    word = text.toks[a].norm
    if feminine and word.endswith(NISBA + FEMININE):
        word = word[: -len(FEMININE)]
    if not (text.starts_with_article(a) == definite and word.endswith(NISBA)):
        return False
    base = word[len(ARTICLE) if definite else 0 : -len(NISBA)]
    places = gazetteer_words()["place"]
    return any(base + ending in places for ending in NISBA_PLACE_ENDINGS)


def plural_noun(text: EntityText, a: int) -> bool:
    """A definite word in a plural ending (المصريون، الفلسطينيين): people of a nation or a kind, not a person's
    name (ANT v2.1 guidelines: plural nationality nouns are not mentions; a group's name used as a noun is an ORG)."""
    word = text.toks[a].norm
    return text.starts_with_article(a) and word.endswith(PLURAL_ENDINGS)


def with_bi(text: EntityText, i: int) -> bool:
    """Token i carries the preposition ب before the article by the corpus counts (بالعمل، بالتصويت، بالسودان): a
    prepositional phrase, which a body's name does not hold (its name goes on by definite genitives, adjectives and
    ل-phrases: هيئة الأركان العامة للقوات المسلحة). "حزب العمال بالتصويت" (ANT v2.1 audit, seed 30) and "حزب العمال
    الحكومة بالعمل" (dev) ran on so."""
    prefix = clitic_stem(text.toks[i].norm)[1]
    return prefix.endswith(ARTICLE) and prefix.lstrip("".join(CONJUNCTIONS)).startswith(BI)


def with_pronoun(text: EntityText, i: int) -> bool:
    tok = text.toks[i]
    return analyse(text.body[tok.char_start : tok.char_end]).enclitic in PRONOUN_ENCLITICS


def not_a_name_word(text: EntityText, i: int) -> bool:
    """A preposition written with its alef maqsura, a word with tanween (روسياً، رسمياً: adverbs and indefinite
    accusatives, never names)."""
    tok = text.toks[i]
    written = text.body[tok.char_start : tok.char_end + 1]
    letters = "".join(ch for ch in written if ch.isalpha())
    return TANWEEN in written or letters in MAQSURA_PREPOSITIONS


def unnamed_word(text: EntityText, i: int) -> bool:
    """Token i, as written with its clitics, is a word the tagger reads inside a person's name in hardly any of its
    corpus occurrences (flows/data/gazetteer/unnamed_words.tsv: a verb or a verbal noun it ran on to a name in this
    sentence, "وشارك ديمبلي"، "رشح هاسبل"), written without the article, and no listed name holds it (a given name
    spelled like a verb stays)."""
    word = text.toks[i].norm
    if word not in unnamed_words() or clitic_stem(word)[1].endswith(ARTICLE):
        return False  # a definite word at a name's edge is as often a family name (الأحمر، عبد السلام)
    names = gazetteer_words()
    listed = names["given"] | names["person"]
    return (
        word not in listed and clitic_stem(word)[0] not in listed and not _particle_without_hamza(letters_of(text, i))
    )


def run_on_word(text: EntityText, i: int) -> bool:
    """Token i, after a person's first word, is where the name has stopped: a personal pronoun (مولر | هو جمهوري:
    the text layer's particles), a word the corpus writes right after listed persons' names in many articles and the
    tagger seldom reads inside one (gazetteer/name_followers.tsv: يقول، الانسحاب، السابق), or a definite word the tagger reads inside a person's name in hardly any of its
    corpus occurrences (gazetteer/unnamed_words.tsv: جيف سيسيز | التحقيق، رونالدو | الكبير، أبو معاذ | الصلب). A word
    of a listed name stays, and so do a definite word the census does not hold (the family names the tagger reads in
    names often: الصدر، الأسد), one in -ي or -ية (الحوثي، الشرقي: 600 ANT v2.1 articles, dev data, cut four such
    family names and no run-on), and one after a name particle (عبد الواحد)."""
    word = text.toks[i].norm
    stem, prefix = clitic_stem(word)
    names = gazetteer_words()
    if word in names["given"] | names["person"] or stem in names["given"] | names["person"]:
        return False
    if word in PERSONAL_PRONOUNS or word in name_followers():
        # a preposition or a verb governs the word after it: one that ends its phrase is a name spelled like it
        # (عادل إمام, the actor, at a clause's end; أمام "before" takes a noun)
        return i + 1 < len(text.toks) and text.joined(i + 1)
    return (
        word not in ordinals()  # عباس الأول، عبد الله الثاني: a monarch's ordinal is his name's
        and prefix.endswith(ARTICLE)
        and word in unnamed_words()
        and not word.endswith(RELATIONAL_ENDINGS)  # a family name in -ي (الحوثي، الشرقي) reads like a nisba
        and not (i > 0 and text.bare_stems(i - 1) & NAME_LINKS)  # عبد الواحد: a particle's word is the name's
    )


@cache
def ordinals() -> frozenset[str]:
    """The ordinals of one word, normalised (الأول، الثاني … العاشر): the date lexicon's ordinal days
    (flows/data/relative_dates.tsv), which also number monarchs after their name."""
    rows = read_tsv("relative_dates.tsv")
    return frozenset(
        normalize(r["expression"]) for r in rows if r["kind"] == "ordinal_day" and " " not in r["expression"]
    )


def _particle_without_hamza(letters: str) -> bool:
    """A word written like a particle with its hamza left off (بان، فان): the census counts the particle (بأن) and
    the name (بان كي مون) as one normalised word, so its share says nothing of the name."""
    return any(
        letters[k] == "ا" and hamza_particle(letters[:k] + hamza + letters[k + 1 :])
        for k in range(len(letters))
        for hamza in HAMZA_ALEFS
    )


def letters_of(text: EntityText, i: int) -> str:
    tok = text.toks[i]
    return "".join(ch for ch in text.body[tok.char_start : tok.char_end] if ch.isalpha())


def hamza_particle(letters: str) -> bool:
    """A particle that starts with a hamza alef (أن، إن، أو), alone or after a conjunction or a preposition (فإن،
    بأن، لأن، وأن). Normalised, these are written like name words (فان "Van", بان "Ban", وان "Wan"); as written, the
    hamza tells them apart."""
    for clitics in range(min(MAX_PARTICLE_CLITICS, len(letters)) + 1):
        head, base = letters[:clitics], letters[clitics:]
        if all(ch in CONJUNCTIONS or ch in PREPOSITIONS for ch in head) and base[:1] in HAMZA_ALEFS:
            if normalize(base) in PARTICLES:
                return True
    return False


def only_common_words(text: EntityText, a: int, b: int) -> bool:
    """A span of heads and function words only (الوزارة، حكومة، القضاء) is a description, not a name; so is a head
    followed by indefinite adjectives only (قناة تلفزيونية "a TV channel", شبكة لوجستية "a logistics network", بنك
    ياباني "a Japanese bank")."""
    common = non_name_words() | nisba_heads()
    if all(text.bare_stems(k) & common or common_by_counts(text, k) for k in range(a, b)):
        return True
    if b - a == 1 and one_common_word(text, a):
        return True
    return (
        bool(text.bare_stems(a) & common or common_by_counts(text, a))
        and b - a > 1
        and all(indefinite_adjective(text, k) or place_nisba(text, k, definite=False) for k in range(a + 1, b))
    )


def common_by_counts(text: EntityText, k: int, share: float = COMMON_ARTICLE_SHARE) -> bool:
    """Token k, written without the article, is a word the corpus mostly writes with it (COMMON_ARTICLE_SHARE): a
    common noun or adjective, not a name. A word of a listed name is never one."""
    if text.starts_with_article(k):
        return False
    stem = clitic_stem(text.toks[k].norm)[0]
    names = gazetteer_words()
    if stem in names["given"] or stem in names["person"] or stem in names["place"]:
        return False
    count = word_counts().get(stem, 0)
    return count >= COMMON_MIN_COUNT and article_counts().get(stem, 0) >= share * count


def one_common_word(text: EntityText, k: int) -> bool:
    """Token k, a name's only word, written bare (no article after its proclitics: بالبندقية is Venice), is a word
    the corpus writes with the article in ONE_WORD_ARTICLE_SHARE of its occurrences, outside a given-name cluster."""
    if clitic_stem(text.toks[k].norm)[1].endswith(ARTICLE):
        return False
    return common_by_counts(text, k, ONE_WORD_ARTICLE_SHARE) and not in_given_name_cluster(text, k)


def in_given_name_cluster(text: EntityText, k: int) -> bool:
    """Token k's stem stands in a word cluster where given names are common (GIVEN_CLUSTER_SHARE): the corpus uses
    it as it uses given names."""
    cluster = clusters().get(clitic_stem(text.toks[k].norm)[0])
    return cluster is not None and cluster[1] in given_name_clusters()


@cache
def given_name_clusters() -> frozenset[str]:
    """The fine clusters of clusters.tsv whose words are listed given names in GIVEN_CLUSTER_SHARE or more."""
    given = gazetteer_words()["given"]
    words: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for word, (_, fine) in clusters().items():
        words[fine] += 1
        names[fine] += word in given
    return frozenset(fine for fine, n in words.items() if names[fine] >= GIVEN_CLUSTER_SHARE * n)


def definite_description(text: EntityText, a: int, b: int) -> bool:
    """Two definite words, a common noun and the nisba of a listed place (الأراضي اليمنية "the Yemeni lands", from
    اليمن), both written with the article in most of their corpus occurrences (COMMON_ARTICLE_SHARE) and neither a
    word of a listed person's name: a description of a place, not its name. A compass adjective makes no place's
    nisba, so regions named by one stay (الضفة الغربية، المنطقة الشرقية); a listed place's whole name is the
    gazetteer's before the tagger's."""
    if b - a != 2 or not (text.starts_with_article(a) and text.starts_with_article(a + 1)):
        return False
    if not place_nisba(text, a + 1, feminine=True):
        return False
    names = gazetteer_words()
    for k in (a, a + 1):
        stem = clitic_stem(text.toks[k].norm)[0]
        if stem in names["given"] or stem in names["person"]:
            return False
        count = word_counts().get(stem, 0)
        if count < COMMON_MIN_COUNT or article_counts().get(stem, 0) < COMMON_ARTICLE_SHARE * count:
            return False
    return True
