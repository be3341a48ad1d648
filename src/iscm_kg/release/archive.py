"""Checksums, the manifest of a release and its archive."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

MEDIA_TYPES = {".csv": "text/csv", ".json": "application/json", ".md": "text/markdown", ".nq": "application/n-quads",
               ".trig": "application/trig", ".gz": "application/gzip", ".ttl": "text/turtle", ".zip": "application/zip",
               ".cff": "application/x-yaml"}
MANIFEST = "manifest.json"


def sha256(path: Path) -> str:
    """The SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def media_type(path: Path) -> str:
    """The media type of a release file, from its extension."""
    return MEDIA_TYPES.get(path.suffix, "application/octet-stream")


def describe(dist: Path, files: list[Path], notes: dict[str, str]) -> list[dict]:
    """One entry per file: path under dist/, bytes, SHA-256, media type and what it is."""
    return [{"path": p.relative_to(dist).as_posix(), "bytes": p.stat().st_size, "sha256": sha256(p),
             "mediaType": media_type(p), "description": notes.get(p.relative_to(dist).as_posix(), "")} for p in files]


def write_archive(target: Path, dist: Path, files: list[Path], prefix: str) -> Path:
    """A zip of the release files under one top folder (``prefix``), written atomically."""
    tmp = target.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for p in files:
            zf.write(p, f"{prefix}/{p.relative_to(dist).as_posix()}")
    tmp.replace(target)
    return target


def write_manifest(dist: Path, version: str, issued: str, entries: list[dict], tables: dict[str, int]) -> Path:
    """manifest.json (read by /downloads) and SHA256SUMS (for `sha256sum -c`)."""
    (dist / "SHA256SUMS").write_text("".join(f"{e['sha256']}  {e['path']}\n" for e in entries), encoding="utf-8")
    path = dist / MANIFEST
    body = {"version": version, "issued": issued, "tables": tables, "files": entries}
    path.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
    return path


def read_manifest(dist: Path) -> dict | None:
    """The release manifest in ``dist``, or None when there is none (or it is unreadable)."""
    try:
        return json.loads((dist / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
