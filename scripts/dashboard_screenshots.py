#!/usr/bin/env python3
"""Refresh the dashboard screenshots in docs/ from the browser tests (and, with --demo, the README's).

Usage: python scripts/dashboard_screenshots.py [--demo] [--demo-db PATH]

Runs tests/serve/test_serve_browser.py in headless Chromium with DETENTE_SCREENSHOTS pointing at a
temporary folder; when every test passes, copies the screenshots they saved (dashboard-*.png: pair,
filters, compare, map, summary, network) into docs/. With --demo it also ingests the bundled
sample news (or opens --demo-db), shows China-Russia with its relationship summary and saves
docs/dashboard.png, the picture at the top of the README.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
TESTS = "tests/serve/test_serve_browser.py"
CHROMIUM = "/usr/bin/chromium"


def test_screenshots(folder: Path) -> list[Path]:
    """Run the browser tests saving into ``folder``; the screenshots they saved, or exit on failure."""
    env = {**os.environ, "DETENTE_SCREENSHOTS": str(folder)}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", TESTS], cwd=ROOT, env=env, check=False)
    if done.returncode != 0:
        sys.exit(f"the browser tests failed (exit {done.returncode}); docs/ left as it was")
    shots = sorted(folder.glob("dashboard-*.png"))
    if not shots:
        sys.exit("the browser tests saved no screenshots (skipped? see above)")
    return shots


def demo_store(path: Path) -> Path:
    from detente.store import Store

    samples = sorted((ROOT / "detente" / "data" / "samples").glob("*.jsonl"))
    with Store(path) as store:
        store.ingest(samples)
    return path


def demo_screenshot(db: Path, out: Path) -> None:
    """China-Russia on the demo store: verdict, series chart, the events of the busiest period."""
    from playwright.sync_api import sync_playwright

    from detente.serve import ServeConfig, create_app
    from tests.serve.dashboard_store import serving

    with serving(create_app(ServeConfig(db=db))) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 1500})
        page.goto(url + "/")
        page.wait_for_selector("#top-dyads button[data-pair='CHN-RUS']").click()
        page.wait_for_selector("#summary #verdict")
        page.wait_for_selector("#series-chart svg rect.period-hit")
        busiest = max(
            page.locator("#series-chart rect.period-hit").all(), key=lambda n: int(n.get_attribute("data-events") or 0)
        )
        busiest.click()
        page.wait_for_selector("#events button[data-event]")
        page.locator("#events button[data-event]").first.click()
        page.wait_for_selector("#document mark.current")
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(out))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--demo", action="store_true", help="also refresh docs/dashboard.png on the demo store")
    parser.add_argument("--demo-db", type=Path, help="a demo store already built (default: build one)")
    opts = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        for shot in test_screenshots(Path(tmp)):
            shutil.copyfile(shot, DOCS / shot.name)
            print(f"docs/{shot.name}")
        if opts.demo or opts.demo_db:
            db = opts.demo_db or demo_store(Path(tmp) / "demo.duckdb")
            demo_screenshot(db, DOCS / "dashboard.png")
            print("docs/dashboard.png")


if __name__ == "__main__":
    main()
