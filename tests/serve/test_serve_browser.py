"""The dashboard in a real headless browser: a pair's chart, events and evidence; names for codes;
filters; several pairs on one chart; the offline map; downloads; the relationship summary;
keyboard and screen-reader basics. Each test saves screenshots (into $DETENTE_SCREENSHOTS when
set, as scripts/dashboard_screenshots.py does, else a temporary folder). Skips when Debian's
chromium or Playwright is missing."""

from __future__ import annotations

import csv
import io
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from detente import Pipeline
from detente.serve import ServeConfig, create_app
from detente.serve.coding import SharedCoder
from detente.store.names import cameo_name
from tests.serve.dashboard_store import build_dashboard_store, serving

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}

if not CHROMIUM.exists():
    pytest.skip(f"needs {CHROMIUM} (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="needs Playwright for Python (pip install playwright)")
expect = sync_api.expect  # waits by polling the DOM: the page's CSP forbids wait_for_function's eval
pytest.importorskip("uvicorn", reason="needs uvicorn")


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: $DETENTE_SCREENSHOTS (the docs script sets it) or a temporary folder."""
    folder = Path(os.environ.get("DETENTE_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real uvicorn server on a free loopback port, in a thread, on the dashboard's store."""
    db = build_dashboard_store(tmp_path_factory.mktemp("dashboard") / "dashboard.duckdb")
    # the store is coded by a stub; the server's coder is the real one, which "Why was this coded?" asks
    with serving(create_app(ServeConfig(db=db), coder=SharedCoder(Pipeline()))) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page with its script errors, failed API calls and any request leaving the server."""

    def __init__(self, page, base_url: str) -> None:  # type: ignore[no-untyped-def]
        self.page, self.errors, self.external, self.requests = page, [], [], []
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        page.on("request", self._request)
        self.base_url = base_url

    def _request(self, req) -> None:  # type: ignore[no-untyped-def]
        if req.url.startswith(self.base_url):
            self.requests.append(req.url)
        elif not req.url.startswith(("blob:", "data:")):
            self.external.append(req.url)

    def api_calls(self, path_part: str) -> list[dict[str, list[str]]]:
        return [parse_qs(urlparse(u).query) for u in self.requests if path_part in urlparse(u).path]

    def assert_clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.external == [], f"the page loaded from outside: {self.external}"


@pytest.fixture()
def watched(browser, base_url: str) -> Iterator[Watched]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    page = context.new_page()
    w = Watched(page, base_url)
    page.goto(base_url + "/")
    page.wait_for_selector("#store-info:has-text('events')")
    page.wait_for_selector("#f-status input[value='reported']")
    yield w
    context.close()
    w.assert_clean()


def pick(page, field: str, query: str, code: str) -> None:  # type: ignore[no-untyped-def]
    page.fill(f"#{field}", query)
    page.click(f"#{field}-list button[data-code='{code}']")
    assert page.input_value(f"#{field}").endswith(f"({code})")


def show_pair(page, a: str, b: str) -> None:  # type: ignore[no-untyped-def]
    page.click(f"#top-dyads button[data-pair='{a}-{b}']")
    page.wait_for_selector(f"#series-title:has-text('{a}-{b}')")
    page.wait_for_selector("#series-chart svg rect.period-hit")


def bars(page, kind: str) -> int:  # type: ignore[no-untyped-def]
    return page.locator(f"#series-chart svg rect.bar.{kind}").count()


def test_dashboard_end_to_end(watched: Watched, shots: Path) -> None:
    page = watched.page
    pick(page, "pick-a", "chin", "CHN")
    pick(page, "pick-b", "Russ", "RUS")
    page.click("#show")
    page.wait_for_selector("#series-chart svg rect.bar")
    assert bars(page, "vcoop") >= 1
    assert bars(page, "mconf") == 1
    assert page.locator("#series-chart svg circle.gold-dot").count() >= 1
    assert page.locator("#context-chart svg rect.bar.ctx").count() >= 1

    page.click("#series-chart rect.period-hit[data-period='2015-02-01']")
    page.wait_for_selector("#events button[data-event]")
    assert page.locator("#events button[data-event]").count() == 2
    page.locator("#events button[data-event]", has_text="shelled").click()
    page.wait_for_selector("#document mark.current")
    assert page.inner_text("#document-title") == "Border clash"
    assert page.inner_text("#document mark.current") == "Russia shelled positions inside China, officials said."
    assert page.locator("#document mark").count() == 2
    page.screenshot(path=str(shots / "dashboard-pair.png"), full_page=True)


def test_why_was_this_coded(watched: Watched, shots: Path) -> None:
    page = watched.page
    show_pair(page, "CHN", "RUS")
    page.click("#series-chart rect.period-hit[data-period='2015-02-01']")
    page.locator("#events button[data-event]", has_text="shelled").click()
    page.wait_for_selector("#document mark.current")
    page.click("#explain-panel summary")
    expect(page.locator("#explain .candidate.event")).to_have_count(1)
    text = page.inner_text("#explain")
    assert "shelled" in text and "pattern " in text and "source: Russia (RUS)" in text
    page.screenshot(path=str(shots / "dashboard-explain.png"), full_page=True)


def test_goldstein_line_does_not_bridge_empty_periods(watched: Watched) -> None:
    page = watched.page
    show_pair(page, "CHN", "RUS")
    # events in May 2014, July 2014 and February 2015 only: three dots, and no line across the gaps
    assert page.locator("#series-chart svg circle.gold-dot").count() == 3
    assert page.locator("#series-chart svg polyline.gold-line").count() == 0
    # a rolling mean over 12 months spans the gaps it averages over, and says so in the legend
    page.select_option("#rolling", "12")
    expect(page.locator("#series-chart svg polyline.gold-rolling")).to_have_count(1)
    assert watched.api_calls("/series")[-1]["rolling"] == ["12"]
    assert page.locator("#series-chart svg .legend-svg text", has_text="rolling mean").count() == 1


def test_events_show_cameo_and_plover_names(watched: Watched) -> None:
    page = watched.page
    show_pair(page, "CHN", "RUS")
    page.click("#series-chart rect.period-hit[data-period='2015-02-01']")
    page.wait_for_selector("#events button[data-event]")
    shelling = page.locator("#events button[data-event]", has_text="shelled")
    name = cameo_name("195")
    assert name, "the CAMEO table names 195"
    assert shelling.locator(".name").inner_text() == name
    assert "195 · ASSAULT" in shelling.locator(".code").inner_text()


def test_filters_reach_the_api_and_change_the_chart(watched: Watched, shots: Path) -> None:
    page = watched.page
    show_pair(page, "CHN", "RUS")
    assert (bars(page, "vcoop"), bars(page, "vconf"), bars(page, "mconf")) == (2, 1, 1)

    page.check("#f-status-historical")  # 'Back in 1999 China met Russia' counts again
    page.click("#apply")
    expect(page.locator("#series-chart rect.bar.vcoop")).to_have_count(3)
    assert watched.api_calls("/series")[-1]["status"] == ["reported", "historical"]
    page.uncheck("#f-status-historical")

    page.fill("#min-confidence", "0.6")  # the accusation was coded at 0.55
    page.click("#apply")
    expect(page.locator("#series-chart rect.bar.vconf")).to_have_count(0)
    assert watched.api_calls("/series")[-1]["min_confidence"] == ["0.6"]
    assert watched.api_calls("/relation")[-1]["min_confidence"] == ["0.6"]
    page.fill("#min-confidence", "0")

    page.click("#f-sector summary")
    page.check("#f-sector-MIL")  # only the shelling has a military actor
    page.click("#apply")
    expect(page.locator("#series-chart rect.bar.vcoop")).to_have_count(0)
    assert bars(page, "mconf") == 1
    assert watched.api_calls("/series")[-1]["sector"] == ["MIL"]
    assert page.inner_text("#f-sector summary .picked") == "MIL"
    page.click("#f-sector summary")  # closed, so the screenshot shows the chart
    page.screenshot(path=str(shots / "dashboard-filters.png"), full_page=True)
    page.click("#f-sector summary")
    page.uncheck("#f-sector-MIL")
    page.click("#f-sector summary")

    page.click("#f-context summary")
    page.check("#f-context-energy")  # the gas deal
    page.click("#apply")
    expect(page.locator("#series-chart rect.bar.mconf")).to_have_count(0)
    assert bars(page, "vcoop") == 1
    assert watched.api_calls("/series")[-1]["context"] == ["energy"]

    page.select_option("#direction", "RUS->CHN")
    page.click("#series-chart rect.period-hit[data-period='2014-05-01']")
    page.wait_for_selector("#events button[data-event]")
    assert watched.api_calls("/api/events")[-1]["direction"] == ["B->A"]


def test_several_pairs_on_one_chart(watched: Watched, shots: Path) -> None:
    page = watched.page
    show_pair(page, "CHN", "RUS")
    page.click("#tab-compare")
    page.wait_for_selector("#pair-chips .chip[data-pair='CHN-RUS']")
    pick(page, "cmp-a", "iran", "IRN")
    pick(page, "cmp-b", "united st", "USA")
    page.click("#cmp-add")
    pick(page, "cmp-a", "japan", "JPN")
    pick(page, "cmp-b", "united st", "USA")
    page.click("#cmp-add")
    expect(page.locator("#compare-chart g.pair-line")).to_have_count(3)
    assert page.locator("#pair-chips .chip").count() == 3
    legend = page.locator("#compare-chart text.legend-label").all_text_contents()
    assert legend == ["CHN–RUS", "IRN–USA", "JPN–USA"]

    page.select_option("#cmp-metric", "net")
    page.wait_for_selector("#compare-chart text.axis-title:has-text('net cooperation')")
    # net cooperation is a count: every period of every pair has a point, empty ones at zero
    periods = page.locator("#compare-chart g.pair-line[data-pair='JPN-USA'] circle").count()
    assert periods == page.locator("#compare-chart g.pair-line[data-pair='CHN-RUS'] circle").count() > 24
    page.screenshot(path=str(shots / "dashboard-compare.png"))

    page.select_option("#cmp-metric", "per100")
    page.wait_for_selector("#compare-chart text.axis-title:has-text('per 100 documents')")
    assert page.locator("#compare-chart g.pair-line[data-pair='JPN-USA'] circle").count() > 0

    page.click("#pair-chips .chip[data-pair='IRN-USA'] button.remove")
    expect(page.locator("#compare-chart g.pair-line")).to_have_count(2)
    assert page.locator("#compare-chart g.pair-line[data-pair='IRN-USA']").count() == 0


def test_map_places_events_offline(watched: Watched, shots: Path) -> None:
    page = watched.page
    page.click("#tab-map")
    page.wait_for_selector("#map-chart svg circle.place")
    assert page.locator("#map-chart svg .land path").count() > 150
    # located: Ufa (RUS), Tokyo and Osaka (JPN), Washington (USA)
    places = {
        p: page.locator(f"#map-chart circle.place[data-place='{p}']").count() for p in ("RUS", "JPN", "USA", "CHN")
    }
    assert places == {"RUS": 1, "JPN": 1, "USA": 1, "CHN": 0}
    assert page.locator("#map-table tbody tr").count() == 3
    assert "carry no place" in page.inner_text("#map-caption")
    japan = page.locator("#map-chart circle.place[data-place='JPN']")
    assert japan.get_attribute("aria-label").startswith("Japan: ")
    japan.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#map-events li")
    assert "Events in Japan" in page.inner_text("#map-events-title")
    assert page.locator("#map-events li", has_text="Tokyo").count() >= 1
    page.screenshot(path=str(shots / "dashboard-map.png"))


def saved(page, selector: str) -> bytes:  # type: ignore[no-untyped-def]
    with page.expect_download() as info:
        page.click(selector)
    return Path(info.value.path()).read_bytes()


def test_downloads_csv_svg_png(watched: Watched) -> None:
    page = watched.page
    show_pair(page, "CHN", "RUS")
    series = list(csv.DictReader(io.StringIO(saved(page, "#series-downloads [data-download='CSV']").decode())))
    shown = page.locator("#series-chart rect.period-hit").count()
    assert len(series) == shown and {r["direction"] for r in series} == {"CHN-RUS"}
    assert sum(int(r["events"]) for r in series) == 4

    events = list(csv.DictReader(io.StringIO(saved(page, "#series-downloads [data-download='events-CSV']").decode())))
    assert len(events) == 4
    assert {r["cameo_name"] for r in events if r["cameo"] == "195"} == {cameo_name("195")}
    assert any(r["evidence_text"].startswith("Russia shelled") for r in events)

    svg = ET.fromstring(saved(page, "#series-downloads [data-download='SVG']"))
    ns = "{http://www.w3.org/2000/svg}"
    assert svg.tag == f"{ns}svg" and svg.get("width") == "900"
    fills = [r.get("fill", "") for r in svg.iter(f"{ns}rect") if "bar" in (r.get("class") or "")]
    assert fills and all(f.startswith("rgb(") for f in fills), "styles travel with the SVG"
    assert any((t.text or "").startswith("Goldstein mean") for t in svg.iter(f"{ns}text")), "the legend travels too"

    png = saved(page, "#series-downloads [data-download='PNG']")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1800, 720)

    page.click("#tab-map")
    page.wait_for_selector("#map-chart svg circle.place")
    located = list(csv.DictReader(io.StringIO(saved(page, "#map-downloads [data-download='CSV']").decode())))
    assert [r["location_name"] for r in located] == ["Ufa"]


def test_relationship_summary(watched: Watched, shots: Path) -> None:
    page = watched.page
    show_pair(page, "JPN", "USA")
    page.wait_for_selector("#summary #verdict")
    assert page.inner_text("#summary #verdict").lower() == "warming"
    facts = page.inner_text("#summary .facts")
    assert facts.startswith("36 events in 24 of 24 months") and "interval" in facts
    assert page.locator("#summary svg.interval circle.slope").count() == 1
    drivers = page.locator("#summary .drivers > li")
    assert drivers.count() == 3
    assert page.locator("#summary .drivers > li").first.locator("strong").inner_text() == cameo_name("112")
    link = page.locator("#summary .evidence-links a").first
    assert link.inner_text().startswith("“Japan accused the United States")
    link.click()
    page.wait_for_selector("#document mark.current")
    assert page.inner_text("#document mark.current").startswith("Japan accused the United States")
    page.screenshot(path=str(shots / "dashboard-summary.png"))

    show_pair(page, "CHN", "RUS")
    page.wait_for_selector("#summary #verdict:has-text('not enough events')")


def test_keyboard_and_screen_reader_basics(watched: Watched, shots: Path) -> None:
    page = watched.page
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll('input, select')].filter((n) =>
             !(n.labels && n.labels.length) && !n.getAttribute('aria-label')).map((n) => n.id || n.name)"""
    )
    assert unlabelled == []
    assert page.get_attribute("#message", "aria-live") == "polite"
    assert page.get_attribute("#summary", "aria-live") == "polite"

    # the network is one tab away, above the fold, and the tabs follow the arrow keys
    box = page.locator("#tab-network").bounding_box()
    assert box is not None and box["y"] + box["height"] < VIEWPORT["height"]
    page.focus("#tab-dyad")
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("document.activeElement.id") == "tab-network"
    page.wait_for_selector("#network-view:not([hidden]) #network-chart svg path.edge")
    assert page.get_attribute("#tab-network", "aria-selected") == "true"
    assert page.locator("#network-chart g.node").count() == 5
    page.screenshot(path=str(shots / "dashboard-network.png"))
    edge = page.locator("#network-chart path.edge[data-pair='IRN-USA']")
    edge.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#dyad-view:not([hidden]) #series-title:has-text('IRN-USA')")
    assert bars(page, "vconf") == 1

    # a period by keyboard: focus it, press Enter, its events are listed
    page.locator("#series-chart rect.period-hit").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#events button[data-event]")
    for svg in page.locator("svg[role='img']").all():
        assert svg.get_attribute("aria-label")
