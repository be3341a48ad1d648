"""The dataset's version: the one in CITATION.cff (CHANGELOG.md's latest entry agrees, by test)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml


def dataset_version(root: Path) -> tuple[str, str]:
    """(version, release date) from ``root``/CITATION.cff; ("unversioned", "") if it has none."""
    try:
        data = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return "unversioned", ""
    return str(data.get("version") or "unversioned"), str(data.get("date-released") or "")


def changelog_version(root: Path) -> str | None:
    """The version of CHANGELOG.md's first entry (``## [X.Y.Z] - date``)."""
    try:
        text = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    except OSError:
        return None
    found = re.search(r"^## \[([^\]]+)\]", text, re.MULTILINE)
    return found.group(1) if found else None
