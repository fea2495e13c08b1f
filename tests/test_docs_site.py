"""The documentation site as a reader gets it: built, then read page by page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
ROLE = re.compile(r":(meth|class|func|data|attr|mod|exc|obj):`")


class _Page(HTMLParser):
    """The links, the ids and the text inside blockquotes of one page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.quoted: list[str] = []
        self.nested = False  # a blockquote inside a blockquote: ">>>" read as quotation marks
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if tag == "blockquote":
            self._depth += 1
            self.nested = self.nested or self._depth > 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "blockquote":
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.quoted.append(data)


Site = tuple[Path, dict[Path, _Page]]


@pytest.fixture(scope="module", name="site")
def _site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    out = tmp_path_factory.mktemp("site")
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert built.returncode == 0, built.stderr
    pages = {}
    for path in out.rglob("*.html"):
        page = _Page(path.read_text(encoding="utf-8"))
        page.feed(page.text)
        pages[path] = page
    return out, pages


def test_examples_are_code_not_quotes(site: Site) -> None:
    """No example is rendered as a quotation: no >>> inside a blockquote, anywhere."""
    _, pages = site
    assert len(pages) > 15
    for path, page in pages.items():
        assert not any(">>>" in text for text in page.quoted), path
        assert not page.nested, path


def test_no_raw_roles_and_no_blanklines(site: Site) -> None:
    """Cross-references are links, not Sphinx roles; no doctest markers reach the page."""
    for path, page in site[1].items():
        assert not ROLE.search(page.text), (path, ROLE.search(page.text))
        assert "BLANKLINE" not in page.text, path


def test_reference_cross_references_are_links(site: Site) -> None:
    """The reference links its names to their entries (autorefs)."""
    root, pages = site
    core = pages[root / "reference" / "core" / "index.html"]
    assert "#unsc.resolution.Resolution" in core.links
    assert "#unsc.rules.Rules.decide" in core.links


def test_every_internal_link_resolves(site: Site) -> None:
    """Every link within the site leads to a page that exists, and to its anchor."""
    root, pages = site
    broken = []
    for path, page in pages.items():
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            if not parts.path:
                target = path
            elif parts.path.startswith("/"):  # the 404 page links from the site's root
                target = root / unquote(parts.path).lstrip("/")
            else:
                target = (path.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if target.suffix != ".html":  # pictures, stylesheets, the sitemap
                if not target.exists():
                    broken.append(f"{path.relative_to(root)}: {href}")
                continue
            page_there = pages.get(target)
            if page_there is None or (parts.fragment and parts.fragment not in page_there.ids):
                broken.append(f"{path.relative_to(root)}: {href}")
    assert not broken, broken[:10]


def test_copying_leaves_out_prompts_and_output(site: Site) -> None:
    """The copy button copies code without >>> prompts or printed output (extra.css)."""
    root, pages = site
    css = (ROOT / "docs" / "css" / "extra.css").read_text(encoding="utf-8")

    assert "code[data-md-copying] .gp" in css
    assert "code[data-md-copying] .go" in css
    assert "css/extra.css" in pages[root / "index.html"].text
