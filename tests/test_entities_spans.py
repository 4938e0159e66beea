"""Where the stage's names start and stop, and which words are no names: corpus evidence and listed name words.
Sentences written for these tests."""

from __future__ import annotations

from flows.nlp.entities.extract import extract_entities
from flows.nlp.text.arabic import split_sentences
from flows.nlp.types import Document


def mentions(text: str) -> list[tuple[str, str]]:
    doc = Document("t", text, sentences=split_sentences(text))
    return [(m.surface, m.entity_type) for m in extract_entities(doc)[1]]


def test_a_listed_given_name_before_a_name_is_the_names() -> None:
    assert ("جان مارك فيدال", "PERSON") in mentions("أعلن رئيس اللجنة الأوروبية، جان مارك فيدال، أن الاتفاق قريب")


def test_a_word_the_corpus_mostly_writes_with_the_article_is_no_name() -> None:
    found = mentions("وقالت ناشطة إن الشرطة اعتقلتها")
    assert not any("ناشطة" in surface for surface, _ in found)


def test_a_surname_the_tagger_reads_as_a_place_is_the_person_named_in_full() -> None:
    found = mentions("أعلن محمد بخاري ترشحه. وقال مراقبون إن المنافسة مع بخاري في الشمال صعبة.")
    assert ("بخاري", "PERSON") in found
    assert ("بخاري", "GPE") not in found


def test_a_particle_written_with_its_hamza_is_no_edge_of_a_name() -> None:
    found = mentions("ووفقا للتقرير، فإن لغولن أتباعا في الجيش")
    assert ("غولن", "PERSON") in found
    assert not any("فإن" in surface for surface, _ in found)


def test_a_name_spelled_like_a_particle_without_its_hamza_stays() -> None:
    assert ("بان كي مون", "PERSON") in mentions("التقى بان كي مون بالرئيس")


def test_a_common_noun_with_a_places_nisba_is_a_description() -> None:
    found = mentions("وسقط صاروخ داخل الأراضي السورية قرب الحدود")
    assert not any("الأراضي" in surface for surface, _ in found)


def test_a_region_named_by_a_compass_adjective_stays() -> None:
    assert ("الضفة الغربية", "GPE") in mentions("واحتج السكان في الضفة الغربية على القرار")


def test_a_club_named_after_its_city_is_the_club_not_the_city() -> None:
    found = mentions("فاز ريال مدريد على أتلتيكو مدريد، وانتقل اللاعب إلى باريس سان جرمان.")
    assert ("ريال مدريد", "ORG") in found
    assert ("أتلتيكو مدريد", "ORG") in found
    assert ("باريس سان جرمان", "ORG") in found
    assert not any(kind == "GPE" for _, kind in found)


def test_the_city_outside_a_clubs_name_stays_the_city() -> None:
    assert ("مدريد", "GPE") in mentions("وصل الوزير إلى مدريد أمس في زيارة رسمية.")


def test_a_city_before_a_countrys_masculine_nisba_is_its_club_in_the_whole_article() -> None:
    found = mentions("فاز روما الإيطالي على ضيفه بثلاثة أهداف. وتأهل روما إلى الدور المقبل.")
    assert found.count(("روما", "ORG")) == 2
    assert ("روما", "GPE") not in found


def test_the_city_named_with_its_head_word_or_a_feminine_adjective_stays_the_city() -> None:
    found = mentions("فاز روما الإيطالي في المباراة التي أقيمت في مدينة روما الإيطالية.")
    assert ("روما", "ORG") in found
    assert ("روما", "GPE") in found


def test_a_city_before_a_direction_adjective_stays_the_city() -> None:
    assert ("دمشق", "GPE") in mentions("وقعت اشتباكات في ريف دمشق الغربي أمس.")


def test_a_word_in_waw_the_corpus_sees_as_a_word_of_its_own_keeps_its_first_letter() -> None:
    found = mentions("سجل الفرنسي وسام بن يدر هدفين، وزار الوفد شركات في وادي السيليكون.")
    assert ("وسام بن يدر", "PERSON") in found
    assert any(surface == "وادي السيليكون" for surface, _ in found)


def test_the_conjunction_before_a_name_in_a_list_stays_out_of_it() -> None:
    assert ("خيسوس نافاس", "PERSON") in mentions("وارتكب سارابيا 32 خطأ، وخيسوس نافاس 37 خطأ.")


def test_a_definite_body_said_to_be_someones_is_a_description() -> None:
    found = mentions(
        "وقد ناقشت الجمعية العمومية للاتحاد خلال اجتماعها المقترح. ونظرت المحكمة الاتحادية في نيويورك في القضية."
    )
    assert not any(surface in ("الجمعية العمومية", "المحكمة الاتحادية") for surface, _ in found)


def test_a_states_definite_body_stays_a_name() -> None:
    assert ("الحرس الرئاسي", "ORG") in mentions("وأعلن الحرس الرئاسي للنيجر التمرد.")


def test_two_pieces_of_one_unlisted_name_side_by_side_are_one_name() -> None:
    found = mentions("أعلن نادي سان اتيان الفرنسي لكرة القدم أنه تعاقد مع المهاجم")
    assert ("سان اتيان", "ORG") in found
    assert ("اتيان", "ORG") not in found


def test_a_name_cut_before_the_rest_of_its_longer_form_in_the_article_is_the_longer_name() -> None:
    found = mentions("تأهل فريق بوكا جونيورز إلى النهائي. وفاز بوكا جونيورز يوم الأحد. ويستعد بوكا جونيورز للكأس")
    assert found.count(("بوكا جونيورز", "ORG")) == 3
    assert ("بوكا", "ORG") not in found


def test_a_piece_after_a_preposition_is_not_joined_to_the_name_before_it() -> None:
    found = mentions("وقع الهجوم في منطقة العباسي بمديرية بيت الفقيه")
    assert not any("العباسي" in surface and "الفقيه" in surface for surface, _ in found)


def test_two_places_either_side_of_a_spaced_hyphen_stay_two() -> None:
    found = mentions("وصل الرئيس إلى بلدتي عقربا - كفر شمس صباح اليوم")
    assert ("عقربا", "GPE") in found


def test_one_word_the_corpus_often_writes_with_the_article_is_no_name_alone() -> None:
    # ليل "the night of": ANT v2.1 writes it الليل in 342 of its 1,003 occurrences.
    found = mentions("وقال الوزير إن المفاوضات ستستمر. و ليل الأحد توجهت رئيسة الوزراء إلى بروكسل")
    assert not any(surface == "ليل" for surface, _ in found)
    assert ("بروكسل", "GPE") in found


def test_one_word_of_a_given_name_cluster_stays_a_name() -> None:
    # كريم "generous" is written with the article in 102 of 428 occurrences, but the corpus uses it as a given name.
    assert ("كريم", "PERSON") in mentions("وقال كريم إنه سيعود غدا")


def test_a_word_the_corpus_writes_with_the_names_edge_word_is_part_of_the_name() -> None:
    # ANT v2.1: بصرى is followed by الشام in 22 of its 36 occurrences (flows/data/gazetteer/bound_words.tsv).
    found = mentions("واجتمع المبعوث الروسي بالقادة في مدينة بصرى الشام، واتفقوا على انسحاب المسلحين")
    assert ("بصرى الشام", "GPE") in found
    assert ("بصرى", "GPE") not in found


def test_the_bound_words_file_keeps_no_head_or_title_and_states_its_thresholds() -> None:
    from bench.quality import build_bound_words
    from flows.nlp.entities.base import non_name_words
    from flows.nlp.entities.joined import bound_words

    pairs = bound_words()
    assert ("نيجني", "نوفغورود") in pairs
    assert not any(a in non_name_words() or b in non_name_words() for a, b in pairs)
    assert build_bound_words.MIN_PAIR == 5 and build_bound_words.BOUND_SHARE == 0.6


def unnamed_cut(text: str, first: int, end: int) -> str:
    from flows.nlp.entities.tagged import _unnamed_edges_cut
    from flows.nlp.entities.tokens import EntityText

    entity_text = EntityText.build(text, split_sentences(text))
    a, b = _unnamed_edges_cut(entity_text, first, end)
    return " ".join(tok.norm for tok in entity_text.toks[a:b])


def test_a_verb_the_tagger_reads_in_no_name_across_the_corpus_is_cut_off_a_person() -> None:
    # وشارك، تعيين: in unnamed_words.tsv (the tagger reads them inside a person's name in at most 5 % of their
    # corpus occurrences)
    assert unnamed_cut("وشارك ديمبلي مع برشلونة", 0, 2) == "ديمبلي"
    assert unnamed_cut("وافق على تعيين هاسبل مديرة", 2, 4) == "هاسبل"
    assert unnamed_cut("وكان ديميتروف فاز بلقب البطولة", 1, 3) == "ديميتروف فاز"  # a last word is left
    assert unnamed_cut("وكان ديميتروف فاز بلقب البطولة", 2, 3) == ""  # a name of one unnamed word is none


def test_a_head_before_a_definite_word_and_a_family_name_in_nisba_stay() -> None:
    # صباح "morning" before الأحمد is the emir's given name; كندي "Canadian" after a given name is a family name
    assert unnamed_cut("وقال صباح الأحمد الصباح", 1, 4) == "صباح الاحمد الصباح"
    assert unnamed_cut("التقى جون كندي", 1, 3) == "جون كندي"


def test_a_given_name_spelled_like_a_verb_is_never_an_unnamed_word() -> None:
    from flows.nlp.entities.gazetteer import unnamed_words
    from flows.nlp.entities.tagger import gazetteer_words

    assert {"وشارك", "تعيين", "رشح"} <= unnamed_words()
    assert not {"زيد", "ريد", "ساري", "محمد"} & unnamed_words()  # the tagger reads them in names
    assert unnamed_cut("قال يزيد صايغ", 1, 3) == "يزيد صايغ" or "يزيد" in gazetteer_words()["given"]


def test_the_unnamed_words_file_states_its_census_and_keeps_its_thresholds() -> None:
    from flows.resources import data_text, read_tsv

    header = data_text("gazetteer", "unnamed_words.tsv").splitlines()[:3]
    assert any("build_unnamed_words" in line for line in header)
    rows = read_tsv("gazetteer", "unnamed_words.tsv")
    assert len(rows) > 1000
    assert all(int(r["count"]) >= 20 and int(r["in_person"]) <= 0.05 * int(r["count"]) for r in rows)


def test_a_name_right_after_a_titles_chain_keeps_its_first_word() -> None:
    # سلام "peace" is an unnamed word, but after a title's definite words it starts the name
    found = mentions("وقال رئيس الوزراء السابق سلام فياض إن الاقتصاد ضعيف")
    assert ("سلام فياض", "PERSON") in found
