"""The languages Tesseract reads a document's scans in: those asked for, or those of the
document, found as its pages are read.

Tesseract reading a page in every language of ours takes markedly longer than reading
it in the page's own, and the pages of a draft are in one or two. So, unless languages
are asked for, they are chosen from the document:

- from its hints, where it has them: the languages of its digital pages (a scanned
  signature page in a digital draft) and a PDF's declared language (/Lang);
- otherwise the first page with text is read in every language of ours installed, and
  the languages its words are in are kept for the pages after it (that page is not read
  again in them: read again in English alone, an English page came out no better, and
  from a 150 dpi scan worse, "US$" read as "USS$");
- a page whose words show another language of ours (the Spanish version after the
  English one) is read again with it added, and so are the pages after it: languages
  are only added, so a document has at most one page read again for each.

A page's languages are told by counting function words and marker letters paragraph by
paragraph (:mod:`cpc_draft.text.langid`, with its word lists in
data/language_markers.yaml): they survive a reading in the wrong language ("los",
"para", "avec" need no accent), so an English reading of a Spanish page still shows it
is Spanish.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from cpc_draft.errors import InputFileError
from cpc_draft.readers.ocr import ocr_data
from cpc_draft.readers.ocr.tesseract import OcrWord, installed_languages
from cpc_draft.text.langid import identify

SHARE = 0.1  # of a page's text told apart, for a language to count as one of the page's
HINT_WORDS = 40  # words of a digital page told apart at a time


@dataclass
class LanguageChoice:
    """What pages are read in (Tesseract's names), and what was learnt so far."""

    installed: dict[str, str]  # our code -> Tesseract's name, of those installed
    names: list[str]  # what the next page is read in
    asked: bool = False  # given by the user: never changed
    decided: bool = False  # the document's languages are known (from hints or a page)
    missing: dict[str, int] = field(default_factory=dict)  # our code -> first page in it

    def review(self, number: int, words: list[OcrWord]) -> list[str] | None:
        """After page ``number`` was read in :attr:`names`: the languages to read it
        again in (another of ours showed), or None when its reading stands."""
        if self.asked:
            return None
        found = [code for code in page_languages(words) if self._installed(code, number)]
        if not found:
            return None
        chosen = [self.installed[code] for code in found]
        if not self.decided:
            # the first page, read in every language: it stands, its languages go on
            self.decided, self.names = True, chosen
            return None
        added = [name for name in chosen if name not in self.names]
        if not added:
            return None
        self.names = [*self.names, *added]
        return self.names

    def _installed(self, code: str, number: int) -> bool:
        if code in self.installed:
            return True
        if code in ocr_data().languages:
            self.missing.setdefault(code, number)
        return False

    def described(self) -> str:
        """The languages the pages were read in, and where they came from."""
        names = "+".join(self.names)
        if self.asked:
            return f"{names}, as asked"
        if self.decided:
            return f"{names}, chosen from the document"
        return f"{names}; the text did not show its language"

    def warnings(self) -> list[str]:
        packages = ocr_data().languages
        return [
            f"page {number} seems to be in '{code}', which Tesseract does not have; "
            f"install the package tesseract-ocr-{packages[code]}"
            for code, number in self.missing.items()
        ]


def page_languages(words: list[OcrWord]) -> list[str]:
    """Our codes of the languages a page's words are in, in reading order: each paragraph
    told apart on its own (a bilingual page has a column or paragraphs of each)."""
    paragraphs: dict[tuple, list[str]] = defaultdict(list)
    for word in words:
        paragraphs[word.line[:3]].append(word.text)
    return _by_share(" ".join(texts) for texts in paragraphs.values())


def text_languages(texts) -> list[str]:
    """The languages of a digital page's words, told apart :data:`HINT_WORDS` at a time."""
    words = [word for text in texts for word in text.split()]
    chunks = (" ".join(words[i : i + HINT_WORDS]) for i in range(0, len(words), HINT_WORDS))
    return _by_share(chunks)


def _by_share(chunks) -> list[str]:
    """The languages of at least :data:`SHARE` of the text told apart, in the order they
    first appear."""
    sizes: Counter[str] = Counter()  # insertion order: first appearance
    for chunk in chunks:
        language = identify(chunk)
        if language:
            sizes[language] += len(chunk)
    total = sum(sizes.values())
    return [code for code, size in sizes.items() if size >= SHARE * total]


def choose_languages(
    path: Path, program: str, requested: tuple[str, ...], hints=()
) -> LanguageChoice:
    """The languages to begin reading in: those asked for (our codes, or Tesseract's own
    names); else the ``hints`` (our codes) that are installed; else every one of our
    languages that is installed. One line naming the file when one is missing."""
    installed = installed_languages(program)
    known = ocr_data().languages
    if requested:
        return LanguageChoice({}, [_asked(path, code, installed) for code in requested], True)
    ours = {code: name for code, name in known.items() if name in installed}
    if not ours:
        raise InputFileError(
            path,
            f"needs OCR, but Tesseract has none of the languages {', '.join(known)} "
            f"installed; install the packages {ocr_data().packages}",
        )
    hinted = [ours[code] for code in dict.fromkeys(hints) if code in ours]
    if hinted:
        return LanguageChoice(ours, hinted, decided=True)
    return LanguageChoice(ours, list(ours.values()))


def _asked(path: Path, code: str, installed: frozenset[str]) -> str:
    name = ocr_data().languages.get(code, code)
    if name not in installed:
        raise InputFileError(
            path,
            f"needs OCR in '{code}', which Tesseract does not have; install the package "
            f"tesseract-ocr-{name}",
        )
    return name
