r"""The UN's own voting file, downloaded on request and kept in a cache.

The UN Digital Library publishes its "Security Council Voting Data" on record 4055387
(https://digitallibrary.un.org/record/4055387), a few times a year, as a file named by its
date (``2026_02_06_sc_voting.csv``). It is © United Nations, for non-commercial use with
attribution, so unsc never ships it and never fetches it unasked: `download` (or ``unsc
data update``) fetches it on your explicit command, after printing the terms, into the
cache directory that `data_dir` names; `cached` gives the newest file there and
`status` says which file it is, of when, and how many rows it has.

The cache directory is ``UNSC_DATA_DIR`` if that is set; otherwise the platform's user
cache directory for unsc, from ``platformdirs`` when it is installed, or else the same
place written out: ``$XDG_CACHE_HOME/unsc`` (by default ``~/.cache/unsc``) on Linux and
other Unixes, ``~/Library/Caches/unsc`` on macOS, ``%LOCALAPPDATA%\unsc\Cache`` on
Windows.

A download goes to a temporary file in the cache directory, which is renamed to its
final name only once the whole file has arrived and reads as the UN's voting data: a
lost connection, a bad page or Ctrl-C leave nothing half-written behind.

Examples:
    >>> from unsc.history import cache
    >>> cache.status("/no/such/cache")
    <DataStatus: no UN voting file in /no/such/cache>
    >>> cache.cached("/no/such/cache") is None
    True
"""

from __future__ import annotations

import csv
import datetime
import importlib
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import attrs

from unsc._table import Table, Tabular
from unsc.errors import DataError, DownloadError, FileError, InvalidTypeError, NoDataLinkError

__all__ = [
    "RECORD_URL",
    "TERMS",
    "DataStatus",
    "cached",
    "data_dir",
    "download",
    "newest_link",
    "status",
]

#: The UN Digital Library's record of the Security Council voting data.
RECORD_URL = "https://digitallibrary.un.org/record/4055387"

#: What the UN asks of those who use its file; printed before every download.
TERMS = (
    "Security Council Voting Data, © United Nations (Dag Hammarskjöld Library): "
    "non-commercial use with attribution. Cite it as: United Nations Dag Hammarskjöld "
    "Library, Security Council Voting Data, downloaded from "
    f"{RECORD_URL}, [download date]. Terms of use: "
    "https://digitallibrary.un.org/pages/?ln=en&page=tos"
)

# The UN's files are named by their date, padded or not: 2026_02_06_sc_voting.csv,
# 2025_7_21_sc_voting.csv, 2025_11_25_sc_voting.csv.
_DATED = re.compile(r"(\d{4})_(\d{1,2})_(\d{1,2})_sc_voting\.csv")
# A file from a URL whose name carries no date is kept under this name.
_UNDATED = "sc_voting.csv"
_CHUNK = 1 << 18
_TIMEOUT = 30.0
_PAGE_LIMIT = 4 << 20  # a record page is some 100 kB; more is not the page

#: Called during a download with the bytes received so far and the total, when known.
Progress = Callable[[int, "int | None"], None]


def _directory(directory: object, what: str) -> Path:
    """``directory`` as an absolute path, or the cache directory for ``None``."""
    if directory is None:
        return data_dir()
    if not isinstance(directory, (str, os.PathLike)):
        raise InvalidTypeError(what, directory, "give a path, or None for the cache directory")
    return Path(directory).absolute()


def data_dir() -> Path:
    """The directory unsc keeps the UN's file in (it need not exist yet).

    ``UNSC_DATA_DIR`` if set; otherwise the user cache directory for unsc, from
    ``platformdirs`` when installed, else the platform's convention written out.

    Returns:
        The directory, as an absolute path.
    """
    chosen = os.environ.get("UNSC_DATA_DIR")
    if chosen:
        return Path(chosen).expanduser().absolute()
    try:
        platformdirs: Any = importlib.import_module("platformdirs")
    except ImportError:
        return _default_dir(sys.platform, os.environ, Path.home())
    return Path(platformdirs.user_cache_dir("unsc", appauthor=False))


def _default_dir(platform: str, environ: Any, home: Path) -> Path:
    """Where ``platformdirs`` would put unsc's cache, for when it is not installed."""
    if platform.startswith("win"):
        base = environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / "unsc" / "Cache"
    if platform == "darwin":
        return home / "Library" / "Caches" / "unsc"
    base = environ.get("XDG_CACHE_HOME", "").strip()
    return Path(base if os.path.isabs(base) else home / ".cache") / "unsc"


def _published(name: str) -> datetime.date | None:
    """The date in a file name such as ``2026_02_06_sc_voting.csv``, if it has one.

    Examples:
        >>> _published("2025_7_21_sc_voting.csv"), _published("sc_voting.csv")
        (datetime.date(2025, 7, 21), None)
    """
    match = _DATED.fullmatch(name)
    if match is None:
        return None
    try:
        return datetime.date(*map(int, match.groups()))
    except ValueError:  # 2026_13_45: a name, not a date
        return None


def cached(directory: str | os.PathLike[str] | None = None) -> Path | None:
    """The newest UN voting file in the cache, or None if none was downloaded.

    Cheap: it lists one directory and reads no file. The newest is the one with the
    latest date in its name (a file kept without a date counts by the day it was
    downloaded); between equals, the last downloaded.

    Args:
        directory: The cache directory; by default `data_dir`.
    """
    where = Path(directory) if directory is not None else data_dir()
    try:
        entries = list(os.scandir(where))
    except OSError:  # no cache yet (or none readable): nothing downloaded
        return None
    best: tuple[datetime.date, float] | None = None
    found: Path | None = None
    for entry in entries:
        published = _published(entry.name)
        if published is None and entry.name != _UNDATED:
            continue
        try:
            modified = entry.stat().st_mtime
        except OSError:  # removed while we looked
            continue
        day = published or datetime.date.fromtimestamp(modified)
        if best is None or (day, modified) > best:
            best, found = (day, modified), Path(entry.path)
    return found


@attrs.frozen(repr=False)
class DataStatus(Tabular):
    """Which UN voting file unsc would merge, and what is in it.

    Attributes:
        directory: The cache directory.
        path: The newest file there, or None if none was downloaded.
        published: The date in the file's name (the UN's release), if it has one.
        downloaded: When the file was downloaded (its modification time).
        rows: Member rows in the file (the header not counted).
        last_vote: The latest vote date in the file.
    """

    directory: Path
    path: Path | None = None
    published: datetime.date | None = None
    downloaded: datetime.datetime | None = None
    rows: int = 0
    last_vote: datetime.date | None = None

    def __repr__(self) -> str:
        if self.path is None:
            return f"<DataStatus: no UN voting file in {self.directory}>"
        when = self.published or "undated"
        return f"<DataStatus {self.path.name}: {when}, {self.rows:,} rows>"

    def summary(self) -> str:
        """One sentence: the file and its date, or how to get one."""
        if self.path is None:
            return (
                f"No UN voting file in {self.directory}; 'unsc data update' (or "
                "unsc.history.download()) downloads the newest."
            )
        when = f"of {self.published}" if self.published else "(no date in its name)"
        return f"The UN voting file {self.path.name} {when}, {self.rows:,} rows."

    def as_table(self) -> Table:
        """The summary, then the status field by field; its data the status itself."""
        fields = [(name.replace("_", " "), "—" if value is None else f"{value:,}"
                   if isinstance(value, int) else value)
                  for name, value in self.to_dict().items()]  # fmt: skip
        return Table(
            ("field", "value"),
            fields,
            sections=(Table((), (), caption=self.summary()),),
            data=self.to_dict(),
            numparse=False,
        )

    def to_dict(self) -> dict[str, Any]:
        """The status as JSON-ready values (dates as ISO text)."""

        def iso(value: datetime.date | None) -> str | None:
            return None if value is None else value.isoformat()

        return {
            "directory": str(self.directory),
            "path": None if self.path is None else str(self.path),
            "published": iso(self.published),
            "downloaded": iso(self.downloaded),
            "rows": self.rows,
            "last_vote": iso(self.last_vote),
        }

    def __str__(self) -> str:
        return self.table()


def status(directory: str | os.PathLike[str] | None = None) -> DataStatus:
    """Which UN voting file is in the cache: its name, date and rows.

    Args:
        directory: The cache directory; by default `data_dir`.

    Returns:
        A [`DataStatus`][unsc.history.cache.DataStatus]; its ``path`` is None when
        nothing was downloaded.

    Raises:
        FileError: The cached file cannot be read.
    """
    where = _directory(directory, "status(directory)")
    path = cached(where)
    if path is None:
        return DataStatus(where)
    try:
        modified = path.stat().st_mtime
        with path.open(encoding="utf-8-sig", newline="", errors="replace") as f:
            rows, last = _count(f)
    except OSError as exc:
        raise FileError(str(path), f"cannot be read: {exc.strerror or exc}") from None
    return DataStatus(
        where,
        path,
        _published(path.name),
        datetime.datetime.fromtimestamp(modified).replace(microsecond=0),
        rows,
        last,
    )


def _count(f: IO[str]) -> tuple[int, datetime.date | None]:
    """The rows of a voting file and its latest vote date."""
    reader = csv.reader(f)
    header = next(reader, [])
    at = header.index("date") if "date" in header else None
    rows, last = 0, ""
    for row in reader:
        rows += 1
        if at is not None and len(row) > at and row[at] > last:
            last = row[at]  # ISO dates compare as text
    try:
        return rows, datetime.date.fromisoformat(last) if last else None
    except ValueError:
        return rows, None


# The target of a link: enough for a record page, without an HTML parser's import.
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def newest_link(page: str, base: str = RECORD_URL) -> str:
    """The newest ``*_sc_voting.csv`` file a record page links to, by the date in its name
    (the UN writes it padded or not: ``2025_11_25`` is newer than ``2025_7_21``).

    Args:
        page: The HTML of the record page.
        base: The page's URL, against which relative links are read.

    Returns:
        The file's absolute URL.

    Raises:
        NoDataLinkError: The page links to no such file.

    Examples:
        >>> page = ('<a href="/record/4055387/files/2025_11_25_sc_voting.csv">v4</a>'
        ...         '<a href="/record/4055387/files/2025_7_21_sc_voting.csv?ln=en">v3</a>')
        >>> newest_link(page)
        'https://digitallibrary.un.org/record/4055387/files/2025_11_25_sc_voting.csv'
    """
    import html
    from urllib.parse import unquote, urljoin, urlsplit

    dated = []
    for match in _HREF.finditer(page):
        href = html.unescape(next(group for group in match.groups() if group is not None))
        url = urljoin(base, href.strip())
        day = _published(unquote(urlsplit(url).path).rpartition("/")[2])
        if day is not None:
            dated.append((day, url))
    if not dated:
        raise NoDataLinkError(base)
    return max(dated)[1]


def download(
    url: str | None = None,
    *,
    directory: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
) -> Path:
    """Download the UN's newest Security Council voting file into the cache.

    Prints the UN's terms of use first. Without ``url``, reads the UN Digital Library's
    record page (`RECORD_URL`) and takes its newest ``*_sc_voting.csv`` file; a URL
    ending in ``.csv`` is downloaded as it is; any other URL is read as a record page.
    The file arrives in a temporary file beside its final place and is renamed only
    when complete and read as the UN's voting data (its header has every column unsc
    reads): an error or Ctrl-C leaves the cache as it was.

    Args:
        url: The record page, or the file itself; by default the UN's record page.
        directory: The cache directory; by default `data_dir` (created if need be).
        progress: Called as the file arrives with the bytes received and the total
            size (None when the server does not say).

    Returns:
        The path of the downloaded file in the cache.

    Raises:
        DownloadError: The network or the server failed (one line says which URL, why).
        NoDataLinkError: The page links to no voting file.
        DataError: What arrived is not the UN's voting data.
        FileError: The cache directory cannot be written.
        InvalidTypeError: ``url`` is not text, ``directory`` not a path, ``progress`` not
            callable.
    """
    import tempfile

    url = RECORD_URL if url is None else url
    if not isinstance(url, str):
        raise InvalidTypeError("download(url)", url, "give the URL as text, or None")
    if not url.strip():
        raise DownloadError(repr(url), "give the URL of the record page or of a .csv file")
    if progress is not None and not callable(progress):
        raise InvalidTypeError("download(progress)", progress, "give a function, or None")
    where = _directory(directory, "download(directory)")
    url = url.strip()
    print(TERMS)
    if not _is_csv(url):
        url = newest_link(*_page(url))
    name = _name(url)
    with _open(url) as response:  # the cache is touched only once the server answers
        try:
            where.mkdir(parents=True, exist_ok=True)
            part = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below, on every path)
                dir=where, prefix=f".{name}.", suffix=".part", delete=False
            )
        except OSError as exc:
            raise FileError(str(where), f"cannot be written: {exc.strerror or exc}") from None
        try:
            with part:
                _copy(url, response, part, progress)
            target = where / name
            os.replace(part.name, target)
        except BaseException:  # Ctrl-C too: nothing half-written stays behind
            Path(part.name).unlink(missing_ok=True)
            raise
    return target


def _is_csv(url: str) -> bool:
    from urllib.parse import urlsplit

    return urlsplit(url).path.lower().endswith(".csv")


def _name(url: str) -> str:
    """The cache's name for the file at ``url``: the UN's own name when it carries a date."""
    from urllib.parse import unquote, urlsplit

    name = unquote(urlsplit(url).path).rpartition("/")[2]
    return name if _published(name) else _UNDATED


def _open(url: str) -> Any:
    """The response for ``url``; every failure a DownloadError naming the URL."""
    import urllib.error
    import urllib.parse
    import urllib.request

    from unsc import __version__

    if urllib.parse.urlsplit(url).scheme.lower() not in ("http", "https", "file"):
        raise DownloadError(url, "not a URL unsc can read; use an http://, https:// or file: URL")
    request = urllib.request.Request(url, headers={"User-Agent": f"unsc/{__version__}"})
    try:
        return urllib.request.urlopen(request, timeout=_TIMEOUT)
    except urllib.error.HTTPError as exc:
        exc.close()
        raise DownloadError(url, f"the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise DownloadError(url, _reason(exc.reason)) from None
    except (OSError, ValueError) as exc:  # a timeout, a reset, a malformed URL
        raise DownloadError(url, _reason(exc)) from None


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return str(reason.strerror)
    return str(reason) or type(reason).__name__


def _page(url: str) -> tuple[str, str]:
    """The text of a record page, and its URL after any redirection (its links' base)."""
    with _open(url) as response:
        try:
            body = response.read(_PAGE_LIMIT)
        except OSError as exc:
            raise DownloadError(url, _reason(exc)) from None
        charset = response.headers.get_content_charset() or "utf-8"
        base = str(response.geturl() or url)
    try:
        return str(body.decode(charset, errors="replace")), base
    except LookupError:  # a charset Python does not know
        return str(body.decode("utf-8", errors="replace")), base


def _copy(url: str, response: Any, out: IO[bytes], progress: Progress | None) -> None:
    """Copy the file from ``response`` into ``out``, checking that it is the UN's voting data."""
    import http.client

    length = response.headers.get("Content-Length")
    total = int(length) if length and length.isdigit() else None
    received = 0
    first = True
    while True:
        try:
            chunk = response.read(_CHUNK)
        except (OSError, http.client.HTTPException) as exc:
            raise DownloadError(url, f"the connection broke off: {_reason(exc)}") from None
        if not chunk:
            break
        if first:
            _check_header(url, chunk)
            first = False
        out.write(chunk)
        received += len(chunk)
        if progress is not None:
            progress(received, total)
    if first:
        raise DataError(url, "is empty; expected the UN's voting data (a CSV file)")
    if total is not None and received < total:
        raise DownloadError(url, f"the connection broke off after {received:,} of {total:,} bytes")


def _check_header(url: str, chunk: bytes) -> None:
    """Refuse, before saving, a file whose first line is not the voting data's header."""
    from unsc.history.undl import COLUMNS

    line = chunk.split(b"\n", 1)[0].decode("utf-8-sig", errors="replace").strip()
    missing = [c for c in COLUMNS if c not in next(csv.reader([line]), [])]
    if missing:
        shown = line if len(line) <= 60 else line[:57] + "..."
        raise DataError(
            url,
            f"is not the UN's Security Council voting data: its first line is {shown!r}, "
            f"where the header with {', '.join(COLUMNS)} was expected",
        )
