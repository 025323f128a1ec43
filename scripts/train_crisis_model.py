"""Train the crisis model (dialogue_flows/crisis_model.json.gz) from the development set.

Usage: .venv/bin/python scripts/train_crisis_model.py
Reads tests/data/crisis_messages.tsv only (never the held-out set). TF-IDF over words,
word pairs and stems (`crisis_model.terms`), each occurrence counted on its own in the
norm (so the shipped scorer can add a message up word by word, see `crisis_model`), then
scikit-learn's logistic regression: one model for crisis or not (on terms scaled by how
unevenly they fall between the two, see NB_POWER), one for which concern. The model
records the SHA-256 of the set it learnt from, so a test notices when the set changed and
the model did not.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os

import numpy as np
import Stemmer
from scipy.sparse import csr_matrix, diags
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression

from dialogue_flows.crisis_concepts import STOP_WORDS
from dialogue_flows.crisis_model import DEV_SET, MODEL_FILE, terms

DEV = DEV_SET
C = 30.0
DIGITS = 3
SMALL_WORD_SCALE = 0.4
"""Small function words on their own or in pairs ("been", "igen", "ive been") are scaled
down by this, so the model must pay more to lean on them and leans on the pairs that
carry content ("been clean", "he hits") instead. Learnt at full weight they made "monday
after ive been to the chemist" a lapse and "Claire would be pleased, she's been nagging
me" suicide in cross-validation: the words of clean time and of goodbyes without their
content."""
NB_POWER = 0.0
"""Each term can be learnt scaled by how unevenly it falls between crisis and everyday
messages (the absolute log-count ratio, as in Wang and Manning's NBSVM), to this power;
its weight is then multiplied by the same scale, so the shipped model is read as before.
Off (0: every scale 1) for now. At 0.5, left out one writer at a time (`crisis_eval.py
--by-writer`), recall at a false-positive rate of 0.10 rose from 0.780 to 0.797, but it
pours weight onto pairs seen only in crisis rows ("be better" from "everyone would be
better off without me": "fridays would be better" went from 0.59 to 0.91, and
growcoach's own conversation tests met it as a false alarm). Try it again once the
development set has everyday rows with such words."""
CONCERN_FLOOR = 0.05
"""Weights this small barely move which concern is named: left out, the file is smaller."""


def load() -> tuple[list[str], np.ndarray, list[str]]:
    rows = [
        line.split("\t", 3)
        for line in DEV.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    texts = [row[3] for row in rows]
    crisis = np.array([row[0] == "crisis" for row in rows])
    return texts, crisis, [row[1] for row in rows]


def _small_word(term: str) -> bool:
    """A term made of small function words only, or their stems ("been", "s:been",
    "d:igen", "ive been", "would be"), or of single letters ("n" for "and", "u")."""
    words = term.partition(":")[2] if term[1:2] == ":" else term
    return all(word in _SMALL_STEMS or len(word) == 1 for word in words.split())


FILLERS = frozenset(
    {
        "ngl",
        "anyway",
        "anyways",
        "tbh",
        "idk",
        "ye",
        "yea",
        "yeah",
        "ok",
        "okay",
        "tho",
        "rn",
        "fr",
        "ig",
        "imo",
        "btw",
        "hmm",
        "um",
        "like",
        "just",
        "really",
        "honestly",
        "basically",
        "literally",
        "bit",
        "altsaa",
        "jo",
        "nok",
        "lige",
        "bare",
        "sgu",
    }
)
"""Fillers and text-speak that say how someone writes, not what: learnt at full weight,
the style of the writers whose rows were crisis made "bit of both ngl. allotment first i
think" suicide."""

_SMALL_STEMS = frozenset(STOP_WORDS) | FILLERS | {
    stem for word in STOP_WORDS for stem in (Stemmer.Stemmer("english").stemWord(word),
                                             Stemmer.Stemmer("danish").stemWord(word))
}  # fmt: skip


def weighted(counts: csr_matrix, idf: np.ndarray) -> csr_matrix:
    """x(term) = n·idf / sqrt(sum of n·idf²): TF-IDF whose norm adds up word by word."""
    norm = np.sqrt(np.asarray((counts @ diags(idf * idf)).sum(axis=1)).ravel())
    norm[norm == 0] = 1.0
    return csr_matrix(diags(1 / norm) @ counts @ diags(idf))


def uneven(counts: csr_matrix, crisis: np.ndarray) -> np.ndarray:
    """Per term: |log of its share among crisis messages over its share among everyday
    ones| (each counted once per message, plus one), to the power NB_POWER."""
    present = (counts > 0).astype(float)
    inside = np.asarray(present[crisis].sum(axis=0)).ravel() + 1
    outside = np.asarray(present[~crisis].sum(axis=0)).ravel() + 1
    ratio = np.log((inside / inside.sum()) / (outside / outside.sum()))
    return np.asarray(np.abs(ratio) ** NB_POWER)


def classifier() -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=5000, class_weight="balanced")


def train(texts: list[str], crisis: np.ndarray, categories: list[str]) -> dict[str, object]:
    """The model learnt from these messages (all of the development set, or part of it
    for cross-validation in `scripts/crisis_eval.py --cv`)."""
    vec = CountVectorizer(analyzer=terms)
    counts = vec.fit_transform(texts).astype(float)
    documents = np.asarray((counts > 0).sum(axis=0)).ravel()
    idf = np.log((1 + len(texts)) / (1 + documents)) + 1  # scikit-learn's smoothed idf
    idf *= [SMALL_WORD_SCALE if _small_word(term) else 1.0 for term in vec.get_feature_names_out()]
    matrix = weighted(counts, idf)
    scale = uneven(counts, crisis)
    binary = classifier().fit(matrix @ diags(scale), crisis)
    rows = np.flatnonzero(crisis)
    kinds = classifier().fit(matrix[rows], [categories[i] for i in rows])
    vocabulary = vec.get_feature_names_out()
    return {
        "idf": {t: round(float(v), DIGITS) for t, v in zip(vocabulary, idf, strict=True)},
        "weight": {
            t: round(float(w), DIGITS)
            for t, w in zip(vocabulary, binary.coef_[0] * scale, strict=True)
            if round(float(w), DIGITS)
        },
        "intercept": round(float(binary.intercept_[0]), DIGITS),
        "trained_on": hashlib.sha256(DEV.read_bytes()).hexdigest(),
        "concern_weights": {
            str(kind): {
                t: round(float(w), DIGITS)
                for t, w in zip(vocabulary, kinds.coef_[i], strict=True)
                if abs(w) >= CONCERN_FLOOR
            }
            for i, kind in enumerate(kinds.classes_)
        },
        "concern_intercepts": {
            str(kind): round(float(kinds.intercept_[i]), DIGITS)
            for i, kind in enumerate(kinds.classes_)
        },
    }


def main() -> None:
    text = json.dumps(train(*load()), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # mtime=0: the same model gives the same bytes, so git sees no change.
    # Written beside the model, then moved over it in one step: a bot or test reading the
    # model meanwhile sees the old one whole, never half a file (a tester's turn crashed).
    partial = MODEL_FILE.with_suffix(".partial")
    with open(partial, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as file:
        file.write(text.encode("utf-8"))
    os.replace(partial, MODEL_FILE)
    print(f"wrote {MODEL_FILE} ({MODEL_FILE.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
