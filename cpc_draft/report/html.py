"""`check` results as one self-contained HTML page (the compare report reuses the skeleton).

The page renders from the JSON data (``review_to_dict``) plus the document's blocks. Every
value reaches the page through an autoescaping Jinja environment, and nothing from a
document is ever marked safe: a draft containing ``<script>`` shows it as text. The page
loads nothing (inline CSS, inline SVG, no scripts), and a Content-Security-Policy says so
to the browser, so a report opened from a USB stick makes no network request.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from babel import Locale, UnknownLocaleError
from jinja2 import Environment, PackageLoader, StrictUndefined

from cpc_draft import __version__
from cpc_draft.check.review import Review
from cpc_draft.report.check import SEVERITY_ORDER, STATUS_MARK, by_severity, review_to_dict
from cpc_draft.report.ledger import Ledger, build_ledger
from cpc_draft.report.text_view import segments, side_by_side
from cpc_draft.statute import elements

SEVERITY_LABEL = {"error": "Errors", "warning": "Warnings", "info": "Notes"}
SEVERITY_MARK = {"error": "✗", "warning": "!", "info": "i"}
MISMATCH_RULE = "language-mismatch"
# Bar chart geometry in SVG user units (CSS pixels): the label column grows with the
# longest label at about CHART_CHAR per character of the 13px font.
CHART_BAR, CHART_ROW, CHART_CHAR, CHART_VALUE = 330, 26, 7.5, 150


@cache
def html_environment() -> Environment:
    """Autoescaping and strict: a value is always text, a misspelt name is an error."""
    environment = Environment(
        loader=PackageLoader("cpc_draft", "templates/report"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["amount"] = format_amount
    environment.filters["language"] = language_name
    environment.globals["version"] = __version__
    return environment


def render_page(template: str, **context) -> str:
    return html_environment().get_template(template).render(**context)


def format_amount(value: Decimal | str | None) -> str:
    """5000000 -> "5,000,000": grouped the one way every reader of the report can parse."""
    if value is None:
        return "—"
    try:
        return f"{Decimal(value):,}"
    except ArithmeticError:
        return str(value)


def reviews_to_html(reviews: list[Review]) -> str:
    several = len(reviews) > 1
    documents = [
        document_view(review, prefix=f"d{number}-" if several else "")
        for number, review in enumerate(reviews, start=1)
    ]
    return render_page("check.html", documents=documents)


def document_view(review: Review, prefix: str = "") -> dict:
    """Everything the check template shows for one document; ids start with ``prefix``."""
    data = review_to_dict(review)
    blocks = review.document.blocks
    known = {block.index for block in blocks}
    checklist = _checklist(data, prefix, known)
    ledger_language, ledger = _ledger(review)
    party_names = _party_names(data)
    return {
        "id": f"{prefix}doc",
        "prefix": prefix,
        "data": data,
        "checklist": checklist,
        "findings": _findings(data["findings"], prefix, known),
        "marks": _block_marks(checklist, data["findings"]),
        "ledger": ledger,
        "ledger_language": ledger_language,
        "charts": _charts(ledger, party_names),
        "party_names": party_names,
        "indicators": _indicators(data, prefix, known),
        "text": _text(review),
        "where": review.where,  # "Article 6, page 4" for a block (and page)
    }


def _checklist(data: dict, prefix: str, known: set[int]) -> list[dict]:
    names = elements()
    entries = []
    for key, element in data["elements"].items():
        evidence = [
            {
                "anchor": f"{prefix}ev-{key}-{number}" if item["block"] in known else None,
                **item,
            }
            for number, item in enumerate(element["evidence"], start=1)
        ]
        entries.append(
            {
                "key": key,
                "id": f"{prefix}el-{key}",
                "name": names[key].name,
                "what": names[key].what["en"],
                "status": element["status"],
                "mark": STATUS_MARK[element["status"]],
                "reason": element["reason"],
                "evidence": evidence,
            }
        )
    return entries


def _block_marks(checklist: list[dict], findings: list[dict]) -> dict[int, dict]:
    """Block index -> the anchors, elements and findings the text view shows on it."""
    marks: dict[int, dict] = {}

    def mark(index: int) -> dict:
        return marks.setdefault(index, {"anchors": [], "elements": [], "findings": []})

    for entry in checklist:
        for item in entry["evidence"]:
            if item["anchor"]:
                found = mark(item["block"])
                found["anchors"].append(item["anchor"])
                if entry["key"] not in found["elements"]:
                    found["elements"].append(entry["key"])
    for finding in findings:
        if finding["block"] is not None:
            mark(finding["block"])["findings"].append(finding)
    return marks


def _findings(findings: list[dict], prefix: str, known: set[int]) -> list[dict]:
    groups = []
    for severity in SEVERITY_ORDER:
        items = [
            {
                **finding,
                "target": f"{prefix}b{finding['block']}" if finding["block"] in known else None,
                "element_id": f"{prefix}el-{finding['element']}" if finding["element"] else None,
            }
            for finding in findings
            if finding["severity"] == severity
        ]
        groups.append(
            {
                "severity": severity,
                "label": SEVERITY_LABEL[severity],
                "mark": SEVERITY_MARK[severity],
                "findings": items,
            }
        )
    return groups


def _ledger(review: Review) -> tuple[str | None, Ledger]:
    """The ledger of the first language version: each version states the same money, and
    the language-mismatch rule is what compares them."""
    if not review.facts:
        return None, build_ledger(())
    first = review.primary
    language = first.stream.language if len(review.facts) > 1 else None
    return language, build_ledger(first.funding.contributions)


def _party_names(data: dict) -> dict[str, str]:
    return {
        "US": "United States",
        "partner": data["partner"] or "Partner government",
        "other": "Other contributors",
    }


def _charts(ledger: Ledger, party_names: dict[str, str]) -> list[dict]:
    """One bar chart per currency (amounts in different currencies share no scale): the
    yearly amounts where the draft states them, else each party's largest amount."""
    charts = []
    for currency in ledger.currencies:
        bars = _yearly_bars(ledger, currency, party_names) or _stated_bars(
            ledger, currency, party_names
        )
        if bars:
            charts.append(_chart(currency, bars))
    return charts


def _yearly_bars(ledger: Ledger, currency: str, party_names: dict[str, str]) -> list[tuple]:
    bars = []
    for year in ledger.years:
        for party, column_currency in ledger.columns:
            value = ledger.by_year[year].get((party, column_currency))
            if column_currency == currency and value is not None:
                bars.append((f"{year} · {party_names.get(party, party)}", party, value))
    return bars


def _stated_bars(ledger: Ledger, currency: str, party_names: dict[str, str]) -> list[tuple]:
    return [
        (
            f"{party_names.get(total.party, total.party)} (largest stated)",
            total.party,
            total.largest_other.value,
        )
        for total in ledger.totals
        if total.currency == currency and total.largest_other is not None
    ]


def _chart(currency: str, bars: list[tuple[str, str, Decimal]]) -> dict:
    largest = max(value for _, _, value in bars) or Decimal(1)
    label_width = round(max(len(label) for label, _, _ in bars) * CHART_CHAR) + 16
    return {
        "currency": currency,
        "width": label_width + CHART_BAR + CHART_VALUE,
        "height": CHART_ROW * len(bars) + 8,
        "label_width": label_width,
        "bars": [
            {
                "label": label,
                "party": party,
                "value": value,
                "y": 4 + CHART_ROW * row,
                "length": round(max(float(value / largest), 0.0) * CHART_BAR, 1),
            }
            for row, (label, party, value) in enumerate(bars)
        ],
    }


def _indicators(data: dict, prefix: str, known: set[int]) -> dict:
    """Targets in a column per year where every indicator with targets gives their years
    ("Target 2027"), else in columns Year 1..N, N the longest list of targets or the term
    in years; a missing target is an empty cell the template marks in words, with what the
    draft wrote instead ("to be determined") where it wrote something."""
    rows = data["indicators"]
    stated = [row for row in rows if row["targets"]]
    years = sorted({year for row in stated for year in row["target_years"] if year})
    if stated and all(all(row["target_years"]) for row in stated):
        headers = [f"Target {year}" for year in years]
        cells = [
            [dict(zip(row["target_years"], row["targets"], strict=True)).get(y) for y in years]
            for row in rows
        ]
    else:
        width = max([len(row["targets"]) for row in rows] + [data["term"]["years"] or 0, 1])
        headers = [f"Target, year {year}" for year in range(1, width + 1)]
        cells = [list(row["targets"]) + [None] * (width - len(row["targets"])) for row in rows]
    return {
        "years": len(headers),
        "headers": headers,
        "rows": [
            {
                **row,
                "cells": row_cells,
                "instead": "; ".join(dict.fromkeys(row["placeholders"])),
                "target": f"{prefix}b{row['block']}" if row["block"] in known else None,
            }
            for row, row_cells in zip(rows, cells, strict=True)
        ],
    }


def language_name(code: str) -> str:
    """The English name and the code, "Spanish (es)"; an unknown code is shown as it is."""
    try:
        locale = Locale.parse(code)
    except (ValueError, TypeError, UnknownLocaleError):
        return code
    # Babel maps "und" (undetermined) to its likely locale, English: not what we mean.
    return f"{locale.get_display_name('en')} ({code})" if locale.language == code else code


def _text(review: Review) -> dict:
    document = review.document
    languages = tuple(lang for lang in document.languages if lang in review.facts)
    if len(languages) < 2:
        return {"languages": languages, "pairs": [], "segments": segments(document.blocks)}
    mismatches = [f for f in by_severity(review.findings) if f.rule == MISMATCH_RULE]
    streams = {language: review.facts[language].stream.blocks for language in languages}
    pairs, leftovers = side_by_side(document.blocks, streams, mismatches)
    return {
        "languages": languages,
        "pairs": pairs,
        "segments": segments(leftovers),
    }
