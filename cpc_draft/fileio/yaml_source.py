"""Read YAML into plain Python values while remembering the line of every value.

PyYAML's ``safe_load`` forgets positions and silently keeps the last of two duplicate
keys. We compose the node graph ourselves so that every problem can be reported as
``FILE:LINE``. Anchors and aliases are refused: expanding them is how a few hundred
bytes of YAML become gigabytes ("billion laughs"), and a compact spec never needs them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from cpc_draft.errors import SpecError
from cpc_draft.fileio.inputs import read_input_text

MAX_YAML_BYTES = 2_000_000
# libyaml's parser when PyYAML was built with it (the wheels are): several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 40

Path_ = tuple[str | int, ...]


@dataclass
class LocatedYaml:
    """Plain values (dict, list, str, int, float, bool, date, None) plus their lines."""

    path: Path
    value: object
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, where: Path_) -> int:
        """The line of ``where``, or of its nearest ancestor that has one."""
        while where not in self.lines and where:
            where = where[:-1]
        return self.lines.get(where, 1)


def load_data(text: str):
    """Parse one of our own data files (schema, languages, front matter) with libyaml."""
    return yaml.load(text, Loader=_LOADER)


def read_text_file(path: Path, *, max_bytes: int) -> str:
    """Read a UTF-8 text file, refusing what is no regular file, huge files and bad bytes."""
    return read_input_text(path, max_bytes=max_bytes)


def load_yaml(path: Path, text: str | None = None) -> LocatedYaml:
    """Parse one YAML document from ``path`` (or from ``text``, named ``path``)."""
    if text is None:
        text = read_text_file(path, max_bytes=MAX_YAML_BYTES)
    if not text.strip():
        raise SpecError([f"{path}:1: the file is empty"])
    try:
        refuse_anchors_and_tags(path, text)
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.reader.ReaderError as error:  # a raw control byte or other unreadable char
        # libyaml reports a byte offset, PyYAML a character offset: find the character.
        offset = text.find(chr(error.character)) if error.character is not None else -1
        line = text.count("\n", 0, offset) + 1 if offset >= 0 else 1
        raise SpecError(
            [
                f"{path}:{line}: contains the control character U+{error.character:04X}, "
                "which a Word document cannot store; remove it"
            ]
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise SpecError([f"{path}:{line}: YAML syntax error: {yaml_problem(error)}"]) from None
    except yaml.YAMLError as error:
        raise SpecError([f"{path}:1: YAML syntax error: {yaml_problem(error)}"]) from None
    if node is None:  # only comments and blank lines
        raise SpecError([f"{path}:1: the file is empty"])
    located = LocatedYaml(path=path, value=None)
    problems: list[str] = []
    located.value = _to_python(node, (), located, problems, depth=0, constructor=_Scalars())
    if problems:
        raise SpecError(problems)
    return located


def refuse_anchors_and_tags(path: Path, text: str, first_line: int = 1) -> None:
    """Refuse anchors, aliases and explicit tags, all at once, before anything is composed.

    The composer hands back one shared node per alias, so a tree walk would expand a
    370-byte alias bomb into gigabytes; the event stream is read in linear time. A tag
    (``!!timestamp``, ``!!python/object``) asks for a constructor a spec never needs, and
    PyYAML's fail in ways of their own on values they were not written for.
    """
    problems = []
    for event in yaml.parse(text, Loader=_LOADER):
        line = event.start_mark.line + first_line
        anchor = getattr(event, "anchor", None)
        if isinstance(event, yaml.AliasEvent) or anchor:
            problems.append(
                f"{path}:{line}: anchors and aliases (&{anchor}) are not supported; "
                "write the value out"
            )
        elif getattr(event, "tag", None) is not None:
            problems.append(
                f"{path}:{line}: tags ({event.tag}) are not supported; write the value plainly"
            )
    if problems:
        raise SpecError(problems)


class _Scalars(yaml.constructor.SafeConstructor):
    """Builds one scalar at a time with YAML 1.1's implicit types (int, float, date, bool)."""


def _to_python(
    node, where: Path_, located: LocatedYaml, problems: list[str], depth: int, constructor
):
    line = node.start_mark.line + 1
    located.lines[where] = line
    if depth > MAX_DEPTH:
        problems.append(f"{located.path}:{line}: nesting deeper than {MAX_DEPTH} levels")
        return None
    if isinstance(node, yaml.MappingNode):
        return _mapping(node, where, located, problems, depth, constructor)
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_python(item, (*where, index), located, problems, depth + 1, constructor)
            for index, item in enumerate(node.value)
        ]
    return _scalar(node, where, line, located, problems, constructor)


def _mapping(
    node, where: Path_, located: LocatedYaml, problems: list[str], depth: int, constructor
):
    result: dict[str, object] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(f"{located.path}:{line}: a key must be plain text")
            continue
        key = str(key_node.value)
        if key in result:
            problems.append(f"{located.path}:{line}: {dotted((*where, key))}: duplicate key")
            continue
        result[key] = _to_python(
            value_node, (*where, key), located, problems, depth + 1, constructor
        )
        located.lines[(*where, key)] = line
    return result


def _scalar(node, where: Path_, line: int, located: LocatedYaml, problems: list[str], constructor):
    try:
        return constructor.construct_object(node)
    except ValueError as error:  # e.g. 2022-02-30 matches the date pattern but is no date
        problems.append(
            f"{located.path}:{line}: {dotted(where)}: {node.value!r} is not a valid value ({error})"
        )
        return None
    except yaml.YAMLError as error:
        problems.append(f"{located.path}:{line}: {dotted(where)}: {yaml_problem(error)}")
        return None


def yaml_problem(error: yaml.YAMLError) -> str:
    """What went wrong, in one line: PyYAML's own text adds the position on a second.

    Give the line yourself: ``yaml_line(error)``."""
    problem = getattr(error, "problem", None) or getattr(error, "context", None)
    return problem or (str(error).splitlines() or ["invalid YAML"])[0]


def yaml_line(error: yaml.YAMLError, first_line: int = 1) -> int:
    """The line PyYAML's ``error`` points at, counted from ``first_line``."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return first_line + (mark.line if mark else 0)


def dotted(where: Path_) -> str:
    """``('objectives', 2, 'es')`` -> ``objectives[2].es``."""
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"
