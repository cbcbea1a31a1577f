"""spec + clause library -> a :class:`Draft`, then written as .docx, .pdf or .md.

The flow: validate the spec, apply the statutory gate, render every clause of the outline
in every language (sandboxed Jinja), parse the rendered markup into blocks, number the
articles, and hand the draft to a writer.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

import jinja2

from cpc_draft import __version__
from cpc_draft.assemble.advice import code_problems, spec_warnings
from cpc_draft.assemble.context import LanguageView, ordered_languages
from cpc_draft.assemble.furniture import page_furniture
from cpc_draft.assemble.gate import missing_elements
from cpc_draft.assemble.library import ClauseLibrary, load_library
from cpc_draft.assemble.markup import MarkupError, parse_blocks
from cpc_draft.assemble.rough import mark_todos
from cpc_draft.assemble.spec import CompactSpec, spec_from_yaml
from cpc_draft.assemble.templating import compile_template
from cpc_draft.assemble.wording import available_languages, contract, typeset, wording
from cpc_draft.errors import CpcDraftError, IncompleteCompactError, LibraryError, SpecError
from cpc_draft.fileio.yaml_source import MAX_YAML_BYTES, load_yaml, read_text_file
from cpc_draft.model import (
    ITEM,
    PARAGRAPH,
    TABLE,
    TITLE,
    Block,
    ClauseText,
    Draft,
    Section,
    Signatory,
)

LAYOUTS = ("side-by-side", "sequential")
ORIGINALS = ("us", "partner")


class AssembleOptions(NamedTuple):
    layout: str = "side-by-side"
    original: str = "us"
    allow_incomplete: bool = False
    library: Path | None = None
    final: bool = False  # a text for signature: no draft marking in the header


def build_draft(spec_path: Path, options: AssembleOptions) -> Draft:
    """Load, validate and render; raise a :class:`CpcDraftError` for anything wrong."""
    if options.final and options.allow_incomplete:
        raise CpcDraftError(
            "--final and --allow-incomplete contradict each other: a final text has no "
            "[MISSING] or [TODO] markers"
        )
    spec, todos = read_spec(spec_path, rough=options.allow_incomplete)
    library = load_library(options.library)
    _check_languages(spec, library)
    missing = missing_elements(spec)
    if missing and not options.allow_incomplete:
        raise IncompleteCompactError(spec.path, missing)
    party_order = ("us", "partner") if options.original == "us" else ("partner", "us")
    languages = ordered_languages(spec.languages, party_order[0])
    views = {code: LanguageView(spec, code, party_order, missing) for code in languages}
    sections = _render_sections(library, views)
    return Draft(
        languages=tuple(languages),
        sections=tuple(sections),
        original=options.original,
        layout=options.layout,
        title={code: _title_text(sections, code) for code in languages},
        properties={
            "cpc-draft-version": __version__,
            "cpc-spec-sha256": spec.sha256,
            "cpc-spec-file": spec.path.name,
            "cpc-layout": options.layout,
            "cpc-original": options.original,
            "cpc-languages": ",".join(languages),
            "cpc-missing-elements": ",".join(missing),
        },
        missing=missing,
        furniture={code: page_furniture(spec, code, final=options.final) for code in languages},
        advice=tuple(_advice(spec, todos)),
    )


def read_spec(path: Path, *, rough: bool = False) -> tuple[CompactSpec, int]:
    """The validated spec and how many TODOs a rough draft turned into markers.

    Unknown language and currency codes are reported first, with suggestions, and alone:
    an unknown language would otherwise fail every text that names it.
    """
    text = read_text_file(path, max_bytes=MAX_YAML_BYTES)
    located = load_yaml(path, text)
    problems = code_problems(located)
    if problems:
        raise SpecError(problems)
    todos = 0
    if rough:
        located, todos = mark_todos(located)
    return spec_from_yaml(located, text), todos


def _advice(spec: CompactSpec, todos: int) -> list[str]:
    advice = spec_warnings(spec)
    if todos:
        advice.append(
            f"{spec.path}: {todos} value{'s' if todos != 1 else ''} still TODO, printed as "
            "[TODO: …] markers"
        )
    return advice


def _check_languages(spec: CompactSpec, library: ClauseLibrary) -> None:
    problems = []
    for index, language in enumerate(spec.languages):
        lacking = library.languages_missing(language)
        if language not in available_languages() or lacking:
            have = ", ".join(sorted(set(available_languages())))
            problems.append(
                f"{spec.where('languages', index)}: language {language!r} is not in the clause "
                f"library (it has {have}); add a '# {language}:' section to every clause"
            )
    if problems:
        raise SpecError(problems)


def _render_sections(library: ClauseLibrary, views: dict[str, LanguageView]) -> list[Section]:
    contexts = {code: view.context() for code, view in views.items()}
    tables = {code: view.tables() for code, view in views.items()}
    sections: list[Section] = []
    article = 0
    for clause_id in library.outline:
        clause = library.clauses[clause_id]
        number = None
        if clause.kind == "article":
            article += 1
            number = article
        texts = {}
        for code in views:
            where = f"{clause.path}:{clause.body_lines[code]} [{code}]"
            try:
                template = compile_template(f"{clause.id}.{code}", clause.bodies[code])
                rendered = template.render(contexts[code])
                blocks = parse_blocks(rendered, tables[code])
            except (jinja2.TemplateError, MarkupError) as error:
                raise LibraryError(
                    [f"{where}: cannot render clause {clause.id!r}: {error}"]
                ) from None
            blocks = [_localise(block, code, clause.kind) for block in blocks]
            label = wording(code)["article"].format(number=number) if number else ""
            texts[code] = ClauseText(code, label, clause.headings[code], tuple(blocks))
        signatories = {}
        if clause.kind == "signatures":
            signatories = {
                code: tuple(_typeset_signatory(signatory, code) for signatory in view.signatories())
                for code, view in views.items()
            }
        sections.append(Section(clause.id, clause.version, clause.kind, number, texts, signatories))
    return sections


def _localise(block: Block, language: str, kind: str) -> Block:
    if block.kind == TABLE:
        rows = tuple(tuple(typeset(cell, language) for cell in row) for row in block.rows)
        return replace(block, rows=rows)
    if block.kind not in (PARAGRAPH, ITEM):
        return block
    text = typeset(contract(block.text, language), language)
    return Block(TITLE if kind == "title" else block.kind, text, block.label)


def _typeset_signatory(signatory: Signatory, language: str) -> Signatory:
    return replace(
        signatory,
        heading=typeset(signatory.heading, language),
        title=typeset(signatory.title, language),
    )


def _title_text(sections: list[Section], language: str) -> str:
    for section in sections:
        if section.kind == "title":
            return " ".join(block.text for block in section.texts[language].blocks)
    return ""


def assemble(
    spec_path: Path, output: Path, options: AssembleOptions, *, force: bool = False
) -> Draft:
    """Build the draft and write it to ``output`` (.docx, .pdf or .md), atomically."""
    from cpc_draft.render import writer_for

    write = writer_for(output)  # refuse an unknown suffix before doing any work
    draft = build_draft(spec_path, options)
    write(draft, output, force=force)
    return draft


__all__ = ["LAYOUTS", "ORIGINALS", "AssembleOptions", "CpcDraftError", "assemble", "build_draft"]
