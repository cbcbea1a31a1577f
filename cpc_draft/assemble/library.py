"""The clause library: one Markdown file per clause, with YAML front matter.

See ``clause_library/README.md`` for the format. :func:`load_library` reads and validates
every file; :func:`check_library` returns the problems without raising, for
``cpc-draft clauses --check``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

import yaml

from cpc_draft.errors import InputFileError, LibraryError, SpecError
from cpc_draft.fileio.inputs import read_input_text
from cpc_draft.fileio.yaml_source import (
    load_data,
    refuse_anchors_and_tags,
    yaml_line,
    yaml_problem,
)
from cpc_draft.statute import ELEMENT_KEYS

KINDS = ("title", "preamble", "article", "closing", "signatures")
STATUSES = ("draft", "approved", "deprecated")
REQUIRED_KEYS = ("id", "version", "status", "kind", "elements", "variables")
MAX_CLAUSE_BYTES = 200_000

_SECTION = re.compile(r"^# ([a-z]{2,3}):[ \t]*(.*?)[ \t]*$", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---[ \t]*\n", re.DOTALL)
_VERSION = re.compile(r"\d+\.\d+\.\d+")


class Clause(NamedTuple):
    """One clause: metadata plus, per language, a heading and a Jinja body."""

    id: str
    version: str
    status: str
    kind: str
    elements: tuple[str, ...]
    variables: tuple[str, ...]
    headings: dict[str, str]
    bodies: dict[str, str]
    path: Path
    body_lines: dict[str, int]  # line of each language section, for error messages

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.bodies)


class ClauseLibrary(NamedTuple):
    root: Path
    clauses: dict[str, Clause]
    outline: tuple[str, ...]

    def languages_missing(self, language: str) -> list[str]:
        """Ids of outline clauses that have no text in ``language``."""
        return [cid for cid in self.outline if language not in self.clauses[cid].bodies]


def bundled_path(folder: str) -> Path:
    """A top-level folder of the project (clause_library, templates).

    A wheel carries them inside the package as ``cpc_draft/bundled/<folder>``; an editable
    install or a source checkout reads them where they are in the repository.
    """
    from importlib import resources

    bundled = Path(str(resources.files("cpc_draft").joinpath("bundled", folder)))
    if bundled.is_dir():
        return bundled
    return Path(__file__).resolve().parents[2] / folder


def default_library_path() -> Path:
    return bundled_path("clause_library")


def load_library(root: Path | None = None, *, audit_variables: bool = False) -> ClauseLibrary:
    """Read the library; raise :class:`LibraryError` listing every problem.

    The variable audit parses every template and is left to `clauses --check` and the
    tests; assembly reports a broken template anyway when it renders it.
    """
    library, problems = _read_library(root or default_library_path(), audit_variables)
    if problems:
        raise LibraryError(problems)
    return library


def check_library(root: Path | None = None) -> tuple[ClauseLibrary | None, list[str]]:
    """Every problem in the library at ``root`` (an empty list when it is sound)."""
    return _read_library(root or default_library_path(), audit_variables=True)


def _read_library(root: Path, audit_variables: bool) -> tuple[ClauseLibrary | None, list[str]]:
    if not os.path.isdir(root):  # False, not an error, for a name too long to look up
        return None, [f"{root}: clause library folder not found"]
    problems: list[str] = []
    clauses: dict[str, Clause] = {}
    for path in sorted(root.glob("*.md")):
        if path.name == "README.md":
            continue
        clause = _read_clause(path, problems, audit_variables)
        if clause is None:
            continue
        if clause.id in clauses:
            problems.append(
                f"{path}:2: id {clause.id!r} is used by {clauses[clause.id].path.name} too"
            )
            continue
        clauses[clause.id] = clause
    outline = _read_outline(root / "outline.yaml", clauses, problems)
    _check_languages_agree(clauses, problems)
    return ClauseLibrary(root=root, clauses=clauses, outline=outline), problems


def _read_outline(path: Path, clauses: dict[str, Clause], problems: list[str]) -> tuple[str, ...]:
    try:
        text = read_input_text(path, max_bytes=MAX_CLAUSE_BYTES)
        refuse_anchors_and_tags(path, text)
        data = load_data(text)
    except InputFileError as error:
        problems.append(str(error))
        return ()
    except SpecError as error:
        problems.extend(error.problems)
        return ()
    except yaml.YAMLError as error:
        problems.append(
            f"{path}:{yaml_line(error)}: cannot read the outline ({yaml_problem(error)})"
        )
        return ()
    ids = data.get("clauses") if isinstance(data, dict) else None
    if not isinstance(ids, list) or not ids:
        problems.append(f"{path}: expected `clauses:` with a list of clause ids")
        return ()
    for clause_id in ids:
        if clause_id not in clauses:
            problems.append(f"{path}: clause {clause_id!r} has no file {clause_id}.md")
    covered = {key for cid in ids if cid in clauses for key in clauses[cid].elements}
    for key in ELEMENT_KEYS:
        if key not in covered:
            problems.append(f"{path}: no clause in the outline serves statutory element {key}")
    return tuple(cid for cid in ids if cid in clauses)


def _check_languages_agree(clauses: dict[str, Clause], problems: list[str]) -> None:
    every = sorted({language for clause in clauses.values() for language in clause.bodies})
    for clause in clauses.values():
        for language in every:
            if language not in clause.bodies:
                problems.append(
                    f"{clause.path}: no section for language {language!r} ('# {language}: …')"
                )


def _read_clause(path: Path, problems: list[str], audit_variables: bool) -> Clause | None:
    try:
        text = read_input_text(path, max_bytes=MAX_CLAUSE_BYTES).replace("\r\n", "\n")
    except InputFileError as error:  # a pipe or a device is refused before it is opened
        problems.append(str(error))
        return None
    match = _FRONT_MATTER.match(text)
    if not match:
        problems.append(f"{path}:1: no front matter (a block between '---' lines)")
        return None
    try:
        refuse_anchors_and_tags(path, match.group(1), first_line=2)
        meta = load_data(match.group(1))
    except SpecError as error:  # a tag or an anchor: a clause's front matter needs neither
        problems.extend(error.problems)
        return None
    except yaml.YAMLError as error:
        line = yaml_line(error, first_line=2)  # the front matter starts after '---'
        problems.append(f"{path}:{line}: front matter is not valid YAML ({yaml_problem(error)})")
        return None
    if not isinstance(meta, dict) or not _check_meta(path, meta, problems):
        return None
    body = text[match.end() :]
    offset = text[: match.end()].count("\n")
    headings, bodies, lines = _split_sections(body)
    if not bodies:
        problems.append(f"{path}: no language sections ('# en: Heading')")
        return None
    clause = Clause(
        id=meta["id"],
        version=str(meta["version"]),
        status=meta["status"],
        kind=meta["kind"],
        elements=tuple(meta["elements"]),
        variables=tuple(meta["variables"]),
        headings=headings,
        bodies=bodies,
        path=path,
        body_lines={language: line + offset for language, line in lines.items()},
    )
    if audit_variables:
        _check_templates(clause, problems)
    return clause


def _check_meta(path: Path, meta: dict, problems: list[str]) -> bool:
    before = len(problems)
    for key in REQUIRED_KEYS:
        if key not in meta:
            problems.append(f"{path}: front matter lacks {key!r}")
    if len(problems) > before:
        return False
    if meta["id"] != path.stem:
        problems.append(f"{path}: id {meta['id']!r} differs from the file name {path.stem!r}")
    if not _VERSION.fullmatch(str(meta["version"])):
        problems.append(f"{path}: version {meta['version']!r} is not MAJOR.MINOR.PATCH")
    if meta["status"] not in STATUSES:
        problems.append(f"{path}: status {meta['status']!r} is not one of {', '.join(STATUSES)}")
    if meta["kind"] not in KINDS:
        problems.append(f"{path}: kind {meta['kind']!r} is not one of {', '.join(KINDS)}")
    for key in meta["elements"] or []:
        if key not in ELEMENT_KEYS:
            problems.append(f"{path}: element {key!r} is not a statutory element (A–G)")
    if not isinstance(meta["variables"], list):
        problems.append(f"{path}: variables must be a list")
    return len(problems) == before


def _split_sections(body: str) -> tuple[dict[str, str], dict[str, str], dict[str, int]]:
    headings, bodies, lines = {}, {}, {}
    matches = list(_SECTION.finditer(body))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(body)
        language = match.group(1)
        headings[language] = match.group(2)
        bodies[language] = body[match.end() : end].strip("\n") + "\n"
        lines[language] = body[: match.start()].count("\n") + 1
    return headings, bodies, lines


def _check_templates(clause: Clause, problems: list[str]) -> None:
    """Each language must parse and use exactly the declared variables."""
    import jinja2
    from jinja2 import meta as jinja_meta

    from cpc_draft.assemble.templating import template_environment

    environment = template_environment()
    declared = set(clause.variables)
    for language, body in clause.bodies.items():
        where = f"{clause.path}:{clause.body_lines[language]}"
        try:
            tree = environment.parse(body)
        except jinja2.TemplateSyntaxError as error:
            line = clause.body_lines[language] + (error.lineno or 1)
            problems.append(
                f"{clause.path}:{line}: [{language}] template syntax error: {error.message}"
            )
            continue
        used = jinja_meta.find_undeclared_variables(tree) - set(environment.globals)
        if extra := sorted(used - declared):
            problems.append(f"{where}: [{language}] uses undeclared variables: {', '.join(extra)}")
        if unused := sorted(declared - used):
            problems.append(
                f"{where}: [{language}] does not use declared variables: {', '.join(unused)}"
            )
    if clause.elements and "missing" not in declared:
        problems.append(
            f"{clause.path}: serves elements {', '.join(clause.elements)} but never places "
            "a {{ missing.X }} marker for an incomplete spec"
        )
