"""Shell completion for the ``unsc`` command, written from its argument parser.

The build writes the scripts into the wheel (``hatch_build.py``), and ``unsc completion
bash`` (or ``zsh``) prints them: no completion library is needed at run time.
"""

from __future__ import annotations

import argparse

__all__ = ["bash", "zsh"]


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse keeps its subcommands here, and only here
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _options(parser: argparse.ArgumentParser) -> list[tuple[str, tuple[str, ...] | None]]:
    """Each option of ``parser`` with its fixed choices, if any (``--rules``, ``--reform``)."""
    found: list[tuple[str, tuple[str, ...] | None]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            continue
        choices = tuple(str(c) for c in action.choices) if action.choices else None
        found.extend((flag, choices) for flag in action.option_strings if flag.startswith("--"))
    return found


def _words(parser: argparse.ArgumentParser) -> list[str]:
    """The fixed choices of ``parser``'s positional arguments (``unsc data update``)."""
    return [
        str(choice)
        for action in parser._actions
        if not action.option_strings
        and action.choices
        and not isinstance(action, argparse._SubParsersAction)
        for choice in action.choices
    ]


def bash(parser: argparse.ArgumentParser) -> str:
    """A bash completion script for ``parser`` (source it, or install it as
    ``share/bash-completion/completions/unsc``)."""
    commands = _commands(parser)
    top = " ".join([*commands, *(flag for flag, _ in _options(parser))])
    cases = []
    for name, sub in commands.items():
        options = _options(sub)
        flags = " ".join([*_words(sub), *(flag for flag, _ in options)])
        values = "".join(
            f'                {flag}) COMPREPLY=($(compgen -W "{" ".join(choices)}" -- "$cur")); '
            "return ;;\n"
            for flag, choices in options
            if choices
        )
        cases.append(
            f"        {name})\n"
            f'            case "$prev" in\n{values}'
            f"            esac\n"
            f'            COMPREPLY=($(compgen -W "{flags}" -- "$cur")) ;;\n'
        )
    return (
        "# bash completion for unsc (written by unsc from its argument parser)\n"
        "_unsc() {\n"
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"\n'
        '    if [ "$COMP_CWORD" -eq 1 ]; then\n'
        f'        COMPREPLY=($(compgen -W "{top}" -- "$cur")); return\n'
        "    fi\n"
        '    case "${COMP_WORDS[1]}" in\n' + "".join(cases) + "    esac\n"
        "}\n"
        "complete -o default -F _unsc unsc\n"
    )


def zsh(parser: argparse.ArgumentParser) -> str:
    """A zsh completion script for ``parser`` (install it as ``_unsc`` on ``$fpath``)."""
    commands = _commands(parser)

    def quoted(text: str) -> str:
        return text.replace("'", "'\\''").replace(":", "\\:").replace("[", "(").replace("]", ")")

    listing = "\n".join(
        f"        '{name}:{quoted(sub.description or '')}'" for name, sub in commands.items()
    )
    cases = []
    for name, sub in commands.items():
        specs = []
        for action in sub._actions:
            for flag in action.option_strings:
                if not flag.startswith("--"):
                    continue
                help_text = quoted(str(action.help or ""))
                if action.choices:
                    values = " ".join(str(c) for c in action.choices)
                    specs.append(f"'{flag}[{help_text}]:value:({values})'")
                elif action.nargs == 0:
                    specs.append(f"'{flag}[{help_text}]'")
                else:
                    specs.append(f"'{flag}[{help_text}]:value:'")
        words = _words(sub)
        if words:
            specs.append(f"'1:value:({' '.join(words)})'")
        cases.append(f"        {name}) _arguments {' '.join(specs)} '*:file:_files' ;;\n")
    return (
        "#compdef unsc\n"
        "# zsh completion for unsc (written by unsc from its argument parser)\n"
        "_unsc() {\n"
        "    local -a commands\n"
        "    commands=(\n"
        f"{listing}\n"
        "    )\n"
        "    if (( CURRENT == 2 )); then\n"
        "        _describe 'command' commands\n"
        "        return\n"
        "    fi\n"
        "    case $words[2] in\n" + "".join(cases) + "    esac\n"
        "}\n"
        '_unsc "$@"\n'
    )
