"""Line-end hyphens: "implemen-" + "tation" is one word, "trauma-" + "informed" keeps its
hyphen. :func:`hyphen_join` holds the rule; :class:`Vocabulary` the document's own words,
which decide most cases."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from cpc_draft.text.cues import unaccented

_HYPHENS = "-\u00ad\u2010"
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")
# Second halves that make a compound rather than a broken word ("trauma-informed").
_HEADS = (
    "based informed centered centred led related term year years level wide specific "
    "sensitive friendly making building owned run free like oriented focused up off out "
    "in on long scale time day hoc party "
    # French and Spanish compound numbers ("dix-huit", "vingt-deux")
    "un une deux trois quatre cinq six sept huit neuf dix vingt"
)
COMPOUND_HEADS = frozenset(_HEADS.split())
# First halves that keep their hyphen ("non-governmental", "multi-year").
COMPOUND_PREFIXES = frozenset(["non", "self", "well", "cross", "anti", "multi", "ex"])
# Inflections (English, Spanish, French) by which one word vouches for another form of it:
# plurals, genders, past participles ("investigation" for "investigations").
_ENDINGS = ("s", "es", "x", "e", "a", "o", "as", "os", "ed", "d", "ing", "ly")
_STEM_LEAST = 4  # shorter stems ("car", "mes") would vouch for unrelated words


class Vocabulary:
    """Words of the document, lowercased, to tell "implemen-tation" from "trauma-informed".

    ``heads`` and ``tails`` hold the halves of the hyphenated compounds seen ("trauma",
    "informed" from "trauma-informed"; "dix", "huit" from "dix-huit").
    """

    def __init__(self) -> None:
        self.words: Counter = Counter()
        self.heads: set[str] = set()
        self.tails: set[str] = set()
        self._folded: set[str] = set()
        self._folded_size = -1

    def add_lines(self, texts: Sequence[str]) -> None:
        for position, text in enumerate(texts):
            tokens = text.split()
            if not tokens:
                continue
            broken_start = position > 0 and texts[position - 1].rstrip().endswith(tuple(_HYPHENS))
            if broken_start:
                tokens = tokens[1:]
            if tokens and tokens[-1].endswith(tuple(_HYPHENS)):
                tokens = tokens[:-1]
            for token in tokens:
                for match in _WORD.findall(token):
                    word = match.lower()
                    self.words[word] += 1
                    if "-" in word or "\u2010" in word:
                        parts = re.split("[-\u2010]", word)
                        self.heads.update(parts[:-1])
                        self.tails.update(parts[1:])

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.words

    def knows_form(self, word: str) -> bool:
        """Whether the document has ``word`` or another form of it: "investigations"
        where it writes "investigation", "opened" where it writes "open"."""
        if word.lower() in self.words:
            return True
        word, known = unaccented(word.lower()), self._unaccented_words()
        stems = {word[: -len(ending)] for ending in _ENDINGS if word.endswith(ending)}
        stems = {stem for stem in stems if len(stem) >= _STEM_LEAST}
        return word in known or any(
            stem + ending in known for stem in stems for ending in ("", *_ENDINGS)
        )

    def _unaccented_words(self) -> set[str]:
        if self._folded_size != len(self.words):  # words added since: fold again
            self._folded = {unaccented(word) for word in self.words}
            self._folded_size = len(self.words)
        return self._folded


def hyphen_join(before: str, after: str, vocabulary: Vocabulary) -> bool | None:
    """How to join a line ending ``before-`` with one starting ``after``.

    True: drop the hyphen ("implemen-" + "tation" -> "implementation"); False: keep it
    ("trauma-" + "informed" -> "trauma-informed"); None: not a hyphen at all. The rule:

    - the hyphen is dropped only between lowercase letters ("Victim-centered" keeps it);
    - a form seen elsewhere in the document decides: the compound ("trauma-informed")
      keeps the hyphen, the closed word ("implementation") drops it;
    - else a known compound head ("-based", "-informed", "-year", "-huit"…) or prefix
      ("non-", "multi-"…) keeps it, and so does a half that makes other compounds in the
      document ("trauma-" of "trauma-sensitive") or two halves that are both words of the
      document (three letters or more each);
    - otherwise the hyphen was a line-end break and is dropped.
    """
    if not before or before[-1] not in _HYPHENS:
        return None
    if len(before) > 1 and not before[-2].isalnum():
        return None  # "CLÁUSULA OCTAVA.-" / "OBJETO": a dash after a stop, then a space
    head_match = re.search(r"([^\W\d_]+)[" + _HYPHENS + r"]$", before)
    tail_match = re.match(r"[^\W\d_]+", after)
    if not head_match or not tail_match:
        return False
    head, tail = head_match.group(1), tail_match.group(0)
    if before[-1] == "\u00ad":
        return True  # a soft hyphen is always a break
    if not (head.islower() and tail[0].islower()):
        return False
    if f"{head}-{tail}".lower() in vocabulary:
        return False
    if f"{head}{tail}".lower() in vocabulary:
        return True
    if tail.lower() in COMPOUND_HEADS or head.lower() in COMPOUND_PREFIXES:
        return False
    if head.lower() in vocabulary.heads or tail.lower() in vocabulary.tails:
        return False  # "trauma-" or "-informed" make compounds elsewhere in the document
    return not (len(head) >= 3 and len(tail) >= 3 and head in vocabulary and tail in vocabulary)


def join_lines(texts: Sequence[str], vocabulary: Vocabulary) -> str:
    """Lines of one paragraph as one string, line-end hyphens resolved."""
    result = ""
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if not result:
            result = text
            continue
        verdict = hyphen_join(result, text, vocabulary)
        if verdict is None:
            result += " " + text
        elif verdict:
            result = result[:-1] + text
        else:
            result = result[:-1] + "-" + text
    return result
