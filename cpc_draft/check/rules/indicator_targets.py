"""Indicators listed without annual targets (GAO-23-105390, recommendation 3).

The GAO found compact indicators without targets, which leaves progress unmeasurable.
Each indicator should have a baseline and a target for every year of the term.

Fails: "Progress will be measured by the number of prosecutions." Passes: a table with a
baseline and a target per year.
"""

ID = "indicator-targets"
DEFAULT_LEVEL = "warning"


def check(review):
    for indicator in review.primary.indicators:
        if not indicator.targets:
            yield {
                "element": "D",
                "message": f"indicator without targets: {indicator.text[:80]!r}",
                "block": indicator.block,
                "page": indicator.page,
            }
