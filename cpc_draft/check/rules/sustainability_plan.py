"""No sustainability plan (GAO-23-105390, recommendation 6).

Compacts called for sustainability plans that partner governments never provided. A
draft should set out how progress will be sustained after the compact expires, not only
promise a plan.

Fails: no section on sustaining progress. Passes: a sustainability article with a strategy.
"""

ID = "sustainability-plan"
DEFAULT_LEVEL = "warning"


def check(review):
    if review.elements["F"].status != "present":
        yield {"element": "F", "message": "no sustainability plan for after the compact expires"}
