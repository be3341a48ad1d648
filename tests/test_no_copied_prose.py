"""The project carries the sources' facts, never their sentences.

Compares 12-word shingles of every text file in the project against hashed fingerprints of
the source documents (tests/data/seed-fingerprints.bin). Names of things (the registry's names
of States, organizations and mechanisms, and long labels and titles) are facts, and lists of
them are not prose, so they are removed before comparing.
"""

import re
from array import array
from pathlib import Path

import pytest

from iscm_kg.loading import project_root
from iscm_kg.prose import copied_passages, shingle_hashes, words

ROOT = project_root()
TEXT_SUFFIXES = {".ttl", ".trig", ".py", ".md", ".rq", ".html", ".txt", ".csv", ".tsv", ".json", ".toml"}
SKIP_DIRS = {".venv", ".git", "dist", "node_modules", "__pycache__", ".pytest_cache"}


@pytest.fixture(scope="module")
def fingerprints() -> set[int]:
    arr = array("Q")
    arr.frombytes((ROOT / "tests" / "data" / "seed-fingerprints.bin").read_bytes())
    return set(arr)


@pytest.fixture(scope="module")
def names(engine) -> tuple[list[str], set[int]]:
    """Names of things (long ones included) and the hashes of their own shingles."""
    found = set()
    rows = engine.select("""
        SELECT ?name WHERE {
          { GRAPH <https://w3id.org/iscm/id/graph/registry> { ?thing skos:prefLabel|skos:altLabel ?name } }
          UNION { ?thing skos:prefLabel|skos:altLabel|dcterms:title ?name . FILTER(STRLEN(?name) > 40) }
        }""")
    found = {r["name"].value for r in rows if len(r["name"].value) >= 4}
    allowed: set[int] = set()
    for name in found:
        allowed |= shingle_hashes(name, sample=1)  # noqa: F821
    return sorted(found, key=len, reverse=True), allowed


def project_files():
    for path in sorted(ROOT.rglob("*")):
        if path == Path(__file__).resolve():
            continue  # holds the known passage that checks the check
        if path.is_file() and path.suffix in TEXT_SUFFIXES and not (set(path.relative_to(ROOT).parts) & SKIP_DIRS):
            yield path


def test_fingerprints_detect_copying(fingerprints):
    """The check itself works: a long passage known to be in the sources is detected."""
    sample = ("Each ISCM was requested to complete one questionnaire, with the replies coordinated "
              "between its chair and head of secretariat. One consolidated questionnaire was completed for each State")
    assert copied_passages(sample, fingerprints)


def test_no_file_copies_source_sentences(fingerprints, names):
    labels, allowed = names
    # Compare on normalised words, so names broken over lines or quoted in pieces still match.
    normalised = sorted({" ".join(words(n)) for n in labels if words(n)}, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in normalised) + r")\b")
    offenders = []
    for path in project_files():
        text = " ".join(words(path.read_text(encoding="utf-8", errors="ignore")))
        text = pattern.sub(" | ", text)
        for passage in copied_passages(text, fingerprints, allowed):
            offenders.append(f"{path.relative_to(ROOT)}: {passage}")
    assert offenders == [], "\n".join(offenders)
