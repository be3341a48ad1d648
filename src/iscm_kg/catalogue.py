"""The catalogue of named, commented SPARQL queries in ``queries/*.rq``.

Each file starts with comment lines ``# title: …`` and ``# description: …`` (more comment
lines may follow); the rest is the query. The CLI, the service and the tests share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .loading import project_root

_FIELD = re.compile(r"^#\s*(title|description|question)\s*:\s*(.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class CatalogueQuery:
    """One query of the catalogue: its file name, title, description and text."""
    name: str
    title: str
    description: str
    text: str
    path: Path


def load_catalogue(root: Path | None = None) -> dict[str, CatalogueQuery]:
    """Every query in ``queries/*.rq`` by name, with the title and description from its header comments."""
    directory = (root or project_root()) / "queries"
    out: dict[str, CatalogueQuery] = {}
    for path in sorted(directory.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        fields = {"title": path.stem.replace("-", " "), "description": ""}
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            m = _FIELD.match(line)
            if m:
                key = m.group(1).lower()
                key = "description" if key == "question" else key
                fields[key] = (fields[key] + " " + m.group(2)).strip() if key == "description" else m.group(2).strip()
        out[path.stem] = CatalogueQuery(path.stem, fields["title"], fields["description"], text, path)
    return out
