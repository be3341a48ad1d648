"""Helpers of the page tests: the links and ids of an HTML page, and a page fetched as a browser would."""

from __future__ import annotations

from html.parser import HTMLParser

ID = "https://w3id.org/iscm/id/"
ISCM = "https://w3id.org/iscm/ontology#"
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("a", "link") and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if attrs.get("id"):
            self.ids.add(attrs["id"])


def links(html: str) -> list[str]:
    p = Links()
    p.feed(html)
    return p.hrefs


def html(client, path: str) -> str:
    r = client.get(path, headers={"Accept": BROWSER_ACCEPT})
    assert r.status_code == 200, (path, r.status_code, r.data[:500])
    assert r.mimetype == "text/html"
    return r.get_data(as_text=True)
