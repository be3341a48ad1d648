"""The question -> pattern table of docs/modelling.md: every pattern is a catalogue query that
answers its question completely over the bundled data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from iscm_kg.catalogue import load_catalogue

ROOT = Path(__file__).resolve().parent.parent
ROW = re.compile(r"^\| (\d+) \| (.+?) \| `([a-z0-9-]+)`")


def table() -> list[tuple[int, str, str]]:
    text = (ROOT / "docs" / "modelling.md").read_text(encoding="utf-8")
    section = text.split("## One query pattern per question", 1)[1]
    return [(int(m[1]), m[2], m[3]) for line in section.splitlines() if (m := ROW.match(line))]


def rows(engine, name: str) -> list[dict[str, str]]:
    outcome = engine.query(load_catalogue()[name].text)
    names = [v.value for v in outcome.result.variables]
    return [{n: (r[n].value if r[n] is not None else None) for n in names} for r in outcome.result]


def test_table_has_twenty_questions_each_a_catalogue_query():
    entries = table()
    assert [n for n, _, _ in entries] == list(range(1, 21))
    assert {name for _, _, name in entries} <= set(load_catalogue())


# question number -> a check that the answer is complete, not only non-empty
CHECKS = {
    1: lambda r: {x["source"] for x in r} == {"review-2013", "overview-2017"} and len(r) == 79 + 27 + 79 + 28,
    2: lambda r: {x["basis"] for x in r} == {"expanded from a group"},
    3: lambda r: any(x["mechanismName"] == "EU-CELAC Structured and Comprehensive Bi-regional Dialogue on Migration"
                     and x["source"] == "overview-2017" and (x["listedNamed"], x["listedByExpansion"]) == ("33", "27")
                     for x in r),
    4: lambda r: {"scpf-2009", "overview-2017", "assessment-2019"} <= {x["source"] for x in r},
    5: lambda r: len(r) > 30,
    6: lambda r: len(r) > 30,
    7: lambda r: {("Colombo Process", "review-2013"), ("Almaty Process", "review-2013")}
    <= {(x["mechanismName"], x["source"]) for x in r},
    8: lambda r: any("initiation" in x["years"] for x in r) and len(r) >= 40,
    9: lambda r: len({x["mechanismName"] for x in r}) > 25,
    10: lambda r: len(r) > 10,
    11: lambda r: len(r) > 10,
    12: lambda r: len(r) > 5,
    13: lambda r: len(r) > 3,
    14: lambda r: {("2013-06-05", "overview-2017"), ("2013-06-06", "review-2013"), ("2014-11-21", "overview-2017"),
                   ("2015-09-22", "overview-2017"), ("2016-09-19", "overview-2017")}
    <= {(x["start"], x["source"]) for x in r},
    15: lambda r: len(r) > 20,
    16: lambda r: len(r) >= 3,
    17: lambda r: len(r) > 30,
    18: lambda r: len(r) > 10,
    19: lambda r: len(r) > 3,
    20: lambda r: {"founding year (yearEstablished / initiationDate)", "http://purl.org/dc/terms/date",
                   "https://w3id.org/iscm/ontology#startDate"} <= {x["property"] for x in r},
}


@pytest.mark.parametrize("number, question, name", table())
def test_pattern_answers_its_question(engine, number, question, name):
    answer = rows(engine, name)
    assert answer, question
    assert CHECKS[number](answer), (question, answer[:5])
