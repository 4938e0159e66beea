"""The arabic-name-romanizer boundary: Arabic names written in Latin letters, offline.

arabic-name-romanizer (MIT, UNICEF) ships everything it reads inside its wheel: an index of ~60k attested
spellings of name parts (Wikidata, CC0, and Algerian civil-registry corpora) and a 1.7M-parameter character
model as ONNX graphs for the parts nobody spelled; nothing is downloaded at run time. It was chosen over
arabnamer (a 40 MB XGBoost model that goes English -> Arabic and scores variants, not Arabic -> English) and
over character rules of our own (the package's own rule fallback reaches 0.10 exact on unseen name parts, its
model 0.42). Its data is Arab-world people; foreign names written in Arabic (بوتين، ماكرون) come out in Arabic
spelling habits, which is why the gazetteer's pairs go in as a user dictionary: whole names and, aligned by the
package, their parts ("فلاديمير" -> "Vladimir"), which it ranks before its own data.

Only this module imports arabic_name_romanizer.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from arabic_name_romanizer import Transliterator, UserDictionary
from arabic_name_romanizer.api import default_resources_dir
from arabic_name_romanizer.inference import OnnxModel
from rapidfuzz import fuzz

Romanizer = Transliterator  # what the other modules name, so that only this one imports the package

# The countries whose spelling habits the package has data for (its README's coverage table: the 22 Arab
# League states, Iran, Pakistan and Afghanistan), ISO 3166 alpha-3 -> the alpha-2 code it takes as a hint
# ("Gamal" in Egypt, "Jamal" in the Gulf; "Abdelkader" in the Maghreb). Other countries get no hint.
HINT_COUNTRIES = {
    "DZA": "DZ",
    "BHR": "BH",
    "COM": "KM",
    "DJI": "DJ",
    "EGY": "EG",
    "IRQ": "IQ",
    "JOR": "JO",
    "KWT": "KW",
    "LBN": "LB",
    "LBY": "LY",
    "MRT": "MR",
    "MAR": "MA",
    "OMN": "OM",
    "PSE": "PS",
    "QAT": "QA",
    "SAU": "SA",
    "SOM": "SO",
    "SDN": "SD",
    "SYR": "SY",
    "TUN": "TN",
    "ARE": "AE",
    "YEM": "YE",
    "IRN": "IR",
    "PAK": "PK",
    "AFG": "AF",
}


# The package's index also holds whole-name labels, and some are not spellings of the name's words ("رانيا العبد
# الله" -> "Rania de Jordanie", "إبراهيم العساف" -> "Ibrahim Abdulaziz Al-Assaf": a label with a middle name). A
# whole-name label is taken only when it has as many words as the spelling built from the parts and spells much
# the same letters; 0.7 keeps "Saad Hariri" for "Saad Al-Hariri" (0.88) and drops "Rania de Jordanie" (0.47).
SAME_NAME_AT = 70
CANDIDATES = 4  # the whole-name label and three spellings from the parts (the package ranks them)


def romanizer(pairs: Iterable[tuple[str, str, str | None]]) -> Romanizer:
    """A transliterator that knows these (Arabic, English, country alpha-3) pairs before its own data.

    The package learns name parts by pairing words in order, so only pairs whose words pair up teach it parts:
    "جان إيف لودريان" / "Jean-Yves Le Drian" has three words a side but would pair إيف with "Le".
    """
    rows = [
        (arabic, english, 1, HINT_COUNTRIES.get(country or "", ""))
        for arabic, english, country in pairs
        if len(arabic.split()) == len(english.split()) == len(latin_words(english))
    ]
    return Transliterator(
        user_dictionary=UserDictionary.from_pairs(rows),
        model=_model(default_resources_dir()),
        persian_model=_model(default_resources_dir() / "persian"),
    )


# The package runs its ONNX model on 2 threads (measured on a laptop); a name is a few dozen tiny decoder steps, and
# beside akhbar's worker processes the second thread only spins: on 200 transliterated person names of a bench run
# one thread took 2.6 CPU ms a name against 9.9 for two (wall 5.3 against 25 ms, machine loaded), same spellings.
ONNX_THREADS = 1


MODEL_FILES = ("encoder.onnx", "decoder.onnx", "vocab.json", "meta.json")  # what the package needs to load one


def _model(folder: Path) -> OnnxModel | None:
    complete = all((folder / name).exists() for name in MODEL_FILES)
    return OnnxModel(folder, intra_op_threads=ONNX_THREADS) if complete else None


# A hyphen after one of these joins the Arabic article to its word (Al-Sabah): one Arabic word, not two.
ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "ed", "er", "es", "et", "ez"})


def latin_words(name: str) -> list[str]:
    """The words of a Latin name as Arabic writes them apart: "Jean-Yves" is two, "Al-Sabah" one."""
    words = []
    for token in name.split():
        parts = token.split("-")
        merged = [parts[0]]
        for part in parts[1:]:
            if merged[-1].casefold() in ARTICLES:
                merged[-1] += "-" + part
            else:
                merged.append(part)
        words.extend(merged)
    return words


def best_spelling(candidates: Sequence) -> str:  # the package's Candidate objects, best first
    """The package's best candidate, unless it is a whole-name label that does not spell the name's parts."""
    first = candidates[0]
    if first.units or first.source == "user":
        return str(first.text)
    built = next((c for c in candidates if c.units), None)
    if built is None:
        return str(first.text)
    same_words = len(first.text.split()) == len(built.text.split())
    same_letters = fuzz.ratio(first.text.casefold(), built.text.casefold()) >= SAME_NAME_AT
    return str(first.text if same_words and same_letters else built.text)


def romanize(transliterator: Romanizer, names: Sequence[str], countries: Sequence[str | None]) -> list[str]:
    """The most likely Latin spelling of each name, with its country's habits where the package knows them.

    Each name goes through the model alone: in a batch, the package's candidates for a name change with the other
    names beside it ("المجلس العسكري" came out "Al-Majlas Al-Askari" alone, "Al-Megallas Al-Askari" next to
    "المجلس الانتقالي"), and a name must not depend on which articles happened to share its batch (the same files
    ingested at once or in parts give the same rows: tests/test_reprocess.py). Cached per (name, hint).
    """
    return [
        _spelling(transliterator, name, HINT_COUNTRIES.get(country or "")) for name, country in zip(names, countries)
    ]


@lru_cache(maxsize=65536)
def _spelling(transliterator: Romanizer, name: str, hint: str | None) -> str:
    candidates = transliterator.transliterate_many([name], top_k=CANDIDATES, country=hint)[0]
    return best_spelling(candidates) if candidates else name


def romanize_words(transliterator: Romanizer, name: str, country: str | None) -> str:
    """A name spelled word by word, each word through the model alone (cached): for names of bodies and places."""
    hint = HINT_COUNTRIES.get(country or "")
    return " ".join(_spelling(transliterator, word, hint) for word in name.split())
