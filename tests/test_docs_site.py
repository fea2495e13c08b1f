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


def test_the_rules_reference_lists_every_name() -> None:
    """The reference lists the names of unsc.rules, which come from its modules, in the
    order they read: a name added to the package must be added there, or it goes unshown."""
    import unsc.rules

    page = (ROOT / "docs" / "reference" / "core.md").read_text(encoding="utf-8")
    options = page.split("::: unsc.rules\n", 1)[1].split(":::", 1)[0]
    listed = re.findall(r"^ {8}- (\w+)$", options, flags=re.MULTILINE)
    assert sorted(listed) == sorted(unsc.rules.__all__)


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


# -- issue 21, part 13: the home page, and code blocks that fit the page --------------------


def _nav_pages(nav: object) -> list[str]:
    """Every Markdown page the navigation lists, in order."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in _nav_pages(value)]
    if isinstance(nav, list):
        return [page for item in nav for page in _nav_pages(item)]
    return []


def test_home_page_installs_from_the_repository_and_lists_every_page() -> None:
    """No `pip install unsc` (no index serves it before a release): the home page says how
    to install from the repository, and links every page of the navigation."""
    import yaml

    home = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = yaml.safe_load(config)["nav"]
    linked = set(re.findall(r"\]\(([\w/.-]+\.md)(?:#[\w-]+)?\)", home))

    assert not re.search(r"pip install ['\"]?unsc\b", home)
    assert "git clone https://github.com/unsc-project/unsc.git" in home
    assert "pip install -e ." in home
    assert set(_nav_pages(nav)) - {"index.md"} <= linked
    for page in ("agreement.md", "odds.md", "gallery.md", "mun.md"):
        assert page in linked
    assert "four lesson plans" in home


class _Blocks(HTMLParser):
    """Each <pre> of a page: whether it sits inside .md-typeset with <code> as its child,
    and the lines of its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.blocks: list[dict[str, object]] = []
        self._pre: dict[str, object] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if self._pre is not None and tag == "code" and self.stack[-1][0] == "pre":
            self._pre["code_child"] = True
        if tag == "pre":
            inside = any("md-typeset" in c.split() for _, c in self.stack)
            self._pre = {"inside": inside, "code_child": False, "text": ""}
        self.stack.append((tag, classes))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            opened, _ = self.stack.pop()
            if opened == tag:
                break
        if tag == "pre" and self._pre is not None:
            self.blocks.append(self._pre)
            self._pre = None

    def handle_data(self, data: str) -> None:
        if self._pre is not None:
            self._pre["text"] = str(self._pre["text"]) + data


def _rules(css: str) -> dict[str, str]:
    """A stylesheet as {selector: declarations}, at any depth of @media."""
    found: dict[str, str] = {}
    for selectors, body in re.findall(
        r"([^{}]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    ):
        for selector in selectors.split(","):
            found[" ".join(selector.split())] = " ".join(body.split())
    return found


def test_no_code_block_is_wider_than_the_content_column(site: Site) -> None:
    """Every code block of the built site is held to the content column by the site's
    stylesheet: inside .md-typeset, its <code> scrolls sideways (overflow-x: auto) and the
    block is at most as wide as the column (max-width: 100%)."""
    root, pages = site
    rules = _rules((root / "css" / "extra.css").read_text(encoding="utf-8"))

    assert "overflow-x: auto" in rules[".md-typeset pre > code"]
    assert "max-width: 100%" in rules[".md-typeset pre"]
    counted = 0
    for path, page in pages.items():
        blocks = _Blocks()
        blocks.feed(page.text)
        for block in blocks.blocks:
            if not str(block["text"]).strip():
                continue
            counted += 1
            assert block["inside"], (path, str(block["text"])[:60])
            assert block["code_child"], (path, str(block["text"])[:60])
        if blocks.blocks:
            assert "css/extra.css" in page.text, path
    assert counted > 100


# At 1280 pixels (sidebars shown) the content column holds 80 characters of code whole
# (screenshots of the built site); these pages are written to fit it, no scrolling.
_WHOLE = ("index.html", "teaching/index.html", "mun/index.html")


@pytest.mark.parametrize("name", _WHOLE)
def test_teaching_pages_show_code_whole(site: Site, name: str) -> None:
    """The pages a teacher prints or projects have no code line over 80 characters."""
    root, pages = site
    blocks = _Blocks()
    blocks.feed(pages[root / name].text)
    wide = [
        line for block in blocks.blocks for line in str(block["text"]).split("\n")
        if len(line) > 80
    ]  # fmt: skip

    assert blocks.blocks
    assert not wide, wide
