"""The UN's own file on request: `unsc data update`, `history.download`, the cache.

Every download here is served by a local HTTP server on 127.0.0.1 (the UN's record page
and its files are unsc's own stand-ins, tests/fixtures/undl_record_page.html and
undl_sample.csv): no test touches the network.
"""

from __future__ import annotations

import datetime
import http.server
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import unsc
from unsc import history
from unsc.errors import DataError, DownloadError, NoDataLinkError, UNSCError
from unsc.history import cache

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAGE = (FIXTURES / "undl_record_page.html").read_bytes()
NEWEST = (FIXTURES / "undl_sample.csv").read_bytes()
# An older release: the same file, cut after its first resolution (11 rows).
OLDER = b"".join(NEWEST.splitlines(keepends=True)[:12])
FILES = "/record/4055387/files/"


class _Server(http.server.ThreadingHTTPServer):
    """Serves the routes below; counts requests; holds ``/stall.csv`` until released."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[str] = []
        self.release = threading.Event()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the tests' output is not a server log."""

    def do_GET(self) -> None:
        path = self.path.partition("?")[0]
        self.server.requests.append(path)
        routes: dict[str, tuple[bytes, str]] = {
            "/record/4055387": (PAGE, "text/html; charset=utf-8"),
            "/no-links": (b"<html><body><a href='/x.pdf'>x</a></body></html>", "text/html"),
            "/odd-charset": (PAGE, "text/html; charset=x-no-such-charset"),
            FILES + "2026_02_06_sc_voting.csv": (NEWEST, "text/csv"),
            FILES + "2025_7_21_sc_voting.csv": (OLDER, "text/csv"),
            "/export.csv": (NEWEST, "text/csv"),
            "/page.csv": (b"<!DOCTYPE html><html><body>Not found</body></html>", "text/html"),
            "/empty.csv": (b"", "text/csv"),
        }
        if path == "/unsized/2026_02_06_sc_voting.csv":  # no Content-Length: size unknown
            self.send_response(200)
            self.end_headers()
            self.wfile.write(NEWEST)
            self.close_connection = True
            return
        if path in ("/cut.csv", "/stall.csv"):
            self._partial(stall=path == "/stall.csv")
            return
        if path not in routes:
            self.send_error(404)
            return
        body, kind = routes[path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _partial(self, *, stall: bool) -> None:
        """Half the file, then a closed connection (or, stalling, a wait for release)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Length", str(len(NEWEST)))
        self.end_headers()
        self.wfile.write(NEWEST[: len(NEWEST) // 2])
        self.wfile.flush()
        if stall:
            self.server.release.wait(30)
        self.close_connection = True


@pytest.fixture(name="server", scope="module")
def _server() -> Iterator[_Server]:
    server = _Server()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()
    thread.join(10)


@pytest.fixture(name="store")
def _store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache directory, named by UNSC_DATA_DIR."""
    store = tmp_path / "cache"
    monkeypatch.setenv("UNSC_DATA_DIR", str(store))
    return store


def _refused_url() -> str:
    """A URL on 127.0.0.1 where nothing listens."""
    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    port = server.server_address[1]
    server.server_close()
    return f"http://127.0.0.1:{port}/record/4055387"


def _contents(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir()) if directory.exists() else []


# -- where the file is kept ---------------------------------------------------------------


def test_data_dir_is_unsc_data_dir_when_set(store: Path) -> None:
    """UNSC_DATA_DIR names the cache directory."""
    assert cache.data_dir() == store


def test_data_dir_without_platformdirs_follows_each_platform(tmp_path: Path) -> None:
    """Without platformdirs, the platform's user cache convention, written out."""
    home = tmp_path / "home"
    assert cache._default_dir("linux", {}, home) == home / ".cache" / "unsc"
    assert cache._default_dir("linux", {"XDG_CACHE_HOME": "/var/c"}, home) == Path("/var/c/unsc")
    # A relative XDG_CACHE_HOME is invalid by the XDG spec: ignored.
    assert cache._default_dir("linux", {"XDG_CACHE_HOME": "rel"}, home) == home / ".cache/unsc"
    assert cache._default_dir("darwin", {}, home) == home / "Library" / "Caches" / "unsc"
    local = {"LOCALAPPDATA": r"C:\Users\a\AppData\Local"}
    assert cache._default_dir("win32", local, home) == Path(local["LOCALAPPDATA"], "unsc", "Cache")
    assert cache._default_dir("win32", {}, home) == home / "AppData" / "Local" / "unsc" / "Cache"


def test_data_dir_uses_platformdirs_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """With platformdirs installed, its user cache directory for unsc."""
    calls = []

    class _Platformdirs:
        @staticmethod
        def user_cache_dir(name: str, appauthor: object) -> str:
            calls.append((name, appauthor))
            return "/somewhere/unsc"

    monkeypatch.delenv("UNSC_DATA_DIR", raising=False)
    monkeypatch.setitem(sys.modules, "platformdirs", _Platformdirs)
    assert cache.data_dir() == Path("/somewhere/unsc")
    assert calls == [("unsc", False)]


def test_data_dir_fallback_without_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without UNSC_DATA_DIR or platformdirs, the written-out convention for this platform."""
    monkeypatch.delenv("UNSC_DATA_DIR", raising=False)
    monkeypatch.setitem(sys.modules, "platformdirs", None)  # as if not installed
    assert cache.data_dir() == cache._default_dir(sys.platform, os.environ, Path.home())


# -- finding the newest file on the record page -----------------------------------------


def test_newest_link_is_chosen_by_the_date_in_its_name() -> None:
    """The fixture page lists 2025_7_21, 2026_02_06, 2025_11_25: the 2026 file, resolved."""
    link = cache.newest_link(PAGE.decode(), "http://127.0.0.1:8/record/4055387")
    assert link == (
        "http://127.0.0.1:8/record/4055387/files/2026_02_06_sc_voting.csv?ln=en&withWatermark=0"
    )


@given(
    st.lists(
        st.tuples(
            st.dates(datetime.date(1990, 1, 1), datetime.date(2099, 12, 31)),
            st.sampled_from(['href="{}"', "href='{}'", "HREF = {}", 'href="{}?ln=en&amp;x=1"']),
            st.booleans(),
        ),
        min_size=1,
        max_size=8,
        unique_by=lambda link: link[0],
    )
)
def test_newest_link_whatever_the_order_quoting_and_padding(
    links: list[tuple[datetime.date, str, bool]],
) -> None:
    """However the page orders, quotes and pads (2025_7_21, 2025_11_25) its links, the
    latest date in a name wins."""
    anchors = []
    for day, form, padded in links:
        name = f"{day:%Y_%m_%d}" if padded else f"{day.year}_{day.month}_{day.day}"
        anchors.append(f"<a {form.format(f'files/{name}_sc_voting.csv')}>v</a>")
    page = "<p>".join(["<a href='notes.md'>notes</a>", *anchors])
    newest = max(day for day, _, _ in links)
    url = cache.newest_link(page, "https://library.example/record/1")
    assert url.startswith("https://library.example/record/files/")
    assert cache._published(url.partition("?")[0].rpartition("/")[2]) == newest
    assert "&amp;" not in url


def test_a_page_without_a_voting_file_is_refused_by_name() -> None:
    """No *_sc_voting.csv link: a LookupError naming the page and what would do."""
    with pytest.raises(NoDataLinkError, match=r"http://x/p links to no .* ending in \.csv"):
        cache.newest_link('<a href="2026_02_06_sc_voting.pdf">x</a><a>no href</a>', "http://x/p")
    assert issubclass(NoDataLinkError, LookupError)


# -- downloading --------------------------------------------------------------------------


def test_download_takes_the_newest_file_of_the_record_page(
    server: _Server, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page is read, the newest file saved under its own name, the terms printed first."""
    seen: list[tuple[int, int | None]] = []
    path = history.download(server.url("/record/4055387"), progress=lambda *a: seen.append(a))

    assert path == store / "2026_02_06_sc_voting.csv"
    assert path.read_bytes() == NEWEST
    assert _contents(store) == ["2026_02_06_sc_voting.csv"]  # no temporary file left
    assert seen[-1] == (len(NEWEST), len(NEWEST))
    out = capsys.readouterr().out
    assert "© United Nations" in out
    assert "non-commercial use with attribution" in out


def test_a_csv_url_is_downloaded_as_it_is(server: _Server, tmp_path: Path) -> None:
    """A URL ending in .csv is the file itself; an undated name is kept as sc_voting.csv."""
    dated = cache.download(server.url(FILES + "2025_7_21_sc_voting.csv"), directory=tmp_path)
    undated = cache.download(server.url("/export.csv"), directory=tmp_path)

    assert dated.read_bytes() == OLDER
    assert undated == tmp_path / "sc_voting.csv"
    assert server.requests.count("/record/4055387") <= 1  # the page only for the test above


def test_a_page_in_an_unknown_charset_is_read_as_utf8(server: _Server, tmp_path: Path) -> None:
    """A charset Python does not know: the page is read as UTF-8, its links found."""
    path = cache.download(server.url("/odd-charset"), directory=tmp_path)
    assert path.name == "2026_02_06_sc_voting.csv"


def test_a_file_of_unknown_size_is_downloaded(server: _Server, tmp_path: Path) -> None:
    """No Content-Length: progress is told None for the total, and the file is whole."""
    seen: list[tuple[int, int | None]] = []
    url = server.url("/unsized/2026_02_06_sc_voting.csv")
    path = cache.download(url, directory=tmp_path, progress=lambda *a: seen.append(a))
    assert path.read_bytes() == NEWEST
    assert seen[-1] == (len(NEWEST), None)


def test_download_without_url_reads_the_un_record_page(
    server: _Server, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """By default the UN's record page (here served locally in its place)."""
    monkeypatch.setattr(cache, "RECORD_URL", server.url("/record/4055387"))
    assert cache.download().name == "2026_02_06_sc_voting.csv"


@pytest.mark.parametrize(
    ("path", "error", "message"),
    [
        ("/gone.csv", DownloadError, r"cannot download http://127\.0\.0\.1:\d+/gone\.csv: .*404"),
        ("/cut.csv", DownloadError, r"broke off after [\d,]+ of [\d,]+ bytes"),
        ("/page.csv", DataError, r"is not the UN's Security Council voting data: .*<!DOCTYPE"),
        ("/empty.csv", DataError, r"is empty; expected the UN's voting data"),
        ("/no-links", NoDataLinkError, r"links to no Security Council voting file"),
        ("/missing-page", DownloadError, r"404"),
    ],
)
def test_a_failed_download_leaves_the_cache_as_it_was(
    server: _Server, store: Path, path: str, error: type[Exception], message: str
) -> None:
    """A server error, a cut connection, a file that is not the data: a precise error, and
    the file already in the cache untouched, nothing half-written beside it."""
    store.mkdir()
    (store / "2025_07_21_sc_voting.csv").write_bytes(OLDER)

    with pytest.raises(error, match=message):
        cache.download(server.url(path))

    assert _contents(store) == ["2025_07_21_sc_voting.csv"]
    assert (store / "2025_07_21_sc_voting.csv").read_bytes() == OLDER


def test_no_network_is_a_connection_error(store: Path) -> None:
    """Nothing listening: a DownloadError (a ConnectionError), and no cache created."""
    with pytest.raises(DownloadError, match=r"cannot download http://127\.0\.0\.1:\d+/") as info:
        cache.download(_refused_url())
    assert isinstance(info.value, ConnectionError)
    assert isinstance(info.value, UNSCError)
    assert not store.exists()


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/x.csv", "not a url", "", " "])
def test_a_url_unsc_cannot_read_is_refused(store: Path, url: str) -> None:
    """Only http(s) and file URLs are read; the error says so."""
    with pytest.raises(DownloadError, match=r"use an http://|give the URL"):
        cache.download(url)
    assert not store.exists()


def test_a_url_that_is_not_text_is_a_type_error(store: Path) -> None:
    """download(42): a TypeError that says what to give."""
    with pytest.raises(TypeError, match=r"download\(url\) .*give the URL as text"):
        cache.download(42)  # type: ignore[arg-type]


def test_interrupted_download_leaves_nothing(server: _Server, store: Path) -> None:
    """Ctrl-C during the transfer: the temporary file goes, the interruption goes on."""

    def interrupt(received: int, total: int | None) -> None:
        assert any(p.suffix == ".part" for p in store.iterdir())  # it was being written
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        cache.download(server.url(FILES + "2026_02_06_sc_voting.csv"), progress=interrupt)
    assert _contents(store) == []


def test_an_unwritable_cache_is_a_file_error(server: _Server, tmp_path: Path) -> None:
    """A cache directory that cannot be made: an OSError naming it."""
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(OSError, match=r"file/sub: cannot be written"):
        cache.download(server.url("/export.csv"), directory=blocker / "sub")


def test_a_file_url_is_read_too(tmp_path: Path) -> None:
    """A local copy, given as a file: URL, is taken into the cache like a download."""
    source = tmp_path / "2026_02_06_sc_voting.csv"
    source.write_bytes(NEWEST)
    path = cache.download(source.as_uri(), directory=tmp_path / "cache")
    assert path.read_bytes() == NEWEST


# -- the cache and its status -------------------------------------------------------------


def test_cached_is_the_newest_file_by_its_date(tmp_path: Path) -> None:
    """The date in the name decides; a file without one counts by its download day."""
    assert cache.cached(tmp_path / "none") is None
    for name in ("2025_07_21_sc_voting.csv", "2026_02_06_sc_voting.csv", "notes.csv",
                 "2026_13_45_sc_voting.csv"):  # fmt: skip
        (tmp_path / name).write_bytes(OLDER)
    assert cache.cached(tmp_path) == tmp_path / "2026_02_06_sc_voting.csv"
    undated = tmp_path / "sc_voting.csv"
    undated.write_bytes(OLDER)
    old = time.time() - 400 * 86400
    os.utime(undated, (old, old))
    assert cache.cached(tmp_path) == tmp_path / "2026_02_06_sc_voting.csv"
    os.utime(undated, None)  # downloaded today, after 2026-02-06
    assert cache.cached(tmp_path) == undated


def test_status_names_the_file_its_date_and_rows(server: _Server, store: Path) -> None:
    """Which file, of when, how many rows, and the last vote in it."""
    empty = cache.status()
    assert empty.path is None
    assert repr(empty) == f"<DataStatus: no UN voting file in {store}>"
    assert "'unsc data update'" in empty.summary()

    cache.download(server.url("/record/4055387"))
    found = cache.status()

    assert found.path == store / "2026_02_06_sc_voting.csv"
    assert found.published == datetime.date(2026, 2, 6)
    assert found.rows == len(NEWEST.splitlines()) - 1
    assert found.last_vote == datetime.date(2024, 6, 10)
    assert repr(found) == "<DataStatus 2026_02_06_sc_voting.csv: 2026-02-06, 216 rows>"
    assert "published   2026-02-06" in found.table()
    assert found.to_dict()["rows"] == 216
    assert str(found) == found.table()


def test_the_downloaded_file_merges_into_the_record(server: _Server, store: Path) -> None:
    """What the lead wires into records(): load(undl=cached()) on the downloaded file."""
    cache.download(server.url("/record/4055387"))
    merged = history.load(undl=cache.cached())
    assert merged.get("S/RES/2712 (2023)").has_ballot
    assert merged.get(2714).has_ballot
    assert [c.symbol for c in merged.conflicts] == ["S/RES/11 (1946)"]


def test_importing_unsc_never_loads_the_network() -> None:
    """Nothing is downloaded unasked: importing the history does not even load urllib.request."""
    code = "import sys, unsc, unsc.history, unsc.cli; print('urllib.request' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "False", run.stderr


# -- the command --------------------------------------------------------------------------


def _unsc(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "UNSC_DATA_DIR": str(store)}
    return subprocess.run(
        [sys.executable, "-m", "unsc", "data", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_cli_update_then_status(server: _Server, tmp_path: Path) -> None:
    """`unsc data update` prints the terms and saves the file; `unsc data status` names it."""
    store = tmp_path / "cache"
    assert "No UN voting file in" in _unsc(store, "status").stdout

    run = _unsc(store, "update", "--url", server.url("/record/4055387"))

    assert run.returncode == 0, run.stderr
    assert "© United Nations" in run.stdout
    assert f"Saved 2026_02_06_sc_voting.csv (0.0 MB) in {store};" in run.stdout
    assert run.stderr == ""  # no progress bar off a terminal
    shown = _unsc(store, "status")
    assert "The UN voting file 2026_02_06_sc_voting.csv of 2026-02-06, 216 rows." in shown.stdout
    data = json.loads(_unsc(store, "status", "--format", "json").stdout)
    assert data["rows"] == 216
    assert data["published"] == "2026-02-06"


def test_cli_update_json_and_progress(server: _Server, tmp_path: Path) -> None:
    """With --format json stdout is JSON alone (the terms go to stderr); --progress draws."""
    store = tmp_path / "cache"
    run = _unsc(store, "update", "--url", server.url("/export.csv"), "--format", "json",
                "--progress")  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["path"] == str(store / "sc_voting.csv")
    assert "© United Nations" in run.stderr
    assert "downloading [##############################]" in run.stderr
    unsized = _unsc(store, "update", "--url", server.url("/unsized/2026_02_06_sc_voting.csv"),
                    "--progress")  # fmt: skip
    assert "downloading   0.0 MB" in unsized.stderr  # no size known, no bar: what has come


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("update", "--url", "PLACEHOLDER"), r"unsc: cannot download http://127\.0\.0\.1:\d+/"),
        (("status", "--url", "x"), r"unsc: --url goes with 'unsc data update'"),
        (("refresh",), r"unsc data: argument action: invalid choice: 'refresh'"),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    """No network, --url on status, an unknown action: one line on stderr, exit 2."""
    args = tuple(_refused_url() if a == "PLACEHOLDER" else a for a in args)
    run = _unsc(tmp_path / "cache", *args)
    assert run.returncode == 2
    assert len(run.stderr.splitlines()) == 1, run.stderr
    assert re.match(message, run.stderr), run.stderr
    assert not (tmp_path / "cache").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")
def test_cli_ctrl_c_mid_download(server: _Server, tmp_path: Path) -> None:
    """Ctrl-C while the file arrives: one line, exit 130, nothing left in the cache."""
    store = tmp_path / "cache"
    env = {**os.environ, "UNSC_DATA_DIR": str(store)}
    child = subprocess.Popen(
        [sys.executable, "-m", "unsc", "data", "update", "--url", server.url("/stall.csv")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while not (store.exists() and any(p.suffix == ".part" for p in store.iterdir())):
            assert time.monotonic() < deadline, "the download never started"
            assert child.poll() is None, child.communicate()
            time.sleep(0.02)
        time.sleep(0.1)  # the first half is being received
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert child.returncode == 130
    assert err == "unsc: interrupted\n"
    assert _contents(store) == []


def test_unsc_history_exports_download() -> None:
    """history.download is the public name; the terms say what the UN asks."""
    assert unsc.history.download is cache.download
    assert "download" in history.__all__
    assert "non-commercial use with attribution" in cache.TERMS


def test_bash_completes_the_data_actions() -> None:
    """`unsc data <TAB>` offers update and status, with the options."""
    from unsc import _completion, cli

    script = _completion.bash(cli.parser())
    program = f"{script}\nCOMP_WORDS=(unsc data '')\nCOMP_CWORD=2\n_unsc\necho ${{COMPREPLY[@]}}"
    run = subprocess.run(["bash", "-c", program], capture_output=True, text=True, check=True)
    assert run.stdout.split()[:4] == ["update", "status", "--help", "--format"]
    assert "'1:value:(update status)'" in _completion.zsh(cli.parser())
