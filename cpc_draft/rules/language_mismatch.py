"""Figures, dates or article counts differ between the language versions.

Each language version of a compact is an original; a figure that differs between them
is a costly error. Articles are paired by number; the figures in each pair are compared
after removing formatting ("5,000,000" = "5.000.000" = "5 000 000").

Fails: "US$5,000,000" in English beside "4.000.000 USD" in Spanish. Passes: the same
amount written each language's way.
"""

ID = "language-mismatch"
DEFAULT_LEVEL = "error"


def check(review):
    from cpc_draft.crosslang import mismatches

    yield from mismatches(review.facts)
