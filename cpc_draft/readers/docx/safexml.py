"""XML parts parsed safely: no entities, no DTD, no network, bounded nesting and markup.

A part of a package can be turned against a reader in three ways:

- **XML entities** (billion laughs, external entities that read local files) — a part
  that carries a DTD is refused outright; the parser never resolves entities, never
  loads a DTD and never touches the network, so nothing outside the package can leak in.
- **absurd nesting** — libxml2 refuses elements nested deeper than 256 without
  ``huge_tree``; that error becomes a clear message.
- **markup floods** — a 50 MB part of empty elements or attributes becomes a 1.5 GB
  tree. The markup is counted before parsing and refused past a budget that keeps a
  parsed tree under about 400 MB (a 600-page draft uses a tenth of it).

Every failure is an :class:`InputFileError` (made by the caller's ``fail``) naming the part.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from cpc_draft.errors import InputFileError

_DOCTYPE_MARKS = tuple(
    "<!DOCTYPE".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_DTD_PROBLEM = "{name} contains a DTD (XML entity declarations are refused)"


def hardened_parser() -> etree.XMLParser:
    """No entity resolution, no DTD loading or validation, no network, libxml2's default
    depth and size limits (no ``huge_tree``). A new parser per document: lxml parsers are
    not safe to share between threads."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


def parse_xml(
    data: bytes, name: str, *, markup_limit: int, fail: Callable[[str], InputFileError]
) -> etree._Element:
    """Parse part ``name`` with entities, DTDs and the network off; refuse a DTD outright,
    and markup past ``markup_limit`` ("<" once and "=" twice) before parsing."""
    if any(mark in data for mark in _DOCTYPE_MARKS):
        raise fail(_DTD_PROBLEM.format(name=name))
    markup = data.count(b"<") + 2 * data.count(b"=")
    if markup > markup_limit:
        raise fail(
            f"{name} is too large to read safely ({markup:,} tags and attributes; "
            f"the limit is {markup_limit:,})"
        )
    try:
        root = etree.fromstring(data, hardened_parser())
    except etree.XMLSyntaxError as error:
        raise fail(_syntax_problem(error, name)) from None
    except (ValueError, MemoryError) as error:
        raise fail(f"{name} cannot be parsed as XML ({type(error).__name__})") from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:  # e.g. in UTF-32 or EBCDIC
        raise fail(_DTD_PROBLEM.format(name=name))
    return root


def _syntax_problem(error: etree.XMLSyntaxError, name: str) -> str:
    """What libxml2's refusal means for the user, in one line."""
    message = (error.msg or str(error)).lower()
    if error.code == etree.ErrorTypes.ERR_NO_MEMORY:
        return f"{name} is too large to read in the memory available"
    if "depth" in message:
        return f"{name} nests XML elements more than 256 levels deep; refused"
    if "limit" in message:  # "Resource limit exceeded: Buffer size limit …"
        return f"{name} holds a text or tag too large to read safely"
    line = error.lineno or (error.position[0] if error.position else 0)
    return f"{name} is not well-formed XML (line {line})"
