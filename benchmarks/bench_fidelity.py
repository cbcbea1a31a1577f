"""Print how faithfully the PDF reader reads PDFs with the defects real ones carry (issue 14).

Each case is a PDF written by tests/pdf_factory.py (``fidelity_cases``) with one defect
and a known text: wide letter spacing, TeX-style kerning without space characters, text
drawn glyph by glyph, overprinted "fake bold", a drop cap, two lines 1.7 pt apart, a
rotated stamp and a diagonal watermark beside a paragraph, filled-in form fields, a
free-text annotation, a comment (a sticky note); and from tests/pdf_word_cases.py
(``word_cases``) the defects of the character layer: a glyph mapped to a control code
(and a line-end hyphen after it), a paragraph printed mirrored (back to front, upside
down, back to front and sideways); from tests/pdf_font_cases.py (``glyph_name_cases``)
fonts without a ToUnicode map whose text is known only by their glyphs' names ("T.alt",
"f_f_i"): an embedded Type 1 program's own encoding, /Differences over Helvetica, a Type 3
font; and from tests/pdf_script_cases.py (``script_cases``, where DejaVu Sans is
installed) scripts drawn in another order than they are read: Arabic and Hebrew set right
to left (also glyph by glyph), Thai marks drawn after their letters. For each: word recall
(the known words found, in order-free counts) and precision (the words read that are
known), and a check: the text read in its order (close lines not mixed), or marked with
its origin where it should be
(rotated, form field, annotation, comment). Then the overall figures.

    python benchmarks/bench_fidelity.py
"""

from __future__ import annotations

import re
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from pdf_factory import EN, fidelity_cases  # noqa: E402
from pdf_font_cases import glyph_name_cases  # noqa: E402
from pdf_script_cases import script_cases  # noqa: E402
from pdf_word_cases import word_cases  # noqa: E402

from cpc_draft.errors import CpcDraftError  # noqa: E402
from cpc_draft.readers.pdf import read_pdf  # noqa: E402

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> Counter:
    # NFKC: a ligature's own character ("ﬃ", as fonts name it) reads as its letters
    return Counter(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def main() -> int:
    found_total = expected_total = read_total = 0
    print(f"{'case':<16} {'recall':>7} {'precision':>9}  check")
    with tempfile.TemporaryDirectory() as folder:
        cases = fidelity_cases() + word_cases() + glyph_name_cases() + script_cases()
        for name, pdf, text, origin in cases:
            path = pdf.save(Path(folder) / f"{name.replace(' ', '-')}.pdf")
            expected = words(text)
            if origin in ("rotated", "annotation", "comment"):
                expected += words(EN[0] if origin == "rotated" else EN[1])
            try:
                document = read_pdf(path)
            except CpcDraftError as error:
                print(f"{name:<16} refused: {error}")
                expected_total += sum(expected.values())
                continue
            got = words(" ".join(block.text for block in document.blocks))
            common = sum((expected & got).values())
            if origin:
                marked = " ".join(
                    b.text for b in document.blocks if getattr(b, "origin", None) == origin
                )
                check = "marked" if words(text) <= words(marked) else "NOT MARKED"
            else:
                read = " ".join(" ".join(b.text for b in document.blocks).split())
                read = unicodedata.normalize("NFKC", read)
                check = "in order" if text in read else "NOT IN ORDER"
            recall = common / sum(expected.values())
            precision = common / max(1, sum(got.values()))
            print(f"{name:<16} {recall:7.3f} {precision:9.3f}  {check}")
            found_total += common
            expected_total += sum(expected.values())
            read_total += sum(got.values())
    print(
        f"{'overall':<16} {found_total / expected_total:7.3f} "
        f"{found_total / max(1, read_total):9.3f}  (targets: 1.000 and 1.000)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
