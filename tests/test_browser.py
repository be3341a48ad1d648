"""End to end in a real browser: Debian's headless Chromium driven by Selenium, against
`iscm-kg serve` (gunicorn) on a loopback port.

A user opens the home page, runs an example query, follows result links to a State page and to
a mechanism page, and looks at the pictures. Each step saves a screenshot (to a temporary
directory, or to $ISCM_SCREENSHOTS when set) and asserts on what the page shows.

Needs `chromium` and `chromium-driver` (`apt-get install chromium chromium-driver`; `.ci/run`
installs them); without them the module is skipped.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

webdriver = pytest.importorskip("selenium.webdriver")

from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
if not (CHROMIUM and CHROMEDRIVER):
    pytest.skip("chromium and chromium-driver are not installed", allow_module_level=True)

WAIT = 20  # seconds, for a page or an image


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    wanted = os.environ.get("ISCM_SCREENSHOTS")
    if wanted:
        path = Path(wanted)
        path.mkdir(parents=True, exist_ok=True)
        return path
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = Options()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--lang=en-US",
                "--window-size=1280,1000", f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(arg)
    try:
        driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    except WebDriverException as exc:  # installed but unable to start: say why
        pytest.fail(f"Chromium did not start under chromedriver: {exc.msg}")
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def screenshot(driver, shots: Path, name: str) -> Path:
    """The whole page: the window is made as tall as the document, then put back."""
    height = driver.execute_script(  # an SVG document has no body
        "const e = document.documentElement; return Math.max(e.scrollHeight || 0, e.getBoundingClientRect().height,"
        " document.body ? document.body.scrollHeight : 0)")
    driver.set_window_size(1280, max(800, min(int(height) + 120, 6000)))
    driver.execute_script("window.scrollTo(0, 0)")
    path = shots / f"{name}.png"
    assert driver.save_screenshot(str(path))
    driver.set_window_size(1280, 1000)
    assert path.stat().st_size > 10_000
    return path


def wait_for(driver, css: str):
    return WebDriverWait(driver, WAIT).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))


def test_home_page(browser, embedded_server, shots):
    browser.get(embedded_server + "/")
    heading = wait_for(browser, "h1")
    assert heading.text == "Inter-State consultation mechanisms on migration"
    assert "ISCM" in browser.title
    stats = {li.text.split(" ", 1)[1]: int(li.text.split(" ", 1)[0].replace(",", ""))
             for li in browser.find_elements(By.CSS_SELECTOR, "ul.stats li")}
    assert stats["mechanisms"] >= 40 and stats["States and territories"] >= 200 and stats["source documents"] == 5
    nav = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "header.site nav a")]
    assert {"Mechanisms", "States", "Query", "Pictures"} <= set(nav)
    examples = browser.find_elements(By.CSS_SELECTOR, "ul.examples li a")
    assert len(examples) >= 20
    screenshot(browser, shots, "home")


def run_example(browser, base: str, name: str) -> list:
    browser.get(base + "/query")
    Select(wait_for(browser, "select#example")).select_by_value(name)
    browser.find_element(By.CSS_SELECTOR, "aside.catalogue button[type=submit]").click()
    wait_for(browser, "table.results-table")
    assert browser.find_element(By.CSS_SELECTOR, "aside.catalogue li.current a").get_attribute("href").endswith(
        f"example={name}")
    return browser.find_elements(By.CSS_SELECTOR, "table.results-table tbody tr")


def test_example_query_then_a_state_page(browser, embedded_server, shots):
    rows = run_example(browser, embedded_server, "most-engaged-states")
    meta = browser.find_element(By.CSS_SELECTOR, "p.result-meta").text
    assert meta.startswith(f"{len(rows)} rows") and len(rows) == 50
    headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "table.results-table thead th")]
    assert headers == ["#", "stateName", "mechanisms", "state"]
    cells = rows[0].find_elements(By.TAG_NAME, "td")
    name, count = cells[1].text, int(cells[2].text)
    assert count >= 10
    # the query's text is in the editor (YASQE over the textarea when its bundle is there)
    assert "org:member" in browser.execute_script("return document.getElementById('query').value")
    screenshot(browser, shots, "query-most-engaged-states")
    link = cells[3].find_element(By.TAG_NAME, "a")
    assert link.text == name and link.get_attribute("title").startswith("country:")  # a name, not a CURIE
    link.click()
    assert wait_for(browser, "h1").text == name
    assert browser.find_element(By.CSS_SELECTOR, ".entity-head .kind").text.lower() == "state or territory"
    assert browser.current_url.startswith(embedded_server + "/id/country/")
    listed = browser.find_elements(By.CSS_SELECTOR, "#participation table.matrix tbody tr")
    assert len(listed) >= count  # every mechanism it is a member of, and any other roles
    assert "Takes part in" in browser.find_element(By.CSS_SELECTOR, "#participation h2").text
    screenshot(browser, shots, "state")


def test_example_query_then_a_mechanism_page(browser, embedded_server, shots):
    rows = run_example(browser, embedded_server, "state-participation")
    assert rows, "Ghana takes part in some mechanisms"
    cells = rows[0].find_elements(By.TAG_NAME, "td")
    headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "table.results-table thead th")]
    mechanism_name = cells[headers.index("mechanismName")].text
    link = cells[headers.index("mechanism")].find_element(By.TAG_NAME, "a")
    assert link.text == mechanism_name and link.get_attribute("title").startswith("mechanism:")
    link.click()
    assert wait_for(browser, "h1").text == mechanism_name
    sections = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "main h2")]
    assert "At a glance" in sections and "Participation over time" in sections
    participants = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#participation table.matrix tbody th")]
    assert "Ghana" in participants
    pictures = browser.find_element(By.CSS_SELECTOR, "#participation .see-also a")
    assert pictures.get_attribute("href").endswith("/pictures/#overlap")
    screenshot(browser, shots, "mechanism")


def test_pictures_render(browser, embedded_server, shots):
    browser.get(embedded_server + "/pictures/")
    assert wait_for(browser, "h1").text == "The graph at a glance"
    pictures = browser.find_elements(By.CSS_SELECTOR, "section.picture figure svg.mpl-picture")
    assert len(pictures) == 3  # inline, so their titles and links work in the page
    for svg in pictures:
        browser.execute_script("arguments[0].scrollIntoView()", svg)
        assert svg.size["width"] > 300 and svg.size["height"] > 300
        assert svg.screenshot(str(shots / f"picture-{svg.get_attribute('id')}.png"))
    # an overlap cell tells what it counts
    cell = browser.find_element(By.CSS_SELECTOR, "g[id='overlap--budapest-process--budapest-process']")
    assert int(cell.get_attribute("data-value")) > 40
    captions = [f.text for f in browser.find_elements(By.CSS_SELECTOR, "figcaption")]
    assert any("mechanisms with member States" in c for c in captions)
    assert any("297 ticks" in c for c in captions)
    # the names shortened on the axes are spelt out
    terms = [dt.text for dt in browser.find_elements(By.CSS_SELECTOR, "#abbreviations dt")]
    assert "MIDWA" in terms
    screenshot(browser, shots, "pictures")
    # the numbers: a closed <details> opens on a click and shows the table
    table = browser.find_element(By.ID, "participation-table")
    assert not table.is_displayed()
    browser.find_element(By.CSS_SELECTOR, "#participation summary").click()
    assert table.is_displayed()
    rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) >= 200
    top = rows[0].find_elements(By.TAG_NAME, "td")
    assert int(top[2].text) >= 10 and len(top[1].text) == 3
    browser.execute_script("arguments[0].scrollIntoView()", table)
    assert browser.save_screenshot(str(shots / "pictures-participation-table.png"))


def test_pictures_source_choice_and_svg_by_itself(browser, embedded_server, shots):
    browser.get(embedded_server + "/pictures/")
    Select(wait_for(browser, "select#source")).select_by_value("all")
    browser.find_element(By.CSS_SELECTOR, "form.filters button").click()
    WebDriverWait(browser, WAIT).until(EC.url_contains("source=all"))
    assert "union" in browser.find_element(By.ID, "source-title").text
    files = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "section.picture .picture-links a")]
    assert sum(".svg?source=all" in f for f in files) == 2  # the two membership pictures
    # the SVG opened by itself: its cells carry their numbers and titles
    browser.get(embedded_server + "/pictures/overlap.svg?source=all")
    cells = WebDriverWait(browser, WAIT).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "g[id^='overlap--']"))
    assert len(cells) > 100
    diagonal = browser.find_element(By.CSS_SELECTOR, "g[id='overlap--budapest-process--budapest-process']")
    assert int(diagonal.get_attribute("data-value")) > 40
    words = browser.execute_script("return arguments[0].querySelector('title').textContent", diagonal)
    assert words.startswith("Budapest Process:") and "member States" in words
    texts = browser.execute_script("return Array.from(document.querySelectorAll('text')).map(t => t.textContent)")
    assert "Budapest Process" in texts
    screenshot(browser, shots, "overlap-svg")


# -- every page type on a phone, the maps against SPARQL, names instead of identifiers ----------------

PAGE_TYPES = {  # one page of each kind the site has
    "home": "/", "mechanisms": "/mechanisms", "states": "/states", "organizations": "/organizations",
    "meetings": "/meetings", "sources": "/sources", "pictures": "/pictures/",
    "query-results": "/query?example=most-engaged-states", "query-graph-results": "/query?example=state-participation",
    "mechanism": "/id/mechanism/budapest-process", "mechanism-count-only": "/id/mechanism/imrf",
    "state": "/id/country/GHA", "organization": "/id/organization/iom", "scheme": "/id/scheme/thematic-foci",
    "concept": "/id/typology/rcp", "role": "/id/role/observer", "source": "/id/source/overview-2017",
    "graph": "/id/graph/registry", "event": "/id/event/igad-rcp-to-mid-igad", "meeting-series": "/id/series/grcp",
    "ontology": "/ontology", "ontology-reference": "/ontology/reference", "validate": "/validate",
    "unknown-iri": "/id/mechanism/budapest-proces", "unknown-page": "/no/such/page",
    "search": "/search?q=Pueblo+Proces", "search-form": "/search", "downloads": "/downloads", "codebook": "/codebook",
    "reconcile-preview": "/reconcile/preview?id=country/DEU",
}
PHONE = (390, 844)
CURIE = r"\b(?:org|skos|owl|rdf|rdfs|dcterms|foaf|prov|xsd|iscm|country|mechanism|organization|role|typology|source|event|membership):[A-Za-z]"
# text a person reads: not code, the query editor, the IRI line that shows the page's own IRI, or
# the project's own notes (prose that may discuss properties by their prefixed names)
READABLE_TEXT = """
const skip = el => el.closest('code, pre, textarea, script, style, .CodeMirror, .yasqe, .yasr, .iri-line, form.query, title, .note');
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const out = [];
while (walker.nextNode()) { const t = walker.currentNode; if (t.parentElement && !skip(t.parentElement) && t.textContent.trim()) out.push(t.textContent.trim()); }
return out;"""
# links to a page of this site whose text is the bare IRI
BARE_IRI_LINKS = """
return Array.from(document.querySelectorAll('main a[href^="/"]')).filter(a => !a.closest('code, .iri-line'))
  .map(a => a.textContent.trim()).filter(t => /^https?:\\/\\//.test(t));"""


@pytest.fixture()
def phone(browser):
    browser.set_window_size(*PHONE)
    try:
        yield browser
    finally:
        browser.set_window_size(1280, 1000)


def test_no_page_type_overflows_a_phone_screen(phone, embedded_server, shots):
    wide = {}
    for name, path in PAGE_TYPES.items():
        phone.get(embedded_server + path)
        wait_for(phone, "h1")
        inner, scroll = phone.execute_script(
            "return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
        assert inner <= PHONE[0]
        if scroll > inner:
            wide[path] = scroll
        assert phone.save_screenshot(str(shots / f"phone-{name}.png"))
    assert not wide, f"wider than a {PHONE[0]} px screen: {wide}"


def test_pages_show_names_not_identifiers(browser, embedded_server):
    import re
    found = {}
    for name, path in PAGE_TYPES.items():
        browser.get(embedded_server + path)
        wait_for(browser, "h1")
        curies = [t for t in browser.execute_script(READABLE_TEXT) if re.search(CURIE, t)]
        bare = browser.execute_script(BARE_IRI_LINKS)
        if curies or bare:
            found[path] = (curies[:5], bare[:5])
    assert not found, found
    # the types of an organization read as words
    browser.get(embedded_server + "/id/organization/iom")
    types = wait_for(browser, ".entity-head .types").text
    assert "formal organization" in types and "org:" not in types


def fills(driver, css: str) -> dict[str, str]:
    """ISO code -> the colour the browser paints it with (computed style, so CSS is taken into account)."""
    return driver.execute_script("""
        const out = {};
        for (const el of document.querySelectorAll(arguments[0])) out[el.dataset.iso] = getComputedStyle(el).fill;
        return out;""", css)


def unlisted(driver, block: str) -> set[str]:
    """The colours of a State the map does not colour: the blank shapes and the small States' dots."""
    return {driver.execute_script("return getComputedStyle(document.querySelector(arguments[0])).fill", f"{block} svg g.{g}")
            for g in ("shapes", "dots")}


def legend(driver, block: str) -> dict[str, str]:
    return driver.execute_script("""
        const out = {};
        for (const li of document.querySelectorAll(arguments[0] + ' .map-legend li'))
          out[li.textContent.trim()] = getComputedStyle(li.querySelector('.swatch')).backgroundColor;
        return out;""", block)


def test_mechanism_map_colours_the_states_each_source_lists(browser, embedded_server, sparql, shots):
    browser.get(embedded_server + "/id/mechanism/budapest-process")
    block = "#map-budapest-process"
    wait_for(browser, block + " svg.map")
    colours = legend(browser, block)
    member, observer = colours["member"], colours["observer"]
    blank = unlisted(browser, block)
    assert colours["not listed"] in blank
    labels = browser.find_elements(By.CSS_SELECTOR, block + " .map-switch label")
    radios = browser.find_elements(By.CSS_SELECTOR, block + " input.map-layer")
    assert len(labels) == len(radios) >= 3
    for label, radio in zip(labels, radios):
        label.click()
        assert radio.is_selected()
        source = radio.get_attribute("value")
        rows = sparql(f"""SELECT ?code ?role WHERE {{ GRAPH source:{source} {{
            ?ms org:organization mechanism:budapest-process ; org:member ?s ; org:role ?role }}
            ?s a iscm:State ; iscm:iso3166Alpha3 ?code }}""")
        roles: dict[str, set[str]] = {}
        for r in rows:
            roles.setdefault(r["code"], set()).add(r["role"].rsplit("/", 1)[1])
        painted = fills(browser, block + " svg [data-iso]")
        on_map = {c for c in roles if c in painted}
        assert len(on_map) >= len(roles) - 1  # Tuvalu-sized States are listed beside the map instead
        assert {c for c, f in painted.items() if f == member} == {c for c in on_map if "member" in roles[c]}
        assert {c for c, f in painted.items() if f == observer} == {
            c for c in on_map if "observer" in roles[c] and "member" not in roles[c]}
        assert {c for c, f in painted.items() if f not in blank and f not in (member, observer)} <= on_map
        notes = [p for p in browser.find_elements(By.CSS_SELECTOR, block + " .map-notes p") if p.is_displayed()]
        assert len(notes) == 1 and f"n{radios.index(radio)}" in notes[0].get_attribute("class").split()
    browser.execute_script("arguments[0].scrollIntoView()", browser.find_element(By.CSS_SELECTOR, block))
    assert browser.find_element(By.CSS_SELECTOR, block).screenshot(str(shots / "map-mechanism.png"))
    # the chart: one bar per source and role, its numbers as the counts table gives them
    bars = browser.find_elements(By.CSS_SELECTOR, "#membership-chart g.bar[data-role=member]")
    assert bars
    for bar in bars:
        source = bar.get_attribute("data-source")
        cell = browser.find_element(By.CSS_SELECTOR, f"#participant-counts tr[data-source='{source}'] td[data-role=member]")
        assert cell.text == bar.get_attribute("data-value")


def test_state_map_highlights_that_state_only(browser, embedded_server):
    browser.get(embedded_server + "/id/country/GHA")
    wait_for(browser, "#map-GHA svg.map")
    painted = fills(browser, "#map-GHA svg [data-iso]")
    blank = unlisted(browser, "#map-GHA")
    assert {c for c, f in painted.items() if f not in blank} == {"GHA"}


def test_pictures_choropleth_matches_sparql(browser, embedded_server, sparql, shots):
    browser.get(embedded_server + "/pictures/?source=overview-2017")
    block = "#map-participation"
    wait_for(browser, block + " svg.map")
    colours = legend(browser, block)
    colours.pop("not listed")
    blank = unlisted(browser, block)
    assert browser.find_element(By.CSS_SELECTOR, block + " input.map-layer:checked").get_attribute("value") == "overview-2017"
    for value in ("overview-2017", "all"):
        browser.find_element(By.CSS_SELECTOR, f"{block} label[for='{browser.find_element(By.CSS_SELECTOR, f'{block} input[value={value!r}]').get_attribute('id')}']").click()
        scope = "source:overview-2017" if value != "all" else "?g"
        rows = sparql(f"""SELECT ?code (COUNT(DISTINCT ?m) AS ?n) WHERE {{ GRAPH {scope} {{
            ?ms org:member ?s ; org:organization ?m ; org:role role:member }} ?s a iscm:State ; iscm:iso3166Alpha3 ?code }}
            GROUP BY ?code""")
        counts = {r["code"]: int(r["n"]) for r in rows}
        painted = fills(browser, block + " svg [data-iso]")
        coloured = {c for c, f in painted.items() if f not in blank}
        assert coloured == {c for c in counts if c in painted}
        for code in coloured:  # each State's colour is its bin's in the legend
            n = counts[code]
            label = next(lbl for lbl in colours if (lambda lo, hi: lo <= n <= hi)(
                *(int(x) for x in (lbl.split("–") if "–" in lbl else (lbl, lbl)))))
            assert painted[code] == colours[label], (code, n, label)
    browser.execute_script("arguments[0].scrollIntoView()", browser.find_element(By.CSS_SELECTOR, block))
    assert browser.find_element(By.CSS_SELECTOR, block).screenshot(str(shots / "map-participation.png"))


def test_listings_sort_and_filter(browser, embedded_server):
    browser.get(embedded_server + "/mechanisms")
    wait_for(browser, "table#mechanisms-table button.sort")
    status = [b for b in browser.find_elements(By.CSS_SELECTOR, "#mechanisms-table thead button.sort") if b.text.startswith("status")][0]
    status.click()
    status.click()  # descending: the ended ones first
    first = browser.find_element(By.CSS_SELECTOR, "#mechanisms-table tbody tr td.status").text
    assert first.startswith("ended")
    box = browser.find_element(By.CSS_SELECTOR, "input.table-filter")
    box.send_keys("Budapest")
    visible = [r for r in browser.find_elements(By.CSS_SELECTOR, "#mechanisms-table tbody tr") if r.is_displayed()]
    assert len(visible) == 1 and "Budapest Process" in visible[0].text
    assert browser.find_element(By.CSS_SELECTOR, ".n-results .shown").text == "1"
    browser.get(embedded_server + "/states")
    heads = browser.find_elements(By.CSS_SELECTOR, "#states-table thead button.sort")
    taking_part = [h for h in heads if h.text.startswith("mechanisms")][0]
    taking_part.click()
    taking_part.click()
    numbers = [int(td.get_attribute("data-value")) for td in browser.find_elements(
        By.CSS_SELECTOR, "#states-table tbody tr td:nth-of-type(4)")]
    assert numbers == sorted(numbers, reverse=True) and numbers[0] >= 10


def test_query_page_offers_yasr_table_with_the_projects_prefixes(browser, embedded_server):
    browser.get(embedded_server + "/query")
    text = browser.execute_script("return document.getElementById('query').value")
    assert "PREFIX iscm: <https://w3id.org/iscm/ontology#>" in text  # a new query starts with the prefixes
    rows = run_example(browser, embedded_server, "most-engaged-states")
    browser.find_element(By.ID, "show-yasr").click()
    table = WebDriverWait(browser, WAIT).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#yasr table.dataTable tbody tr"))
    assert table and not browser.find_element(By.ID, "server-results").is_displayed()
    info = browser.find_element(By.CSS_SELECTOR, "#yasr").text
    assert str(len(rows)) in info  # the same number of results
    # the IRIs it shows are shortened with the project's prefixes
    assert any(a.text.startswith("country:") for a in browser.find_elements(By.CSS_SELECTOR, "#yasr table.dataTable a"))
    browser.find_element(By.ID, "show-yasr").click()
    assert browser.find_element(By.ID, "server-results").is_displayed()


def search_from_the_header(driver, server: str, text: str) -> list[tuple[str, str]]:
    """Type into the search box of the page's header and submit it, as a person does; the results'
    (name, link) pairs, best first."""
    driver.get(server + "/mechanisms")
    box = wait_for(driver, "header.site form.site-search input[name=q]")
    box.clear()
    box.send_keys(text)
    box.submit()
    WebDriverWait(driver, WAIT).until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.search-results")))
    return [(a.text.strip(), a.get_attribute("href"))
            for a in driver.find_elements(By.CSS_SELECTOR, "table.search-results tbody th a")]


def test_search_box_finds_misspelt_and_translated_names(browser, embedded_server):
    hits = search_from_the_header(browser, embedded_server, "Pueblo Proces")
    assert hits and hits[0][1].endswith("/id/mechanism/puebla-process"), hits[:3]
    hits = search_from_the_header(browser, embedded_server, "Allemagne")
    assert hits and hits[0][1].endswith("/id/country/DEU"), hits[:3]
    assert hits[0][0] == "Germany"  # the English name is shown, the French one matched


def test_search_box_works_on_a_phone(phone, embedded_server, shots):
    hits = search_from_the_header(phone, embedded_server, "Migration Dialog Southern Africa")
    assert hits and hits[0][1].endswith("/id/mechanism/midsa"), hits[:3]
    inner, scroll = phone.execute_script(
        "return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
    assert scroll <= inner, f"the search page is {scroll} px wide on a {inner} px screen"
    phone.save_screenshot(str(shots / "search-phone.png"))


def chart_state(driver) -> dict:
    """What Chart.js drew on the YASR chart's canvas: kind, labels, values and drawn elements."""
    return driver.execute_script("""
        const canvas = document.querySelector('#yasr .yasr-chart canvas');
        const chart = canvas && window.Chart.getChart(canvas);
        if (!chart) return null;
        const meta = chart.getDatasetMeta(0);
        return {type: chart.config.type, axis: chart.options.indexAxis, labels: chart.data.labels,
                values: chart.data.datasets[0].data, drawn: meta.data.length,
                width: canvas.width, height: canvas.height,
                painted: canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data
                         .some((v, i) => i % 4 === 3 && v > 0)};""")


def test_query_page_charts_the_results(browser, embedded_server, sparql, shots):
    """The most engaged States as a chart: one bar per row, the numbers of the results."""
    rows = run_example(browser, embedded_server, "most-engaged-states")
    expected = [(r.find_element(By.CSS_SELECTOR, "td:nth-of-type(2)").text,
                 int(r.find_element(By.CSS_SELECTOR, "td:nth-of-type(3)").text)) for r in rows]
    browser.find_element(By.ID, "show-yasr").click()
    WebDriverWait(browser, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#yasr table.dataTable tbody tr"))
    tab = browser.find_element(By.CSS_SELECTOR, "#yasr button.select_chart")
    assert tab.text.strip() == "Chart" and "disabled" not in tab.get_attribute("class")
    tab.click()
    state = WebDriverWait(browser, WAIT).until(lambda d: chart_state(d))
    assert state["type"] == "bar" and state["axis"] == "y"  # bars across by default
    assert state["drawn"] == len(rows) == len(expected) == 50
    assert list(zip(state["labels"], state["values"])) == expected  # labels from ?stateName, numbers from ?mechanisms
    assert state["painted"] and state["width"] > 300
    assert "50 of 50 rows drawn" in browser.find_element(By.CSS_SELECTOR, "#yasr .yasr-chart-note").text
    screenshot(browser, shots, "query-chart-bars")
    # a pie of the same numbers: one slice per row
    Select(browser.find_element(By.CSS_SELECTOR, "#yasr select[name=kind]")).select_by_value("pie")
    state = chart_state(browser)
    assert state["type"] == "pie" and state["drawn"] == 50 and state["painted"]
    # labels from another column: the States' IRIs, shortened with the project's prefixes
    Select(browser.find_element(By.CSS_SELECTOR, "#yasr select[name=label]")).select_by_value("state")
    state = chart_state(browser)
    assert state["type"] == "pie" and all(label.startswith("country:") for label in state["labels"])
    # a query without a number column cannot be charted
    run_example(browser, embedded_server, "mechanisms-by-type")
    browser.find_element(By.ID, "show-yasr").click()
    WebDriverWait(browser, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#yasr table.dataTable tbody tr"))
    assert chart_state(browser) is None
    assert "disabled" in browser.find_element(By.CSS_SELECTOR, "#yasr button.select_chart").get_attribute("class")


def test_query_chart_fits_a_phone(phone, embedded_server, shots):
    rows = run_example(phone, embedded_server, "most-engaged-states")
    phone.find_element(By.ID, "show-yasr").click()
    WebDriverWait(phone, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#yasr table.dataTable tbody tr"))
    phone.find_element(By.CSS_SELECTOR, "#yasr button.select_chart").click()
    state = WebDriverWait(phone, WAIT).until(lambda d: chart_state(d))
    assert state["drawn"] == len(rows)
    overflow = phone.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the page is {overflow}px wider than the phone"
    phone.execute_script("document.querySelector('#yasr .yasr-chart').scrollIntoView()")
    assert phone.save_screenshot(str(shots / "query-chart-phone.png"))


def test_organizations_sort_and_filter(browser, embedded_server, shots):
    browser.get(embedded_server + "/organizations")
    wait_for(browser, "table#organizations-table button.sort")
    heads = browser.find_elements(By.CSS_SELECTOR, "#organizations-table thead button.sort")
    taking_part = [h for h in heads if h.text.startswith("mechanisms")][0]
    taking_part.click()
    taking_part.click()  # descending
    numbers = [int(td.get_attribute("data-value")) for td in browser.find_elements(
        By.CSS_SELECTOR, "#organizations-table tbody tr td:nth-of-type(4)")]
    assert numbers == sorted(numbers, reverse=True) and numbers[0] >= 5
    acronym = [h for h in heads if h.text == "acronym"][0]
    acronym.click()
    acronyms = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "#organizations-table tbody tr td:nth-of-type(1)")]
    assert acronyms == sorted(acronyms, key=str.lower)
    box = browser.find_element(By.CSS_SELECTOR, "input.table-filter")
    box.send_keys("secretariat (")
    visible = [r for r in browser.find_elements(By.CSS_SELECTOR, "#organizations-table tbody tr") if r.is_displayed()]
    assert visible and all("secretariat (" in r.text for r in visible)
    assert browser.find_element(By.CSS_SELECTOR, ".n-results .shown").text == str(len(visible))
    screenshot(browser, shots, "organizations")
    # the role filter of the form (works without scripts too)
    Select(browser.find_element(By.CSS_SELECTOR, "form.filters select[name=role]")).select_by_value("observer")
    browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    WebDriverWait(browser, WAIT).until(lambda d: "role=observer" in d.current_url)
    shown = browser.find_elements(By.CSS_SELECTOR, "#organizations-table tbody tr")
    assert shown and all("observer (" in r.find_element(By.CSS_SELECTOR, "td.involvement").text for r in shown)
