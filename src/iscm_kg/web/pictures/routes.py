"""The pictures' routes: ``/pictures/`` and the SVG files, cached per dataset version."""

from __future__ import annotations

import hashlib
import threading
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, render_template, request, url_for
from markupsafe import Markup

from ...engine import with_prefixes
from ..site import current_site as site
from ..terms import local_name
from . import drawing, mapdata, maps
from .data import (ALL, FOUNDING_QUERY_NAME, THEME_QUERY_NAME, founding_data, graph_label, membership_sources,
                   overlap_data, participation_data, source_choice, source_title, theme_data)

bp = Blueprint("pictures", __name__, url_prefix="/pictures", template_folder="../templates")

_render_lock = threading.Lock()  # rcParams are process-global: one drawing at a time


def _engine():
    return current_app.config["ENGINE"]

PICTURES = {
    "overlap": (lambda src: overlap_data(src), drawing.draw_overlap, True),
    "thematic-matrix": (lambda src: theme_data(), drawing.draw_themes, False),
    "founding-years": (lambda src: founding_data(), drawing.draw_founding, False),
    "participation": (lambda src: participation_data(src), drawing.draw_participation, True),
}


def _cache() -> dict:
    return current_app.extensions.setdefault("iscm_pictures", {})


def picture_data(name: str, source: str | None):
    """The numbers behind a picture, cached per dataset version."""
    version = _engine().version
    key = ("data", version, name, source)
    cache = _cache()
    if key not in cache:
        cache[key] = PICTURES[name][0](source)
    return cache[key]


def picture_svg(name: str, source: str | None) -> bytes:
    """A picture as SVG bytes, drawn once per dataset version, picture and source."""
    version = _engine().version
    key = ("svg", version, name, source)
    cache = _cache()
    if key not in cache:
        data = picture_data(name, source)
        with _render_lock:
            cache[key] = PICTURES[name][1](data, f"{name}-{source}-{version}")
        # drop what earlier dataset versions left behind
        for old in [k for k in cache if k[1] != version]:
            cache.pop(old, None)
    return cache[key]


def _bad_source(value: str) -> Response:
    choices = ", ".join([ALL] + [local_name(g.iri) for g in membership_sources()])
    return Response(f"Unknown source {value!r}; choose one of: {choices}.\n", status=400, mimetype="text/plain")


def _svg_response(name: str) -> Response:
    source = None
    if PICTURES[name][2]:
        source = source_choice(request.args.get("source"))
        if source is None:
            return _bad_source(request.args.get("source", ""))
    body = picture_svg(name, source)
    resp = Response(body, mimetype="image/svg+xml")
    tag = f"{_engine().version}|{name}|{source}"
    resp.set_etag(hashlib.sha256(tag.encode()).hexdigest()[:32])
    resp.cache_control.public = True
    resp.cache_control.max_age = int(current_app.config.get("CACHE_MAX_AGE", 3600))
    return resp.make_conditional(request)


@bp.get("/overlap.svg")
def overlap_svg() -> Response:
    """The membership-overlap matrix."""
    return _svg_response("overlap")


@bp.get("/thematic-matrix.svg")
def thematic_svg() -> Response:
    """The mechanism × thematic focus matrix."""
    return _svg_response("thematic-matrix")


@bp.get("/founding-years.svg")
def founding_svg() -> Response:
    """The founding-years timeline."""
    return _svg_response("founding-years")


@bp.get("/participation.svg")
def participation_svg() -> Response:
    """How many mechanisms each State is a member of."""
    return _svg_response("participation")


def query_link(text: str) -> str:
    """A link to the query page holding the query (with its prefixes)."""
    return url_for("linked_data.query_page") + "?" + urlencode({"query": with_prefixes(text)})


@bp.get("/")
def index() -> Response:
    """The pictures with their numbers as tables (``?source=`` chooses the source)."""
    source = source_choice(request.args.get("source"))
    if source is None:
        return _bad_source(request.args.get("source", ""))
    s = site()
    overlap = picture_data("overlap", source)
    themes = picture_data("thematic-matrix", None)
    founding = picture_data("founding-years", None)
    participation = picture_data("participation", source)
    choices = [(ALL, "all sources (union)")] + [(local_name(g.iri), graph_label(g))
                                                 for g in membership_sources()]
    body = render_template(
        "pictures.html", site=s, source=source, source_title=source_title(source), choices=choices,
        overlap=overlap, themes=themes, founding=founding, participation=participation,
        ranked=sorted(participation.states, key=lambda t: (-t[3], t[2].lower())),
        svg={name: url_for(f"pictures.{ep}", **({"source": source} if PICTURES[name][2] else {}))
             for name, ep in (("overlap", "overlap_svg"), ("thematic-matrix", "thematic_svg"),
                              ("founding-years", "founding_svg"), ("participation", "participation_svg"))},
        queries={"overlap": query_link(overlap.query), "participation": query_link(participation.query),
                 "founding-years": query_link(founding.query)},
        examples={"thematic-matrix": url_for("linked_data.query_page", example=THEME_QUERY_NAME),
                  "founding-years": url_for("linked_data.query_page", example=FOUNDING_QUERY_NAME),
                  "most-engaged-states": url_for("linked_data.query_page", example="most-engaged-states")},
        slug=local_name, inline={name: Markup(drawing.inline(picture_svg(name, source if PICTURES[name][2] else None),
                                                             f"picture-{name}"))
                                 for name in ("overlap", "thematic-matrix", "founding-years")},
        world_map=Markup(maps.render(_choropleth(source))), abbreviations=abbreviations(overlap, themes, founding))
    return Response(body, mimetype="text/html")


def _choropleth(source: str):
    key = ("map", _engine().version, source)
    cache = _cache()
    if key not in cache:
        cache[key] = mapdata.choropleth(site(), first=source)
    return cache[key]


def abbreviations(*pictures) -> list[tuple[str, str, str]]:
    """(short name, full name, IRI) for every mechanism a picture labels by a shortened name."""
    seen: dict[str, tuple[str, str, str]] = {}
    for picture in pictures:
        for m in picture.mechanisms:
            if m.short != m.label:
                seen.setdefault(m.iri, (m.short, m.label, m.iri))
    return sorted(seen.values(), key=lambda t: t[0].casefold())


__all__ = ["bp"]
