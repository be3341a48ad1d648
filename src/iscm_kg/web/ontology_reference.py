"""The ontology's reference documentation in the LODE style, rendered by pyLODE.

The site's own ontology page (``/ontology``) sits with the data: its taxonomies, links to
every concept. This is the reference that ontology users know from other vocabularies:
pyLODE renders it from the ontology graph being served, once per dataset version and
process; its content (not its own page frame, styles or fixed side menu) is shown inside the
site's layout, with its table of contents at the top.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from contextlib import contextmanager

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, render_template, request
from markupsafe import Markup
from rdflib import Graph

from ..namespaces import PREFIXES
from .labels import PROPERTY_LABELS, TERM_LABELS, vocabulary_label
from .terms import ONTOLOGY_GRAPH, iri_ref

bp = Blueprint("ontology_reference", __name__)
_lock = threading.Lock()


@bp.get("/ontology/reference")
def reference() -> Response:
    """The ontology's reference document, rendered once per dataset version."""
    engine = current_app.config["ENGINE"]
    pages = current_app.extensions.setdefault("ontology_reference", {})
    page = pages.get(engine.version)
    if page is None:
        with _lock:
            page = pages.get(engine.version)
            if page is None:
                body = render(engine)
                page = render_template("reference.html", content=Markup(_content(body.decode("utf-8")))).encode("utf-8")
                pages.clear()
                pages[engine.version] = page
    resp = Response(page, mimetype="text/html")
    resp.set_etag(hashlib.sha256(page).hexdigest()[:32])
    resp.cache_control.public = True
    resp.cache_control.max_age = current_app.config.get("CACHE_MAX_AGE", 3600)
    resp.headers["Link"] = '</ontology>; rel="alternate"; type="text/html", </ontology.ttl>; rel="alternate"; type="text/turtle"'
    return resp.make_conditional(request)


def render(engine) -> bytes:
    """pyLODE's HTML for the ontology graph of ``engine``."""
    text = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {iri_ref(ONTOLOGY_GRAPH)} {{ ?s ?p ?o }} }}"
    triples = engine.query(text).result.serialize(format=ox.RdfFormat.N_TRIPLES)
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.parse(data=triples, format="nt")
    with _logging_left_alone():
        from pylode import OntPub
        return OntPub(ontology=graph).make_html().encode("utf-8")


def _content(html: str) -> str:
    """pyLODE's sections without its page frame: the table of contents first, then the content."""
    body = html[html.index("<body>") + len("<body>"):html.rindex("</body>")]
    toc = re.search(r'<div id="toc">.*?</div>\s*(?=(?:<div id=|$))', body, flags=re.S)
    body = re.sub(r'<div id="pylode">.*?</div>\s*', "", body, count=1, flags=re.S)
    if toc:
        body = body.replace(toc.group(0), "")
        body = toc.group(0).replace('<div id="toc">', '<nav id="toc" class="reference-toc" aria-label="contents">', 1)[:-6].rstrip() + "</nav>" + body
    body = re.sub(r"<script\b.*?</script>", "", body, flags=re.S)
    return re.sub(r'<a href="([^"]+)">([a-z]+:[A-Za-z][\w-]*)</a>', _named_link, body)


def _named_link(m: re.Match) -> str:
    """pyLODE writes other vocabularies' terms as prefixed names: a name instead, the prefixed name
    in the tooltip."""
    iri, curie = m.group(1), m.group(2)
    name = TERM_LABELS.get(iri) or PROPERTY_LABELS.get(iri) or vocabulary_label(iri)
    return f'<a href="{iri}" title="{curie}">{name}</a>' if name else m.group(0)


@contextmanager
def _logging_left_alone():
    """pyLODE configures the root logger: its supermodel loader calls ``logging.basicConfig(level=DEBUG)``
    on import and it logs through the root logger (which installs a handler when there is none). The
    service's log would fill with every library's debug output, in lines that are not the access log's
    JSON ("INFO:root:Loading background ontologies..."): while it runs, the root logger has a handler
    that drops records (so nothing installs one that prints), and it is put back as it was afterwards."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    root.handlers[:] = [logging.NullHandler()]
    try:
        yield
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
