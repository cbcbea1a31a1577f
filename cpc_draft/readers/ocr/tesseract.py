"""The Tesseract command: one page image in, its words with boxes and confidences out.

The command itself, not a Python binding: the Debian packages install it (bindings such
as tesserocr must be compiled against the same libtesseract, pytesseract is itself a
wrapper around the command), and a command in its own process is bounded like PDFium
is: a wall-clock timeout, a CPU-time and address-space limit set in the child before it
starts, one OpenMP thread (Tesseract's threads only contend with each other on a busy
machine), and its TSV output read only up to :data:`MAX_TSV_BYTES`.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MEMORY = 1 << 30  # address space one recognition may use
SECONDS_PER_PAGE = 120  # wall clock and CPU time for one page image
MAX_TSV_BYTES = 20_000_000  # a dense page gives ~100 KB


class OcrFailed(Exception):
    """Tesseract could not recognise an image; the message says why, in a few words."""


@dataclass(frozen=True, slots=True)
class OcrWord:
    """A recognised word: its box in pixels of the image, top-left origin."""

    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float  # 0-100
    line: tuple[int, int, int, int]  # page, block, paragraph and line numbers


@dataclass(frozen=True, slots=True)
class OcrPage:
    """What Tesseract read from one image (a multi-page TIFF gives several)."""

    number: int  # 1-based, in the image
    width: int  # pixels
    height: int
    words: list[OcrWord]


def command() -> str | None:
    """The tesseract command on PATH, or None when it is not installed."""
    return shutil.which("tesseract")


@cache
def installed_languages(program: str) -> frozenset[str]:
    """The traineddata names Tesseract has ("eng", "spa", "osd", ...)."""
    try:
        done = subprocess.run(
            [program, "--list-langs"],
            capture_output=True,
            timeout=30,
            env=_environment(),
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    lines = done.stdout.decode("utf-8", "replace").splitlines()
    # the first line is a sentence ("List of available languages in ... (4):")
    return frozenset(line.strip() for line in lines[1:] if line.strip())


def recognise(
    program: str, image: Path, *, languages: list[str], dpi: int | None, layout: int = 3
) -> list[OcrPage]:
    """Run Tesseract over ``image`` (any format Leptonica reads: PNM, PNG, JPEG, TIFF);
    ``layout`` is its page segmentation mode (3: find the blocks, 6: one block)."""
    with tempfile.TemporaryDirectory(prefix="cpc-draft-ocr-") as folder:
        base = Path(folder) / "words"
        arguments = [program, str(image), str(base), "-l", "+".join(languages)]
        arguments += ["--psm", str(layout)]
        if dpi:
            arguments += ["--dpi", str(dpi)]
        try:
            done = subprocess.run(
                [*arguments, "tsv"],
                capture_output=True,
                timeout=SECONDS_PER_PAGE,
                env=_environment(),
                preexec_fn=_limit_child,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise OcrFailed(f"Tesseract took more than {SECONDS_PER_PAGE} s") from None
        except OSError as error:
            raise OcrFailed(f"Tesseract could not be started ({error.strerror})") from None
        output = base.with_suffix(".tsv")
        if done.returncode != 0 or not output.exists():
            raise OcrFailed(_failure(done))
        if output.stat().st_size > MAX_TSV_BYTES:
            raise OcrFailed("Tesseract's output is too large")
        return parse_tsv(output.read_text("utf-8", errors="replace"))


def parse_tsv(text: str) -> list[OcrPage]:
    """Tesseract's TSV -> pages of words (level 1 rows are pages, level 5 rows words)."""
    pages: dict[int, OcrPage] = {}
    for row in text.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) < 12 or not fields[0].isdigit():
            continue
        level, page, block, paragraph, line = (int(value) for value in fields[:5])
        left, top, width, height = (int(value) for value in fields[6:10])
        if level == 1:
            pages[page] = OcrPage(page, width, height, [])
            continue
        word = fields[11].strip()
        if level != 5 or not word or page not in pages:
            continue
        pages[page].words.append(
            OcrWord(
                word,
                left,
                top,
                width,
                height,
                float(fields[10]),
                (page, block, paragraph, line),
            )
        )
    return [pages[number] for number in sorted(pages)]


def _environment() -> dict[str, str]:
    environment = dict(os.environ)
    environment["OMP_THREAD_LIMIT"] = "1"
    return environment


def _limit_child() -> None:
    """In the child, before Tesseract starts: its own limits (the reader's are for PDFium)."""
    for which, value in ((resource.RLIMIT_AS, MEMORY), (resource.RLIMIT_CPU, SECONDS_PER_PAGE)):
        _, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(which, (value, hard))


def _failure(done: subprocess.CompletedProcess) -> str:
    if done.returncode < 0:
        return f"Tesseract stopped (signal {-done.returncode}; out of memory or time?)"
    lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
    detail = next((line for line in reversed(lines) if "rror" in line), lines[-1] if lines else "")
    return f"Tesseract failed ({detail[:200] or f'exit code {done.returncode}'})"
