"""PDF -> :class:`~cpc_draft.model.Document`: pdfium for the text, pdfplumber for tables.

Design (measured on a 45-page LibreOffice draft; see benchmarks/bench_extract.py):
pdfplumber (pdfminer) needs 150-200 ms a page to parse a page's text, pdfium about 2 ms,
and even pdfplumber's table finder on only the ruled pages costs a third of pdfplumber's
whole ``extract_text``. So every page is read with pypdfium2 only, and the pieces are:

- :mod:`.structure`: the raw bytes first, in time linear in their size: truncation, a
  damaged cross-reference table (pdfium repairs it; the reader says so); :mod:`.streams`:
  decompression bombs and streams without an end (refused before pdfium);
- :mod:`.document`: pdfium over the file, page by page, up to the page limit
  (:mod:`cpc_draft.readers.page_limit`), reopened when pdfium's caches grow;
  :mod:`.words` (the text as positioned words, upright) and :mod:`.drawing` (ruled
  lines, images) per page; :mod:`.page` (coordinates, and what the pages say about the
  text layer); :mod:`.security` and :mod:`.trailer`: files pdfium refuses that other
  readers open (AES-256 permissions that disagree, a trailer without the catalog);
- :mod:`.layout`, the steps from words to blocks: :mod:`.tables` (pdfium's ruled lines
  handed to pdfplumber's own ``TableFinder``, without pdfminer), :mod:`.running` (running
  headers and footers), :mod:`.columns` (reading order), :mod:`.blocks` and
  :mod:`.hyphenation` (paragraphs, headings, items, table rows), all on the plain data of
  :mod:`.geometry`.

pdfium runs in the sandbox (:mod:`cpc_draft.sandbox`) with a memory and CPU-time limit,
so what it cannot survive ends in one line naming the file, like every other bad file.
"""

from __future__ import annotations

from pathlib import Path

from cpc_draft import sandbox
from cpc_draft.errors import InputFileError
from cpc_draft.model import Document
from cpc_draft.readers.pdf import document
from cpc_draft.readers.pdf.tables import prepare_table_finder

__all__ = ["prepare_table_finder", "read_pdf"]

MAX_READER_MEMORY = 1 << 30  # address space the reading may add to what its process has
CPU_SECONDS = 30.0  # plus document.CPU_SECONDS_PER_PAGE for each page


def read_pdf(path: Path, *, password: str | None = None) -> Document:
    """Read a PDF; raise :class:`InputFileError` for anything that is not a readable one.

    pdfium is C++: a hostile file that makes it run out of memory, crash or loop must end
    in a message, not take the whole command down. So the reading is sandboxed work with
    limits: in a child process, or in the read-ahead child it is already in.
    """
    path = Path(path)
    return sandbox.submit(_read_guarded, path, password, limits=_limits(path)).result()


def _limits(path: Path) -> sandbox.Limits:
    megabytes = MAX_READER_MEMORY >> 20
    return sandbox.Limits(
        memory=MAX_READER_MEMORY,
        cpu_seconds=CPU_SECONDS,
        failed=InputFileError(
            path,
            "could not be read: the PDF library failed on it (out of "
            f"{megabytes} MB of memory, or a crash; a hostile or broken PDF?)",
        ),
        too_slow=InputFileError(path, "took too long to read (a hostile or broken PDF?)"),
    )


def _read_guarded(path: Path, password: str | None) -> Document:
    try:
        return document.read(path, password)
    except (InputFileError, KeyboardInterrupt):
        raise
    except MemoryError:
        megabytes = MAX_READER_MEMORY >> 20
        problem = f"could not be read within {megabytes} MB of memory (a hostile or broken PDF?)"
        raise InputFileError(path, problem) from None
    except Exception as error:  # a file that trips a bug must still end in one line
        raise InputFileError(
            path, f"could not be read (internal error: {type(error).__name__}: {error})"
        ) from None
