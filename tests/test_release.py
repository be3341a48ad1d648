"""The analysis-ready release (issue 17): `iscm-kg build` in a copy of the project, then what a
researcher, a linked-data consumer and a validator see of it."""

from __future__ import annotations

import base64
import csv
import hashlib
import shutil
import zipfile
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from iscm_kg.cli import main
from iscm_kg.engine import Engine
from iscm_kg.loading import project_root

from conftest import PREFIXES

TABLES = ["sources", "mechanisms", "memberships", "meetings", "thematic_foci", "gcm_engagement", "iom_roles",
          "conflicts", "name_changes", "latest", "panel"]


def copy_project(target: Path) -> Path:
    root = project_root()
    for name in ("ontology", "shapes", "data", "queries"):
        shutil.copytree(root / name, target / name)
    for name in ("CITATION.cff", "CHANGELOG.md"):
        shutil.copyfile(root / name, target / name)
    return target


def build(root: Path) -> None:
    result = CliRunner().invoke(main, ["build"], env={"ISCM_KG_ROOT": str(root)})
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("release"))
    build(root)
    return root


@pytest.fixture(scope="module")
def graph(built) -> Engine:
    return Engine.from_project(built)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def count(engine: Engine, query: str) -> int:
    return int(next(iter(engine.query(PREFIXES + query).result))["n"].value)


# --- Frictionless and the files of the release ---------------------------------------------------------------

def test_frictionless_validate_accepts_the_data_package(built):
    from frictionless import validate
    report = validate(built / "dist" / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    assert sorted(t.name for t in report.tasks) == sorted(t.replace("_", "-") for t in TABLES)


def test_every_table_has_csvw_metadata_naming_its_columns(built):
    import json
    for name in TABLES:
        meta = json.loads((built / "dist" / "tables" / f"{name}.csv-metadata.json").read_text())
        with (built / "dist" / "tables" / f"{name}.csv").open(encoding="utf-8") as fh:
            header = next(csv.reader(fh))
        assert [c["name"] for c in meta["tableSchema"]["columns"] if not c.get("virtual")] == header
        assert meta["url"] == f"{name}.csv"


def test_manifest_archive_and_checksums_agree(built):
    import json
    dist = built / "dist"
    manifest = json.loads((dist / "manifest.json").read_text())
    assert manifest["version"] == "1.0.0"
    paths = {e["path"] for e in manifest["files"]}
    assert {f"tables/{t}.csv" for t in TABLES} <= paths
    assert {"iscm.nq", "iscm.nq.gz", "iscm.trig", "datapackage.json", "codebook.md", "dcat.ttl", "CITATION.cff",
            "CHANGELOG.md", "iscm-kg-1.0.0.zip"} <= paths
    for e in manifest["files"]:
        data = (dist / e["path"]).read_bytes()
        assert (len(data), hashlib.sha256(data).hexdigest()) == (e["bytes"], e["sha256"]), e["path"]
    with zipfile.ZipFile(dist / "iscm-kg-1.0.0.zip") as zf:
        names = set(zf.namelist())
    assert names == {f"iscm-kg-1.0.0/{p}" for p in paths if not p.endswith(".zip")}


def test_versions_of_citation_changelog_and_release_agree():
    from iscm_kg.release.version import changelog_version, dataset_version
    version, released = dataset_version(project_root())
    assert version == changelog_version(project_root()) and released


def test_build_fails_cleanly_on_a_broken_file(tmp_path):
    root = copy_project(tmp_path)
    (root / "data" / "review-2013" / "broken.ttl").write_text("<a> <b> .\n")
    result = CliRunner().invoke(main, ["build"], env={"ISCM_KG_ROOT": str(root)})
    assert result.exit_code == 2 and "broken.ttl" in result.output and "Traceback" not in result.output


# --- row counts equal SPARQL counts ----------------------------------------------------------------------

SOURCE = "?g a iscm:SourceDocument ."
COUNTS = {
    "sources": "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } ?g a iscm:SourceDocument }",
    "mechanisms": f"""SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?g ?m WHERE {{
        GRAPH ?g {{ ?m ?p ?o }} {SOURCE} ?m a iscm:InterStateConsultationMechanism }} }}""",
    "memberships": f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?ms a org:Membership }} {SOURCE} }}",
    "meetings": f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?x a iscm:Meeting }} {SOURCE} }}",
    "thematic_foci": f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?m iscm:thematicFocus ?t }} {SOURCE} }}",
    "iom_roles": f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?m iscm:iomRole ?t }} {SOURCE} }}",
    "gcm_engagement": f"""SELECT (COUNT(*) AS ?n) WHERE {{ {{ GRAPH ?g {{ ?m iscm:engagedInGcmTheme ?t }} }} UNION
        {{ GRAPH ?g {{ ?m iscm:consideringGcmEngagement ?c }} FILTER NOT EXISTS {{ GRAPH ?g {{ ?m iscm:engagedInGcmTheme ?x }} }} }}
        {SOURCE} }}""",
    "name_changes": f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?e a org:ChangeEvent }} {SOURCE} }}",
    "latest": """SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/iscm/id/graph/latest> { ?m ?p ?o }
        ?m a iscm:InterStateConsultationMechanism }""",
}


@pytest.mark.parametrize("table", sorted(COUNTS))
def test_row_counts_equal_sparql_counts(built, graph, table):
    assert len(read_csv(built / "dist" / "tables" / f"{table}.csv")) == count(graph, COUNTS[table])


def test_conflicts_table_is_the_catalogue_query(built, graph):
    from iscm_kg.catalogue import load_catalogue
    rows = read_csv(built / "dist" / "tables" / "conflicts.csv")
    assert len(rows) == len(list(graph.query(load_catalogue()["conflicts"].text).result)) > 0


def test_panel_rows_are_states_by_mechanisms_by_snapshots(built, graph):
    pairs = count(graph, f"""SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?m WHERE {{
        GRAPH ?g {{ ?ms a org:Membership ; org:member ?s ; org:organization ?m }} {SOURCE} ?s a iscm:State }} }}""")
    snapshots = count(graph, f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?ms a org:Membership }} {SOURCE} }}")
    assert len(read_csv(built / "dist" / "tables" / "panel.csv")) == pairs * snapshots


# --- CSVW round trip --------------------------------------------------------------------------------------

def test_csvw_round_trip_of_memberships_gives_the_membership_triples_per_source(built, graph):
    """csv2rdf of memberships.csv, grouped by the row's source, is exactly the membership triples of
    each source graph (whatever properties the memberships carry: basis, years, capacity, notes)."""
    from iscm_kg.release.csvw_rdf import csv2rdf
    triples = csv2rdf(built / "dist" / "tables" / "memberships.csv-metadata.json")
    source_of = {r["membership_id"]: r["source"] for r in read_csv(built / "dist" / "tables" / "memberships.csv")}
    got: dict[str, set] = defaultdict(set)
    for t in triples:
        got[source_of[t.subject.value]].add(t)
    expected: dict[str, set] = defaultdict(set)
    for r in graph.query(PREFIXES + f"""SELECT ?g ?ms ?p ?o WHERE {{
            GRAPH ?g {{ ?ms a org:Membership ; ?p ?o }} {SOURCE} }}""").result:
        expected[r["g"].value.rsplit("/", 1)[-1]].add(ox.Triple(r["ms"], r["p"], r["o"]))
    assert {s: len(t) for s, t in got.items()} == {s: len(t) for s, t in expected.items()}
    assert got == expected


@pytest.mark.parametrize("table", TABLES)
def test_csv2rdf_of_every_table_gives_back_triples_of_the_graph(built, graph, table):
    from iscm_kg.release.csvw_rdf import csv2rdf
    triples = csv2rdf(built / "dist" / "tables" / f"{table}.csv-metadata.json")
    merged = set(ox.Triple(q.subject, q.predicate, q.object)
                 for q in graph.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert triples <= merged, sorted(map(str, triples - merged))[:5]
    if table in ("mechanisms", "memberships", "meetings", "thematic_foci", "iom_roles", "gcm_engagement", "name_changes", "latest"):
        assert triples


# --- the panel, as a researcher uses it ----------------------------------------------------------------------

def test_panel_answers_who_joined_and_left_between_snapshots(built, graph):
    import pandas as pd
    panel = pd.read_csv(built / "dist" / "tables" / "panel.csv", keep_default_na=False)
    wide = panel.pivot(index=["mechanism_id", "iso3"], columns="year", values="status")
    joined = set(wide.index[(wide[2013] == "none") & (wide[2017] == "member")])
    left = set(wide.index[(wide[2013] == "member") & (wide[2017] == "none")])
    assert joined and left

    def pairs(query):
        return {(r["m"].value, r["iso"].value) for r in graph.query(PREFIXES + query).result}

    member_in = "GRAPH source:{y} {{ ?ms{i} org:organization ?m ; org:member ?s ; org:role role:member }}"
    absent_from_listed = """FILTER EXISTS {{ GRAPH source:{y} {{ ?x org:organization ?m ; org:role ?lr }}
                             FILTER (?lr IN (role:member, role:suspended-member, role:former-member, role:expected-member)) }}
                           FILTER NOT EXISTS {{ GRAPH source:{y} {{ ?z org:organization ?m ; org:member ?s }} }}"""
    q = "SELECT DISTINCT ?m ?iso WHERE {{ {a} {b} ?s a iscm:State ; iscm:iso3166Alpha3 ?iso }}"
    assert joined == pairs(q.format(a=member_in.format(y="overview-2017", i=1), b=absent_from_listed.format(y="review-2013")))
    assert left == pairs(q.format(a=member_in.format(y="review-2013", i=1), b=absent_from_listed.format(y="overview-2017")))


def test_panel_colombo_process_over_time_agrees_with_sparql(built, graph):
    import pandas as pd
    panel = pd.read_csv(built / "dist" / "tables" / "panel.csv", keep_default_na=False)
    colombo = panel[panel.mechanism_id == "https://w3id.org/iscm/id/mechanism/colombo-process"]
    over_time = colombo.pivot(index="iso3", columns="year", values="status")
    for year, source in ((2009, "scpf-2009"), (2013, "review-2013"), (2017, "overview-2017")):
        members = {r["iso"].value for r in graph.query(PREFIXES + f"""SELECT ?iso WHERE {{
            GRAPH source:{source} {{ ?ms org:organization mechanism:colombo-process ; org:role role:member ; org:member ?s }}
            ?s iscm:iso3166Alpha3 ?iso }}""").result}
        assert set(over_time.index[over_time[year] == "member"]) == members


# --- /downloads, /codebook, /dcat ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(built, graph):
    from iscm_kg.web import create_app
    return create_app(graph, {"TESTING": True, "RELEASE_DIR": str(built / "dist")}).test_client()


def test_downloads_lists_every_artifact_with_size_and_checksum(site, built):
    import json
    manifest = json.loads((built / "dist" / "manifest.json").read_text())
    page = site.get("/downloads")
    assert page.status_code == 200 and "text/html" in page.content_type
    html = page.data.decode()
    assert '<header class="site">' in html  # the site's layout
    for e in manifest["files"]:
        assert f'href="/downloads/{e["path"]}"' in html and e["sha256"] in html and f'data-bytes="{e["bytes"]}"' in html
    r = site.get("/downloads/tables/panel.csv")
    assert r.status_code == 200 and r.content_type.startswith("text/csv")
    assert hashlib.sha256(r.data).hexdigest() == next(e["sha256"] for e in manifest["files"] if e["path"] == "tables/panel.csv")
    assert r.headers["Content-Digest"] == "sha-256=:" + base64.b64encode(hashlib.sha256(r.data).digest()).decode() + ":"
    assert site.get("/downloads", headers={"Accept": "application/json"}).get_json()["version"] == "1.0.0"


@pytest.mark.parametrize("path", ["/downloads/../pyproject.toml", "/downloads/tables/nothing.csv", "/downloads/%2e%2e/CITATION.cff"])
def test_downloads_refuses_what_the_release_does_not_list(site, path):
    r = site.get(path)
    assert r.status_code == 404 and b"Traceback" not in r.data


def test_codebook_page_and_dcat(site):
    page = site.get("/codebook").data.decode()
    for name in TABLES:
        assert f'id="{name}"' in page
    assert "expanded_from_group" in page and "http://www.w3.org/ns/org#member" in page
    r = site.get("/dcat")
    g = ox.Store()
    g.load(r.data, format=ox.RdfFormat.TURTLE)
    q = """PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX spdx: <http://spdx.org/rdf/terms#>
           SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?ds a dcat:Dataset ; dcat:distribution ?d .
             ?d dcat:downloadURL ?u ; dcat:byteSize ?b ; spdx:checksum [ spdx:checksumValue ?sha ] }"""
    assert int(next(iter(g.query(q)))["n"].value) == len(site.get("/downloads", headers={"Accept": "application/json"}).get_json()["files"])


# --- iscm-kg diff -----------------------------------------------------------------------------------------------

def test_diff_reports_a_contribution_added_between_two_builds(tmp_path):
    root = copy_project(tmp_path / "project")
    env = {"ISCM_KG_ROOT": str(root)}
    runner = CliRunner()
    build(root)
    old = tmp_path / "old.nq"
    shutil.copyfile(root / "dist" / "iscm.nq", old)
    contribution = project_root() / "tests" / "contributions" / "valid" / "new-mechanism.ttl"
    added = runner.invoke(main, ["add", str(contribution)], env=env)
    assert added.exit_code == 0, added.output
    build(root)
    result = runner.invoke(main, ["diff", str(old), str(root / "dist" / "iscm.nq")])
    assert result.exit_code == 1, result.output
    out = result.output
    assert "source:example-secretariat-2024: +" in out and "-0" in out.split("source:example-secretariat-2024")[1].split("\n")[0]
    assert "org:member country:GHA" in out and "iscm:chair country:GHA" in out
    for source in ("scpf-2009", "review-2013", "overview-2017", "grcp7-note-2017", "assessment-2019"):
        assert f"source:{source}:" not in out  # the other sources' graphs are untouched
    same = runner.invoke(main, ["diff", str(old), str(old)])
    assert same.exit_code == 0 and same.output == "no differences\n"


def test_diff_of_unreadable_files_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.nq"
    bad.write_text("this is not n-quads\n")
    result = CliRunner().invoke(main, ["diff", str(bad), str(tmp_path / "missing.nq")])
    assert result.exit_code == 2 and "diff failed" in result.output and "Traceback" not in result.output
