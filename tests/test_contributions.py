"""Contributed RDF: every broken file gets the expected finding at the expected line, through the
CLI and the HTTP endpoint; valid files pass and merge; `add` is all or nothing."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from iscm_kg.cli import main

CORPUS = Path(__file__).parent / "contributions"
BROKEN = sorted((CORPUS / "broken").iterdir())
VALID = sorted((CORPUS / "valid").iterdir())
MEDIA = {".ttl": "text/turtle", ".trig": "application/trig", ".nt": "application/n-triples",
         ".jsonld": "application/ld+json", ".xml": "application/rdf+xml"}

# Files that cannot carry an "# expect:" comment line.
EXPECT = {
    "syntax-jsonld-malformed.jsonld": ("syntax", 3, "Syntax error"),
    "syntax-ntriples-prefixed-name.nt": ("syntax", 2, "Syntax error"),
    "syntax-not-utf8.ttl": ("syntax", 2, "not valid UTF-8"),
    "input-empty.ttl": ("input", None, "empty"),
    "input-unsupported-format.xml": ("input", None, "Unsupported format"),
}


def expectation(path: Path):
    if path.name in EXPECT:
        return EXPECT[path.name]
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect:"), path
    kind, line, message = (part.strip() for part in first[len("# expect:"):].split("|"))
    line = line.removeprefix("line").strip()
    return kind, (None if line == "-" else int(line)), message


def assert_found(results, path):
    kind, line, message = expectation(path)
    hits = [r for r in results if r["kind"] == kind and message in r["message"] and r.get("line") == line]
    assert hits, (path.name, kind, line, message, results)


def test_corpus_is_large_enough():
    assert len(BROKEN) >= 30
    kinds = {expectation(p)[0] for p in BROKEN}
    assert kinds == {"syntax", "shacl", "reference", "duplicate", "provenance", "input"}


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.name)
def test_broken_contribution_via_cli(runner, path):
    result = runner.invoke(main, ["validate", "--format", "json", str(path)])
    kind = expectation(path)[0]
    assert result.exit_code == (2 if kind in ("syntax", "input") else 1), result.output
    assert_found(json.loads(result.output)["contributions"][0]["results"], path)


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.name)
def test_broken_contribution_via_http(client, path):
    r = client.post("/validate", data=path.read_bytes(), content_type=MEDIA[path.suffix],
                    headers={"Accept": "application/json"})
    kind = expectation(path)[0]
    if path.suffix == ".xml":
        assert r.status_code == 415
        return
    assert r.status_code == (400 if kind in ("syntax", "input") else 422)
    assert_found(r.get_json()["contributions"][0]["results"], path)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_contribution_passes(runner, client, path):
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    r = client.post("/validate", data=path.read_bytes(), content_type=MEDIA[path.suffix])
    assert r.status_code == 200 and r.get_json()["conforms"] is True


def test_syntax_error_text_quotes_the_line(runner):
    result = runner.invoke(main, ["validate", str(CORPUS / "broken" / "syntax-space-in-iri.ttl")])
    assert "syntax" in result.output and "line 20" in result.output
    assert "| mechanism:budapest-process foaf:homepage <http://example.org/a page> ." in result.output


def test_reference_suggests_closest_with_label(runner):
    result = runner.invoke(main, ["validate", str(CORPUS / "broken" / "reference-misspelt-mechanism.ttl")])
    assert "Did you mean mechanism:budapest-process — Budapest Process" in result.output


def test_turtle_report_is_shacl(runner):
    from rdflib import Graph, Namespace
    from rdflib.namespace import RDF
    SH = Namespace("http://www.w3.org/ns/shacl#")
    result = runner.invoke(main, ["validate", "--format", "turtle", str(CORPUS / "broken" / "reference-unknown-country.ttl")])
    g = Graph().parse(data=result.output, format="turtle")
    assert (None, RDF.type, SH.ValidationReport) in g
    assert len(list(g.subjects(RDF.type, SH.ValidationResult))) >= 2


def test_html_form_and_upload(client):
    assert client.get("/validate").status_code == 200
    path = CORPUS / "broken" / "duplicate-mechanism-name.ttl"
    r = client.post("/validate", data={"file": (path.open("rb"), path.name)}, content_type="multipart/form-data",
                    headers={"Accept": "text/html"})
    assert r.status_code == 422 and r.mimetype == "text/html"
    assert "mechanism:bali-process" in r.data.decode()
    r = client.post("/validate", data={"text": (CORPUS / "valid" / "new-mechanism.ttl").read_text()},
                    content_type="multipart/form-data", headers={"Accept": "text/html"})
    assert r.status_code == 200 and "conforms" in r.data.decode()


def test_oversized_contribution(client):
    r = client.post("/validate", data=b"#" * (2 * 1024 * 1024), content_type="text/turtle")
    assert r.status_code == 413


def test_wrong_media_type(client):
    r = client.post("/validate", data=b"<a> <b> <c> .", content_type="text/plain")
    assert r.status_code == 415


# --- add: all or nothing ------------------------------------------------------------------

@pytest.fixture()
def project(tmp_path, monkeypatch):
    """A private copy of the project's data, so `add` can write without touching the real one."""
    from iscm_kg.loading import project_root
    root = project_root()
    for name in ("ontology", "shapes", "data", "queries"):
        shutil.copytree(root / name, tmp_path / name)
    monkeypatch.setenv("ISCM_KG_ROOT", str(tmp_path))
    return tmp_path


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "data").rglob("*")) if p.is_file()}


def test_add_merges_a_valid_contribution(runner, project):
    from iscm_kg.engine import Engine
    result = runner.invoke(main, ["add", str(CORPUS / "valid" / "new-mechanism.ttl")])
    assert result.exit_code == 0, result.output
    added = project / "data" / "contributions" / "example-secretariat-2024.trig"
    assert added.is_file() and (project / "dist" / "iscm.nq").is_file()
    rows = Engine.from_project(project).select(
        "SELECT ?g WHERE { GRAPH ?g { ?ms org:organization mechanism:example-process ; org:member country:GHA } "
        "?g a iscm:SourceDocument }")
    assert [r["g"].value for r in rows] == ["https://w3id.org/iscm/id/source/example-secretariat-2024"]
    again = runner.invoke(main, ["validate"])
    assert again.exit_code == 0, again.output
    second = runner.invoke(main, ["add", str(CORPUS / "valid" / "new-mechanism.ttl")])
    assert second.exit_code == 1 and "already" in second.output


def test_add_replace_updates_an_earlier_contribution(runner, project, tmp_path):
    """A secretariat sends a corrected member list for the same source: --replace swaps the file."""
    from iscm_kg.engine import Engine
    first = runner.invoke(main, ["add", str(CORPUS / "valid" / "new-mechanism.ttl")])
    assert first.exit_code == 0, first.output
    corrected = tmp_path / "corrected.ttl"
    corrected.write_text((CORPUS / "valid" / "new-mechanism.ttl").read_text()
                         .replace("country:TGO", "country:BEN").replace("member/TGO>", "member/BEN>"))
    refused = runner.invoke(main, ["add", str(corrected)])
    assert refused.exit_code == 1 and "--replace" in refused.output
    replaced = runner.invoke(main, ["add", "--replace", str(corrected)])
    assert replaced.exit_code == 0, replaced.output
    members = {r["s"].value.rsplit("/", 1)[-1] for r in Engine.from_project(project).select(
        "SELECT ?s WHERE { ?ms org:organization mechanism:example-process ; org:member ?s }")}
    assert members == {"GHA", "BEN", "unhcr"}
    assert sorted(p.name for p in (project / "data" / "contributions").iterdir()) == ["example-secretariat-2024.trig"]
    assert runner.invoke(main, ["validate"]).exit_code == 0


def test_add_dry_run_changes_nothing(runner, project):
    before = snapshot(project)
    result = runner.invoke(main, ["add", "--dry-run", str(CORPUS / "valid" / "two-sources.trig")])
    assert result.exit_code == 0, result.output
    assert "+5 triple(s) in graph <https://w3id.org/iscm/id/source/budapest-chair-note-2024>" in result.output
    assert snapshot(project) == before


def test_add_refuses_invalid_contribution(runner, project):
    before = snapshot(project)
    result = runner.invoke(main, ["add", str(CORPUS / "broken" / "duplicate-mechanism-name.ttl")])
    assert result.exit_code == 1
    assert snapshot(project) == before


def test_failed_write_leaves_data_unchanged(runner, project, monkeypatch):
    """Disk full (or any failure) at the moment of the rename: nothing changes."""
    before = snapshot(project)
    real_replace = os.replace

    def failing_replace(src, dst):
        if str(dst).endswith(".trig"):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    result = runner.invoke(main, ["add", str(CORPUS / "valid" / "new-mechanism.ttl")])
    assert result.exit_code != 0
    assert snapshot(project) == before


def test_killed_add_leaves_data_unchanged(project):
    before = snapshot(project)
    cli = Path(sys.executable).parent / "iscm-kg"
    env = {**os.environ, "ISCM_KG_ROOT": str(project), "ISCM_KG_ADD_PAUSE": "30"}
    proc = subprocess.Popen([str(cli), "add", str(CORPUS / "valid" / "new-mechanism.ttl")], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.time() + 30
    scratch = project / ".iscm-tmp"
    while time.time() < deadline and not (scratch.is_dir() and any(scratch.iterdir())):
        time.sleep(0.05)
    assert scratch.is_dir() and any(scratch.iterdir()), "add never reached the write"
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert snapshot(project) == before
