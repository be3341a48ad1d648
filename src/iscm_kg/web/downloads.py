"""/downloads: the release files with their sizes and checksums; /codebook; /dcat.

Everything comes from dist/ as `iscm-kg build` wrote it (manifest.json lists the files); only
files the manifest lists are served, so no path from a request reaches the file system unchecked.
"""

from __future__ import annotations

import base64
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request, send_file

from ..release.archive import read_manifest

bp = Blueprint("downloads", __name__)


def release_dir() -> Path:
    """The folder of the release files (config RELEASE_DIR, else dist/)."""
    configured = current_app.config.get("RELEASE_DIR")
    if configured:
        return Path(configured)
    from ..loading import project_root
    return project_root() / "dist"


def _manifest() -> dict | None:
    return read_manifest(release_dir())


def _site():
    from .site import current_site
    return current_site()


def human_size(n: int) -> str:
    """A size in bytes as people read it (12.3 KB)."""
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


@bp.get("/downloads")
def index() -> Response | str:
    """The release files; JSON (the manifest) for clients that ask for it."""
    manifest = _manifest()
    if request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json":
        if manifest is None:
            return jsonify(error="no release has been built here; run `iscm-kg build`"), 404
        return jsonify(manifest)
    return render_template("downloads.html", manifest=manifest, human_size=human_size, site=_site())


@bp.get("/downloads/<path:name>")
def download(name: str) -> Response:
    """One file of the release, as listed in its manifest."""
    manifest = _manifest()
    entry = next((e for e in (manifest or {}).get("files", []) if e["path"] == name), None)
    if entry is None:
        return Response(f"No release file named {name!r}; see /downloads.\n", status=404, mimetype="text/plain")
    path = release_dir() / entry["path"]
    if not path.is_file():
        abort(404)
    resp = send_file(path, mimetype=entry["mediaType"], as_attachment=not name.endswith((".md", ".cff")),
                     download_name=Path(name).name, etag=entry["sha256"], conditional=True)
    digest = base64.b64encode(bytes.fromhex(entry["sha256"])).decode("ascii")
    resp.headers["Content-Digest"] = f"sha-256=:{digest}:"  # RFC 9530: the bytes' digest, base64
    return resp


@bp.get("/codebook")
def codebook() -> str:
    """Every table, every column: what it holds, its values and its ontology property."""
    from ..release.panel import PANEL
    from ..release.tables import TABLES
    manifest = _manifest() or {}
    return render_template("codebook.html", tables=[*TABLES, PANEL], rows=manifest.get("tables", {}),
                           version=manifest.get("version"), site=_site())


@bp.get("/dcat")
def dcat() -> Response:
    """DCAT description of the dataset and its distributions (the files of /downloads)."""
    from ..release.dcat import dcat_graph
    manifest = _manifest()
    if manifest is None:
        return Response("No release has been built here; run `iscm-kg build`.\n", status=404, mimetype="text/plain")
    graph = dcat_graph(request.url_root, manifest["version"], manifest.get("issued") or "", manifest["files"])
    return Response(graph.serialize(format="turtle"), content_type="text/turtle; charset=utf-8")
