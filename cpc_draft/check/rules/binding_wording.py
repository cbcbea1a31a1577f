"""Treaty wording in an instrument that calls itself non-binding.

A CPC Partnership is a political commitment. "shall", "the Parties", "agree", "entry into
force" (and "deberán", "las Partes", "acuerdan", "entrará en vigor"; "doivent", "les
Parties", "conviennent", "entrée en vigueur") read as treaty obligations and contradict
the instrument's own non-binding clause.

Fails: "The Parties shall…" in a text that says it is not legally binding. Passes: "The
Participants intend to…"
"""

ID = "binding-wording"
DEFAULT_LEVEL = "warning"


def check(review):
    for facts in review.facts.values():
        if not facts.non_binding:
            continue
        for block, term in facts.binding_terms:
            yield {
                "message": f"binding wording {term!r} in a non-binding instrument",
                "block": block.index,
                "page": block.page,
            }
