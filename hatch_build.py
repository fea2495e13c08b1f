"""Build hook: write the shell completion scripts of the ``unsc`` command into the wheel.

They are generated from the command's own argument parser at build time, so the
installed package needs no completion library to run.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompletionHook(BuildHookInterface):  # type: ignore[misc]
    """Add ``share/bash-completion/completions/unsc`` and ``share/zsh/site-functions/_unsc``."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        sys.path.insert(0, self.root)
        try:
            from unsc import _completion, cli
        finally:
            sys.path.remove(self.root)
        out = os.path.join(self.directory, "completions")
        os.makedirs(out, exist_ok=True)
        for name, script, target in (
            (
                "unsc.bash",
                _completion.bash(cli.parser()),
                "share/bash-completion/completions/unsc",
            ),
            ("_unsc", _completion.zsh(cli.parser()), "share/zsh/site-functions/_unsc"),
        ):
            path = os.path.join(out, name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(script)
            build_data["shared_data"][path] = target
