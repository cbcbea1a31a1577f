"""The term is outside four to five years.

CPC Partnerships run four to five years (the fact sheet: "up to five years"; the GAO:
"at least 4 years"). A shorter or longer term is unusual and worth a second look.

Fails: "a three-year plan". Passes: "this four-year Partnership", "2022–2027".
"""

ID = "term-length"
DEFAULT_LEVEL = "warning"


def check(review):
    facts = review.primary
    years = facts.term_years
    if years is None and facts.term_range:
        years = facts.term_range[1] - facts.term_range[0]
    if years is not None and not 4 <= years <= 5:
        block = facts.term_evidence
        yield {
            "message": f"a term of {years} years is outside the usual four to five",
            "block": block.index if block else None,
            "page": block.page if block else None,
        }
