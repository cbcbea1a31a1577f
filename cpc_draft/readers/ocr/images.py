"""An image file (PNG, JPEG, TIFF; a TIFF of several pages too) read as a scanned draft.

Each frame is recognised like a scanned PDF page (:mod:`.recognition`, :mod:`.words`,
:mod:`.rules`) and the PDF reader's layout steps make the blocks. Pillow decodes the
image, in the sandbox like PDFium, under a memory and CPU-time limit; its own
decompression-bomb check refuses images of more than :data:`MAX_PIXELS` pixels.
"""

from __future__ import annotations

from pathlib import Path

from cpc_draft import sandbox
from cpc_draft.errors import InputFileError
from cpc_draft.model import Document

MAX_PIXELS = 60_000_000  # a Letter page at 300 dpi has 8.4 million
MAX_FRAMES = 500
MEMORY = 1 << 30
CPU_SECONDS = 30.0  # plus CPU_SECONDS_PER_PAGE a frame
CPU_SECONDS_PER_PAGE = 10.0
DEFAULT_DPI = 300  # for a file that does not say


def read_image_file(path: Path) -> Document:
    """Read an image file as a draft; one line naming the file for anything else."""
    limits = sandbox.Limits(
        memory=MEMORY,
        cpu_seconds=CPU_SECONDS,
        failed=InputFileError(path, "could not be read: the image library failed on it"),
        too_slow=InputFileError(path, "took too long to read (a hostile or broken image?)"),
    )
    return sandbox.submit(_read_guarded, Path(path), limits=limits).result()


def _read_guarded(path: Path) -> Document:
    try:
        return _read(path)
    except (InputFileError, KeyboardInterrupt):
        raise
    except MemoryError:
        raise InputFileError(path, "could not be read within the memory allowed") from None
    except Exception as error:  # a file that trips a bug must still end in one line
        raise InputFileError(
            path, f"could not be read (internal error: {type(error).__name__}: {error})"
        ) from None


def _read(path: Path) -> Document:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    # the PDF reader first: it imports the OCR modules it hooks into
    from cpc_draft.readers.pdf.layout import lay_out  # isort: skip
    from cpc_draft.readers.ocr import current, pages
    from cpc_draft.readers.ocr.languages import choose_languages
    from cpc_draft.readers.ocr.tesseract import command

    program = command()
    if program is None:
        raise InputFileError(path, f"is an image, read by OCR, and {pages.tesseract_missing()}")
    choice = choose_languages(path, program, current().languages)
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(path) as image:
            frames = getattr(image, "n_frames", 1)
            if frames > MAX_FRAMES:
                raise InputFileError(path, f"has {frames:,} pages; the limit is {MAX_FRAMES:,}")
            sandbox.allow_cpu(CPU_SECONDS_PER_PAGE * frames)
            dpi = _dpi(image)
            inputs, tally = [], pages.Tally()
            for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
                found = pages.recognise_image(program, frame.copy(), number, dpi, choice, tally)
                inputs.append(found)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError) as error:
        raise InputFileError(path, f"cannot be read as an image ({error})") from None
    if not any(page.words for page in inputs):
        raise InputFileError(path, "was read by OCR, but no text was recognised")
    layout = lay_out(inputs)
    result = pages.summary(tally, choice)
    return Document(
        path=str(path),
        format="image",
        blocks=tuple(layout.blocks),
        pages=len(inputs),
        warnings=tuple(result.warnings),
        headers=tuple(layout.headers),
        footers=tuple(layout.footers),
        footnotes=tuple(layout.footnotes),
        properties=result.properties,
    )


def _dpi(image) -> float:
    found = image.info.get("dpi")
    try:
        value = float(found[0]) if found else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    return value if 50 <= value <= 1200 else DEFAULT_DPI
