"""YAML as the archive reads it: duplicate keys refused, dates kept as text, line numbers kept.

PyYAML's own loaders silently let a repeated key win (a second `partners:` block empties every
partner link) and turn `2023-13-45` into a library exception. This loader composes the node
tree (libyaml's parser when present: ten times faster), then builds plain data itself so that
it can refuse a repeated key, cap the size of what anchors expand to, and remember the line of
every value: `Doc.line(("partners", 3, "kind"))` is where a schema error points.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from . import yamlhints
from .errors import ArchiveError, _, one_line

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_VALUES = 200_000  # values one file may expand to (anchors and aliases can multiply them)


class _TextDates(_BASE):
    """The safe loader without the timestamp resolver: `date: 2023-08-11` stays the text it is."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BASE.yaml_implicit_resolvers.items()
}


@dataclass
class Doc:
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)  # path of keys/indexes → 1-based line

    def line(self, path) -> int:
        """The line of the value at *path*, or of its nearest enclosing value; 1 for the whole file."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def loads(text: str, name: str, line_offset: int = 0) -> Doc:
    """Parse *text* (named *name* in messages). Raises ArchiveError with the line at fault."""
    loader = _TextDates(text)
    try:
        node = loader.get_single_node()
        doc = Doc(None)
        if node is not None:
            doc.data = _Builder(loader, doc, name, line_offset).build(node, ())
        return doc
    except yaml.MarkedYAMLError as exc:
        line, message = yamlhints.diagnose(text, exc)
        raise ArchiveError(message, path=name, line=None if line is None else line + 1 + line_offset) from None
    except yaml.YAMLError as exc:
        raise ArchiveError(_("not valid YAML: {problem}").format(problem=one_line(exc)), path=name) from None
    finally:
        loader.dispose()


def load(path, name: str | None = None) -> Doc:
    """Read and parse a YAML file: UTF-8 only, every failure one ArchiveError naming the file."""
    name = name or str(path)
    try:
        data = open(path, "rb").read()
    except FileNotFoundError:
        raise ArchiveError(_("file not found"), path=name) from None
    except OSError as exc:
        raise ArchiveError(_("cannot be read: {why}").format(why=exc.strerror or exc), path=name) from None
    return loads(decode_utf8(data, name), name)


def decode_utf8(data: bytes, name: str) -> str:
    """UTF-8 text, or an error naming the line of the first byte that is not."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ArchiveError(_("not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8")
                           .format(byte=data[exc.start]), path=name, line=line) from None


class _Builder:
    def __init__(self, loader, doc: Doc, name: str, offset: int):
        self.loader, self.doc, self.name, self.offset, self.count = loader, doc, name, offset, 0

    def build(self, node, path: tuple):
        self.count += 1
        if self.count > MAX_VALUES:
            raise ArchiveError(_("more than {n} values (anchors and aliases expanding?)").format(n=MAX_VALUES),
                               path=self.name, line=node.start_mark.line + 1 + self.offset)
        self.doc.lines[path] = node.start_mark.line + 1 + self.offset
        if isinstance(node, yaml.MappingNode):
            self.loader.flatten_mapping(node)  # merge keys (<<) as the safe loader does
            out: dict = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise self._error(key_node, _("a key must be plain text"))
                key = self.scalar(key_node)
                if not isinstance(key, (str, int, float, bool)) and key is not None:
                    raise self._error(key_node, _("a key must be plain text"))
                if key in out:
                    raise self._error(key_node, _("key '{key}' appears twice in the same block (line {first}); "
                                                  "the second would silently replace the first")
                                      .format(key=key, first=self.doc.lines[path + (key,)]))
                out[key] = self.build(value_node, path + (key,))
                self.doc.lines[path + (key,)] = key_node.start_mark.line + 1 + self.offset  # the key's line
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self.scalar(node)

    def scalar(self, node):
        """The safe constructor for the node's tag, called directly (construct_object's bookkeeping is
        for nested values, which this builder makes itself)."""
        constructors = self.loader.yaml_constructors
        return (constructors.get(node.tag) or constructors[None])(self.loader, node)

    def _error(self, node, message: str) -> ArchiveError:
        return ArchiveError(message, path=self.name, line=node.start_mark.line + 1 + self.offset)
