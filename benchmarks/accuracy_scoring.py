"""Scoring for benchmarks/bench_accuracy.py: the tool's JSON against the devset's truth.

Pure functions on plain dicts (what `cpc-draft ... --format json` prints and what
expected/*.yaml holds); nothing here imports cpc_draft, so the package can move its
modules without breaking the benchmark. Each scorer returns counts for the tally and
human-readable lines for --verbose.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal, InvalidOperation

ELEMENTS = "ABCDEFG"
_WS = re.compile(r"\s+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# A figure with thousands separators as the drafts write them: 1,200,000 / 1.200.000 /
# 1 200 000 (also narrow and no-break spaces) / 12'000.
_GROUPED = re.compile(r"^\d{1,3}(?:([,. '\u00a0\u202f])\d{3})(?:\1\d{3})*$")
_YES = frozenset({"yes", "oui", "sí", "si", "true"})
_NO = frozenset({"no", "non", "false"})


def norm_text(text: str | None) -> str:
    """Collapse whitespace and case, as the README says quotes are to be compared."""
    return _WS.sub(" ", str(text or "")).strip().casefold()


def tokens(text: str | None) -> set[str]:
    """The words that tell indicators apart: short ones are mostly 'of', 'the', 'des',
    'por' in some language, so only words of four letters or more, and figures, count."""
    return {w for w in re.findall(r"\w+", norm_text(text)) if len(w) > 3 or w.isdigit()}


def numbers(value) -> set[Decimal]:
    """Every number in a value: 'USD 2000000' -> {2000000}, 'P4Y' -> {4}, a date -> its parts."""
    if value is None or isinstance(value, bool):
        return set()
    text = str(value).replace(",", "").replace("\u202f", "").replace("\u00a0", "")
    return {Decimal(match).normalize() for match in _NUMBER.findall(text)}


def value_of(raw):
    """One baseline or target as a comparable value: a Decimal, 'yes'/'no', or None.

    Anything without a digit that is not yes/no is a placeholder ('to be determined',
    'à définir', 'non disponible'): the ground truth writes those as null. A string with
    several numbers ('2026, 42') stays a string, so it never equals a figure.
    """
    if raw is None:
        return None
    if isinstance(raw, bool):  # YAML reads a bare yes/no as a boolean
        return "yes" if raw else "no"
    if isinstance(raw, int | float | Decimal):
        return Decimal(str(raw)).normalize()
    text = norm_text(raw).strip(" .;:()*")
    if text in _YES or text in _NO:
        return "yes" if text in _YES else "no"
    text = text.rstrip("%").strip()
    if not any(ch.isdigit() for ch in text):
        return None
    if _GROUPED.match(text):
        text = re.sub(r"[,. '\u00a0\u202f]", "", text)
    try:
        return Decimal(text.replace(",", ".")).normalize()
    except InvalidOperation:
        return text


# --- elements -------------------------------------------------------------------------


def score_elements(expected: dict, got: dict, label: str) -> tuple[Counter, list[str]]:
    tally, lines = Counter(), []
    for element in (e for e in ELEMENTS if (expected.get(e) or {}).get("status")):
        want = expected[element]["status"]
        entry = got.get(element) or {}
        status = entry.get("status", "missing")
        tally["elements_n"] += 1
        tally["elements_ok"] += status == want
        if want == "present":
            tally["present_n"] += 1
            tally["false_alarm"] += status != "present"
        else:
            tally["weak_n"] += 1
            tally["weak_flagged"] += status != "present"
            tally["weak_exact"] += status == want
        if status != want:
            reason = entry.get("reason") or ""
            lines.append(f"{label:28} {element}  want {want:8} got {status:8} {reason}")
    return tally, lines


# --- contributions --------------------------------------------------------------------

_US = frozenset({"us", "u.s.", "usa", "united states", "united states of america", "usg"})
_COMBINED = frozenset({"both", "combined", "joint", "total", "all"})
# How drafts write currencies that are not ISO codes; the draft's own codes (OSC, SLP,
# CVP) and ISO codes pass through unchanged.
_CURRENCY = {"US$": "USD", "$": "USD", "U.S.$": "USD", "FCFA": "XOF", "F CFA": "XOF", "CFA": "XOF"}
_CURRENCY |= {"S/": "PEN", "S/.": "PEN", "BS": "BOB", "BS.": "BOB", "€": "EUR"}


def party_of(raw) -> str | None:
    """US, partner, 'both' (a combined total) or None (the tool could not tell).

    The JSON names the partner "partner" today, but may name it ("Republic of Tavira");
    any other named party is the partner, since a compact has only two.
    """
    text = norm_text(raw)
    if not text or text in {"unknown", "none", "null"}:
        return None
    if text in _US:
        return "US"
    if text in _COMBINED:
        return "both"
    return "partner"


def currency_of(raw) -> str:
    text = str(raw or "").strip().upper()
    return _CURRENCY.get(text, text)


def contribution_key(item: dict, found=False) -> tuple:
    party = party_of(item.get("party")) if found else item.get("party")
    return (party, value_of(item.get("amount")), currency_of(item.get("currency")))


def score_contributions(expected: list, found: list, label: str):
    tally, lines = Counter(), []
    want = Counter(contribution_key(c) for c in expected)
    got_all = Counter(contribution_key(c, found=True) for c in found)
    # Recall: one found contribution matches at most one expected one, so a figure the
    # truth lists twice (two years with the same amount) needs two findings.
    matched = want & got_all
    tally["contrib_n"] += sum(want.values())
    tally["contrib_found"] += sum(matched.values())
    # Precision: the truth lists a figure repeated in a table, or in an article and again
    # in an annex, once; the tool rightly reports each occurrence. Counting those repeats
    # as false would punish reading the whole draft, so found figures are de-duplicated by
    # (party, amount, currency) first. Combined totals of both governments are not in the
    # truth either: a figure the tool itself labels as combined is left out, while one it
    # gives to a single government is a false finding.
    got_keys = {key for key in got_all if key[0] != "both"}
    tally["contrib_reported"] += len(got_keys)
    tally["contrib_correct"] += len(got_keys & set(want))
    missed = want - got_all
    if missed:
        lines.append(f"{label:28} contributions missed: {_keys(missed)}")
    extra = got_keys - set(want)
    if extra:
        lines.append(f"{label:28} contributions extra:  {_keys(Counter(extra))}")
    return tally, lines


def _keys(counter: Counter, limit: int = 12) -> str:
    shown = [
        f"{party} {show(amount)} {currency}" + (f" x{count}" if count > 1 else "")
        for (party, amount, currency), count in sorted(counter.items(), key=str)
    ]
    more = f" … (+{len(shown) - limit})" if len(shown) > limit else ""
    return "; ".join(shown[:limit]) + more


# --- indicators -----------------------------------------------------------------------


def _similarity(name: str, candidate: str) -> float:
    """Share of the expected name's words found in the tool's indicator text.

    Containment, not Jaccard: the tool's text often carries the baseline and targets
    too ('... Baseline: 64. Target 2029: 90'), which must not lower the score.
    """
    words = tokens(name)
    return len(words & tokens(candidate)) / len(words) if words else 0.0


def _found_target(indicator: dict):
    """The final target, which the truth's `target` is: the tool's `target` field where
    it gives one, else the last of its `targets` (older JSON)."""
    if "target" in indicator:
        return value_of(indicator["target"])
    targets = [t for t in indicator.get("targets") or [] if value_of(t) is not None]
    return value_of(targets[-1]) if targets else None


def _years(indicator: dict) -> dict:
    """{year: value} of the tool's targets, from `target_years` beside `targets`."""
    pairs = zip(indicator.get("target_years") or [], indicator.get("targets") or [], strict=False)
    return {str(year): value_of(value) for year, value in pairs if year}


def _annual_right(want: dict, hit: dict) -> bool | None:
    """The truth's annual targets, each for its year; None where the truth has none."""
    annual = want.get("annual_targets")
    if not annual:
        return None
    got = _years(hit)
    return all(got.get(str(year)) == value_of(value) for year, value in annual.items())


def score_indicators(expected: list, found: list, label: str, threshold: float = 0.6):
    tally, lines = Counter(), []
    texts = [f"{i.get('name') or ''} {i.get('text') or ''} {i.get('unit') or ''}" for i in found]
    pairs = sorted(
        (
            (_similarity(e.get("name") or "", text), e_index, f_index)
            for e_index, e in enumerate(expected)
            for f_index, text in enumerate(texts)
        ),
        reverse=True,
    )
    chosen, used = {}, set()
    for score, e_index, f_index in pairs:
        if score >= threshold and e_index not in chosen and f_index not in used:
            chosen[e_index] = f_index
            used.add(f_index)
    for e_index, want in enumerate(expected):
        tally["indicators_n"] += 1
        wanted = (value_of(want.get("baseline")), value_of(want.get("target")))
        name = (want.get("name") or "")[:60]
        if e_index not in chosen:
            lines.append(f"{label:28} indicator not found: {name!r}")
            continue
        hit = found[chosen[e_index]]
        got = (value_of(hit.get("baseline")), _found_target(hit))
        annual = _annual_right(want, hit)
        if annual is not None:  # counts only: the summary's figure stays baseline + target
            tally["indicator_years_n"] += 1
            tally["indicator_years_ok"] += annual
            if not annual:
                lines.append(
                    f"{label:28} indicator {name!r}: annual targets {want['annual_targets']}, "
                    f"got {_years(hit)}"
                )
        if got == wanted:
            tally["indicators_ok"] += 1
        else:
            lines.append(
                f"{label:28} indicator {name!r}: want baseline/target {_v(*wanted)}, "
                f"got {_v(*got)} (baseline {hit.get('baseline')!r}, targets {hit.get('targets')})"
            )
    return tally, lines


def _v(baseline, target) -> str:
    return f"{show(baseline)}/{show(target)}"


def show(value) -> str:
    """A Decimal without its exponent (1.7E+6 reads as 1700000)."""
    if value is None:
        return "-"
    return f"{value:f}" if isinstance(value, Decimal) else str(value)


# --- binding wording ------------------------------------------------------------------


def score_binding(quotes: list, evidence: list[tuple[str, bool]], label: str):
    """`evidence`: (text, is_block). A block's text is specific, so a quote is found if
    either contains the other; a bare flagged word ('shall') from a finding's message
    would be inside most quotes, so such a word accounts for one quote only."""
    tally, lines = Counter(), []
    spare = [norm_text(text) for text, is_block in evidence if not is_block]
    blocks = [norm_text(text) for text, is_block in evidence if is_block]
    for quote in quotes:
        tally["binding_n"] += 1
        want = norm_text(quote)
        if any(want in b or (b and b in want) for b in blocks):
            tally["binding_found"] += 1
            continue
        word = next((w for w in spare if w and w in want), None)
        if word is not None:
            spare.remove(word)
            tally["binding_found"] += 1
        else:
            lines.append(f"{label:28} binding wording not flagged: {quote!r}")
    return tally, lines


# --- version changes (compare OLD NEW) ------------------------------------------------

# Kinds of the truth a reported text change may stand for: an amount change shows in the
# text as a modified article.
_CHANGE_KINDS = {"amount-changed": {"modified"}, "modified": {"modified"}}


def _title_match(article, side) -> bool:
    want = tokens(article) if side else set()
    got = tokens(f"{side.get('title') or ''} {side.get('label') or ''}") if side else set()
    return bool(want) and len(want & got) / len(want) >= 0.8


def _quote_touch(change: dict, diff: list) -> bool:
    """Every deleted piece of the diff is in an old quote and every inserted piece in a
    new one: the signature date edited inside the last article, for instance, is the
    truth's SIGNATURE BLOCK change whatever article the tool files it under."""
    olds = [norm_text(change.get(k)) for k in ("old_quote", "old_quote_2") if change.get(k)]
    news = [norm_text(change.get(k)) for k in ("new_quote", "new_quote_2") if change.get(k)]
    pieces = [(d.get("op"), norm_text(d.get("text"))) for d in diff]
    deleted = [text for op, text in pieces if op == "delete" and text]
    inserted = [text for op, text in pieces if op == "insert" and text]
    if not (deleted or inserted):
        return False
    return all(any(d in q for q in olds) for d in deleted) and all(
        any(i in q for q in news) for i in inserted
    )


def change_matches(want: dict, got: dict, is_fact: bool) -> bool:
    if is_fact and got.get("kind") == "element":  # a status changed where an article did
        return want.get("kind") == "modified" and _title_match(
            want.get("article"), {"title": got.get("detail")}
        )
    if is_fact:  # facts (amounts, dates) match by their old and new values
        old, new = numbers(want.get("old")), numbers(want.get("new"))
        got_old, got_new = numbers(got.get("old")), numbers(got.get("new"))
        same = got_old & got_new  # what both sides share is the fact's period: "(2029)"
        return bool(old or new) and (
            (old, new) == (got_old, got_new) or (old, new) == (got_old - same, got_new - same)
        )
    kind = want.get("kind")
    if got.get("kind") not in _CHANGE_KINDS.get(kind, {kind}):
        return False
    article = str(want.get("article") or "")
    if kind == "moved" and "->" in article:  # "Indicateurs -> Dialogue annuel": from, to
        before, after = (part.strip() for part in article.split("->", 1))
        return _title_match(before, got.get("old")) and _title_match(after, got.get("new"))
    sides = {"added": [got.get("new")], "deleted": [got.get("old")]}.get(
        kind, [got.get("old"), got.get("new")]
    )
    if any(_title_match(want.get("article"), side) for side in sides):
        return True
    return kind in _CHANGE_KINDS and _quote_touch(want, got.get("diff") or [])


def score_changes(expected: list, report: dict, label: str, statuses=None):
    """Renumbering alone is not a change, so the truth's renumbered-only entries are not
    expected; a reported item that stands for no expected change is an extra (several
    items, say a text change and a fact change, may stand for the same one).

    ``statuses``: the truth's element statuses of the old and the new version. An element
    whose status the truth itself gives differently in the two versions (a deleted
    sustainability article: F partial -> missing) is a true consequence of the changes,
    not an extra, though the pair's list of changes does not name it."""
    tally, lines = Counter(), []
    wanted = [c for c in expected if c.get("kind") != "renumbered-only"]
    reported = [(c, False) for c in report.get("changes") or []]
    facts = report.get("fact_changes") or []
    reported += [(c, True) for c in facts if not _status_change_in_truth(c, statuses)]
    for want in wanted:
        tally["changes_n"] += 1
        if any(change_matches(want, got, fact) for got, fact in reported):
            tally["changes_found"] += 1
        else:
            lines.append(f"{label:28} change not found: {want.get('kind')} {want.get('article')}")
    for got, fact in reported:
        if not any(change_matches(want, got, fact) for want in wanted):
            tally["changes_extra"] += 1
            lines.append(f"{label:28} extra change: {_describe_change(got, fact)}")
    return tally, lines


def _status_change_in_truth(fact: dict, statuses) -> bool:
    found = re.match(r"element ([A-G])\b", str(fact.get("detail") or ""))
    if fact.get("kind") != "element" or not statuses or found is None:
        return False
    old, new = (side.get(found.group(1), {}).get("status") for side in statuses)
    return old != new and (fact.get("old"), fact.get("new")) == (old, new)


def _describe_change(got: dict, fact: bool) -> str:  # for --verbose
    if fact:
        return f"fact {got.get('kind')} {got.get('old')} -> {got.get('new')} ({got.get('detail')})"
    old, new = got.get("old") or {}, got.get("new") or {}
    return f"{got.get('kind')} {old.get('label', '-')} -> {new.get('label', '-')}"


# --- language mismatches (compare --languages) ----------------------------------------

_MISMATCH_KINDS = {
    "missing-article": {"article_missing"},
    "amount": {"amount", "number"},
    "term": {"duration", "date", "year", "number"},
    "indicator-target": {"percentage", "number"},
}


def mismatch_matches(want: dict, got: dict) -> bool:
    kind = got.get("kind")
    if kind not in _MISMATCH_KINDS.get(want.get("kind"), {kind} - {"article_missing"}):
        return False
    if want.get("kind") == "missing-article":
        return str(got.get("article")) == str(want.get("article"))
    # Each language's side must hold the expected figure: 'four years' is en_years 4 and
    # reads 'P4Y'; a year 2030 reads '2030-12-31'. The article is not required, since a
    # figure filed under the wrong article is still the mismatch a reviewer needs.
    values = got.get("values") or {}
    languages = [k[: -len("_value")] for k in want if k.endswith("_value")]
    for language in languages:
        expected = numbers(want.get(f"{language}_value")) | numbers(want.get(f"{language}_years"))
        reported = set().union(*(numbers(v) for v in values.get(language) or []))
        if not expected & reported:
            return False
    return bool(languages)


def score_mismatches(expected: list, report: dict, label: str):
    tally, lines = Counter(), []
    reported = report.get("mismatches") or []
    for want in expected:
        tally["mismatches_n"] += 1
        if any(mismatch_matches(want, got) for got in reported):
            tally["mismatches_found"] += 1
        else:
            lines.append(
                f"{label:28} mismatch not found: {want.get('kind')} article {want.get('article')}"
            )
    for got in reported:
        if not any(mismatch_matches(want, got) for want in expected):
            tally["mismatches_extra"] += 1
            lines.append(f"{label:28} invented mismatch: {got.get('message', got)[:120]}")
    return tally, lines


# --- issue 12's figures: (numerator, denominator) in the counts the scorers above keep ---
FIGURES = {
    "element_agreement": ("elements_ok", "elements_n"),
    "false_alarms": ("false_alarm", "present_n"),
    "weak_flagged": ("weak_flagged", "weak_n"),
    "weak_exact": ("weak_exact", "weak_n"),
    "contributions_recall": ("contrib_found", "contrib_n"),
    "contributions_precision": ("contrib_correct", "contrib_reported"),
    "indicators_right": ("indicators_ok", "indicators_n"),
    "binding_quotes_found": ("binding_found", "binding_n"),
    "version_changes_found": ("changes_found", "changes_n"),
    "mismatches_found": ("mismatches_found", "mismatches_n"),
}


def figures(tally: Counter) -> dict:
    """Issue 12's figures from one format's (or all formats') counts; None: nothing to
    measure (the text of a single format has no version pair, say)."""
    out = {name: tally[n] / tally[d] if tally[d] else None for name, (n, d) in FIGURES.items()}
    out["version_changes_extra"] = tally["changes_extra"]
    out["mismatches_invented"] = tally["mismatches_extra"]
    out["counts"] = dict(sorted(tally.items()))
    return out
