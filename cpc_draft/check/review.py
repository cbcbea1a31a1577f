"""`check`: a draft -> facts per language -> element statuses -> rule findings.

A bilingual draft is reviewed per language stream; an element's status for the document
is the worst across its language versions (a Spanish text without indicators is a real
gap even when the English has them).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from cpc_draft.check.config import Config
from cpc_draft.check.elements import element_statuses
from cpc_draft.check.facts import StreamFacts, find_facts
from cpc_draft.check.intake import read_draft
from cpc_draft.check.located import Places
from cpc_draft.check.rules import RULES
from cpc_draft.model import MISSING, PARTIAL, PRESENT, Document, ElementStatus, Finding
from cpc_draft.statute import ELEMENT_KEYS
from cpc_draft.text.bilingual import language_streams

_RANK = {PRESENT: 0, PARTIAL: 1, MISSING: 2}


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

    @cached_property
    def places(self) -> Places:
        """Where each block stands, as the reports say it: "Article 6, page 4"."""
        streams = {language: facts.stream.blocks for language, facts in self.facts.items()}
        return Places(self.document, streams)

    def where(self, block: int | None, page: int | None = None) -> str:
        """ "Article 6, page 4", "Article 6, line 120", or "" where nothing can be said."""
        return self.places.of(block, page)

    @property
    def errors(self) -> int:
        return sum(1 for finding in self.findings if finding.severity == "error")


def review_path(path: Path, config: Config, *, password: str | None = None) -> Review:
    return review_document(read_draft(path, password=password), config)


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
