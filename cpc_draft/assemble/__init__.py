"""Assemble: a compact spec and the clause library -> a draft's blocks, per language.

The spec is read and validated (`spec`), the statutory gate names what it lacks (`gate`),
each clause renders in a sandbox (`templating`) from the values of one language
(`context`, `formatting`, `wording`), and the rendered markup becomes blocks (`markup`).
`render/` writes those blocks as .docx, .pdf or .md.

This wing's records are NamedTuples rather than frozen dataclasses: as immutable and as
typed, but made at import without generating and compiling methods, and a cold
`assemble` imports every one of them.
"""

from cpc_draft.assemble.build import AssembleOptions, assemble, build_draft

__all__ = ["AssembleOptions", "assemble", "build_draft"]
