"""One page as PDFium gives it: its coordinates turned upright, what was noticed on it,
and what those notes say about the file's text layer (scanned, blank, undecodable)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cpc_draft.errors import InputFileError


@dataclass
class PageStats:
    """What was noticed reading one page, for the warnings about the whole file."""

    number: int
    chars: int = 0  # characters of the page's text (running headers and footers aside)
    undecodable: int = 0
    images: int = 0
    notes: list[str] = field(default_factory=list)


class Transform:
    """PDF user space -> display points, origin top-left, y down, page rotation applied."""

    def __init__(self, bbox, rotation: int) -> None:
        self.left, self.bottom, self.right, self.top = bbox
        self.rotation = rotation % 360
        width, height = self.right - self.left, self.top - self.bottom
        self.width, self.height = (height, width) if self.rotation in (90, 270) else (width, height)
        self.page_width, self.page_height = width, height

    def point(self, x: float, y: float) -> tuple[float, float]:
        x, y = x - self.left, y - self.bottom
        if self.rotation == 90:
            return y, x
        if self.rotation == 180:
            return self.page_width - x, y
        if self.rotation == 270:
            return self.page_height - y, self.page_width - x
        return x, self.page_height - y

    def box(self, left: float, top: float, right: float, bottom: float):
        if self.rotation == 0:
            x = self.left
            y = self.top
            return left - x, right - x, y - top, y - bottom
        ax, ay = self.point(left, top)
        bx, by = self.point(right, bottom)
        return min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)


def text_layer_problems(path: Path, stats: list[PageStats]) -> list[str]:
    """The pages' notes and warnings about the text layer; no text at all is refused."""
    warnings = [note for page in stats for note in page.notes]
    total = sum(page.chars for page in stats)
    if total == 0:
        if any(page.images for page in stats):
            raise InputFileError(path, "has no text layer (a scanned image?); run OCR first")
        blank = (
            "its only page is blank" if len(stats) == 1 else f"its {len(stats):,} pages are blank"
        )
        raise InputFileError(path, f"has no text: {blank}")
    scanned = [page.number for page in stats if page.chars == 0 and page.images]
    if scanned:
        listed = page_ranges(scanned)
        noun = "page" if len(scanned) == 1 else "pages"
        warnings.append(
            f"{noun} {listed} have no text layer (scanned images?); their text is missing; "
            "run OCR first"
            if len(scanned) > 1
            else f"page {listed} has no text layer (a scanned image?); its text is missing; "
            "run OCR first"
        )
    undecodable = sum(page.undecodable for page in stats)
    if undecodable > 0.05 * total:
        warnings.append(
            f"{undecodable:,} of {total:,} characters could not be decoded (fonts without a "
            "Unicode map); parts of the text may read as garbage"
        )
    return warnings


def page_ranges(numbers: list[int]) -> str:
    """[2, 3, 4, 7] -> "2–4, 7"."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)
