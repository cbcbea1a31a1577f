"""The statutory gate: which of elements A–G a spec leaves without content."""

from __future__ import annotations

from cpc_draft.assemble.spec import CompactSpec


def missing_elements(spec: CompactSpec) -> dict[str, str]:
    """Element key -> what is lacking (English), for every element without content."""
    data = spec.data
    responsibilities = data.get("responsibilities") or {}
    plan = data.get("financial_plan") or {}
    lacking: dict[str, str] = {}
    if not data.get("objectives"):
        lacking["A"] = "no objectives"
    one_sided = [party for party in ("us", "partner") if not responsibilities.get(party)]
    if one_sided:
        lacking["B"] = "no responsibilities for " + " and ".join(
            "the United States" if party == "us" else "the partner government"
            for party in one_sided
        )
    if not data.get("programs"):
        lacking["C"] = "no programs with funding"
    if not data.get("indicators"):
        lacking["D"] = "no outcome indicators"
    if not plan.get("years"):
        lacking["E"] = "no yearly contributions in the financial plan"
    elif not plan.get("oversight"):
        lacking["E"] = "no oversight mechanism for the financial plan"
    if not data.get("sustainability"):
        lacking["F"] = "no sustainability strategy"
    if not data.get("data_management"):
        lacking["G"] = "no child protection data management"
    return lacking
