"""Metamorphic tests: every file form of one draft gives the same review.

A reviewer receives the same draft as text, as Word (with heading styles, with bold
Normal paragraphs, with headings numbered by Word, as LibreOffice saves the text file)
and as PDF (one or two columns); the verdict must not depend on the form.
tests/style_factory.py writes one compact in five heading styles, in English, Spanish and
French; each form's element statuses, contributions, objectives, indicators and
article tree are compared with the text form's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import convert_to_pdf, requires_libreoffice
from style_factory import FORMS, STYLES, compact_blocks, write_docx, write_txt

from cpc_draft.check.config import Config
from cpc_draft.check.review import review_document
from cpc_draft.readers import read_document
from cpc_draft.render.pdf import convert_with_libreoffice
from cpc_draft.text.articles import split_articles
from cpc_draft.text.bilingual import language_streams


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """(style, form) -> the file; the PDFs come from LibreOffice in one run."""
    folder = tmp_path_factory.mktemp("styles")
    files: dict[tuple[str, str], Path] = {}
    for style in STYLES:
        blocks = compact_blocks(style)
        files[style, "txt"] = write_txt(blocks, folder / f"{style}.txt")
        for form in ("docx-styled", "docx-bold", "docx-numbered", "pdf-2col"):
            files[style, form] = write_docx(blocks, folder / f"{style}-{form}.docx", form, style)
    return files


@pytest.fixture(scope="module")
def resaved(drafts, tmp_path_factory) -> dict[str, Path]:
    """style -> the text form opened in LibreOffice and saved as Word: every line a Normal
    paragraph, the Markdown tables lines of pipes."""
    texts = {style: drafts[style, "txt"] for style in STYLES}
    folder = tmp_path_factory.mktemp("resaved")
    converted = convert_with_libreoffice(list(texts.values()), folder, to="docx:MS Word 2007 XML")
    return dict(zip(texts, converted, strict=True))


@pytest.fixture(scope="module")
def pdfs(drafts, tmp_path_factory) -> dict[tuple[str, str], Path]:
    sources = {key: path for key, path in drafts.items() if key[1] in ("docx-styled", "pdf-2col")}
    converted = convert_to_pdf(list(sources.values()), tmp_path_factory.mktemp("pdf"))
    return {
        (style, "pdf" if form == "docx-styled" else "pdf-2col"): converted[path]
        for (style, form), path in sources.items()
    }


def verdict(path: Path) -> dict:
    """What a reviewer reads off a draft, in a form that ignores layout."""
    document = read_document(path)
    review = review_document(document, Config())
    facts = review.primary
    (stream,) = language_streams(document).values()
    return {
        "statuses": {key: status.status for key, status in review.elements.items()},
        "contributions": sorted(
            (c.party, c.amount, c.currency) for c in facts.funding.contributions
        ),
        "objectives": len(facts.objectives.listed),
        "indicators": sorted(
            (" ".join(i.text.split()), i.baseline, i.targets) for i in facts.indicators.listed
        ),
        "articles": [
            (article.number, " ".join(article.title.split()))
            for article in split_articles(stream.blocks, stream.language)
        ],
    }


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("form", [form for form in FORMS if form not in ("txt", "pdf", "pdf-2col")])
def test_every_word_form_reads_like_the_text(drafts, style, form):
    assert verdict(drafts[style, form]) == verdict(drafts[style, "txt"])


@requires_libreoffice
@pytest.mark.parametrize("style", STYLES)
def test_the_text_saved_as_word_by_libreoffice_reads_like_the_text(drafts, resaved, style):
    assert verdict(resaved[style]) == verdict(drafts[style, "txt"])


PDF_CASES = [(style, form) for style in STYLES for form in ("pdf", "pdf-2col")]


@requires_libreoffice
@pytest.mark.parametrize(("style", "form"), PDF_CASES)
def test_every_pdf_reads_like_the_text(drafts, pdfs, style, form):
    assert verdict(pdfs[style, form]) == verdict(drafts[style, "txt"])


@pytest.mark.parametrize("style", STYLES)
def test_the_text_form_finds_what_the_draft_says(drafts, style):
    """The baseline of the comparison is itself right: every element is present, both
    governments fund the programs, four objectives, three indicators with targets."""
    found = verdict(drafts[style, "txt"])
    assert found["statuses"] == dict.fromkeys("ABCDEFG", "present")
    assert found["objectives"] == 4
    assert len(found["indicators"]) == 3
    assert all(targets for _, _, targets in found["indicators"])
    # the Total row of Norland's column states its whole contribution again, once
    assert found["contributions"].count(("partner", "2000000", "USD")) == 1


# Ministries also send Word 97-2003, RTF and OpenDocument files; LibreOffice makes them
# here from the Word forms (one run per format), and check reads them through it.
LEGACY_CASES = [
    ("article", "docx-styled", "doc"),
    ("clausula", "docx-numbered", "doc"),
    ("section", "docx-bold", "rtf"),
    ("article-fr", "docx-styled", "rtf"),
    ("plain", "docx-styled", "odt"),
    ("paragraphs", "docx-numbered", "odt"),
]


@pytest.fixture(scope="module")
def legacy(drafts, tmp_path_factory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("legacy")
    files = {}
    for extension in ("doc", "rtf", "odt"):
        cases = [(style, form) for style, form, ext in LEGACY_CASES if ext == extension]
        sources = [drafts[case] for case in cases]
        converted = convert_with_libreoffice(sources, folder, to=extension)
        files |= {
            (style, extension): path for (style, _), path in zip(cases, converted, strict=True)
        }
    return files


@requires_libreoffice
@pytest.mark.parametrize(("style", "form", "extension"), LEGACY_CASES)
def test_doc_rtf_and_odt_read_like_the_text(drafts, legacy, style, form, extension):
    path = legacy[style, extension]
    assert read_document(path).warnings[0].endswith("to .docx by LibreOffice before reading")
    assert verdict(path) == verdict(drafts[style, "txt"])
