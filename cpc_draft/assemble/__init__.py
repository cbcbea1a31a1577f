"""Assemble: a compact spec and the clause library -> a draft's blocks, per language.

The spec is read and validated (`spec`), the statutory gate names what it lacks (`gate`),
each clause renders in a sandbox (`templating`) from the values of one language
(`context`, `formatting`, `wording`), and the rendered markup becomes blocks (`markup`).
`render/` writes those blocks as .docx, .pdf or .md.
"""

from cpc_draft.assemble.build import AssembleOptions, assemble, build_draft

__all__ = ["AssembleOptions", "assemble", "build_draft"]
