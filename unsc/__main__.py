"""``python -m unsc``: the ``unsc`` command."""

from __future__ import annotations

import sys


def main() -> int:
    """Import the command and run it; Ctrl-C while it loads ends it quietly too."""
    try:
        from unsc.cli import main as run
    except KeyboardInterrupt:
        print("unsc: interrupted", file=sys.stderr)
        return 130
    return run()


if __name__ == "__main__":
    raise SystemExit(main())
