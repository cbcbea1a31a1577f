"""A small DOM for the HTML report tests: the page parsed with the standard library's
HTMLParser into nodes (tag, attributes, children), and hostile lines to put in drafts."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

HOSTILE_LINES = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "</td></tr></table><style>body{display:none}</style>",
)


# -- a small DOM, so that tests ask about elements and not about strings ---------------------


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list = field(default_factory=list)  # Node or str

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)
        ]


class _TreeBuilder(HTMLParser):
    VOID = frozenset({"meta", "br", "img", "input", "link", "hr", "col", "source", "wbr", "area"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in self.VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        assert node is not self.root, f"</{tag}> closes nothing"
        self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(page: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.current is builder.root, f"<{builder.current.tag}> is never closed"
    return builder.root


def by_id(dom: Node) -> dict[str, Node]:
    ids: dict[str, Node] = {}
    for node in dom.iter():
        if "id" in node.attrs:
            assert node.attrs["id"] not in ids, f"duplicate id {node.attrs['id']}"
            ids[node.attrs["id"]] = node
    return ids
