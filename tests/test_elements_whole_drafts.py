"""Whole drafts in styles our clause library does not use, read for all seven elements.

tests/data/elements/memorandum-sections-en.txt, memorando-articulos-es.txt and
protocole-chapitres-fr.txt were written for these tests (fictional partners Norland, Santa
Marta and Bélaro, our own wording):
"Section n." headings with (a) items, a defined short name ("the Norland side", en
adelante "Santa Marta"), a title in capitals, a year table typed with bare pipes or with
tabs (as Word's plain-text export writes a table), indicators without "number of", a
sustainability article under a heading no list knows ("Keeping the gains", "Continuidad
de los resultados", "APRÈS LE PARTENARIAT"), Spanish and French in the future tense,
"CHAPITRE n" with "3.1" paragraphs, a role heading ("RÔLE DE CHAQUE PARTICIPANT") and a
term "pour la période allant du 1er janvier 2027 au 31 décembre 2030". A careful reviewer
finds every element present in each; each variant below takes one element's substance away, and the
status must follow.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from cpc_draft.check.config import Config
from cpc_draft.check.review import review_document
from cpc_draft.readers import read_document

DRAFTS = Path(__file__).parent / "data" / "elements"
ENGLISH = DRAFTS / "memorandum-sections-en.txt"
SPANISH = DRAFTS / "memorando-articulos-es.txt"
FRENCH = DRAFTS / "protocole-chapitres-fr.txt"
MARK = {"present": "+", "partial": "~", "missing": "-"}


def _marks(path: Path) -> str:
    review = review_document(read_document(path), Config(), findings=False)
    return "".join(MARK[review.elements[key].status] for key in "ABCDEFG")


def _as_word(source: Path, target: Path) -> Path:
    """The text as a .txt opened in Word and saved: one paragraph a line, tabs kept."""
    document = docx.Document()
    for line in source.read_text("utf-8").split("\n"):
        if line.strip():
            document.add_paragraph(line)
    document.save(target)
    return target


@pytest.mark.parametrize("source", [ENGLISH, SPANISH, FRENCH], ids=["en", "es", "fr"])
def test_every_element_is_found_in_text_and_word(tmp_path, source):
    assert _marks(source) == "+++++++"
    assert _marks(_as_word(source, tmp_path / f"{source.stem}.docx")) == "+++++++"


def _variant(tmp_path: Path, source: Path, old: str, new: str) -> Path:
    text = source.read_text("utf-8")
    changed = re.sub(old, new, text, flags=re.DOTALL)
    assert changed != text
    path = tmp_path / source.name
    path.write_text(changed, "utf-8")
    return path


@pytest.mark.parametrize(
    ("source", "old", "new", "expected"),
    [
        # the yearly table gone: amounts remain, but no plan year by year
        (ENGLISH, r"Year \| U\.S\. side.*?\$500,000\n", "", "++++~++"),
        # the sustainability article gone, and with it "after 2030"
        (ENGLISH, r"Section 7\. Keeping the gains.*?after 2030\.\n", "", "+++++-+"),
        # the after-2030 sentence only hoped for
        (
            ENGLISH,
            r"Before the Partnership ends, the Norland side intends to",
            "The Participants hope that Norland may one day",
            "+++++~+",
        ),
        # no audit and no committee reviewing the spending: no oversight
        (ENGLISH, r"A Joint Steering Committee.*?fourth years\.\n", "", "++++~++"),
        (SPANISH, r"Artículo 7°\.- Continuidad.*?después de 2030\.\n", "", "+++++-+"),
        # the yearly tab table gone
        (SPANISH, r"Año\t.*?1\.600\.000\n", "", "++++~++"),
        # the Bélaro's duties gone: the United States' only
        (FRENCH, r"2\.2 Le Bélaro entend.*?victimes\.\n", "", "+~+++++"),
        # without its chapter's heading, "au-delà de 2030" is a plan mentioned in passing
        # in the indicators chapter...
        (FRENCH, r"CHAPITRE 6 – APRÈS LE PARTENARIAT\n", "", "+++++~+"),
        # ...and with a year inside the term, no plan for after it at all
        (
            FRENCH,
            r"CHAPITRE 6 – APRÈS LE PARTENARIAT\n(.*?)au-delà de 2030",
            r"\1avant 2029",
            "+++++-+",
        ),
    ],
)
def test_each_element_follows_its_substance(tmp_path, source, old, new, expected):
    assert _marks(_variant(tmp_path, source, old, new)) == expected


def test_a_line_with_one_tab_or_pipe_stays_a_sentence(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(
        "The Participants intend to meet\tin Lima.\n\n"
        "Either side | may ask for a meeting.\n\n"
        "Year\tUnited States\tNorland\n2027\t$800,000\t$400,000\n",
        "utf-8",
    )
    blocks = read_document(path).blocks
    assert [block.kind for block in blocks] == ["paragraph", "paragraph", "table_row", "table_row"]
    assert blocks[3].cells == ("2027", "$800,000", "$400,000")


def test_list_items_set_off_by_a_tab_stay_items(tmp_path):
    """Word writes "a)<TAB>text" for a typed list: two cells, but a list, not a table."""
    document = docx.Document()
    for line in ("a)\tto raise prosecutions;", "b)\tto care for victims;", "1.1\tThe Parties"):
        document.add_paragraph(line)
    path = tmp_path / "list.docx"
    document.save(path)
    assert all(block.kind != "table_row" for block in read_document(path).blocks)


def test_decimal_numbered_paragraphs_are_items_of_their_own(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(
        "3.1 Programme A : 1,5 million de dollars.\n3.2 Programme B : 800 000 dollars.\n\n"
        "The United States plans to give\n2.5 million dollars over four years.\n",
        "utf-8",
    )
    blocks = read_document(path).blocks
    assert [(block.kind, block.text[:3]) for block in blocks] == [
        ("item", "3.1"),
        ("item", "3.2"),
        ("paragraph", "The"),  # a wrapped line that begins with an amount stays in its paragraph
    ]


def test_a_weak_statement_with_sentence_case_numbered_titles(tmp_path):
    """statement-weak-en.txt (written for this test): "2. Shared vision", "5. Measuring
    results" titles in sentence case, and what a GAO reviewer would call weak in each
    element: a vision, one government's duties, activities to be identified later,
    indicators promised for later, one amount, sustainability only considered, data only
    shared."""
    path = DRAFTS / "statement-weak-en.txt"
    assert _marks(path) == "~~-~~~~"
    review = review_document(read_document(path), Config(), findings=False)
    assert "(After this Statement)" in review.elements["F"].reason
    assert "(Measuring results)" in review.elements["D"].reason
    assert "(Shared vision)" in review.elements["A"].reason  # the purpose, not the term


def test_targets_in_columns_for_each_year_of_the_term(tmp_path):
    """A results framework with "Y1 … Y4" columns after the baseline: four targets each."""
    text = ENGLISH.read_text("utf-8")
    start, end = text.index("Section 6."), text.index("Section 7.")
    framework = (
        "Section 6. Monitoring framework\n\n"
        "| Result | Indicator | Baseline (2024) | Y1 | Y2 | Y3 | Y4 | Source |\n"
        "|---|---|---|---|---|---|---|---|\n"
        "| Justice | Convictions for child trafficking | 6 | 8 | 10 | 12 | 15 | Courts |\n"
        "| Care | Share of child victims in shelters | 40% | 50% | 60% | 70% | 80% | Ministry |\n\n"
    )
    path = tmp_path / "framework.txt"
    path.write_text(text[:start] + framework + text[end:], "utf-8")
    review = review_document(read_document(path), Config(), findings=False)
    assert review.elements["D"].status == "present"
    indicators = review.facts["en"].indicators.listed
    assert [(i.name, i.baseline, i.targets) for i in indicators] == [
        ("Convictions for child trafficking", "6", ("8", "10", "12", "15")),
        ("Share of child victims in shelters", "40%", ("50%", "60%", "70%", "80%")),
    ]


def test_french_typed_without_accents_on_capitals_and_without_its_colons(tmp_path):
    """Capitals typed without their accents ("DUREE", "ETATS-UNIS", "Etats-Unis"), as
    many typists and every OCR do, and a lead-in whose colon was lost ("… sont les
    suivants"): the same seven elements."""
    text = FRENCH.read_text("utf-8")
    for accented, bare in (("É", "E"), ("È", "E"), ("Ô", "O"), ("États", "Etats")):
        text = text.replace(accented, bare)
    text = text.replace("sont les suivants :", "sont les suivants")
    assert "Etats-Unis" in text and "DUREE" in text
    path = tmp_path / "sans-accents.txt"
    path.write_text(text, "utf-8")
    assert _marks(path) == "+++++++"


def test_a_future_tense_that_lost_its_accent_still_plans(tmp_path):
    """OCR reads "incorporará" as "incorporara": the sustainability plan stays a plan."""
    path = _variant(tmp_path, SPANISH, "incorporará", "incorporara")
    assert _marks(path) == "+++++++"
