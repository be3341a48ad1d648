"""POST /validate: check contributed RDF against the graph, for people and for machines."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template_string, request
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from .. import contributions
from ..engine import Engine

bp = Blueprint("contribute", __name__)

STATUS = {0: 200, 1: 422, 2: 400}

FORM = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Check a contribution — ISCM-KG</title>
<style>
body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
textarea{width:100%;font-family:monospace}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}
tr.violation td:nth-child(2){color:#a00;font-weight:bold}tr.warning td:nth-child(2){color:#a60}
pre{margin:.2rem 0;background:#f6f6f6;padding:.2rem}
</style></head><body>
<p><a href="/">ISCM-KG</a></p>
<h1>Check a contribution</h1>
<p>Upload or paste Turtle, TriG, N-Triples or JSON-LD. It is checked together with the knowledge graph:
syntax, the SHACL shapes, references, duplicates and provenance. Nothing is stored. See the
contributor guide (CONTRIBUTING.md) for a template.</p>
<form method="post" action="{{ url }}" enctype="multipart/form-data">
<p><label>File: <input type="file" name="file" accept=".ttl,.trig,.nt,.nq,.jsonld,.json"></label></p>
<p><label>or paste (Turtle): <textarea name="text" rows="14">{{ text }}</textarea></label></p>
<p><button type="submit">Check</button></p>
</form>
{{ result|safe }}
</body></html>"""


def bundled() -> contributions.BundledGraph:
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
    return Response(render_template_string(FORM, url=request.path, text="", result=""), mimetype="text/html")


@bp.post("/validate")
def validate() -> Response:
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
        body = render_template_string(FORM, url=request.path, text=text_for_form, result=contributions.as_html([report]))
        return Response(body, status=status, mimetype="text/html")
    if wanted == "text/turtle":
        return Response(contributions.as_turtle([report]), status=status, content_type="text/turtle; charset=utf-8")
    if wanted == "text/plain":
        return Response(contributions.as_text([report]), status=status, content_type="text/plain; charset=utf-8")
    return Response(contributions.as_json([report]), status=status, content_type="application/json; charset=utf-8")
