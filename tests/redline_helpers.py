"""Test helpers for redlines: reject every tracked change ourselves, or have LibreOffice
accept and reject them all.

Our reader already reads a .docx accepted-all; :func:`reject_all` is the other direction,
written from the meaning of the markup (not from the writer's code): inserted content and
inserted rows go, deleted content comes back, and a paragraph whose mark was inserted runs
on into the next paragraph, as Word joins them.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import tempfile
import zipfile
from html import escape
from pathlib import Path

from lxml import etree

from cpc_draft.render.pdf import find_soffice

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAIN_PART = "word/document.xml"
MACRO = Path(__file__).parent / "data" / "redline" / "review.bas"
LIBREOFFICE_TIMEOUT_SECONDS = 180


def w(name: str) -> str:
    return f"{{{W}}}{name}"


# -- reject-all, by hand --------------------------------------------------------------------


def reject_all(package: bytes) -> bytes:
    """The package with every tracked change rejected."""
    root = etree.fromstring(main_part(package))
    ranges = ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")
    for element in list(root.iter(*(w(name) for name in ranges))):
        element.getparent().remove(element)  # markers only: what they enclose is marked too
    for row in [trpr.getparent() for trpr in root.iter(w("trPr")) if _has(trpr, "ins")]:
        row.getparent().remove(row)
    for element in list(root.iter(w("ins"), w("moveTo"))):
        if element.getparent().tag not in (w("rPr"), w("trPr")):
            element.getparent().remove(element)
    for paragraph in [p for p in root.iter(w("p")) if _mark_changed(p, ("ins", "moveTo"))]:
        _join_with_next(paragraph)
    for element in list(root.iter(w("del"), w("moveFrom"))):
        parent = element.getparent()
        if parent.tag in (w("rPr"), w("trPr")):
            parent.remove(element)  # a deleted mark or row stays
        else:
            _unwrap(element)
    for element in root.iter(w("delText")):
        element.tag = w("t")
    return replace_main_part(package, etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def _has(properties: etree._Element, name: str) -> bool:
    return properties.find(w(name)) is not None


def _mark_changed(paragraph: etree._Element, names: tuple[str, ...]) -> bool:
    mark = paragraph.find(f"{w('pPr')}/{w('rPr')}")
    return mark is not None and any(_has(mark, name) for name in names)


def _join_with_next(paragraph: etree._Element) -> None:
    """Remove the paragraph's mark: its content runs on at the start of the next one."""
    following = paragraph.getnext()
    if following is None or following.tag != w("p"):
        raise AssertionError("an inserted paragraph mark must be followed by a paragraph")
    content = [child for child in paragraph if child.tag != w("pPr")]
    anchor = following.find(w("pPr"))
    position = 0 if anchor is None else following.index(anchor) + 1
    for offset, child in enumerate(content):
        following.insert(position + offset, child)
    paragraph.getparent().remove(paragraph)


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    position = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(position + offset, child)
    parent.remove(element)


def main_part(package: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return archive.read(MAIN_PART)


def replace_main_part(package: bytes, xml: bytes) -> bytes:
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = xml if item.filename == MAIN_PART else source.read(item)
            target.writestr(item, data)
    return output.getvalue()


# -- LibreOffice's own Accept All / Reject All -------------------------------------------------


def libreoffice_accept_and_reject(source: Path, folder: Path) -> tuple[Path, Path]:
    """Have LibreOffice accept all and reject all tracked changes of ``source`` (two .docx
    files in ``folder``), through the Basic macro in tests/data/redline/review.bas.

    ``soffice --headless macro:///…`` runs a macro from the user profile. A profile that
    does not exist yet is filled from LibreOffice's presets at start-up, which would
    overwrite our macro, so a throw-away profile is first initialised, then given the
    macro, then used.
    """
    soffice = find_soffice()
    assert soffice is not None, "LibreOffice (soffice) is needed"
    accepted, rejected = folder / "accepted.docx", folder / "rejected.docx"
    paths = (source, accepted, rejected)
    assert not any('"' in str(path) for path in paths), "paths are quoted in the macro URL"
    with tempfile.TemporaryDirectory(prefix="cpc-draft-lo-macro-") as profile:
        base = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless"]
        _run([*base, "--norestore", "--terminate_after_init"])
        _install_macro(Path(profile) / "user" / "basic" / "Standard")
        arguments = ",".join(f'"{path}"' for path in paths)
        _run([*base, "--norestore", f"macro:///Standard.Review.Main({arguments})"])
    missing = [path.name for path in (accepted, rejected) if not path.exists()]
    assert not missing, f"LibreOffice's macro did not write {missing}"
    return accepted, rejected


def _install_macro(library: Path) -> None:
    """Our module as the only one of the Standard Basic library."""
    source = escape(MACRO.read_text("utf-8"), quote=True)
    (library / "Review.xba").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" '
        '"module.dtd">\n'
        '<script:module xmlns:script="http://openoffice.org/2000/script" '
        f'script:name="Review" script:language="StarBasic">{source}</script:module>\n',
        "utf-8",
    )
    (library / "script.xlb").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" '
        '"library.dtd">\n'
        '<library:library xmlns:library="http://openoffice.org/2000/library" '
        'library:name="Standard" library:readonly="false" library:passwordprotected="false">'
        '<library:element library:name="Review"/></library:library>\n',
        "utf-8",
    )


def _run(command: list[str]) -> None:
    """Run soffice in its own process group, so a hung run is stopped with its children."""
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        _, errors = process.communicate(timeout=LIBREOFFICE_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise AssertionError(
            f"LibreOffice did not finish within {LIBREOFFICE_TIMEOUT_SECONDS} s: {command[-1]}"
        ) from None
    assert process.returncode == 0, f"soffice failed: {errors.decode(errors='replace')}"
