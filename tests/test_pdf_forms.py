"""Form fields read as a reader sees them: values, button captions, what an appearance
shows when the value is out of reach; never a symbol, never text read twice.

Each PDF is written object by object (:mod:`pdf_objects`): widgets with appearance
streams, fields with kids, check boxes with their ZapfDingbats marks.
"""

from __future__ import annotations

from pdf_objects import extract, one_page

SENTENCE = "The Participants intend to review progress at each Annual Dialogue."
CONTENT = f"BT /F1 11 Tf 72 720 Td ({SENTENCE}) Tj ET"
FONTS = "/Resources << /Font << /Helv 5 0 R /ZaDb 5 0 R >> >>"


def appearance(shows: str, width: int = 120) -> tuple[str, bytes]:
    """A normal appearance stream drawing ``shows`` (content stream operators)."""
    return (
        f"/Type /XObject /Subtype /Form /BBox [0 0 {width} 20] {FONTS}",
        f"0.75 g 0 0 {width} 20 re f BT {shows} ET".encode("latin-1"),
    )


def widget(rect: str, entries: str, ap: int | None = None) -> str:
    stream = f" /AP << /N {ap} 0 R >>" if ap else ""
    return f"<< /Type /Annot /Subtype /Widget /Rect [{rect}] {entries}{stream} >>"


def form(path, objects: list, content: str = CONTENT):
    """A page holding the widgets among ``objects`` (numbered from 6), all in the form."""
    widgets = [
        f"{number} 0 R"
        for number, body in enumerate(objects, start=6)
        if isinstance(body, str) and "/Widget" in body
    ]
    return one_page(
        path,
        content,
        extra=objects,
        page=f"/Annots [{' '.join(widgets)}]",
        catalog=f"/AcroForm << /Fields [{' '.join(widgets)}] >>",
    )


def test_push_button_caption_is_read_and_check_marks_are_not(tmp_path):
    path = form(
        tmp_path / "buttons.pdf",
        [
            widget(
                "72 600 192 620",
                "/FT /Btn /Ff 65536 /T (send) /MK << /CA (Send to the Ministry) >>",
                ap=7,
            ),
            appearance("/Helv 12 Tf 4 5 Td (Send to the Ministry) Tj"),
            # a ticked box: ZapfDingbats "4" is a check mark, /MK /CA names it
            widget("72 560 84 572", "/FT /Btn /T (agree) /V /Yes /AS /Yes /MK << /CA (4) >>", 9),
            appearance("/ZaDb 10 Tf 1 2 Td (4) Tj", width=12),
            # a radio button that is off, its mark in its own appearance
            widget("72 540 84 552", "/FT /Btn /Ff 49152 /T (choice) /AS /Off", ap=11),
            appearance("/ZaDb 10 Tf 1 2 Td (l) Tj", width=12),
        ],
    )
    assert extract(path) == [("", SENTENCE), ("form field", "Send to the Ministry")]


def test_value_kept_on_the_parent_field_is_read_from_what_the_widget_shows(tmp_path):
    # a field with its value, and two widgets (kids) without one, each showing it
    path = form(
        tmp_path / "kids.pdf",
        [
            "<< /FT /Tx /T (ministry) /V (Ministry of Justice) /Kids [7 0 R 9 0 R] >>",
            widget("72 600 272 620", "/Parent 6 0 R", ap=8),
            appearance("/Helv 12 Tf 2 5 Td (Ministry of ) Tj 70 0 Td (Justice) Tj", 200),
            widget("72 500 272 520", "/Parent 6 0 R", ap=8),
        ],
    )
    assert extract(path)[1:] == [("form field", "Ministry of Justice")] * 2


def test_list_box_of_several_choices_reads_the_options_it_shows(tmp_path):
    path = form(
        tmp_path / "list.pdf",
        [
            widget(
                "72 560 192 620",
                "/FT /Ch /Ff 2097152 /T (languages) /Opt [(English) (French) (Spanish)] "
                "/V [(English) (Spanish)]",
                ap=7,
            ),
            appearance(
                "/Helv 12 Tf 2 44 Td (English) Tj 0 -14 Td (French) Tj 0 -14 Td (Spanish) Tj"
            ),
        ],
    )
    assert extract(path)[1:] == [("form field", "English French Spanish")]


def test_combo_box_reads_the_option_shown_not_its_export_value(tmp_path):
    path = form(
        tmp_path / "combo.pdf",
        [
            widget(
                "72 600 192 620",
                "/FT /Ch /Ff 131072 /T (country) /Opt [[(pe) (Peru)] [(cl) (Chile)]] /V (pe)",
                ap=7,
            ),
            appearance("/Helv 12 Tf 2 5 Td (Peru) Tj"),
        ],
    )
    assert extract(path)[1:] == [("form field", "Peru")]


def test_comb_field_reads_its_value_whole_not_letter_by_letter(tmp_path):
    # a comb field draws each character of its value in a box of its own
    letters = " ".join(f"({char}) Tj 12 0 Td" for char in "PE123456")
    path = form(
        tmp_path / "comb.pdf",
        [
            widget("72 600 168 620", "/FT /Tx /Ff 29360128 /MaxLen 8 /T (id) /V (PE123456)", 7),
            appearance(f"/Helv 12 Tf 3 5 Td {letters}", width=96),
        ],
    )
    assert extract(path)[1:] == [("form field", "PE123456")]


def test_value_already_on_the_page_is_not_read_twice(tmp_path):
    # a form flattened by its producer, its fields kept: the value is page text too
    content = CONTENT + " BT /F1 11 Tf 76 605 Td (Republic of Peru) Tj ET"
    path = form(
        tmp_path / "flattened.pdf",
        [
            widget("72 600 272 620", "/FT /Tx /T (country) /V (Republic of Peru)"),
            widget("72 400 272 420", "/FT /Tx /T (city) /V (Lima)"),
        ],
        content,
    )
    assert extract(path) == [("", SENTENCE), ("", "Republic of Peru"), ("form field", "Lima")]


def test_appearance_in_two_byte_codes_gives_no_garbage(tmp_path):
    # codes of a CID font cannot be read without its resources: nothing, not "\x00T\x00o"
    path = form(
        tmp_path / "cid.pdf",
        [
            widget("72 600 192 620", "/FT /Btn /Ff 65536 /T (go)", ap=7),
            appearance("/Helv 12 Tf 2 5 Td <0054006F> Tj"),
        ],
    )
    assert extract(path) == [("", SENTENCE)]


def test_appearance_of_nested_arrays_and_stray_brackets_is_read_in_bounds(tmp_path):
    # a hostile appearance: deep arrays, stray closing brackets, an unterminated string
    shows = "[" * 20_000 + "]" * 25_000 + " (Go) Tj (never ends"
    path = form(
        tmp_path / "hostile.pdf",
        [widget("72 600 192 620", "/FT /Btn /Ff 65536 /T (go)", ap=7), appearance(shows)],
    )
    assert extract(path) == [("", SENTENCE), ("form field", "Go")]
