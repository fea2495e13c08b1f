"""``python -m unsc``: the ``unsc`` command."""

from unsc.cli import main

raise SystemExit(main())
