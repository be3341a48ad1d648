"""Grouping quads into page data, without an engine: the names come from plain tables."""

from __future__ import annotations

import pyoxigraph as ox

from iscm_kg.web import grouping
from iscm_kg.web.site import Site, SiteCache
from iscm_kg.web.sources import GraphInfo, Sources

BASE = "https://w3id.org/iscm"
ID = BASE + "/id/"
ISCM = "https://w3id.org/iscm/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ORG = "http://www.w3.org/ns/org#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
MECH = ID + "mechanism/budapest-process"
OLD, NEW, PROJECT = ID + "source/overview-2015", ID + "source/overview-2017", ID + "graph/registry"


def _site(script_root: str = "") -> Site:
    graphs = {OLD: GraphInfo(OLD, "Overview 2015", "Overview", "2015", 0, "/id/source/overview-2015", True),
              NEW: GraphInfo(NEW, "Overview 2017", "Overview", "2017", 1, "/id/source/overview-2017", True),
              PROJECT: GraphInfo(PROJECT, "Registry", "The project's registry graph", "", 100, "/id/graph/registry", False)}
    labels = {MECH: "Budapest Process", ID + "country/tr": "Türkiye", ID + "country/hu": "Hungary",
              ISCM + "chair": "chair", ID + "typology/rcp": "regional consultative process"}
    return Site(None, BASE, script_root, cache=SiteCache(None, BASE, labels=labels, sources=Sources(graphs)))


def q(s, p, o, g) -> ox.Quad:
    obj = o if isinstance(o, ox.Literal) else ox.NamedNode(o)
    return ox.Quad(ox.NamedNode(s), ox.NamedNode(p), obj, ox.NamedNode(g))


QUADS = [
    q(MECH, ISCM + "yearEstablished", ox.Literal("1993", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYear")), OLD),
    q(MECH, ISCM + "yearEstablished", ox.Literal("1991", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYear")), NEW),
    q(MECH, ISCM + "chair", ID + "country/tr", OLD),
    q(MECH, ISCM + "chair", ID + "country/tr", NEW),
    q(MECH, ISCM + "chair", ID + "country/hu", NEW),
    q(MECH, RDF_TYPE, ID + "typology/rcp", PROJECT),
    q(MECH, SKOS + "prefLabel", ox.Literal("Budapest Process", language="en"), PROJECT),
    q(MECH, SKOS + "prefLabel", ox.Literal("Processus de Budapest", language="fr"), NEW),
    q(ID + "membership/x", ORG + "organization", MECH, NEW),
    q(ID + "meeting/m1", ISCM + "meetingOf", MECH, OLD),
    q(ID + "country/hu", ISCM + "chair", ID + "mechanism/other", NEW),  # about something else
]


def test_outgoing_groups_values_by_property_in_fact_order_with_their_graphs():
    groups = grouping.outgoing(_site(), QUADS, MECH)
    assert [g.prop.value for g in groups] == [RDF_TYPE, SKOS + "prefLabel", ISCM + "yearEstablished", ISCM + "chair"]
    chair = groups[-1]
    assert chair.heading == "chair"
    assert [(v.node.label, [g.short for g in v.graphs]) for v in chair.values] == [
        ("Hungary", ["Overview 2017"]), ("Türkiye", ["Overview 2015", "Overview 2017"])]
    assert [g.short for g in chair.graphs] == ["Overview 2015", "Overview 2017"]
    assert groups[0].values[0].node.label == "regional consultative process"


def test_outgoing_skip_and_links_under_the_script_root():
    groups = grouping.outgoing(_site("/kg"), QUADS, MECH, skip={RDF_TYPE, SKOS + "prefLabel"})
    assert [g.prop.value for g in groups] == [ISCM + "yearEstablished", ISCM + "chair"]
    assert groups[1].values[0].node.href == "/kg/id/country/hu"
    assert grouping.outgoing(_site(), QUADS, ID + "nothing/here") == []


def test_incoming_uses_the_inverse_headings():
    groups = grouping.incoming(_site(), QUADS, MECH)
    assert [(g.heading, [v.node.value for v in g.values]) for g in groups] == [
        ("meetings", [ID + "meeting/m1"]), ("memberships", [ID + "membership/x"])]
    assert grouping.incoming(_site(), QUADS, MECH, skip={ORG + "organization"})[0].heading == "meetings"


def test_matrix_marks_the_graphs_that_state_each_value():
    chair = grouping.outgoing(_site(), QUADS, MECH)[-1]
    m = grouping.matrix(chair)
    assert [c.short for c in m.columns] == ["Overview 2015", "Overview 2017"]
    assert [(node.label, sorted(cells)) for node, cells in m.rows] == [("Hungary", [NEW]), ("Türkiye", [OLD, NEW])]
    assert m.count(m.columns[0]) == 1 and m.count(m.columns[1]) == 2


def test_differences_between_sources_flag_the_shared_values():
    facts = grouping.outgoing(_site(), QUADS, MECH)
    diffs = {group.prop.value: per_source for group, per_source in grouping.differences(facts)}
    # names in other languages are never a disagreement; the project graph is not a source
    assert set(diffs) == {ISCM + "yearEstablished", ISCM + "chair"}
    assert [(n.label, shared) for n, shared in diffs[ISCM + "yearEstablished"][OLD]] == [("1993", False)]
    assert sorted((n.label, shared) for n, shared in diffs[ISCM + "chair"][NEW]) == [("Hungary", False), ("Türkiye", True)]


def test_sources_agreeing_are_not_differences():
    agreeing = [q(MECH, ISCM + "chair", ID + "country/tr", g) for g in (OLD, NEW)]
    assert grouping.differences(grouping.outgoing(_site(), agreeing, MECH)) == []
