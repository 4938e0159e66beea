"""Train the CRF name tagger (flows.nlp.entities.tagger) on Wojood's train split; report on val.

    .venv/bin/python flows/data/tagger/train_tagger.py [--wojood ../shared/gold/wojood-sample]

Deterministic: the same data gives the same model (L-BFGS, fixed parameters, sentences in file order).
Writes flows/data/tagger/wojood_crf.crfsuite. Wojood sample: SinaLab, MIT licence (see LICENCE.md here).
Labels are the outermost PERS/ORG/GPE/LOC span at each token (Wojood nests spans; a flat tagger takes the outer one).
"""

from __future__ import annotations

import argparse
import bisect
import sys
from pathlib import Path

import pycrfsuite

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))

from bench.quality.entities import WOJOOD, read_wojood  # noqa: E402
from flows.nlp.entities.extract import _without_overlaps, rule_candidates  # noqa: E402
from flows.nlp.entities.tagger import MODEL_NAME, OUTSIDE, rule_tags, sequence_features  # noqa: E402
from flows.nlp.entities.tokens import EntityText  # noqa: E402
from flows.nlp.text.arabic import split_sentences  # noqa: E402

# L1/L2 weights and iterations: the crfsuite defaults for NER tutorials, kept because val F1 moved less than
# 0.01 between c1 in {0.05, 0.1, 0.3}.
PARAMS = {"c1": 0.1, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}


def examples(path: Path):
    """(features, labels) per Wojood sentence, on the tokens the rules read."""
    for sentence in read_wojood(path):
        text_str = " ".join(sentence.tokens)
        starts, pos = [], 0
        for token in sentence.tokens:
            starts.append(pos)
            pos += len(token) + 1
        text = EntityText.build(text_str, split_sentences(text_str))
        if not text.toks:
            continue
        word_label = [OUTSIDE] * len(sentence.tokens)
        for kind, a, b in sorted(sentence.spans, key=lambda s: (s[1] - s[2], s[1])):
            if all(word_label[k] == OUTSIDE for k in range(a, b)):
                for k in range(a, b):
                    word_label[k] = ("B-" if k == a else "I-") + kind
        labels, last_word = [], None
        for tok in text.toks:
            word = bisect.bisect_right(starts, tok.char_start) - 1
            label = word_label[word]
            if label.startswith("B-") and word == last_word:
                label = "I-" + label[2:]  # the second piece of a word that starts a name
            labels.append(label)
            last_word = word
        candidates, _ = rule_candidates(text)
        yield sequence_features(text, rule_tags(text, _without_overlaps(candidates))), labels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wojood", type=Path, default=WOJOOD)
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name(MODEL_NAME))
    args = parser.parse_args(argv)
    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for features, labels in examples(args.wojood / "train.txt"):
        trainer.append(features, labels)
        count += 1
    trainer.set_params(PARAMS)
    trainer.train(str(args.out))
    print(f"trained on {count} sentences -> {args.out} ({args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
