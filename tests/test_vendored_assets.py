"""The query page's offline scripts: YASGUI and Chart.js are served by this service, each with its
licence and version, and the page loads the chart view after both."""

from __future__ import annotations

import re
from pathlib import Path

from page_support import html

STATIC = Path(__file__).resolve().parent.parent / "src" / "iscm_kg" / "web" / "static"


def test_chart_library_is_vendored_with_its_licence_and_version():
    folder = STATIC / "vendor" / "chartjs"
    assert re.match(r"chart\.js 4\.\d+\.\d+ \(npm\)", (folder / "VERSION").read_text())
    assert "MIT" in (folder / "LICENSE.md").read_text() or "Permission is hereby granted" in (folder / "LICENSE.md").read_text()
    head = (folder / "chart.umd.min.js").read_text()[:200]
    assert "Chart.js v4" in head and "MIT" in head


def test_query_page_loads_the_chart_view_from_this_service(client):
    page = html(client, "/query")
    scripts = re.findall(r'<script src="([^"]+)"', page)
    names = [s.rsplit("/", 1)[-1] for s in scripts]
    assert names.index("yasgui.min.js") < names.index("chart.umd.min.js") < names.index("yasr-chart.js") < names.index("query.js")
    assert all(s.startswith("/") for s in scripts)  # nothing from another host
    for src in scripts:
        r = client.get(src)
        assert r.status_code == 200 and r.mimetype in ("application/javascript", "text/javascript"), src
