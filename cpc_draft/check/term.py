"""The term of a compact as the draft states it, from the facts found in one language."""

from __future__ import annotations


def term_of(facts) -> dict:
    """Start and end as dates stated in the duration article, else as years from a range
    ("2022–2027"), else from the signature date and the duration."""
    years = facts.term_years
    if facts.term_dates:  # stated in the duration article: the most precise
        start, end = facts.term_dates
        return {"start": start.isoformat(), "end": end.isoformat(), "years": years}
    if facts.term_range:
        start, end = facts.term_range
        return {"start": str(start), "end": str(end), "years": years or end - start}
    if facts.signing_date and years:
        start = facts.signing_date
        try:
            end = start.replace(year=start.year + years)
        except ValueError:  # 29 February
            end = start.replace(year=start.year + years, day=28)
        return {"start": start.isoformat(), "end": end.isoformat(), "years": years}
    return {"start": None, "end": None, "years": years}
