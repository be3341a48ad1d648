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
    assert link.text.startswith("country:")
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
    assert link.text.startswith("mechanism:")
    link.click()
    assert wait_for(browser, "h1").text == mechanism_name
    sections = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "main h2")]
    assert "At a glance" in sections and "Participation over time" in sections
    participants = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#participation table.matrix tbody th")]
    assert "Ghana" in participants
    pictures = browser.find_element(By.CSS_SELECTOR, "#participation .see-also a")
    assert pictures.get_attribute("href").endswith("/pictures/#overlap")
    screenshot(browser, shots, "mechanism")


def images_loaded(driver) -> bool:
    return driver.execute_script(
        "return Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")


def test_pictures_render(browser, embedded_server, shots):
    browser.get(embedded_server + "/pictures/")
    assert wait_for(browser, "h1").text == "The graph at a glance"
    imgs = browser.find_elements(By.CSS_SELECTOR, "section.picture figure img")
    assert len(imgs) == 4
    WebDriverWait(browser, 40).until(images_loaded)
    for img in imgs:
        natural = browser.execute_script("return [arguments[0].naturalWidth, arguments[0].naturalHeight]", img)
        assert natural[0] > 300 and natural[1] > 300, img.get_attribute("src")
        assert img.size["width"] > 300 and img.size["height"] > 300
        browser.execute_script("arguments[0].scrollIntoView()", img)
        name = img.get_attribute("src").rsplit("/", 1)[1].split(".svg")[0]
        assert img.screenshot(str(shots / f"picture-{name}.png"))
    captions = [f.text for f in browser.find_elements(By.CSS_SELECTOR, "figcaption")]
    assert any("mechanisms with member States" in c for c in captions)
    assert any("297 ticks" in c for c in captions)
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
    srcs = [i.get_attribute("src") for i in browser.find_elements(By.CSS_SELECTOR, "section.picture img")]
    assert sum("source=all" in s for s in srcs) == 2  # the two membership pictures
    WebDriverWait(browser, 40).until(images_loaded)
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
