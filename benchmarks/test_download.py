"""`unsc data update` against copying the same bytes with urllib alone.

Run:
    pytest benchmarks/test_download.py --benchmark-json=bench.json
    python benchmarks/ratios.py bench.json

A file of 41,000 rows in the UN Digital Library's format (the ``typical`` shape of
benchmarks/undl_files.py, about 12 MB, the size of the real dataset) is served with a
record page linking to it by a local HTTP server on 127.0.0.1. Bar (docs/performance.md):
``unsc data update`` within 2x of copying the same bytes with ``urllib`` alone.

Two groups, each a ratio to its own baseline:

* ``download-41k``: in one process, ``history.download`` of the file's URL, and of the
  record page (the page read, then the file), against ``urllib.request.urlopen`` copied
  into a file with ``shutil.copyfileobj``;
* ``download-41k-process``: ``unsc data update --url PAGE`` as a whole process against a
  ``python -c`` process doing the urllib copy: what a user waits for at the terminal;
  ``unsc --version`` beside them, the start-up every unsc command pays.
"""

from __future__ import annotations

import contextlib
import http.server
import io
import os
import shutil
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from undl_files import write

from unsc.history import cache

ROWS = 41_000
NAME = "2026_02_06_sc_voting.csv"
COPY = (
    "import shutil, sys, urllib.request\n"
    "with urllib.request.urlopen(sys.argv[1]) as r, open(sys.argv[2], 'wb') as f:\n"
    "    shutil.copyfileobj(r, f)\n"
)


class _Handler(http.server.BaseHTTPRequestHandler):
    files: ClassVar[dict[str, bytes]] = {}

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        body = self.files.get(self.path.partition("?")[0])
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(name="urls", scope="module")
def _urls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The record page's URL and the file's, served from 127.0.0.1."""
    source = tmp_path_factory.mktemp("undl") / NAME
    write(source, "typical", ROWS)
    page = f'<html><body><a href="/record/4055387/files/{NAME}?ln=en">{NAME}</a></body></html>'
    _Handler.files = {
        "/record/4055387": page.encode(),
        f"/record/4055387/files/{NAME}": source.read_bytes(),
    }
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/record/4055387"
    yield base, f"{base}/files/{NAME}?ln=en"
    server.shutdown()
    server.server_close()


def _urllib_copy(url: str, target: Path) -> int:
    with urllib.request.urlopen(url) as response, target.open("wb") as f:
        shutil.copyfileobj(response, f)
    return target.stat().st_size


def _download(url: str, directory: Path) -> int:
    with contextlib.redirect_stdout(io.StringIO()):  # the terms, printed every time
        path = cache.download(url, directory=directory)
    return path.stat().st_size


@pytest.mark.benchmark(group="download-41k")
def test_baseline_urllib_copy(benchmark: Any, urls: tuple[str, str], tmp_path: Path) -> None:
    """Baseline: urlopen, copyfileobj into a file; nothing checked, nothing renamed."""
    size = benchmark.pedantic(_urllib_copy, args=(urls[1], tmp_path / NAME), rounds=15)
    assert size > 10_000_000


@pytest.mark.benchmark(group="download-41k")
def test_download_file_url(benchmark: Any, urls: tuple[str, str], tmp_path: Path) -> None:
    """history.download of the file's URL: terms, temporary file, header check, rename."""
    size = benchmark.pedantic(_download, args=(urls[1], tmp_path), rounds=15)
    assert size > 10_000_000


@pytest.mark.benchmark(group="download-41k")
def test_download_record_page(benchmark: Any, urls: tuple[str, str], tmp_path: Path) -> None:
    """history.download of the record page: the page read, its newest file taken."""
    size = benchmark.pedantic(_download, args=(urls[0], tmp_path), rounds=15)
    assert size > 10_000_000


@pytest.mark.benchmark(group="download-41k-process")
def test_baseline_urllib_process(benchmark: Any, urls: tuple[str, str], tmp_path: Path) -> None:
    """Baseline: a Python process that does the urllib copy and nothing else."""
    command = [sys.executable, "-c", COPY, urls[1], str(tmp_path / NAME)]
    benchmark.pedantic(subprocess.run, args=(command,), kwargs={"check": True}, rounds=7)


@pytest.mark.benchmark(group="download-41k-process")
def test_unsc_data_update(benchmark: Any, urls: tuple[str, str], tmp_path: Path) -> None:
    """`unsc data update --url PAGE` as a whole process: page, file, status line."""
    command = [sys.executable, "-m", "unsc", "data", "update", "--url", urls[0]]
    env = {**os.environ, "UNSC_DATA_DIR": str(tmp_path)}
    kwargs = {"check": True, "env": env, "stdout": subprocess.DEVNULL}
    benchmark.pedantic(subprocess.run, args=(command,), kwargs=kwargs, rounds=7)
    assert (tmp_path / NAME).stat().st_size > 10_000_000


@pytest.mark.benchmark(group="download-41k-process")
def test_unsc_version(benchmark: Any) -> None:
    """`unsc --version`: the floor of every unsc command, for reading the figure above."""
    command = [sys.executable, "-m", "unsc", "--version"]
    kwargs = {"check": True, "stdout": subprocess.DEVNULL}
    benchmark.pedantic(subprocess.run, args=(command,), kwargs=kwargs, rounds=7)
