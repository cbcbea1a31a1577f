"""A statutory element of 22 U.S.C. § 7103a(d)(2) has no content.

The statute says a compact "shall describe" each of elements A–G; a draft without one
cannot be signed as a compact. Reported once per missing element, in the language
version where it is missing.

Fails: a draft with no objectives (A). Passes: a numbered list of objectives.
"""

ID = "element-missing"
DEFAULT_LEVEL = "error"


def check(review):
    for key, status in review.elements.items():
        if status.status == "missing":
            yield {"element": key, "message": f"element {key} is missing: {status.reason}"}
