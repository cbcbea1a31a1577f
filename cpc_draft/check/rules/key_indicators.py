"""No key indicators named for the annual dialogue (GAO-23-105390, recommendation 1).

The GAO recommended identifying, before each annual dialogue, the key indicators to be
discussed there. A draft should name them or say how they will be chosen.

Fails: indicators and an annual dialogue, with no key indicator. Passes: "the following
key indicators are to be discussed at each Annual Dialogue: …"
"""

ID = "key-indicators"
DEFAULT_LEVEL = "warning"


def check(review):
    facts = review.primary
    if facts.indicators and not facts.key_indicators and not any(i.key for i in facts.indicators):
        yield {"element": "D", "message": "no key indicators are named for the annual dialogue"}
