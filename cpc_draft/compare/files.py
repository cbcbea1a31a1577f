"""`compare` from paths: read both drafts (any mix of .docx, .pdf and text), compare
the text, then the facts `check` finds in each.

Reading both versions and comparing their text is submitted to the sandbox as one piece
of work, which runs in its own process while spaCy loads here for the facts: on a
two-core machine the two take about as long as each other.

Finding the facts costs time in proportion to the text, several times what comparing
the text costs. A version far longer than any compact (the longest we know is some 45
pages, 125,000 characters) has its text compared but not its facts, with a warning: a
slow answer to a question nobody asked of such a file would keep `compare` busy for
minutes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from cpc_draft import sandbox
from cpc_draft.check.config import Config
from cpc_draft.check.crosslang import Mismatch, language_mismatches
from cpc_draft.check.intake import read_drafts, refuse_at_a_glance, submit_drafts, warm_up
from cpc_draft.check.review import review_document
from cpc_draft.compare.facts import fact_changes
from cpc_draft.compare.versions import VersionComparison, compare_versions
from cpc_draft.errors import InputFileError
from cpc_draft.model import Document
from cpc_draft.text.bilingual import LanguageStream, language_streams

FACTS_LIMIT = 400_000  # characters of one version whose facts are compared
_PLAIN_TEXT_BYTES = FACTS_LIMIT * 11 // 10  # a few accented letters take two bytes


def compare_files(
    old: Path,
    new: Path,
    *,
    password: str | None = None,
    config: Config | None = None,
    facts: bool = True,
) -> VersionComparison:
    """``facts=False`` skips the fact comparison (and spaCy): a redline shows text only."""
    config = config or Config()
    if not facts:  # no spaCy to wait for; two PDFs are still read side by side
        return _read_and_compare(old, new, password)
    refuse_at_a_glance([old, new])  # before spaCy loads
    with sandbox.submit(_read_and_compare, old, new, password) as pending:
        if not _plainly_too_long_for_facts(old, new):
            warm_up()
        comparison = pending.result()
    old_document, new_document = comparison.old, comparison.new
    too_long = _too_long_for_facts(old_document, new_document)
    if too_long:
        return replace(comparison, warnings=(*comparison.warnings, too_long))
    changes = fact_changes(
        review_document(old_document, config, findings=False),
        review_document(new_document, config, findings=False),
    )
    return replace(comparison, fact_changes=tuple(changes))


def _plainly_too_long_for_facts(*paths: Path) -> bool:
    """A plain-text version whose bytes alone say it is too long for the facts (more
    than one byte a character, in our languages): then spaCy is not loaded for nothing.
    Only a guess: a wrong one costs time, never the answer."""
    for path in paths:
        try:
            with open(path, "rb") as file:
                packaged = file.read(5) in (b"%PDF-", b"PK\x03\x04")
            if not packaged and path.stat().st_size > _PLAIN_TEXT_BYTES:
                return True
        except OSError:
            return False  # the reader says what is wrong with the file
    return False


def _too_long_for_facts(*documents: Document) -> str | None:
    for document in documents:
        length = sum(len(block.text) for block in document.blocks)
        if length > FACTS_LIMIT:
            return (
                f"{document.path}: facts not compared: {length:,} characters of text, more "
                f"than {FACTS_LIMIT:,} (three times the longest compact); the text is "
                "compared in full"
            )
    return None


def _read_and_compare(old: Path, new: Path, password: str | None) -> VersionComparison:
    return compare_versions(*read_drafts([old, new], password=password))


@dataclass(frozen=True)
class LanguageVersions:
    paths: tuple[Path, ...]
    languages: tuple[str, ...]
    mismatches: tuple[Mismatch, ...]
    streams: dict[str, LanguageStream]  # each language's text, for reports that show it


def compare_language_versions(
    paths: list[Path], *, password: str | None = None
) -> LanguageVersions:
    """One bilingual draft, or two texts of one draft in different languages."""
    streams: dict[str, LanguageStream] = {}
    # Read in the sandbox while spaCy loads here: figures are found by the NLP pipelines.
    with submit_drafts(paths, password=password) as reading:
        warm_up()
        documents = reading.result()
    for path, document in zip(paths, documents, strict=True):
        found = language_streams(document)
        if len(paths) == 1:
            streams = dict(found)
            break
        language, stream = next(iter(found.items()))
        if language in streams:
            raise InputFileError(
                path, f"is in {language}, like {paths[0]}; give texts in two languages"
            )
        streams[language] = stream
    if len(streams) < 2:
        raise InputFileError(
            paths[0],
            f"has one language ({', '.join(streams) or 'unknown'}); give its other language "
            "version as a second file",
        )
    texts = {language: stream.blocks for language, stream in streams.items()}
    return LanguageVersions(
        tuple(paths), tuple(streams), tuple(language_mismatches(texts)), streams
    )
