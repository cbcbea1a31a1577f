"""What a book's pages carry besides their text (issue 14), on PDFs the tests write:
running feet that alternate between the left pages and the right, numbered as the
pages are though the numbering jumps where an unnumbered page was put in, and a
printer's crop marks drawn beyond the page's edge, where a paragraph goes on from the
page before."""

from __future__ import annotations

from pdf_factory import EN, Pdf, texts

from cpc_draft.readers.pdf import read_pdf

PAGES = 20
UNNUMBERED = (1, 11)  # a chapter's title page: no foot, and page 11 takes no number


def _printed_number(page: int) -> int:
    return page if page < 11 else page - 1


def _foot(page: int) -> str:
    number = _printed_number(page)
    if page % 2 == 0:
        return f"{number} THE COMPACT"  # the left pages: the book's title
    return f"PARTNERSHIP {number}" if page < 11 else f"REVIEW {number}"  # the chapter's


def test_a_book_s_alternating_running_feet_are_left_out_though_its_numbering_jumps(tmp_path):
    # each foot recurs on fewer than 40 % of the pages, and the left one's number is the
    # page's on half of them, the page's less one on the rest: it advances with the pages
    pdf = Pdf()
    for number in range(1, PAGES + 1):
        page = pdf.page()
        page.paragraph(72, 80, 468, EN[number % 3])
        if number not in UNNUMBERED:
            page.text(72, 760, _foot(number), size=9)
    document = read_pdf(pdf.save(tmp_path / "book.pdf"))
    assert texts(document) == [EN[number % 3] for number in range(1, PAGES + 1)]
    assert set(document.footers) == {"2 THE COMPACT", "PARTNERSHIP 3", "REVIEW 12"}


def test_a_heading_numbered_like_the_pages_on_two_of_them_is_kept(tmp_path):
    # "Annex 2" at the foot of page 2 and "Annex 3" at the foot of page 3 in a long
    # document: twice is not a running line
    pdf = Pdf()
    for number in range(1, 11):
        page = pdf.page()
        page.paragraph(72, 80, 468, EN[number % 3])
        if number in (2, 3):
            page.text(72, 760, f"Annex {number}", size=9)
    document = read_pdf(pdf.save(tmp_path / "annexes.pdf"))
    assert "Annex 2" in texts(document) and "Annex 3" in texts(document)


FIRST_PAGE = [
    "The Participants intend to strengthen the capacity of the",
    "national authorities to identify child victims, to refer",
    "them to specialized services and to build a lasting partner-",
]
SECOND_PAGE = ["ship with the civil society organizations of each region."]


def test_a_paragraph_goes_on_past_crop_marks_drawn_beyond_the_page(tmp_path):
    # the crop marks, ruled above the page's top edge, make a grid no one sees: it must
    # not stand between the two halves of the paragraph (nor read as an empty table)
    pdf = Pdf()
    first = pdf.page()
    first.lines(72, 660, FIRST_PAGE)
    second = pdf.page()
    second.grid(0, -40, [198, 27], [["", ""]])
    second.lines(72, 60, SECOND_PAGE)
    document = read_pdf(pdf.save(tmp_path / "marks.pdf"))
    expected = " ".join(FIRST_PAGE)[:-1] + " ".join(SECOND_PAGE)
    assert texts(document) == [expected]
