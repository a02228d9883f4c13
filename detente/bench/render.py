"""Render an article as written, as a scraper leaves it, and scraped with site chrome.

The chrome rendering copies what flattened web pages look like: a menu/sign-in line first, one to
three blocks of three to six unrelated headlines between paragraphs, a copyright line last. The
choice is seeded by the article id, so every run renders the same text. The chrome-web stress
rendering inserts a 2020s news page's furniture instead (``with_web_chrome``).
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
# chrome-web: the furniture of a 2020s news page (captions with credits, bylines, datelines, update
# stamps, adverts, promos, link lines, embedded posts, trailers, bios, tags) written for the project
# in benchmarks/articles/chrome-web.txt, some captions retelling the article's own sentences.
STRESS_RENDERINGS = ("chrome-news", "chrome-web")
WEB_FURNITURE = Path(__file__).resolve().parents[2] / "benchmarks" / "articles" / "chrome-web.txt"

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


_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
_ECHO_CREDITS = ("(AP Photo/File)", "REUTERS/File Photo", "AFP via Getty Images", "(Pool via AP)", "EPA-EFE")
_SPEECH = re.compile(r"[\"\u201c\u201d]|\b(?:said|says|told)\b")


def load_furniture(path: Path = WEB_FURNITURE) -> dict[str, list[str]]:
    """The chrome-web items by kind ("caption", "trailer", ...): one "kind<TAB>text" a line."""
    items: dict[str, list[str]] = {}
    for line in load_headlines(path):
        kind, text = line.split("\t", 1)
        items.setdefault(kind, []).append(text)
    return items


def _echo_caption(rng: random.Random, paragraphs: list[str], date: str) -> str | None:
    """A caption retelling one of the article's own sentences (no quote), with the day and a credit."""
    sentences = [s.strip().rstrip(".") for p in paragraphs for s in p.split(". ")][1:]  # not the title
    told = [s for s in sentences if not _SPEECH.search(s) and 6 <= len(s.split()) <= 30]
    if not told:
        return None
    year, month, day = (int(x) for x in date.split("-"))
    return f"{rng.choice(told)}, {_MONTHS[month - 1]} {day}, {year}. {rng.choice(_ECHO_CREDITS)}"


def _insert_after(rng: random.Random, paragraphs: list[str], items: list[str], lo: int) -> None:
    """Each item on a line of its own after a paragraph at ``lo`` or later, never the last one."""
    for item in items:
        hi = max(lo, len(paragraphs) - 1)
        paragraphs.insert(rng.randint(lo, hi), item)


def with_web_chrome(doc_id: str, text: str, date: str, items: dict[str, list[str]]) -> str:
    """Insert a news page's furniture where sites put it: byline and stamp on top, a dateline
    before the lead, captions after paragraphs, adverts, promos, links and posts mid-article,
    trailers, bios, tags, comments and a cookie notice last. Seeded by the article id."""
    rng = random.Random(int(hashlib.sha1(f"{doc_id}/web".encode()).hexdigest(), 16))
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if len(paragraphs) > 1 and rng.random() < 0.5:
        paragraphs[1] = f"{rng.choice(items['dateline'])} {paragraphs[1]}"
    captions = []
    for _ in range(rng.randint(1, 3)):
        echo = _echo_caption(rng, paragraphs, date) if rng.random() < 0.4 else None
        caption = echo or rng.choice(items["caption"])
        captions.append(f"{rng.choice(items['gallery'])}\n{caption}" if rng.random() < 0.3 else caption)
    middle = [rng.choice(items[k]) for k in rng.sample(("ad", "promo", "link", "social", "ad"), rng.randint(1, 3))]
    _insert_after(rng, paragraphs, captions + middle, 1)
    top = [rng.choice(items[k]) for k in ("byline", "stamp") if rng.random() < 0.7]
    end = rng.sample(items["trailer"], rng.randint(1, 3))
    end += [rng.choice(items[k]) for k in ("bio", "tags", "comments", "cookie") if rng.random() < 0.4]
    return "\n".join([*top, *paragraphs, *end])


def render(doc_id: str, text: str, date: str | None, rendering: str, headlines: list[str]) -> str:
    if rendering == "clean":
        return text
    if rendering == "scraped":
        return scrape(text)
    if rendering in ("chrome", "chrome-news"):
        other_site = rendering == "chrome-news"
        return scrape(with_chrome(doc_id, text, (date or "2016")[:4], headlines, other_site))
    if rendering == "chrome-web":
        return scrape(with_web_chrome(doc_id, text, date or "2016-01-01", load_furniture()))
    known = ", ".join(RENDERINGS + STRESS_RENDERINGS)
    raise ValueError(f"unknown rendering {rendering!r}; expected one of {known}")
