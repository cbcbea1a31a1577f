"""The partner government's contribution is not quantified (GAO-23-105390, rec. 5).

The GAO found that partner contributions (funding, personnel, in-kind) were not tracked.
A compact should state the partner's contribution as an amount, so it can be tracked.

Fails: "Jamaica intends to contribute personnel and facilities." Passes: "the Government
of Peru intends to contribute at least eight million soles".
"""

ID = "partner-contribution"
DEFAULT_LEVEL = "warning"


def check(review):
    if not any(c.party == "partner" for c in review.primary.contributions):
        yield {"element": "E", "message": "the partner government's contribution is not quantified"}
