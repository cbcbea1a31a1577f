"""The values cpc_draft.nlp returns: plain frozen dataclasses, importable without spaCy."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

PARTIES = ("US", "partner", "other")


@dataclass(frozen=True)
class Money:
    """One amount. ``amount`` is the figures when a text gives words and figures both
    ("five million U.S. dollars (US$5,000,000)"); compare ``words_amount`` with
    ``figures_amount`` (or use :attr:`mismatch`) to find the two disagreeing."""

    amount: Decimal
    currency: str
    qualifier: str | None
    text: str
    start: int
    end: int
    words_amount: Decimal | None = None
    figures_amount: Decimal | None = None
    words_currency: str | None = None  # set only when the words name another currency

    @property
    def mismatch(self) -> bool:
        """Words and figures both given and not saying the same amount or currency."""
        if self.words_amount is None or self.figures_amount is None:
            return False
        return self.words_amount != self.figures_amount or self.words_currency is not None

    def shifted(self, offset: int) -> Money:
        return replace(self, start=self.start + offset, end=self.end + offset) if offset else self


@dataclass(frozen=True)
class PartyMention:
    """``party`` is US, partner, other or both; ``name`` the partner's formal name."""

    party: str
    text: str
    start: int
    end: int
    name: str | None = None


@dataclass(frozen=True)
class AttributedMoney:
    """An amount in one text with the party that contributes it and the period it covers
    (the review turns each into a :class:`cpc_draft.model.Contribution` of the draft)."""

    money: Money
    party: str | None  # "US", "partner", "other" or None
    period: str | None = None  # "2023", "2022–2026", "P4Y", "annual" (nlp.periods)
