"""POST /validate: check contributed RDF against the graph, for people and for machines."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request
from markupsafe import Markup
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from .. import contributions
from ..engine import Engine

bp = Blueprint("contribute", __name__)

STATUS = {0: 200, 1: 422, 2: 400}

FORM = "validate.html"  # in the site's layout


def bundled() -> contributions.BundledGraph:
    """The bundled graph contributions are checked against, made once per application."""
    cached = current_app.extensions.get("iscm_bundled")
    if cached is None:
        engine = current_app.config["ENGINE"]
        cached = contributions.BundledGraph(engine.store) if isinstance(engine, Engine) else contributions.BundledGraph.from_project()
        current_app.extensions["iscm_bundled"] = cached
    return cached


def _wants() -> str:
    header = request.headers.get("Accept", "")
    if not header:
        return "application/json"
    offered = ["application/json", "text/turtle", "text/html", "text/plain"]
    return parse_accept_header(header, MIMEAccept).best_match(offered) or "application/json"


@bp.get("/validate")
def form() -> Response:
    """The contribution form."""
    return Response(render_template(FORM, url=request.path, text="", result=""), mimetype="text/html")


@bp.post("/validate")
def validate() -> Response:
    """Check a contribution sent as a file, form text or a body in an RDF media type; nothing is stored."""
    media = request.mimetype or ""
    text_for_form = ""
    if media == "multipart/form-data" or media == "application/x-www-form-urlencoded":
        upload = request.files.get("file")
        if upload is not None and upload.filename:
            data, name = upload.read(), upload.filename
            fmt = contributions.format_for(name, upload.mimetype if upload.mimetype not in ("application/octet-stream", "") else None) \
                or contributions.format_for(name)
        else:
            text_for_form = request.form.get("text", "")
            data, name, fmt = text_for_form.encode("utf-8"), "pasted.ttl", contributions.format_for("pasted.ttl")
    else:
        data, name = request.get_data(cache=False), "request body"
        fmt = contributions.format_for(media_type=media) if media else None
        if fmt is None:
            return Response("Send the contribution as text/turtle, application/trig, application/n-triples, "
                            "application/n-quads or application/ld+json, or upload it as multipart/form-data.\n",
                            status=415, mimetype="text/plain")
    report = contributions.check(data, fmt, name, bundled(), max_bytes=int(current_app.config["MAX_CONTENT_LENGTH"]))
    status = STATUS[report.exit_code]
    wanted = "text/html" if media in ("multipart/form-data", "application/x-www-form-urlencoded") and \
        "text/html" in request.headers.get("Accept", "text/html") else _wants()
    if wanted == "text/html":
        body = render_template(FORM, url=request.path, text=text_for_form, result=Markup(contributions.as_html([report])))
        return Response(body, status=status, mimetype="text/html")
    if wanted == "text/turtle":
        return Response(contributions.as_turtle([report]), status=status, content_type="text/turtle; charset=utf-8")
    if wanted == "text/plain":
        return Response(contributions.as_text([report]), status=status, content_type="text/plain; charset=utf-8")
    return Response(contributions.as_json([report]), status=status, content_type="application/json; charset=utf-8")
