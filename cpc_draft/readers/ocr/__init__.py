"""OCR: scanned pages and image files read with Tesseract into the PDF reader's layout.

A scanned page becomes positioned words like a digital page's, and the same layout steps
(running headers and footers, columns, paragraphs, headings, items) turn them into blocks.

- :mod:`.tesseract`: the command, bounded, and its TSV (word boxes, confidences);
- :mod:`.words`: word boxes -> the reader's words, tilt measured and turned back;
- :mod:`.recognition`: one page image -> its words (rules and specks removed, two
  passes, ruled tables read again);
- :mod:`.languages`: the languages pages are read in, asked for or found in the document;
- :mod:`.rules`: the ruled lines of a scanned table, for the reader's table finder,
  and whitened before recognition;
- :mod:`.pages`: which pages of a PDF need OCR (no text layer, or a hidden one of
  garbage), rendered through PDFium, recognised, and what the outputs say about it;
- :mod:`.images`: PNG, JPEG and TIFF files read as scanned drafts.

What the commands ask for (``--ocr auto|always|never``, ``--ocr-language``) is set once
per process with :func:`configure`, before any reading: the readers run in forked
children (:mod:`cpc_draft.sandbox`), which inherit it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

AUTO, ALWAYS, NEVER = "auto", "always", "never"
MODES = (AUTO, ALWAYS, NEVER)


@dataclass(frozen=True)
class OcrSettings:
    """``mode``: OCR pages without a usable text layer (auto), every page (always), or
    none (never). ``languages``: our codes (en, es, fr); empty: chosen from the document
    (:mod:`.languages`)."""

    mode: str = AUTO
    languages: tuple[str, ...] = ()


_settings = OcrSettings()


def configure(mode: str = AUTO, languages: tuple[str, ...] = ()) -> None:
    """Set what the readers of this process (and the children it forks) do about OCR."""
    global _settings
    if mode not in MODES:
        raise ValueError(f"OCR mode {mode!r} is not one of {', '.join(MODES)}")
    _settings = OcrSettings(mode, tuple(dict.fromkeys(code.lower() for code in languages)))


def current() -> OcrSettings:
    return _settings


@dataclass(frozen=True)
class OcrData:
    languages: dict[str, str]  # our code -> Tesseract's
    packages: str
    confidence_floor: float
    dpi: int


@cache
def ocr_data() -> OcrData:
    from cpc_draft.fileio.yaml_source import load_data  # only when a page needs OCR

    text = resources.files("cpc_draft").joinpath("data/ocr.yaml").read_text("utf-8")
    data = load_data(text)
    return OcrData(
        dict(data["languages"]),
        str(data["packages"]),
        float(data["confidence_floor"]),
        int(data["dpi"]),
    )
