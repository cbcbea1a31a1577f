"""The nature of the instrument: whether it states that it is not legally binding, and
the treaty wording ("shall", "the Parties", "entry into force") it uses all the same.

Both are read sentence by sentence. A sentence that denies legal effect ("It is not
legally binding and does not give rise to rights or obligations", "no crea obligaciones
jurídicamente vinculantes", "ne crée aucun droit ni aucune obligation") is the statement
of the instrument's nature, never treaty wording, even when it says "obligations". The
phrases are data (data/cues.yaml: binding, non_binding, negation, binding_nature,
legal_effect).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from cpc_draft.check.facts.sentences import sentences
from cpc_draft.check.facts.stream import Stream
from cpc_draft.model import TextBlock
from cpc_draft.text.cues import cue, has, prefilter

DENIAL_WINDOW = 8  # words from "not" to what it denies: "not intended to create legally binding"
QUOTE = 200  # the longest quote a finding carries; a longer sentence is cut around the words


class BindingTerm(NamedTuple):
    """Treaty wording in one sentence: the words as the text has them ("The Parties",
    "shall") and the sentence (or the part of it around them) that a finding quotes."""

    block: TextBlock
    words: tuple[str, ...]
    quote: str

    @property
    def wording(self) -> str:
        return self.words[0]


class Wording(NamedTuple):
    non_binding: tuple[TextBlock, ...]  # blocks stating the instrument is not legally binding
    binding_terms: tuple[BindingTerm, ...]  # one per sentence that uses treaty wording


def find_wording(stream: Stream) -> Wording:
    language = stream.language
    statements: list[TextBlock] = []
    terms: list[BindingTerm] = []
    for block in stream.blocks:
        if not _may_matter(block.text, language):
            continue  # most blocks: neither treaty wording nor a word about legal force
        for sentence in sentences(block.text):
            if states_non_binding(sentence, language):
                if block not in statements:
                    statements.append(block)
                continue
            found = _binding_words(sentence, language)
            if found:
                words = tuple(dict.fromkeys(m.group() for m in found))
                terms.append(BindingTerm(block, words, _quote(sentence, found[0])))
    return Wording(tuple(statements), tuple(terms))


def _may_matter(text: str, language: str) -> bool:
    groups = ("binding", "non_binding", "binding_nature", "legal_effect")
    return prefilter(groups, language).search(text) is not None


def states_non_binding(sentence: str, language: str) -> bool:
    """The sentence says the instrument is not binding: a phrase of its own ("non-binding",
    "political commitment"), a denial of binding force ("is not intended to be legally
    binding"), or a denial of rights and obligations in a sentence without treaty wording
    ("It does not create rights or obligations") — whereas a treaty's "Nothing in this
    Agreement shall affect the rights and obligations of the Parties" keeps its "shall"."""
    if has("non_binding", language, sentence):
        return True
    if _denies(sentence, "binding_nature", language):
        return True
    return _denies(sentence, "legal_effect", language) and not cue("binding", language).search(
        sentence
    )


def _denies(sentence: str, group: str, language: str) -> bool:
    return any(
        _negated(sentence, m.start(), language) for m in cue(group, language).finditer(sentence)
    )


def _negated(sentence: str, at: int, language: str) -> bool:
    """A negation shortly before ``at``: "not legally binding", "no crea … obligaciones".
    "shall not" is a binding negative ("shall not be transferred"), not a denial."""
    window = " ".join(sentence[:at].split()[-DENIAL_WINDOW:])
    for match in cue("negation", language).finditer(window):
        if not re.search(r"\bshall\s*$", window[: match.start()], re.IGNORECASE):
            return True
    return False


def _binding_words(sentence: str, language: str) -> list[re.Match]:
    """Treaty wording of the sentence, leaving out the legal terms it denies ("creates no
    obligations under this Memorandum")."""
    legal = (cue("binding_nature", language), cue("legal_effect", language))
    return [
        match
        for match in cue("binding", language).finditer(sentence)
        if not (
            any(p.search(match.group()) for p in legal)
            and _negated(sentence, match.start(), language)
        )
    ]


def _quote(sentence: str, first: re.Match) -> str:
    """The sentence, or the words around its first treaty term when it is long."""
    if len(sentence) <= QUOTE:
        return sentence
    start = max(0, first.start() - QUOTE // 3)
    start = sentence.rfind(" ", 0, start) + 1 if start else 0
    end = sentence.find(" ", start + QUOTE)
    return sentence[start : end if end > 0 else len(sentence)].strip()
