"""A griffe extension for the API reference (mkdocs.yml): each attribute listed once.

unsc documents a record's fields in its class docstring ("Attributes:") and module
constants with a ``#:`` comment above them. Rendered as they are, a field appears twice
(in the class's table and again, bare, as a member) and a constant with no words. This
gives each attribute its words as its own docstring, so that the reference lists it once,
as a member with its description (the tables are turned off in mkdocs.yml).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import griffe


class AttributesOnce(griffe.Extension):
    """Moves the words of "Attributes:" sections and ``#:`` comments onto the attributes."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        self._walk(pkg)

    def _walk(self, obj: griffe.Object) -> None:
        for member in list(obj.members.values()):
            if member.is_alias:
                continue
            if member.is_attribute and member.docstring is None:
                comment = _comment_above(member)
                if comment:
                    member.docstring = griffe.Docstring(comment, parent=member)
            if member.is_class or member.is_module:
                self._walk(member)  # type: ignore[arg-type]
        if obj.docstring is None:
            return
        for section in obj.docstring.parsed:
            if section.kind is not griffe.DocstringSectionKind.attributes:
                continue
            for item in section.value:
                attribute = obj.members.get(item.name)
                if attribute is None or attribute.is_alias or not item.description:
                    continue
                if attribute.docstring is None:
                    attribute.docstring = griffe.Docstring(item.description, parent=attribute)


def _comment_above(attribute: griffe.Object) -> str:
    """The ``#:`` comment lines just above an attribute's assignment, as one text."""
    path = attribute.filepath
    collection = attribute.lines_collection
    lines = collection[path] if isinstance(path, Path) and path in collection else None
    if not lines or not attribute.lineno:
        return ""
    found: list[str] = []
    number = attribute.lineno - 2  # the line above, counted from 0
    while number >= 0 and lines[number].strip().startswith("#:"):
        found.insert(0, lines[number].strip().removeprefix("#:").strip())
        number -= 1
    return " ".join(found)
