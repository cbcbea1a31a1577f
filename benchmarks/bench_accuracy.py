"""Print the accuracy figures issue 12 asks for, measured on the development corpus.

`cpc-draft check` runs on every draft of ../shared/devset (as .txt, .docx and .pdf),
`cpc-draft compare` on its version pair and bilingual drafts, and their JSON is scored
against expected/*.yaml (benchmarks/accuracy_scoring.py says how). Only the command line
is used, never `import cpc_draft`, so the benchmark keeps working while modules move.

First a line per draft (with --verbose, every disagreement and the tool's reason), then
the summary, whose last 8 lines carry the figures per format beside issue 12's targets
for `tail -n 8`. --json prints all figures as JSON instead, for before/after comparisons.

    python benchmarks/bench_accuracy.py [--devset PATH] [--formats txt,docx] [--verbose] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import accuracy_scoring as scoring

ROOT = Path(__file__).resolve().parent.parent
_SCRIPT = Path(sys.executable).with_name("cpc-draft")
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "cpc_draft"]
FORMATS = ("txt", "docx", "pdf")
STATUS = {"present": "+", "partial": "~", "missing": "-"}
JSON = ("--format", "json")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devset", type=Path, help="default: $CPC_DEVSET or ../shared/devset")
    parser.add_argument("--formats", default=",".join(FORMATS), help="e.g. txt,docx")
    parser.add_argument("--verbose", action="store_true", help="list every disagreement")
    parser.add_argument("--json", action="store_true", help="print all figures as JSON")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per command")
    parser.add_argument("--workers", type=int, default=3, help="commands run at once")
    args = parser.parse_args()
    args.formats = [f.strip().lstrip(".") for f in args.formats.split(",") if f.strip()]
    if not args.formats or set(args.formats) - set(FORMATS):
        parser.error(f"--formats: a comma-separated choice of {', '.join(FORMATS)}")
    return args


def find_devset(option: Path | None) -> Path:
    if option is not None:
        return option.resolve()
    if os.environ.get("CPC_DEVSET"):
        return Path(os.environ["CPC_DEVSET"]).resolve()
    return (ROOT.parent / "shared" / "devset").resolve()


def is_draft(data) -> bool:
    """A draft's truth has elements; pair-*.yaml files have only changes or mismatches."""
    return isinstance(data, dict) and "elements" in data


# --- running the CLI ------------------------------------------------------------------


def run(command: list[str], timeout: float) -> dict:
    """One command's exit code, JSON and time; it never raises, so that a failure (exit 2,
    a crash, a timeout) is scored rather than ending the benchmark."""
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        rc, out, err = done.returncode, done.stdout, done.stderr
    except subprocess.TimeoutExpired:
        rc, out, err = -1, "", f"timed out after {timeout:.0f} s"
    except OSError as error:
        rc, out, err = -1, "", str(error)
    try:
        data = json.loads(out) if out.strip() else None
    except json.JSONDecodeError:
        data = None
    return {"rc": rc, "json": data, "stderr": err.strip(), "seconds": time.perf_counter() - start}


def plan(drafts: Path, truth: dict, formats: list[str]) -> dict[tuple, list[str]]:
    """Every command, keyed. One `check` per format over all its drafts: a cold start
    spends a second loading spaCy, so one per file would not fit in the hook's 40 s.
    `extract` gives the text of the blocks that binding-wording findings point at."""
    jobs = {}
    for fmt in formats:
        files = [str(drafts / f"{stem}.{fmt}") for stem, data in truth.items() if is_draft(data)]
        jobs["check", fmt] = [*CLI, "check", *files, *JSON, "--jobs", "2"]
        for name, data in truth.items():
            if is_draft(data) and data.get("binding_wording"):
                jobs["extract", name, fmt] = [*CLI, "extract", str(drafts / f"{name}.{fmt}"), *JSON]
            if data.get("changes") and data.get("old") and data.get("new"):
                old, new = (str(drafts / f"{Path(data[k]).stem}.{fmt}") for k in ("old", "new"))
                jobs["versions", name, fmt] = [*CLI, "compare", old, new, *JSON]
            if data.get("mismatches"):
                # Two files, one per language (pair-*.yaml), or one bilingual draft.
                stems = (
                    [data["files"][lang] for lang in data["languages"]]
                    if "files" in data
                    else [name]
                )
                paths = [str(drafts / f"{stem}.{fmt}") for stem in stems]
                jobs["languages", name, fmt] = [*CLI, "compare", "--languages", *paths, *JSON]
    return jobs


def run_all(jobs: dict, workers: int, timeout: float) -> dict:
    # The checks are the longest, so they start first and the short compares fill in.
    order = sorted(jobs, key=lambda key: key[0] != "check")
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {key: pool.submit(run, jobs[key], timeout) for key in order}
        return {key: future.result() for key, future in futures.items()}


def reports(result: dict, files: list[Path], timeout: float, workers: int) -> dict:
    """check's report per draft, {path: doc}; {"error": message} for a draft it could not
    read. Such a draft ends in exit 2 with the others still reported, and stderr names
    it; if there is no JSON at all (a crash), each file is checked alone, so that one bad
    draft costs only its own score."""
    if result["json"] is None and len(files) > 1:
        alone = [*CLI, "check", *JSON]
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            done = pool.map(lambda f: reports(run([*alone, str(f)], timeout), [f], 0, 1), files)
            return {path: doc for single in done for path, doc in single.items()}
    docs = (result["json"] or {}).get("documents") or []
    found = {Path(doc["path"]).resolve(): doc for doc in docs if doc.get("path")}
    lines = result["stderr"].splitlines()
    for path in files:
        if path not in found:
            named = [line for line in lines if path.name in line] or lines[-1:] or ["no output"]
            found[path] = {"error": f"{named[0]} (exit {result['rc']})"}
    return found


# --- scoring --------------------------------------------------------------------------


def binding_evidence(doc: dict, extracted: dict | None) -> list[tuple[str, bool]]:
    """What each binding-wording finding points at: its block's text (from `extract`)
    when the flagged word is in it, else just the word quoted in its message. check's
    findings carry no quote of their own (a later version might: `evidence` is read)."""
    blocks = (extracted or {}).get("blocks") or []
    evidence = []
    for finding in doc.get("findings") or []:
        if finding.get("rule") != "binding-wording":
            continue
        words = re.findall(r"'([^']+)'", finding.get("message") or "")
        evidence += [
            (e.get("text") or e.get("quote") or "", True) for e in finding.get("evidence") or []
        ]
        index = finding.get("block")
        inside = isinstance(index, int) and 0 <= index < len(blocks)
        text = blocks[index].get("text") or "" if inside else ""
        if text and all(scoring.norm_text(w) in scoring.norm_text(text) for w in words):
            evidence.append((text, True))
        else:
            evidence += [(word, False) for word in words]
    return evidence


def score_draft(label: str, want: dict, doc: dict, extracted) -> tuple[Counter, list[str]]:
    lines = [f"{label:28} reader warning: {w}" for w in doc.get("warnings") or []]
    if "error" in doc:  # a draft the tool could not read: all missing, nothing found
        lines.append(f"{label:28} CLI FAILED: {doc['error']}")
        doc = {"elements": {e: {"status": "missing", "reason": "CLI failed"} for e in "ABCDEFG"}}
    parts = [scoring.score_elements(want["elements"], doc.get("elements") or {}, label)]
    if want.get("contributions") is not None:
        found = doc.get("contributions") or []
        parts.append(scoring.score_contributions(want["contributions"], found, label))
    if want.get("indicators"):
        found = doc.get("indicators") or []
        parts.append(scoring.score_indicators(want["indicators"], found, label))
    if want.get("binding_wording"):
        evidence = binding_evidence(doc, extracted)
        parts.append(scoring.score_binding(want["binding_wording"], evidence, label))
    tally = sum((part[0] for part in parts), Counter())
    return tally, lines + [line for part in parts for line in part[1]]


def _version_statuses(pair: dict, truth: dict):
    """The truth's element statuses of a pair's old and new version, where it has both."""
    stems = [Path(str(pair.get(side) or "")).stem for side in ("old", "new")]
    if not all(stem in truth and "elements" in truth[stem] for stem in stems):
        return None
    return tuple(truth[stem]["elements"] for stem in stems)


def score_compare(key: tuple, result: dict, truth: dict) -> tuple[Counter, list[str]]:
    kind, name, fmt = key
    label = f"{name}.{fmt}"
    failed = []
    if result["json"] is None:
        failed = [f"{label:28} CLI FAILED (exit {result['rc']}): {result['stderr'][-200:]}"]
    if kind == "versions":
        pair = truth[name]
        statuses = _version_statuses(pair, truth)
        tally, lines = scoring.score_changes(pair["changes"], result["json"] or {}, label, statuses)
    else:
        tally, lines = scoring.score_mismatches(
            truth[name]["mismatches"], result["json"] or {}, label
        )
    return tally, failed + lines


# --- targets and output ---------------------------------------------------------------


def verdicts(per_format: dict, overall: dict, same: tuple[int, int]) -> dict[str, bool]:
    """Whether each of issue 12's targets is met: the check figures over all formats,
    the compares' in each format's run, the statuses for every draft."""
    every = per_format.values()

    def at_least(key, floor):
        return overall[key] is not None and overall[key] >= floor

    return {
        "elements": at_least("element_agreement", 0.95),
        "false_alarms": (overall["false_alarms"] or 0) <= 0.03,
        "weak": at_least("weak_flagged", 0.95) and at_least("weak_exact", 0.85),
        "contributions": at_least("contributions_recall", 0.95)
        and at_least("contributions_precision", 0.95),
        "binding": all(f["binding_quotes_found"] in (None, 1.0) for f in every),
        "compares": all(
            f["version_changes_found"] in (None, 1.0)
            and f["version_changes_extra"] <= 1
            and f["mismatches_found"] in (None, 1.0)
            and f["mismatches_invented"] == 0
            for f in every
        ),
        "same_statuses": same[0] == same[1],
    }


def pct(*values) -> str:
    """One share as 65.1%, two as 88/76% (the two shares of one row)."""
    if all(v is None for v in values):
        return "n/a"
    digits = 1 if len(values) == 1 else 0
    return "/".join("n/a" if v is None else f"{100 * v:.{digits}f}" for v in values) + "%"


def found_extra(t: Counter, key: str) -> str:
    return f"{t[key + '_found']}/{t[key + '_n']}+{t[key + '_extra']}" if t[key + "_n"] else "n/a"


# The summary's rows: label, one column's cell (figures f, counts t), target, verdict.
ROWS = (
    ("element agreement", lambda f, t: pct(f["element_agreement"]), ">=95%", "elements"),
    ("false alarms", lambda f, t: pct(f["false_alarms"]), "<=3%", "false_alarms"),
    (
        "weak flagged / exact",
        lambda f, t: pct(f["weak_flagged"], f["weak_exact"]),
        ">=95/85%",
        "weak",
    ),
    (
        "contributions recall/prec",
        lambda f, t: pct(f["contributions_recall"], f["contributions_precision"]),
        ">=95/95%",
        "contributions",
    ),
    (
        "indicators ok / quotes",
        lambda f, t: f"{pct(f['indicators_right'])} {t['binding_found']}/{t['binding_n']}",
        "- / all",
        "binding",
    ),
    (
        "changes / mismatches +extra",
        lambda f, t: f"{found_extra(t, 'changes')} {found_extra(t, 'mismatches')}",
        "all+<=1 / all+0",
        "compares",
    ),
)


def print_summary(columns: dict, tallies: dict, met: dict, same, wall: float) -> None:
    """Exactly the last 8 lines of the output: what `tail -n 8` shows."""
    cells = {label: [cell(columns[c], tallies[c]) for c in columns] for label, cell, *_ in ROWS}
    width = [
        max(len(c), *(len(row[i]) for row in cells.values())) + 2 for i, c in enumerate(columns)
    ]
    head = "".join(f"{c:>{w}}" for c, w in zip(columns, width, strict=True))
    print(f"{'issue 12 figures':27}{head}  target")
    for label, _, target, key in ROWS:
        row = "".join(f"{c:>{w}}" for c, w in zip(cells[label], width, strict=True))
        print(f"{label:27}{row}  {target:16}{'ok' if met[key] else 'MISS'}")
    print(
        f"same statuses in every format: {same[0]}/{same[1]} drafts (target all) "
        f"{'ok' if met['same_statuses'] else 'MISS'} | {sum(met.values())}/{len(met)} targets met"
        f" | wall {wall:.1f} s"
    )


_CELLS = (("elements", "_ok"), ("contrib", "_found"), ("indicators", "_ok"))


def print_details(formats, per_draft, statuses, truth, compares, lines, verbose) -> None:
    """A line per draft: statuses A-G (+ present, ~ partial, - missing), expected then per
    format, and per format: elements agreeing, contributions found, indicators right."""
    head = "".join(f"  {fmt:7}{'el':>5}{'con':>7}{'ind':>5}" for fmt in formats)
    print(f"{'draft':22}{'expected':>9}{head}")
    for stem in sorted(per_draft[formats[0]]):
        expected = truth[stem]["elements"]
        want = "".join(STATUS.get((expected.get(e) or {}).get("status"), "?") for e in "ABCDEFG")
        cells = []
        for fmt in formats:
            t = per_draft[fmt][stem]
            el, con, ind = (f"{t[k + n]}/{t[k + '_n']}" for k, n in _CELLS)
            cells.append(f"  {statuses[fmt][stem]}{el:>5}{con:>7}{ind:>5}")
        print(f"{stem:22}{want:>9}" + "".join(cells))
    for name, by_format in sorted(compares.items()):  # found/expected+extra per format
        kind = "changes" if any(t["changes_n"] for t in by_format.values()) else "mismatches"
        cells = "".join(f"  {fmt:7}{found_extra(t, kind):>17}" for fmt, t in by_format.items())
        print(f"{name:21}{kind:>10}{cells}")
    shown = lines if verbose else [line for line in lines if "FAILED" in line]
    if shown:
        print("\ndisagreements (draft.format, what, expected vs got, the tool's reason):")
        print("\n".join("  " + line for line in shown))


def main() -> int:
    args = parse_args()
    started = time.perf_counter()
    devset = find_devset(args.devset)
    drafts_dir = devset / "drafts"
    if not (devset / "expected").is_dir() or not drafts_dir.is_dir():
        print(f"devset not found at {devset}; nothing to measure")
        return 0
    truth = {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((devset / "expected").glob("*.yaml"))
    }
    drafts = [stem for stem, data in truth.items() if is_draft(data)]
    results = run_all(plan(drafts_dir, truth, args.formats), args.workers, args.timeout)

    tallies, per_draft, statuses, compares, lines = {}, {}, {}, {}, []
    for fmt in args.formats:
        files = [(drafts_dir / f"{stem}.{fmt}").resolve() for stem in drafts]
        docs = reports(results["check", fmt], files, args.timeout, args.workers)
        per_draft[fmt], statuses[fmt] = {}, {}
        for stem, path in zip(drafts, files, strict=True):
            extracted = results.get(("extract", stem, fmt), {}).get("json")
            tally, found = score_draft(f"{stem}.{fmt}", truth[stem], docs[path], extracted)
            per_draft[fmt][stem] = tally
            elements = docs[path].get("elements") or {}
            statuses[fmt][stem] = "".join(
                STATUS.get((elements.get(e) or {}).get("status"), "-") for e in "ABCDEFG"
            )
            lines += [(stem, fmt, line) for line in found]
        tallies[fmt] = sum(per_draft[fmt].values(), Counter())
        for key, result in results.items():
            if key[0] in ("versions", "languages") and key[2] == fmt:
                tally, found = score_compare(key, result, truth)
                compares.setdefault(key[1], {})[fmt] = tally
                tallies[fmt] += tally
                lines += [(key[1], fmt, line) for line in found]
    tallies["all"] = sum((tallies[fmt] for fmt in args.formats), Counter())
    per_format = {fmt: scoring.figures(tallies[fmt]) for fmt in args.formats}
    overall = scoring.figures(tallies["all"])
    differing = [s for s in drafts if len({statuses[f][s] for f in args.formats}) > 1]
    same = (len(drafts) - len(differing), len(drafts))
    met = verdicts(per_format, overall, same)
    # A draft's disagreements in every format read together, formats in their usual order.
    lines = [line for *_, line in sorted(lines, key=lambda x: (x[0], FORMATS.index(x[1])))]
    wall = time.perf_counter() - started

    if args.json:
        seconds = {" ".join(k): round(r["seconds"], 2) for k, r in results.items()}
        report = {"devset": str(devset), "wall_seconds": round(wall, 2), "formats": per_format}
        report |= {"all": overall, "targets_met": met, "statuses": statuses}
        report |= {"statuses_differ": differing, "disagreements": lines, "seconds": seconds}
        report["drafts"] = {f: {s: dict(t) for s, t in per_draft[f].items()} for f in per_draft}
        print(json.dumps(report, indent=2, ensure_ascii=False, default=str))
        return 0
    print(f"devset {devset}: {len(drafts)} drafts as {', '.join(args.formats)}")
    print("A-G: + present, ~ partial, - missing; el, con, ind: elements, contributions, indicators")
    print_details(args.formats, per_draft, statuses, truth, compares, lines, args.verbose)
    if differing:
        print(f"\nstatuses differ between formats: {', '.join(differing)}")
    slow = max(results, key=lambda key: results[key]["seconds"])
    print(f"slowest command: {' '.join(slow)} {results[slow]['seconds']:.1f} s\n")
    columns = per_format if len(args.formats) == 1 else {**per_format, "all": overall}
    print_summary(columns, tallies, met, same, wall)
    return 0


if __name__ == "__main__":
    sys.exit(main())
