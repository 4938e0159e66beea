"""The name tagger's features past its ±2 window (flows.nlp.entities.tagger.reach_features): a head word, or a
listed body's or place's word 3 to REACH words away in the same phrase, and quotation marks around a name."""

from __future__ import annotations

from flows.nlp.entities.tagger import REACH, TOKEN, reach_features


def _reach(text: str) -> dict[str, list[str]]:
    words = TOKEN.findall(text)
    return dict(zip(words, reach_features(words)))


def test_a_body_head_reaches_the_last_words_of_a_long_name() -> None:
    found = _reach("أعلن الاتحاد الرياضي للتضامن الإسلامي")
    assert "L:orghead" in found["الإسلامي"]  # الاتحاد four words back
    assert "L:orghead" not in found["الرياضي"]  # one word back: the window's own neighbour features see it


def test_a_place_head_reaches_the_end_of_a_long_place_name() -> None:
    found = _reach("وصلوا إلى مدينة سان خوسيه دل مونتي")
    assert "L:placehead" in found["دل"] and "L:placehead" in found["مونتي"]
    assert "R:placehead" not in found["وصلوا"]  # two words before the head: the window sees it


def test_titles_and_persons_reach_no_further_than_the_window() -> None:
    """Only bodies' and places' heads and names reach past ±2 (REACH_CLASSES): a title three words before a name
    gives it nothing here, which kept persons' marginals where the entity stage's gates were tuned."""
    found = _reach("رئيس الوزراء الإسرائيلي بنيامين نتنياهو")
    assert not any(f.endswith(("title", "person", "given", "nisbahead")) for row in found.values() for f in row)


def test_punctuation_and_stop_words_end_the_reach() -> None:
    assert "L:orghead" not in _reach("وزارة الخارجية ، وقالت مصادر أمس")["مصادر"]  # a comma between
    assert "L:orghead" not in _reach("وزارة الخارجية في بلدة صغيرة")["صغيرة"]  # في between
    assert "L:orghead" in _reach("وزارة الخارجية الأمريكية في بلدة")["في"]  # a stop word itself still sees back


def test_the_reach_stops_at_REACH_words() -> None:
    words = ["وكالة", *[f"كلمة{n}" for n in range(REACH + 2)]]
    rows = reach_features(words)
    assert "L:orghead" in rows[REACH] and "L:orghead" not in rows[REACH + 1]


def test_words_inside_quotation_marks() -> None:
    words = TOKEN.findall('صحيفة " نيويورك تايمز " و « لوموند » اليوم')
    inside = [w for w, row in zip(words, reach_features(words)) if "q=in" in row]
    assert inside == ["نيويورك", "تايمز", "لوموند"]
