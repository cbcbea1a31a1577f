"""Scans of our own PDFs, made the way a photocopier makes them, for the OCR tests and
benchmarks/bench_ocr.py.

Each page of a digital PDF is rendered with PDFium at ``dpi``, turned by ``tilt`` degrees
(a sheet laid slightly askew), sprinkled with specks, JPEG-compressed, and the images are
wrapped as an image-only PDF (Pillow's PDF writer: one JPEG a page, no text layer).
:func:`write_text_pdf` makes a digital PDF of a text draft to scan.
"""

from __future__ import annotations

import io
import random
import re
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
from pdf_factory import Pdf
from PIL import Image


def write_text_pdf(source: Path, target: Path) -> Path:
    """The text file as a Letter-size PDF: one line per heading line, paragraphs wrapped."""
    pdf = Pdf()
    page, top = pdf.page(), 72.0
    for chunk in source.read_text("utf-8").split("\n\n"):
        lines = chunk.splitlines()
        pieces = [(line, True) for line in lines] if len(lines) > 1 else [(chunk, False)]
        for text, heading in pieces:
            if top > 690:
                page, top = pdf.page(), 72.0
            top = page.paragraph(72, top, 468, text, size=11, bold=heading, after=8)
    return pdf.save(target)


def scan(
    source: Path,
    target: Path,
    *,
    dpi: int = 200,
    tilt: float = 0.8,
    specks: float = 1 / 3000,
    quality: int = 60,
    seed: int = 7,
) -> Path:
    """An image-only PDF of ``source``; ``specks`` is the share of pixels turned black."""
    chance = random.Random(seed)
    document = pdfium.PdfDocument(source)
    pages = []
    try:
        for index in range(len(document)):
            page = document[index]
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            pages.append(_photocopy(image, tilt, specks, quality, chance))
    finally:
        document.close()
    pages[0].save(target, "PDF", resolution=float(dpi), save_all=True, append_images=pages[1:])
    return target


def _photocopy(image: Image.Image, tilt: float, specks: float, quality: int, chance):
    image = image.rotate(tilt, resample=Image.Resampling.BICUBIC, fillcolor=255)
    pixels = image.load()
    width, height = image.size
    for _ in range(int(width * height * specks)):
        pixels[chance.randrange(width), chance.randrange(height)] = chance.randrange(0, 90)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue()))


def words(extracted: dict) -> Counter:
    """The words of ``extract --format json`` output, lower case, punctuation off: what a
    scan's recall is counted on."""
    found: Counter = Counter()
    for block in extracted["blocks"]:
        for word in block["text"].split():
            word = re.sub(r"[^\w$%§]", "", word).lower()
            if word:
                found[word] += 1
    return found
