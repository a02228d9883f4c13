"""Render an article as written, as a scraper leaves it, and scraped with site chrome.

The chrome rendering copies what flattened web pages look like: a menu/sign-in line first, one to
three blocks of three to six unrelated headlines between paragraphs, a copyright line last. The
choice is seeded by the article id, so every run renders the same text.
"""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from pathlib import Path

RENDERINGS = ("clean", "scraped", "chrome")
# A stress rendering, reported beside the others but with no floor: another site's furniture, and
# for sidebar headlines the titles of the benchmark's other dev articles (real news titles name the
# countries and acts the article does, where the project's own headlines are easy to tell apart).
STRESS_RENDERINGS = ("chrome-news",)

_MENUS = (
    "Home | World | Politics | Business | Tech | Sign In | Subscribe",
    "Skip to main content  Menu  Search  Log in  Register",
    "NEWS  SPORT  WEATHER  VIDEO  Sign in  Newsletters",
    "Edition: International | Sections | Opinion | Video | Podcasts | Account",
    "Latest  Regions  Africa  Americas  Asia  Europe  Middle East  Subscribe now",
)
_BLOCK_HEADS = ("Top Stories", "Related", "Most Read", "More From World", "Trending Now", "You May Also Like", "")
_COPYRIGHTS = (
    "Copyright {year} News Network. All rights reserved.",
    "(c) {year} The Daily Wire Service. This material may not be published, broadcast, rewritten or redistributed.",
    "All content {year} World Desk Media Ltd. Terms of use | Privacy policy | Cookies",
)
_OTHER_SITE = (
    (
        "Skip to navigation  Home  News  Sport  Business  Innovation  Culture  Travel  Earth  Video  Live",
        "Menu Close  World  US Politics  Business  Health  Entertainment  Style  Travel  Sports  Videos  Log In",
        "Accessibility links  Skip to content  Today's paper  Subscribe for full access  Sign in",
        "Breaking News | Latest | Opinion | Investigations | Newsletters | Donate",
    ),
    ("Read next", "More on this story", "Related Topics", "Popular Now", "Editors' Picks", "Most Shared", "Watch", ""),
    (
        "(c) {year} Global Media Group. Reuters and AFP contributed to this report. Share this story: Email Facebook",
        "Follow us on Facebook, Twitter and Instagram. Sign up for our daily briefing. Copyright {year}",
        "This article was amended on {year}. Comments are closed. Explore more on these topics",
    ),
)


def scrape(text: str) -> str:
    """Lowercase a-z0-9 words separated by single spaces: what remains after a crude scraper."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", folded).strip()


def load_headlines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def with_chrome(doc_id: str, text: str, year: str, headlines: list[str], other_site: bool = False) -> str:
    """Insert site chrome into a clean article (one paragraph per line); scrape afterwards."""
    menus, heads, copyrights = _OTHER_SITE if other_site else (_MENUS, _BLOCK_HEADS, _COPYRIGHTS)
    rng = random.Random(int(hashlib.sha1(doc_id.encode()).hexdigest(), 16))
    paragraphs = [p for p in text.split("\n") if p.strip()]
    blocks = []
    for _ in range(rng.randint(1, 3)):
        head = rng.choice(heads)
        block = rng.sample(headlines, rng.randint(3, 6))
        blocks.append("\n".join([head, *block] if head else block))
    slots = sorted(rng.sample(range(1, len(paragraphs) + 1), min(len(blocks), len(paragraphs))))
    for offset, (slot, block) in enumerate(zip(slots, blocks, strict=False)):
        paragraphs.insert(slot + offset, block)
    paragraphs.insert(0, rng.choice(menus))
    paragraphs.append(rng.choice(copyrights).format(year=year))
    return "\n".join(paragraphs)


def render(doc_id: str, text: str, date: str | None, rendering: str, headlines: list[str]) -> str:
    if rendering == "clean":
        return text
    if rendering == "scraped":
        return scrape(text)
    if rendering in ("chrome", "chrome-news"):
        other_site = rendering == "chrome-news"
        return scrape(with_chrome(doc_id, text, (date or "2016")[:4], headlines, other_site))
    known = ", ".join(RENDERINGS + STRESS_RENDERINGS)
    raise ValueError(f"unknown rendering {rendering!r}; expected one of {known}")
