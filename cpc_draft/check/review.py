"""`check`: a draft -> facts per language -> element statuses -> rule findings.

A bilingual draft is reviewed per language stream; an element's status for the document
is the worst across its language versions (a Spanish text without indicators is a real
gap even when the English has them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from cpc_draft import sandbox
from cpc_draft.check.config import Config
from cpc_draft.check.elements import element_statuses
from cpc_draft.check.facts import StreamFacts, find_facts
from cpc_draft.check.rules import RULES
from cpc_draft.errors import InputFileError
from cpc_draft.model import MISSING, PARTIAL, PRESENT, Document, ElementStatus, Finding
from cpc_draft.readers import glance, read_document
from cpc_draft.statute import ELEMENT_KEYS
from cpc_draft.text.bilingual import language_streams

_RANK = {PRESENT: 0, PARTIAL: 1, MISSING: 2}
T = TypeVar("T")


@dataclass(frozen=True)
class Review:
    """A reviewed draft: the facts and element statuses of each language version
    (``facts`` and ``statuses`` by language, in the order the text gives them), each
    element's status for the whole draft, and the rules' findings."""

    document: Document
    facts: dict[str, StreamFacts]
    statuses: dict[str, dict[str, ElementStatus]]
    elements: dict[str, ElementStatus]
    findings: tuple[Finding, ...] = ()

    @property
    def primary(self) -> StreamFacts:
        """The facts of the first language version, which single-text rules read."""
        return next(iter(self.facts.values()))

    @property
    def errors(self) -> int:
        return sum(1 for finding in self.findings if finding.severity == "error")


def review_path(path: Path, config: Config, *, password: str | None = None) -> Review:
    return review_document(read_draft(path, password=password), config)


def warm_up() -> None:
    """Import spaCy and build the English pipeline (every U.S. compact has English)
    while a PDF is being read: the two take about as long as each other. `check --jobs`
    does this before its worker processes fork, so that they inherit what it built."""
    from cpc_draft.nlp import load_pipeline

    load_pipeline("en")


def read_draft(path: Path, *, password: str | None = None, while_waiting=warm_up) -> Document:
    """Read a draft to check; a compact spec is refused. ``while_waiting`` runs while a
    PDF is read in the reader's child: by default, loading spaCy."""
    _refuse_spec(path)
    return read_document(path, password=password, while_waiting=while_waiting)


def read_drafts(
    paths: list[Path],
    *,
    password: str | None = None,
    while_waiting: Callable[[], None] | None = warm_up,
    then: Callable[[list[Document]], T] = list,
) -> T:
    """``then(documents)``, the documents read from ``paths`` (and ``then`` run) in a
    forked child while ``while_waiting`` runs here: `compare` reads and diffs both
    versions while spaCy loads, which takes about as long on a two-core machine.

    What can be refused at a glance (no such file, empty, a spec, not a draft, a damaged
    zip, a zip bomb) is refused first, without waiting for spaCy. Where the system cannot
    fork, or the child dies without an answer, the drafts are read here.
    """
    for path in paths:
        _refuse_spec(path)
        glance(Path(path))
    aside = sandbox.start(lambda: _read_in_child(paths, password, then))
    if aside is None:
        return then(_read_side_by_side(paths, password, while_waiting))
    try:
        if while_waiting:
            while_waiting()
    except BaseException:
        aside.cancel()
        raise
    answered, answer = aside.result()
    if not answered:
        return then(_read_side_by_side(paths, password, None))
    kind, value = answer
    if kind == "error":
        index, problem = value
        raise InputFileError(paths[index], problem)
    return value


def _read_in_child(paths: list[Path], password: str | None, then) -> tuple[str, object]:
    """("done", then(documents)) or ("error", (index, problem)): an exception does not
    cross the pipe, its message does."""
    try:
        return "done", then(_read_side_by_side(paths, password, None))
    except InputFileError as error:
        return "error", (paths.index(error.path), error.problem)


def _read_side_by_side(
    paths: list[Path], password: str | None, while_waiting: Callable[[], None] | None
) -> list[Document]:
    """Each read starts the next while it waits for its PDF reader's child, so two PDFs
    are read at the same time (a Word file is read at once, then the next one); the last
    starts ``while_waiting``. The first file that cannot be read raises its error."""
    documents: dict[int, Document] = {}
    problems: dict[int, InputFileError] = {}

    def read(index: int) -> None:
        if index == len(paths):
            if while_waiting:
                while_waiting()
            return
        try:
            documents[index] = read_document(
                paths[index], password=password, while_waiting=lambda: read(index + 1)
            )
        except InputFileError as error:
            problems[index] = error

    read(0)
    if problems:
        raise problems[min(problems)]
    return [documents[index] for index in range(len(paths))]


def _refuse_spec(path: Path) -> None:
    if Path(path).suffix.lower() in (".yaml", ".yml"):
        raise InputFileError(
            path,
            f"is a compact spec, not a draft; assemble it first: cpc-draft assemble {path} "
            "-o draft.docx",
        )


def review_document(document: Document, config: Config, *, findings: bool = True) -> Review:
    """``findings=False``: facts and element statuses only (what `compare` needs)."""
    from cpc_draft.nlp import partner_name

    facts: dict[str, StreamFacts] = {}
    for language, stream in language_streams(document).items():
        texts = [block.text for block in stream.blocks]
        partner = partner_name(texts, language) if language != "und" else None
        facts[language] = find_facts(stream.blocks, language, partner, config.model)
    statuses = {language: element_statuses(found) for language, found in facts.items()}
    review = Review(document, facts, statuses, _merge(statuses))
    if not findings:
        return review
    return Review(document, facts, statuses, review.elements, tuple(_findings(review, config)))


def _merge(statuses: dict[str, dict[str, ElementStatus]]) -> dict[str, ElementStatus]:
    merged = {}
    several = len(statuses) > 1
    for key in ELEMENT_KEYS:
        language, worst = max(
            ((language, found[key]) for language, found in statuses.items()),
            key=lambda pair: _RANK[pair[1].status],
        )
        reason = (
            f"{worst.reason} ({language} text)"
            if several and worst.status != PRESENT
            else worst.reason
        )
        merged[key] = ElementStatus(key, worst.status, reason, worst.evidence)
    return merged


def _findings(review: Review, config: Config) -> Iterator[Finding]:
    for rule_id, rule in RULES.items():
        level = config.level(rule_id)
        if level == "off":
            continue
        for problem in rule.check(review):
            yield problem.finding(rule_id, level)
