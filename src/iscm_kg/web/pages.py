"""Page assembly: which template shows a resource, and the data each kind of page is given.

:mod:`.linked_data` decides *whether* and *in which format* to answer for an IRI; when the answer
is HTML it calls :func:`entity_page`, :func:`graph_page` or :func:`ontology_page` here. The data
comes from :mod:`.grouping` (facts by property) and the read models in :mod:`.reads`.
"""

from __future__ import annotations

from flask import render_template
from markupsafe import Markup

from . import grouping
from .pictures import charts, mapdata, maps
from .reads import entity, source, vocabulary
from .reads.locators import add_fact_locators, add_incoming_locators
from .site import Site
from ..namespaces import ONTOLOGY_IRI
from .terms import DCT, FOAF, ID, ISCM, MECHANISM, ORG, OWL, RDF_TYPE, RDFS, SKOS

SOURCE_ROLE_SCHEME = ID + "scheme/roles"
MECHANISM_CLASSES = {MECHANISM, ISCM + "RegionalConsultativeProcess", ISCM + "InterregionalForum",
                     ISCM + "GlobalProcess"}
AGENT_CLASSES = {ISCM + "State", ORG + "FormalOrganization", ORG + "Organization"}
# the facts summed up at the top of a mechanism's page
GLANCE = [RDF_TYPE, ISCM + "yearEstablished", ISCM + "initiationDate", ISCM + "cessationDate",
          ISCM + "memberCountStated", ISCM + "chair", ISCM + "coChair", ISCM + "incomingChair",
          ISCM + "secretariat", ISCM + "listedUnderRegion"]


def entity_page(s: Site, iri: str, quads, alternates: list) -> str:
    """The HTML page of a resource, by what it is (source, mechanism, State or organization,
    concept scheme, concept, anything else)."""
    types = s.types(iri)
    common = _common(s, iri, quads, types, alternates)
    if ISCM + "SourceDocument" in types:
        return render_template("source.html", summary=source.graph_summary(s, iri), **common)
    if iri.startswith(ID + "mechanism/") or types & MECHANISM_CLASSES:
        return mechanism_page(s, iri, quads, common)
    if types & AGENT_CLASSES:
        return agent_page(s, iri, quads, common, is_state=ISCM + "State" in types)
    if SKOS + "ConceptScheme" in types:
        return render_template("scheme.html", tree=vocabulary.scheme_tree(s, iri),
                               incoming=_incoming(s, quads, iri, {SKOS + "inScheme", SKOS + "topConceptOf"}),
                               **common)
    if SKOS + "Concept" in types:
        return concept_page(s, iri, quads, common)
    return render_template("resource.html", incoming=_incoming(s, quads, iri), **common)


def _incoming(s: Site, quads, iri: str, skip: set[str] | None = None) -> list[grouping.Matrix]:
    matrices = [grouping.matrix(g) for g in grouping.incoming(s, quads, iri, skip=skip)]
    add_incoming_locators(s, matrices, iri)
    return matrices


def _common(s: Site, iri: str, quads, types: set[str], alternates: list) -> dict:
    path = s.path_for(iri) or iri
    facts = grouping.outgoing(s, quads, iri)
    add_fact_locators(s, facts, iri)
    alt = [g for g in facts if g.prop.value == SKOS + "altLabel"]
    return {
        "iri": iri, "this": s.node(iri), "path": path, "alternates": alternates,
        "types": sorted((s.node(t) for t in types), key=lambda n: n.sort_key),
        "facts": facts, "alt_labels": alt[0].values if alt else [],
        "sources": s.sources, "site": s,
    }


def mechanism_page(s: Site, iri: str, quads, common: dict) -> str:
    """A mechanism: names, facts at a glance, disagreements, participants per source, pictures,
    meetings and history."""
    facts = common["facts"]
    by_prop = {g.prop.value: g for g in facts}
    stated: dict[str, list[str]] = {}
    if ISCM + "memberCountStated" in by_prop:
        for v in by_prop[ISCM + "memberCountStated"].values:
            for g in v.graphs:
                stated.setdefault(g.iri, []).append(v.node.label)
    skip = {ORG + "organization", ISCM + "meetingOf", ORG + "originalOrganization", ORG + "resultingOrganization",
            DCT + "replaces"}
    return render_template(
        "mechanism.html", differences=grouping.differences(facts),
        participation=entity.participation(s, iri, as_member=False),
        descriptions=_descriptions(by_prop), **_mechanism_pictures(s, iri),
        membership_sources=s.membership_sources, stated=stated, meetings=entity.meetings(s, iri),
        history=entity.history(s, iri),
        names=[g for g in facts if g.prop.value in (SKOS + "prefLabel", SKOS + "altLabel")],
        glance=[by_prop[p] for p in GLANCE if p in by_prop],
        homepages=by_prop[FOAF + "homepage"].values if FOAF + "homepage" in by_prop else [],
        incoming=_incoming(s, quads, iri, skip), **common)


def _descriptions(by_prop: dict) -> list:
    """The short descriptions (dcterms:description, skos:definition), shown under the title."""
    return [v for p in (DCT + "description", SKOS + "definition") if p in by_prop for v in by_prop[p].values]


def _mechanism_pictures(s: Site, iri: str) -> dict:
    """The membership chart, the counts per source and the world map of a mechanism page."""
    counts = mapdata.mechanism_counts(s, iri)
    spec = mapdata.mechanism_map(s, iri)
    used = {k for c in counts for k in c.listed}
    chart = charts.membership_over_time(counts, mapdata.ROLE_CATEGORIES,
                                        f"Participants of {s.label(iri)} listed by each source, by role")
    return {"counts": counts, "roles": mapdata.ROLE_CATEGORIES, "chart": Markup(chart),
            "chart_legend": Markup(charts.chart_legend(mapdata.ROLE_CATEGORIES, used)) if chart else "",
            "world_map": Markup(maps.render(spec)) if spec else None}


def agent_page(s: Site, iri: str, quads, common: dict, is_state: bool) -> str:
    """A State or an organization: the mechanisms it takes part in per source, its other roles,
    and (for a State) its map."""
    world_map = None
    if is_state:
        spec = mapdata.state_map(s, iri)
        world_map = Markup(maps.render(spec)) if spec else None
    by_prop = {g.prop.value: g for g in common["facts"]}
    return render_template("agent.html", participation=entity.participation(s, iri, as_member=True),
                           membership_sources=s.membership_sources,
                           incoming=_incoming(s, quads, iri, {ORG + "member"}), is_state=is_state,
                           world_map=world_map, descriptions=_descriptions(by_prop), **common)


def concept_page(s: Site, iri: str, quads, common: dict) -> str:
    """A concept: its schemes and neighbours, what uses it, and (for a role) how sources use it."""
    facts = common["facts"]
    schemes = [v.node for g in facts if g.prop.value == SKOS + "inScheme" for v in g.values]
    hierarchy_props = (SKOS + "broader", SKOS + "narrower", SKOS + "related", SKOS + "relatedMatch",
                       SKOS + "closeMatch", ISCM + "gcmTheme")
    hierarchy = [g for g in facts if g.prop.value in hierarchy_props]
    skip = {SKOS + "inScheme", SKOS + "topConceptOf", SKOS + "hasTopConcept", SKOS + "broader", SKOS + "narrower",
            SKOS + "related", SKOS + "relatedMatch", SKOS + "closeMatch", DCT + "source"}
    role_usage = entity.role_usage(s, iri) if any(n.value == SOURCE_ROLE_SCHEME for n in schemes) else None
    scheme_members = [(n, vocabulary.scheme_tree(s, n.value)) for n in schemes]
    return render_template("concept.html", schemes=schemes, hierarchy=hierarchy,
                           incoming=_incoming(s, quads, iri, skip), role_usage=role_usage,
                           scheme_members=scheme_members, **common)


def graph_page(s: Site, iri: str, alternates: list) -> str:
    """A named graph that is not described as a source: its summary."""
    path = s.path_for(iri) or iri
    return render_template("source.html", iri=iri, this=s.node(iri), path=path, alternates=alternates,
                           types=[], facts=[], alt_labels=[], summary=source.graph_summary(s, iri),
                           sources=s.sources, site=s, is_graph=True)


def ontology_page(s: Site, alternates: list) -> str:
    """The ontology's reference page."""
    return render_template("ontology.html", iri=ONTOLOGY_IRI, this=s.node(ONTOLOGY_IRI), path="/ontology",
                           alternates=alternates, ont=vocabulary.ontology(s), site=s,
                           RDFS=RDFS, SKOS=SKOS, DCT=DCT, OWL=OWL)
