"""A PDF whose trailer does not name its catalog: no trailer at all, or one without /Root.

PDFium refuses such a file; poppler finds the catalog among the objects and reads it. So
does the reader: a copy of the file ending in a trailer that names the last catalog object
(the newest, where incremental updates add one) is handed to PDFium, which rebuilds the
cross-reference table around it.
"""

from __future__ import annotations

import re
from collections import deque

_CATALOG = re.compile(rb"/Type\s*/Catalog\b")
_HEADER = re.compile(rb"(\d{1,10})\s+(\d{1,5})\s+obj\b")
_DICTIONARY_REACH = 4096  # how far before /Type /Catalog its "N 0 obj" may lie


def with_catalog_named(data: bytes) -> bytes | None:
    """``data`` ending in a trailer that names its catalog, when one is found; else None."""
    last = deque(_CATALOG.finditer(data), maxlen=1)
    if not last:
        return None
    start = last[0].start()
    begin = data.rfind(b"obj", max(0, start - _DICTIONARY_REACH), start)
    if begin < 0:
        return None
    headers = list(_HEADER.finditer(data, max(0, begin - 20), begin + 3))
    if not headers:
        return None
    number, generation = headers[-1].groups()
    return data + b"\ntrailer\n<< /Root %s %s R >>\n%%%%EOF\n" % (number, generation)
