"""The PDF reader: reading order, paragraphs, headers, headings, tables, hostile files.

Small PDFs are written by tests/pdf_factory.py (exact control of every position); the
assembled drafts are converted with LibreOffice (skipped when it is not installed) and
compared with the .docx they came from.
"""

from __future__ import annotations

import re
import resource
import subprocess
import sys
import zlib
from pathlib import Path

import pdfplumber
import pytest
from conftest import ROOT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph
from pdf_factory import (
    LANDSCAPE,
    Pdf,
    encrypted_export,
    libreoffice_pdf,
    soffice,
    text_width,
    truncated,
)

from cpc_draft.assemble import AssembleOptions, build_draft
from cpc_draft.errors import InputFileError
from cpc_draft.readers.pdf import read_pdf
from cpc_draft.readers.pdf.hyphenation import Vocabulary, hyphen_join, join_lines

needs_libreoffice = pytest.mark.skipif(
    soffice() is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it"
)

EN = [
    "The Participants intend to strengthen the capacity of the national authorities "
    "to identify child victims and to refer them to specialized services.",
    "Each Participant intends to carry out its responsibilities in accordance with its "
    "applicable laws and regulations.",
    "The Participants intend to review progress at each Annual Dialogue.",
]
ES = [
    "Los Participantes tienen la intención de fortalecer la capacidad de las autoridades "
    "nacionales para identificar a las víctimas.",
    "Cada Participante tiene la intención de cumplir sus responsabilidades de conformidad "
    "con sus leyes.",
    "Los Participantes tienen la intención de examinar los avances en cada Diálogo Anual.",
]


def norm(text: str) -> str:
    return " ".join(text.split())


def texts(document, kind=None) -> list[str]:
    return [b.text for b in document.blocks if kind is None or b.kind == kind]


# -- paragraphs and hyphenation -----------------------------------------------------------------


def test_paragraphs_are_rebuilt_from_lines(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    top = 72
    for text in EN:
        top = page.paragraph(72, top, 300, text)
    document = read_pdf(pdf.save(tmp_path / "p.pdf"))
    assert document.format == "pdf" and document.pages == 1
    assert texts(document) == EN  # several lines each, joined with single spaces
    assert [b.index for b in document.blocks] == [0, 1, 2]
    assert {b.kind for b in document.blocks} == {"paragraph"}
    assert {b.page for b in document.blocks} == {1}
    assert all(b.language is None and b.column is None for b in document.blocks)


def test_paragraph_continues_across_a_page_break(tmp_path):
    pdf = Pdf()
    first, second = pdf.page(), pdf.page()
    first.lines(72, 700, ["The Participants intend to strengthen the capacity"])
    second.lines(72, 72, ["of the national authorities.", ""])
    second.paragraph(72, 120, 300, "A new paragraph.")
    document = read_pdf(pdf.save(tmp_path / "p.pdf"))
    assert texts(document) == [
        "The Participants intend to strengthen the capacity of the national authorities.",
        "A new paragraph.",
    ]
    assert document.blocks[0].page == 1 and document.blocks[1].page == 2


def test_line_end_hyphens_are_joined_and_real_hyphens_kept(tmp_path):
    pairs = [
        ("The Participants intend to support the implemen-", "tation of the annual plan."),
        ("Programs intend to provide comprehensive trauma-", "informed care to victims."),
        ("The Participants intend to adopt a broad Victim-", "centered approach in cases."),
        ("The Participants intend to agree on a new proce-", "dure for the annual review."),
        ("The Participants intend to agree on the procedure", "for the review of the plan."),
    ]
    pdf = Pdf()
    page = pdf.page()
    top = 72
    for first, second in pairs:
        assert len(first) >= 48  # full lines: the break was the line's end, not a new line
        top = page.lines(72, top, [first, second]) + 12
    document = read_pdf(pdf.save(tmp_path / "h.pdf"))
    assert texts(document) == [
        "The Participants intend to support the implementation of the annual plan.",
        "Programs intend to provide comprehensive trauma-informed care to victims.",
        "The Participants intend to adopt a broad Victim-centered approach in cases.",
        "The Participants intend to agree on a new procedure for the annual review.",
        "The Participants intend to agree on the procedure for the review of the plan.",
    ]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("implemen-", "tation", True),  # no word: a break
        ("trauma-", "informed", False),  # compound head
        ("Victim-", "centered", False),  # capital: never a break
        ("multi-", "year", False),  # compound prefix and head
        ("dix-", "huit", False),  # French compound number
        ("pro-", "gramme", True),
        ("child-", "protection", False),  # both halves are words of the document
        ("coordi-", "nation", True),
        ("the", "plan", None),  # no hyphen at all
        ("2017-", "2020", False),  # figures keep it
    ],
)
def test_hyphen_rule(before, after, expected):
    vocabulary = Vocabulary()
    vocabulary.add_lines(["child protection is the plan of the year", "coordination"])
    assert hyphen_join(before, after, vocabulary) is expected


def test_hyphenated_form_seen_elsewhere_decides():
    vocabulary = Vocabulary()
    vocabulary.add_lines(["a well funded cost-sharing plan", "the costsharing plan"])
    assert join_lines(["the cost-", "sharing plan"], vocabulary) == "the cost-sharing plan"
    closed = Vocabulary()
    closed.add_lines(["the costsharing plan"])
    assert join_lines(["the cost-", "sharing plan"], closed) == "the costsharing plan"


# -- reading order ----------------------------------------------------------------------------


def _two_column_page(page, top=60, article=1):
    left = right = top
    left = page.paragraph(60, left, 320, f"Article {article}", bold=True)
    right = page.paragraph(412, right, 320, f"Artículo {article}", bold=True)
    for en, es in zip(EN, ES, strict=True):
        left = page.paragraph(60, left, 320, en)
        right = page.paragraph(412, right, 320, es)


def test_two_columns_read_left_then_right_per_page(tmp_path):
    pdf = Pdf()
    for article in (1, 2):
        _two_column_page(pdf.page(LANDSCAPE), article=article)
    document = read_pdf(pdf.save(tmp_path / "c.pdf"))
    for page in (1, 2):
        blocks = [b for b in document.blocks if b.page == page]
        assert [b.column for b in blocks] == [0] * 4 + [1] * 4
        assert [b.text for b in blocks] == [f"Article {page}", *EN, f"Artículo {page}", *ES]
        assert blocks[0].kind == "heading" and blocks[4].kind == "heading"


def test_full_width_title_then_two_columns(tmp_path):
    pdf = Pdf()
    page = pdf.page(LANDSCAPE)
    title = "Child Protection Compact Partnership - Alianza CPC"
    page.text((792 - text_width(title, 16)) / 2, 50, title, size=16, bold=True)
    _two_column_page(page, top=80)
    document = read_pdf(pdf.save(tmp_path / "t.pdf"))
    assert document.blocks[0].text == title and document.blocks[0].column is None
    assert document.blocks[0].kind == "heading"
    assert [b.column for b in document.blocks[1:]] == [0] * 4 + [1] * 4


def test_wide_spaces_of_justified_text_are_not_a_gutter(tmp_path):
    # three lines whose wide word gaps overlap by chance (a "river"): one column still
    lefts = [
        "The Participants intend to.",  # 27 characters: ends at 250.2
        "strengthen the capacity of t",  # 28: 256.8
        "the national authorities t",  # 26: 243.6
    ]
    rights = [
        "identify child victims and refer them to",  # 40: starts at 276
        "specialized services and report every y",  # 39: 282.6
        "ear on the progress made in every region.",  # 41: 269.4
    ]
    pdf = Pdf()
    page = pdf.page()
    for index, (left, right) in enumerate(zip(lefts, rights, strict=True)):
        baseline = 100 + index * 13.2
        page.text(72, baseline, left)
        page.text(540 - text_width(right, 11), baseline, right)
    document = read_pdf(pdf.save(tmp_path / "r.pdf"))
    assert all(b.column is None for b in document.blocks)
    expected = " ".join(f"{left} {right}" for left, right in zip(lefts, rights, strict=True))
    assert " ".join(texts(document)) == expected


def test_rotated_page_is_read_upright(tmp_path):
    pdf = Pdf()
    page = pdf.page(LANDSCAPE, rotate=90)
    top = page.paragraph(72, 72, 600, EN[0])
    page.paragraph(72, top, 600, EN[1])
    document = read_pdf(pdf.save(tmp_path / "rot.pdf"))
    assert texts(document) == EN[:2]


def test_sideways_page_without_rotate_entry_is_read_upright(tmp_path):
    # a landscape table or text drawn turned on a portrait page, no /Rotate: the text's
    # own direction decides
    pdf = Pdf()
    page = pdf.page(LANDSCAPE, rotate=90, declare_rotation=False)
    top = page.paragraph(72, 72, 600, EN[0])
    page.paragraph(72, top, 600, EN[1])
    document = read_pdf(pdf.save(tmp_path / "sideways.pdf"))
    assert texts(document) == EN[:2]
    assert document.warnings == ()


def test_diagonal_watermark_is_left_out_with_a_note(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    top = page.paragraph(72, 72, 468, EN[0])
    page.paragraph(72, top, 468, EN[1])
    page.text(150, 600, "DRAFT", size=90, angle=45)
    document = read_pdf(pdf.save(tmp_path / "watermark.pdf"))
    assert texts(document) == EN[:2]
    assert document.warnings == ("page 1: text at an angle was left out (a watermark?): DRAFT",)


# -- running headers, footers, page numbers -------------------------------------------------


def _pages_with_furniture(tmp_path, variant: str) -> Path:
    pdf = Pdf()
    for number in range(1, 5):
        page = pdf.page()
        page.text(72, 40, "Draft Compact - confidential", size=9)
        if variant == "page-of":
            page.text(460, 40, f"Page {number} of 4", size=9)
            page.text(296, 760, f"- {number} -", size=9)
        elif variant == "lone":
            page.text(530, 760, str(number), size=9)
        elif variant == "pagina":
            page.text(250, 760, f"Borrador CPC - página {number}", size=9)
        top = page.paragraph(72, 80, 468, f"Article {number}", bold=True)
        for text in EN:
            top = page.paragraph(72, top, 468, text)
    return pdf.save(tmp_path / f"{variant}.pdf")


@pytest.mark.parametrize("variant", ["page-of", "lone", "pagina"])
def test_running_headers_footers_and_page_numbers_are_removed(tmp_path, variant):
    document = read_pdf(_pages_with_furniture(tmp_path, variant))
    body = [f"Article {n}" if i == 0 else EN[i - 1] for n in range(1, 5) for i in range(4)]
    assert texts(document) == body
    assert document.headers == ("Draft Compact - confidential",)
    if variant == "pagina":
        assert document.footers == ("Borrador CPC - página 1",)
    joined = " ".join(texts(document))
    assert "confidential" not in joined and "Page" not in joined
    assert not re.search(r"(^| )-? ?\d -?( |$)", joined)


def test_article_headings_at_the_top_of_each_page_are_kept(tmp_path):
    # "Article 1" on page 1, "Article 2" on page 2…: repeated with the page number, at the
    # same place, yet headings (bold), not running headers
    pdf = Pdf()
    for number in range(1, 5):
        page = pdf.page()
        top = page.paragraph(72, 50, 468, f"Article {number}", bold=True)
        page.paragraph(72, top, 468, EN[0])
    document = read_pdf(pdf.save(tmp_path / "a.pdf"))
    assert texts(document, "heading") == [f"Article {n}" for n in range(1, 5)]
    assert document.headers == ()


# -- headings and list items ------------------------------------------------------------------


def test_headings_and_list_items(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    top = 60
    for text, options in [
        ("Article 3", {}),
        ("Artículo 4", {}),
        ("ARTICLE III", {}),
        ("Purpose and scope", {"bold": True}),
        ("Financial Plan", {"size": 16}),
        (EN[0], {}),
        ("1. Improve the quality of investigations.", {}),
        ("(a) fund implementing partners;", {}),
        ("b) select implementing partners;", {}),
        ("\u2022 forced child labor in fishing;", {}),
        (
            "Article 3 of the Convention provides that the Participants cooperate in all matters.",
            {},
        ),
    ]:
        top = page.paragraph(72, top, 468, text, **options)
    document = read_pdf(pdf.save(tmp_path / "k.pdf"))
    assert [b.kind for b in document.blocks] == [
        "heading",
        "heading",
        "heading",
        "heading",
        "heading",
        "paragraph",
        "item",
        "item",
        "item",
        "item",
        "paragraph",
    ]
    assert document.blocks[9].text == "\u2022 forced child labor in fishing;"


def test_items_without_gaps_are_separate_blocks(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    page.lines(
        72,
        72,
        [
            "The Government of the United States intends to:",
            "(a) fund implementing partners through grants;",
            "(b) select implementing partners through a",
            "    competitive process; and",
            "(c) monitor the projects it funds.",
        ],
    )
    document = read_pdf(pdf.save(tmp_path / "i.pdf"))
    assert texts(document) == [
        "The Government of the United States intends to:",
        "(a) fund implementing partners through grants;",
        "(b) select implementing partners through a competitive process; and",
        "(c) monitor the projects it funds.",
    ]
    assert [b.kind for b in document.blocks] == ["paragraph", "item", "item", "item"]


# -- tables -----------------------------------------------------------------------------------

PLAN = [
    ["Program or initiative", "United States (USD)", "Peru (PEN)"],
    ["Victim-centered investigation and prosecution", "US$1,600,000", "PEN 2,800,000"],
    ["Community-based prevention", "US$1,100,000", "PEN 1,200,000"],
    ["Total", "US$5,000,000", "PEN 8,000,000"],
]


def test_ruled_table_rows_keep_their_cells(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    top = page.paragraph(72, 72, 468, "The funding is set out in the following table:")
    bottom = page.grid(72, top, [200, 130, 130], PLAN)
    page.paragraph(72, bottom + 12, 468, "All amounts are estimates.")
    document = read_pdf(pdf.save(tmp_path / "t.pdf"))
    kinds = [b.kind for b in document.blocks]
    assert kinds == ["paragraph"] + ["table_row"] * 4 + ["paragraph"]
    rows = [b for b in document.blocks if b.kind == "table_row"]
    assert [list(b.cells) for b in rows] == PLAN
    assert [b.row for b in rows] == [0, 1, 2, 3] and {b.table for b in rows} == {1}
    assert rows[3].text == "Total | US$5,000,000 | PEN 8,000,000"
    # the cells' words are not read a second time as paragraphs
    paragraphs = " ".join(texts(document, "paragraph"))
    assert "US$" not in paragraphs and "Total" not in paragraphs


def test_table_continued_on_the_next_page_keeps_its_number(tmp_path):
    pdf = Pdf()
    first, second = pdf.page(), pdf.page()
    first.paragraph(72, 72, 468, "First table:")
    first.grid(72, 640, [200, 130, 130], PLAN[:3])
    second.grid(72, 60, [200, 130, 130], [PLAN[0], PLAN[3]])  # header repeated
    top = second.paragraph(72, 140, 468, "Second table:")
    second.grid(72, top, [200, 130], [["Year", "Amount"], ["2017", "US$500,000"]])
    document = read_pdf(pdf.save(tmp_path / "t2.pdf"))
    rows = [(b.table, b.row, b.page, b.cells) for b in document.blocks if b.kind == "table_row"]
    assert rows == [
        (1, 0, 1, tuple(PLAN[0])),
        (1, 1, 1, tuple(PLAN[1])),
        (1, 2, 1, tuple(PLAN[2])),
        (1, 3, 2, tuple(PLAN[3])),
        (2, 0, 2, ("Year", "Amount")),
        (2, 1, 2, ("2017", "US$500,000")),
    ]


def test_ruled_side_by_side_layout_is_read_as_two_columns_not_a_table(tmp_path):
    # a bilingual draft laid out in a bordered two-column table: long texts in two cells
    pdf = Pdf()
    page = pdf.page(LANDSCAPE)
    rows = [[" ".join(EN), " ".join(ES)], [" ".join(reversed(EN)), " ".join(reversed(ES))]]
    page.grid(60, 60, [336, 336], rows, size=9, padding=6)
    document = read_pdf(pdf.save(tmp_path / "ruled-sbs.pdf"))
    assert "table_row" not in {b.kind for b in document.blocks}
    assert [(b.column, b.text) for b in document.blocks] == [
        (0, rows[0][0]),
        (0, rows[1][0]),
        (1, rows[0][1]),
        (1, rows[1][1]),
    ]


# -- bad files --------------------------------------------------------------------------------


def _simple(tmp_path, name="s.pdf", **options) -> Path:
    pdf = Pdf()
    pdf.page().paragraph(72, 72, 400, "Secret text of the compact.")
    return pdf.save(tmp_path / name, **options)


def _problem(path: Path, password=None) -> str:
    with pytest.raises(InputFileError) as caught:
        read_pdf(path, password=password)
    assert str(caught.value) == f"{path}: {caught.value.problem}"
    assert "\n" not in str(caught.value)
    return caught.value.problem


def test_encrypted_pdf_needs_the_password(tmp_path):
    path = _simple(tmp_path, password="secret")
    assert _problem(path) == "is encrypted; give the password with --password"
    assert _problem(path, "wrong") == "the password is wrong"
    assert texts(read_pdf(path, password="secret")) == ["Secret text of the compact."]


def test_scanned_pdf_says_run_ocr(tmp_path):
    pdf = Pdf()
    pdf.page().scanned()
    pdf.page().scanned()
    path = pdf.save(tmp_path / "scan.pdf")
    assert _problem(path) == "has no text layer (a scanned image?); run OCR first"


def test_blank_pdf_is_not_an_empty_review(tmp_path):
    pdf = Pdf()
    pdf.page()
    assert _problem(pdf.save(tmp_path / "blank.pdf")) == "has no text: its only page is blank"


def test_scan_with_a_stamped_page_number_and_watermark_still_needs_ocr(tmp_path):
    # scanning software adds "Page 1 of 3", a watermark: no text layer for all that
    pdf = Pdf()
    for number in range(1, 4):
        page = pdf.page().scanned()
        page.text(500, 770, f"Page {number} of 3", size=8)
        page.text(150, 600, "DRAFT", size=90, angle=45)
    path = pdf.save(tmp_path / "stamped-scan.pdf")
    assert _problem(path) == "has no text layer (a scanned image?); run OCR first"


def test_partly_scanned_pdf_warns_about_the_pages(tmp_path):
    pdf = Pdf()
    pdf.page().paragraph(72, 72, 400, "Some text.")
    pdf.page().scanned()
    pdf.page().scanned()
    document = read_pdf(pdf.save(tmp_path / "part.pdf"))
    assert texts(document) == ["Some text."]
    assert document.warnings == (
        "pages 2–3 have no text layer (scanned images?); their text is missing; run OCR first",
    )


def test_truncated_pdf(tmp_path):
    path = tmp_path / "cut.pdf"
    path.write_bytes(truncated(_simple(tmp_path).read_bytes()))
    assert _problem(path) == "is truncated (its end is missing); get a complete copy"


def test_random_bytes_after_a_pdf_header(tmp_path):
    path = tmp_path / "random.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes((i * 7919 + 13) % 251 for i in range(40_000)))
    assert _problem(path) == "is not a PDF: it starts like one but holds no PDF objects"


def test_damaged_xref_is_read_with_a_warning(tmp_path):
    document = read_pdf(_simple(tmp_path, break_xref=True))
    assert texts(document) == ["Secret text of the compact."]
    assert document.warnings == ("the cross-reference table is damaged; the text was recovered",)
    assert read_pdf(_simple(tmp_path, "sound.pdf")).warnings == ()


def _one_stream_pdf(path: Path, content_chunks) -> Path:
    """A one-page PDF whose content stream is deflated from ``content_chunks``."""
    deflater = zlib.compressobj(6)
    data = b"".join(deflater.compress(chunk) for chunk in content_chunks) + deflater.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(data) + data + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))
    return path


def _bomb(tmp_path) -> Path:
    spaces = b" " * (1 << 20)
    chunks = [spaces] * 300 + [b"BT /F1 12 Tf 72 700 Td (hello) Tj ET"]
    return _one_stream_pdf(tmp_path / "bomb.pdf", chunks)


def _dense(tmp_path) -> Path:
    # 80 MB of tiny text objects: under the bomb limits, but pdfium needs ~18x that
    operator = b"BT /F1 1 Tf 5 5 Td (a) Tj ET\n"
    return _one_stream_pdf(tmp_path / "dense.pdf", [operator * (80 * (1 << 20) // len(operator))])


def test_decompression_bomb_is_refused_before_pdfium(tmp_path):
    assert _problem(_bomb(tmp_path)) == (
        "holds a compressed stream that inflates to more than 256 MB (a decompression bomb?)"
    )


def test_reading_without_the_sandbox_gives_the_same_document(tmp_path, monkeypatch):
    path = _pages_with_furniture(tmp_path, "page-of")
    sandboxed = read_pdf(path)
    monkeypatch.setenv("CPC_DRAFT_PDF_SANDBOX", "0")
    assert read_pdf(path) == sandboxed
    monkeypatch.setenv("CPC_DRAFT_PDF_SANDBOX", "0")
    assert _problem(_bomb(tmp_path)).startswith("holds a compressed stream")


_READ_SCRIPT = """
import sys
from pathlib import Path
from cpc_draft.errors import CpcDraftError
from cpc_draft.readers import read_document
try:
    document = read_document(Path(sys.argv[1]), password=sys.argv[2] or None)
except CpcDraftError as error:
    print(error, file=sys.stderr)
    sys.exit(2)
print(len(document.blocks))
"""


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.parametrize(
    ("maker", "password", "expected"),
    [
        (lambda tmp: _simple(tmp, password="secret"), "", "is encrypted; give the password"),
        (lambda tmp: _simple(tmp, password="secret"), "nope", "the password is wrong"),
        (_bomb, "", "a decompression bomb?"),
        (_dense, "", "could not be read: the PDF library failed on it"),
        (
            lambda tmp: (
                (tmp / "cut.pdf").write_bytes(truncated(_simple(tmp).read_bytes()))
                and tmp / "cut.pdf"
            ),
            "",
            "is truncated",
        ),
    ],
    ids=["encrypted", "wrong-password", "bomb", "dense-content", "truncated"],
)
def test_hostile_files_end_in_one_line_within_bounded_memory_and_time(
    tmp_path, maker, password, expected
):
    path = maker(tmp_path)
    completed = subprocess.run(
        [sys.executable, "-c", _READ_SCRIPT, str(path), password],
        capture_output=True,
        text=True,
        timeout=30,  # a guard against hangs, not a speed assertion
        preexec_fn=_limit_memory,
        check=False,
    )
    assert completed.returncode == 2, completed.stderr
    assert "Traceback" not in completed.stderr
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{path}: ")
    assert expected in lines[0]


def test_good_file_reads_in_the_bounded_subprocess(tmp_path):
    path = _pages_with_furniture(tmp_path, "lone")
    completed = subprocess.run(
        [sys.executable, "-c", _READ_SCRIPT, str(path), ""],
        capture_output=True,
        text=True,
        timeout=30,
        preexec_fn=_limit_memory,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "16"


# -- the assembled drafts, through LibreOffice -------------------------------------------------


def _add_running_header_and_page_numbers(document) -> None:
    section = document.sections[0]
    section.header.paragraphs[0].text = "Draft for review - Peru CPC Partnership"
    footer = section.footer.paragraphs[0]
    footer.text = "Page "
    for field in ("PAGE", "NUMPAGES"):
        footer._p.append(
            parse_xml(
                f'<w:fldSimple {nsdecls("w")} w:instr="{field}"><w:r><w:t>1</w:t></w:r>'
                "</w:fldSimple>"
            )
        )
        if field == "PAGE":
            footer._p.append(
                parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> of </w:t></w:r>')
            )


@pytest.fixture(scope="session")
def drafts(tmp_path_factory):
    """Peru, sequential and side by side, with a running header and "Page N of M" footer."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    from cpc_draft.render.docx import build_document

    folder = tmp_path_factory.mktemp("pdf-drafts")
    result = {}
    for layout in ("sequential", "side-by-side"):
        draft = build_draft(ROOT / "examples/peru.yaml", AssembleOptions(layout=layout))
        document = build_document(draft)
        _add_running_header_and_page_numbers(document)
        source = folder / f"peru-{layout}.docx"
        document.save(str(source))
        result[layout] = (draft, source, libreoffice_pdf(source, folder))
    return result


def _expected_paragraphs(docx: Path, side_by_side: bool) -> dict[int | None, list[str]]:
    """Body paragraphs outside data tables, per side-by-side column (None: sequential)."""
    from docx import Document as WordDocument

    body = WordDocument(str(docx)).element.body
    found: dict[int | None, list[str]] = {}
    for element in body.iter(qn("w:p")):
        tables = list(element.iterancestors(qn("w:tbl")))
        if tables and len(tables[0].find(qn("w:tr")).findall(qn("w:tc"))) >= 3:
            continue  # a data table: checked as table rows
        column = None
        if side_by_side:
            outer = list(element.iterancestors(qn("w:tc")))[-1]
            column = outer.getparent().findall(qn("w:tc")).index(outer)
        text = norm(Paragraph(element, None).text)
        if text:
            found.setdefault(column, []).append(text)
    return found


def _expected_rows(docx: Path) -> list[tuple[str, ...]]:
    from docx import Document as WordDocument

    rows = []
    for table in WordDocument(str(docx)).element.body.iter(qn("w:tbl")):
        first = table.find(qn("w:tr"))
        if len(first.findall(qn("w:tc"))) < 3:
            continue
        for row in table.iterchildren(qn("w:tr")):
            cells = []
            for cell in row.iterchildren(qn("w:tc")):
                cells.append(norm(" ".join(Paragraph(p, None).text for p in cell.iter(qn("w:p")))))
            rows.append(tuple(cells))
    return rows


@needs_libreoffice
def test_sequential_draft_every_paragraph_in_order(drafts):
    _, docx, pdf = drafts["sequential"]
    document = read_pdf(pdf)
    expected = _expected_paragraphs(docx, side_by_side=False)[None]
    ours = [norm(b.text) for b in document.blocks if b.kind != "table_row"]
    assert len(expected) > 200
    # every paragraph whole, none split or merged; in order, but for the signature table
    # (two cells side by side), which is read page by page, left cell then right cell
    assert sorted(ours) == sorted(expected)
    signatures = {
        text
        for text in expected
        if text.startswith(("FOR THE", "POR EL", "Name:", "Nombre:", "Title:", "Cargo:", "___"))
    }
    assert len(signatures) >= 6
    assert [t for t in ours if t not in signatures] == [t for t in expected if t not in signatures]


@needs_libreoffice
def test_sequential_draft_article_headings_in_order(drafts):
    _, _, pdf = drafts["sequential"]
    headings = texts(read_pdf(pdf), "heading")
    articles = [h for h in headings if re.fullmatch(r"Article \d+", h)]
    articulos = [h for h in headings if re.fullmatch(r"Artículo \d+", h)]
    count = len(articles)
    assert count >= 10
    assert articles == [f"Article {n}" for n in range(1, count + 1)]
    assert articulos == [f"Artículo {n}" for n in range(1, count + 1)]
    assert headings.index("Article 1") < headings.index("Artículo 1")
    assert "Purpose" in headings and "Objeto" in headings


@needs_libreoffice
@pytest.mark.parametrize("layout", ["sequential", "side-by-side"])
def test_financial_plan_and_indicator_tables_come_out_as_rows(drafts, layout):
    _, docx, pdf = drafts[layout]
    document = read_pdf(pdf)
    rows = [b for b in document.blocks if b.kind == "table_row"]
    expected = _expected_rows(docx)
    ours = [tuple(norm(c) for c in b.cells) for b in rows]
    if layout == "sequential":
        assert ours == expected  # continued tables: repeated headers dropped, order kept
    else:
        assert sorted(ours) == sorted(expected)
    assert ("Total", "US$5,000,000", "PEN 8,000,000") in ours
    assert ("Total", "5.000.000 USD", "8.000.000 PEN") in ours
    total = next(b for b in rows if b.cells[0] == "Total")
    assert total.text == " | ".join(total.cells) and total.row > 0
    # every docx data table is one table, continued across pages under one number
    docx_tables = sum(
        1
        for row in expected
        if row[0]
        in (
            "Program or initiative",
            "Programa o iniciativa",
            "Indicator",
            "Indicador",
            "Year",
            "Año",
        )
    )
    assert len({b.table for b in rows}) == docx_tables
    paragraphs = " ".join(texts(document, "paragraph"))
    assert "US$1,600,000" not in paragraphs


@needs_libreoffice
def test_tables_match_pdfplumbers_own_table_finder(drafts):
    _, _, pdf = drafts["sequential"]
    document = read_pdf(pdf)
    rows = [b for b in document.blocks if b.kind == "table_row"]
    headers = {tuple(b.cells) for b in rows if b.row == 0}  # repeated on continued pages
    with pdfplumber.open(pdf) as plumber:
        for number, page in enumerate(plumber.pages, 1):
            theirs = [
                tuple(norm(cell or "") for cell in row)
                for table in page.extract_tables()
                for row in table
            ]
            ours = [tuple(norm(c) for c in b.cells) for b in rows if b.page == number]
            assert all(row in theirs for row in ours), number
            assert all(row in ours or row in headers for row in theirs), number
            page.flush_cache()


@needs_libreoffice
def test_side_by_side_draft_gives_two_language_columns(drafts):
    _, docx, pdf = drafts["side-by-side"]
    document = read_pdf(pdf)
    expected = _expected_paragraphs(docx, side_by_side=True)
    english, spanish = expected[0], expected[1]
    for column, wanted in ((0, english), (1, spanish)):
        ours = [
            norm(b.text) for b in document.blocks if b.column == column and b.kind != "table_row"
        ]
        assert ours == wanted  # every paragraph, in order, whole across page breaks
    for page in range(1, document.pages + 1):
        columns = [b.column for b in document.blocks if b.page == page and b.kind != "table_row"]
        assert columns == sorted(columns), page  # left column first, then the right
    headings = [(b.column, b.text) for b in document.blocks if b.kind == "heading"]
    assert (0, "Article 1") in headings and (1, "Artículo 1") in headings
    assert all(b.column in (0, 1) for b in document.blocks)


@needs_libreoffice
@pytest.mark.parametrize("layout", ["sequential", "side-by-side"])
def test_no_page_numbers_or_headers_leak(drafts, layout):
    _, _, pdf = drafts[layout]
    document = read_pdf(pdf)
    assert document.headers == ("Draft for review - Peru CPC Partnership",)
    for block in document.blocks:
        assert "Draft for review" not in block.text
        assert not re.search(r"Page \d+ of \d+", block.text)
        assert not re.fullmatch(r"\d+", block.text)


@needs_libreoffice
def test_libreoffice_encrypted_pdf(tmp_path):
    draft = build_draft(ROOT / "examples/ghana.yaml", AssembleOptions(layout="sequential"))
    from cpc_draft.render.docx import write_docx

    source = tmp_path / "ghana.docx"
    write_docx(draft, source)
    pdf = libreoffice_pdf(source, tmp_path, export=encrypted_export("s3cret"))
    assert _problem(pdf) == "is encrypted; give the password with --password"
    assert _problem(pdf, "secret") == "the password is wrong"
    document = read_pdf(pdf, password="s3cret")
    assert document.blocks[0].text.startswith("Child Protection Compact")
    assert "Article 1" in texts(document, "heading")
