"""Rough edges a new user met (issue 18), through the CLI and the Flask test client; each test failed
before its fix. The ones that need a real server are in tests/test_rough_edges_live.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from iscm_kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "tests" / "contributions" / "valid" / "new-mechanism.ttl"
SELECT = "SELECT ?s WHERE { ?s a <https://w3id.org/iscm/ontology#State> } LIMIT 3"
CONSTRUCT = "CONSTRUCT WHERE { ?s a <https://w3id.org/iscm/ontology#State> } LIMIT 3"


# -- iscm-kg query -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query,fmt,says", [
    (SELECT, "turtle", "--format turtle cannot write a table of results (SELECT or ASK); use one of: json, xml, csv, tsv"),
    (CONSTRUCT, "json", "--format json cannot write a graph (CONSTRUCT or DESCRIBE); use one of: turtle, ntriples"),
    (CONSTRUCT, "tsv", "--format tsv cannot write a graph"),
], ids=["turtle for a SELECT", "json for a CONSTRUCT", "tsv for a CONSTRUCT"])
def test_query_refuses_a_format_of_the_other_kind(runner, query, fmt, says):
    result = runner.invoke(main, ["query", query, "--format", fmt])
    assert result.exit_code == 2
    assert says in result.output
    assert "http" not in result.output  # nothing was printed in another format


def test_query_writes_each_kind_in_its_default_and_chosen_formats(runner):
    rows = runner.invoke(main, ["query", SELECT])
    assert rows.exit_code == 0 and rows.output.splitlines()[0] == "?s" and len(rows.output.splitlines()) == 4
    graph = runner.invoke(main, ["query", CONSTRUCT])
    assert graph.exit_code == 0 and len(list(ox.parse(graph.output.encode(), format=ox.RdfFormat.TURTLE))) == 3
    jsonld = runner.invoke(main, ["query", CONSTRUCT, "--format", "jsonld"])
    assert jsonld.exit_code == 0 and len(list(ox.parse(jsonld.output.encode(), format=ox.RdfFormat.JSON_LD))) == 3


@pytest.mark.parametrize("update", ["INSERT DATA { <urn:a> <urn:b> <urn:c> }", "PREFIX ex: <urn:> DELETE WHERE { ?s ?p ?o }",
                                    "DROP ALL"])
def test_query_says_an_update_is_refused_because_the_graph_is_read_only(runner, update):
    result = runner.invoke(main, ["query", update])
    assert result.exit_code == 2
    assert "The graph is read-only: SPARQL Update is not accepted." in result.output
    assert "CONSTRUCT" not in result.output


@pytest.mark.parametrize("query,says", [
    ("SELECT * WHERE { ?s ?p", "syntax error at line 1, column 23 (the query ends there): expected one of"),
    ("SELECT ?x WHERE {\n  ?x <urn:p> ?y .\n  FILTER(?y = ) }", "syntax error at line 3, column"),
    ("SELEC * WHERE { ?s ?p ?o }", "a query starts with SELECT, CONSTRUCT, ASK or DESCRIBE"),
])
def test_parser_errors_are_short_and_name_line_and_column(runner, client, query, says):
    cli = runner.invoke(main, ["query", query])
    web = client.get("/sparql", query_string={"query": query})
    assert cli.exit_code == 2 and web.status_code == 400
    for text in (cli.output, web.get_data(as_text=True)):
        assert says in text
        assert "\\u{" not in text and "..=" not in text  # no raw Unicode character ranges
        assert len(text) < 400, text


# -- iscm-kg validate ----------------------------------------------------------------------------------------


def contribution(tmp_path: Path, types: str) -> Path:
    text = VALID.read_text(encoding="utf-8").replace(
        "a iscm:InterStateConsultationMechanism, iscm:RegionalConsultativeProcess ;", f"a {types} ;")
    assert f"a {types} ;" in text
    path = tmp_path / "contribution.ttl"
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_class_gets_classes_suggested(runner, tmp_path):
    result = runner.invoke(main, ["validate", str(contribution(tmp_path, "iscm:Mechanism"))])
    assert result.exit_code == 1
    line = next(x for x in result.output.splitlines() if "iscm:Mechanism is not a term" in x)
    assert "Did you mean iscm:InterStateConsultationMechanism?" in line
    assert "mechanismType" not in line


def test_misspelt_property_gets_properties_suggested(runner, tmp_path):
    path = contribution(tmp_path, "iscm:InterStateConsultationMechanism")
    path.write_text(path.read_text().replace("iscm:mechanismType typology", "iscm:mechanismTyp typology"))
    result = runner.invoke(main, ["validate", str(path)])
    line = next(x for x in result.output.splitlines() if "iscm:mechanismTyp is not a term" in x)
    assert "Did you mean iscm:mechanismType?" in line


def test_a_mechanism_typed_by_its_subclass_only_is_accepted(runner, tmp_path):
    """The ontology says an RCP is an inter-State consultation mechanism: the contributor need not."""
    from iscm_kg import contributions

    path = contribution(tmp_path, "iscm:RegionalConsultativeProcess")
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "data/registry" not in result.output
    report = contributions.check(path.read_bytes(), ox.RdfFormat.TURTLE, str(path),
                                 contributions.BundledGraph.from_project())
    types = {q.object.value for q in report.store.quads_for_pattern(
        ox.NamedNode("https://w3id.org/iscm/id/mechanism/example-process"), ox.NamedNode(contributions.RDF_TYPE.value), None)}
    assert types == {"https://w3id.org/iscm/ontology#RegionalConsultativeProcess",
                     "https://w3id.org/iscm/ontology#InterStateConsultationMechanism"}  # what `add` writes


# -- linked data ---------------------------------------------------------------------------------------------


def test_turtle_of_an_entity_starts_with_the_entity(client):
    for path, name in (("/id/mechanism/budapest-process", "mechanism:budapest-process"),
                       ("/id/country/DEU", "country:DEU")):
        body = client.get(path, headers={"Accept": "text/turtle"}).get_data(as_text=True)
        statements = [x for x in body.splitlines() if x.strip() and not x.startswith("@prefix")]
        assert statements[0].startswith(name + " "), statements[:2]
        assert any(x.startswith("<https://w3id.org/iscm/id/membership/") for x in statements)  # others follow


@pytest.mark.parametrize("path,accept", [("/id/mechanism/budapest-process", "text/html"),
                                         ("/id/mechanism/budapest-process", "text/turtle"),
                                         ("/id/country/DEU.nt", "*/*")])
def test_a_304_runs_no_query(client, engine, monkeypatch, path, accept):
    first = client.get(path, headers={"Accept": accept})
    assert first.status_code == 200
    calls = []
    real = engine.query
    monkeypatch.setattr(engine, "query", lambda *a, **k: calls.append(a) or real(*a, **k))
    again = client.get(path, headers={"Accept": accept, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == first.headers["ETag"]
    assert calls == []
    assert client.get(path, headers={"Accept": accept, "If-None-Match": '"other"'}).status_code == 200
    assert calls  # a request that is not answered by 304 does query (the count above means something)


# -- running the service -------------------------------------------------------------------------------------


def test_make_serve_takes_host_and_port():
    out = subprocess.run(["make", "-n", "serve", "HOST=0.0.0.0", "PORT=8080"], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    assert "iscm-kg serve --host 0.0.0.0 --port 8080" in out


@pytest.mark.slow
def test_rendering_the_ontology_reference_prints_no_log_lines():
    """pyLODE logs through the root logger (INFO:root:Loading background ontologies...), which put lines
    that are not the access log's JSON into the service's output."""
    code = ("from iscm_kg.web import create_app\n"
            "r = create_app(None, {'TESTING': True}).test_client().get('/ontology/reference')\n"
            "assert r.status_code == 200, r.status_code\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == "", (done.stdout + done.stderr)[:500]


@pytest.mark.slow
def test_the_package_builds_without_a_licence_warning(tmp_path):
    """`license = "MIT"` with license-files (PEP 639), not the table setuptools warns about on every install."""
    had_build = (ROOT / "build").exists()
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                          capture_output=True, text=True, timeout=300, env={**os.environ, "PIP_NO_INPUT": "1"})
    if not had_build:  # setuptools builds in the source tree
        import shutil
        shutil.rmtree(ROOT / "build", ignore_errors=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "project.license" not in done.stdout + done.stderr
    assert list(tmp_path.glob("iscm_kg-*.whl"))


def test_a_304_from_the_endpoint_runs_no_query(app, engine, monkeypatch):
    client = app.test_client()
    query = {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } # 304 test"}
    first = client.get("/sparql", query_string=query)
    assert first.status_code == 200
    runs = []
    real = app.config["RUNNER"].run
    monkeypatch.setattr(app.config["RUNNER"], "run", lambda *a, **k: runs.append(a) or real(*a, **k))
    monkeypatch.setattr(app.config["RESULT_CACHE"], "get", lambda key: None)  # a miss would have to run it
    again = client.get("/sparql", query_string=query, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.headers["ETag"] == first.headers["ETag"] and runs == []
    assert client.get("/sparql", query_string=query).status_code == 200 and runs
