"""Call every public function and method of unsc with hostile values and count what escapes.

Usage:  python tools/fuzz_survey.py [calls per target, default 60] [seed]

Prints the number of calls, the raw exceptions (anything but a UNSCError) grouped by
(type, innermost unsc frame), and the calls still running after a few seconds ("unbounded").
This is the measuring tool behind docs/robustness.md; the test suite's own fuzzer is
tests/test_fuzz_api.py, bounded by hypothesis settings instead of by a clock.
"""

from __future__ import annotations

import collections
import contextlib
import inspect
import io
import os
import random
import resource
import signal
import sys
import traceback
from collections.abc import Callable, Iterator
from typing import Any

import matplotlib

matplotlib.use("Agg")

import unsc
from unsc.errors import UNSCError

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests"))
from _hostile import hostile_values, samples, targets


class _Unbounded(BaseException):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _Unbounded


def _site(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/unsc/" in f.filename]
    where = (ours or frames)[-1]
    return f"{where.filename.rsplit('/unsc/', 1)[-1]}:{where.lineno}"


def main(per_target: int = 60, seed: int = 1) -> int:
    rnd = random.Random(seed)
    # A huge allocation becomes a MemoryError instead of taking the machine.
    resource.setrlimit(resource.RLIMIT_AS, (4 * 2**30, 4 * 2**30))
    signal.signal(signal.SIGALRM, _alarm)
    calls = 0
    raw: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    unbounded: dict[str, str] = {}
    values = hostile_values()
    objects = samples()
    for name, function in targets(objects):
        try:
            parameters = list(inspect.signature(function).parameters.values())
        except (TypeError, ValueError):
            parameters = []
        parameters = [p for p in parameters if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
        for _ in range(per_target):
            args: list[Any] = []
            kwargs: dict[str, Any] = {}
            for p in parameters:
                if p.default is not p.empty and rnd.random() < 0.5:
                    continue
                value = rnd.choice(values)
                by_name = p.default is not p.empty and rnd.random() < 0.5
                if p.kind is p.KEYWORD_ONLY or by_name:
                    kwargs[p.name] = value
                elif not kwargs:
                    args.append(value)
                else:
                    kwargs[p.name] = value
            calls += 1
            signal.setitimer(signal.ITIMER_REAL, 3.0)
            try:
                with _quiet():
                    result = function(*args, **kwargs)
                    if isinstance(result, Iterator):
                        for _ in zip(range(1000), result):
                            pass
            except UNSCError:
                pass
            except _Unbounded:
                unbounded.setdefault(name, _show(args, kwargs))
            except Exception as error:
                raw[(type(error).__name__, _site(error))].append(f"{name}{_show(args, kwargs)}")
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
    failed = sum(len(v) for v in raw.values())
    print(f"{calls} calls, {failed} raw exceptions in {len(raw)} (type, site) groups, "
          f"{len(unbounded)} targets unbounded (> 3 s)")  # fmt: skip
    for (kind, site), examples in sorted(raw.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(examples):5} {kind:22} {site:34} {examples[0][:110]}")
    for name, example in unbounded.items():
        print(f"  unbounded: {name}{example[:110]}")
    return 0


def _show(args: list[Any], kwargs: dict[str, Any]) -> str:
    shown = [_short(a) for a in args] + [f"{k}={_short(v)}" for k, v in kwargs.items()]
    return "(" + ", ".join(shown) + ")"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) < 40 else text[:37] + "..."


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        old = sys.stdin
        sys.stdin = io.StringIO("")
        try:
            yield
        finally:
            sys.stdin = old


if __name__ == "__main__":
    raise SystemExit(main(*(int(a) for a in sys.argv[1:])))


_ = (Callable, unsc)
