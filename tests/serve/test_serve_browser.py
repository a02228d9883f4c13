"""End to end in a real headless browser: pick a pair, see the chart, click a period, read the
evidence in its article. Skips when Debian's chromium or Playwright is missing."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.serve import ServeConfig, create_app
from detente.serve.coding import SharedCoder
from tests.serve.serve_helpers import KeywordCoder

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

if not CHROMIUM.exists():
    pytest.skip(f"needs {CHROMIUM} (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="needs Playwright for Python (pip install playwright)")
uvicorn = pytest.importorskip("uvicorn", reason="needs uvicorn")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(store_path: Path) -> Iterator[str]:
    """A real uvicorn server on a free loopback port, in a thread."""
    app = create_app(ServeConfig(db=store_path), coder=SharedCoder(KeywordCoder()))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def pick(page, field: str, query: str, code: str) -> None:  # type: ignore[no-untyped-def]
    page.fill(f"#{field}", query)
    page.click(f"#{field}-list button[data-code='{code}']")
    assert page.input_value(f"#{field}").endswith(f"({code})")


def test_dashboard_end_to_end(base_url: str, tmp_path: Path) -> None:
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1400})
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            external: list[str] = []
            page.on("request", lambda req: None if req.url.startswith(base_url) else external.append(req.url))
            page.goto(base_url + "/")
            page.wait_for_selector("#store-info:has-text('events')")

            pick(page, "pick-a", "chin", "CHN")
            pick(page, "pick-b", "Russ", "RUS")
            page.click("#show")
            page.wait_for_selector("#series-chart svg rect.bar")
            assert page.locator("#series-chart svg rect.bar.vcoop").count() >= 1
            assert page.locator("#series-chart svg rect.bar.mconf").count() == 1
            assert page.locator("#series-chart svg polyline.gold-line, #series-chart svg circle.gold-dot").count() >= 1
            assert page.locator("#context-chart svg rect.bar.ctx").count() >= 1

            page.click("#series-chart rect.period-hit[data-period='2015-02-01']")
            page.wait_for_selector("#events button[data-event]")
            items = page.locator("#events button[data-event]")
            assert items.count() == 2
            page.locator("#events button[data-event]", has_text="shelled").click()

            page.wait_for_selector("#document mark.current")
            assert page.inner_text("#document-title") == "Border clash"
            assert page.inner_text("#document mark.current") == "Russia shelled positions inside China, officials said."
            assert page.locator("#document mark").count() == 2

            page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
            assert (tmp_path / "dashboard.png").stat().st_size > 10_000

            page.click("button.tab[data-tab='network-view']")
            page.wait_for_selector("#network-chart svg path.edge")
            assert page.locator("#network-chart g.node").count() == 5
            # the middle of a curve's box need not lie on its stroke, so click the element itself
            page.locator("#network-chart path.edge[data-pair='IRN-USA']").dispatch_event("click")
            page.wait_for_selector("#dyad-view:not([hidden]) #series-title:has-text('IRN-USA')")
            assert page.locator("#series-chart svg rect.bar.vconf").count() == 1
            page.screenshot(path=str(tmp_path / "network.png"))
            assert errors == [] and external == []
        finally:
            browser.close()
