"""Tasks stated in the prose of the tasks section ("III. NHIỆM VỤ VÀ GIẢI PHÁP", …).

The section's items form an outline read from their numbering: "1." groups, "1.1."/"a)"
items, "- " bullets. Each leaf becomes one `Task` (source "prose"): a "1.1." item with
no children, a bullet, or a "1." item with no children. Unnumbered paragraphs are the
section's introduction and yield nothing, unless they are the only content of a
numbered group (then each is a task). A group titled "Giải pháp …" inside the section
is skipped, as are whole "MỤC ĐÍCH, YÊU CẦU" and "GIẢI PHÁP" sections.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from kehoach.extract.model import Block
from kehoach.extract.prose.nlp import agencies_in
from kehoach.extract.prose.sections import Marker, as_bullet, is_closing_para, marker, split_sections
from kehoach.normalize.text import clean, fold
from kehoach.schema.plan import Group, Task

__all__ = ["parse_prose_tasks", "outline", "Node"]

_SKIPPED_GROUPS = ("giải pháp", "mục đích", "yêu cầu", "kinh phí", "tổ chức thực hiện")


@dataclass(slots=True)
class Node:
    """One item of the outline: a numbered item, a bullet, or an unnumbered paragraph."""

    block: Block
    marker: Optional[Marker]
    children: list["Node"] = field(default_factory=list)

    @property
    def kind(self) -> str:
        if self.marker is not None:
            return f"level{self.marker.level}"
        return "bullet" if self.block.kind == "bullet" else "text"

    @property
    def text(self) -> str:
        return self.marker.rest if self.marker is not None else (clean(self.block.text) or "")

    @property
    def title(self) -> str:
        return self.text.rstrip(" :;")


def outline(blocks: Iterable[Block]) -> list[Node]:
    """A section's blocks as a tree: "1." > "1.1."/"a)" > bullets; tables dropped."""
    roots: list[Node] = []
    level2: Optional[Node] = None
    level3: Optional[Node] = None
    for block in map(as_bullet, blocks):
        if block.kind == "table" or is_closing_para(block):
            continue
        m = marker(block)
        if m is not None and m.level == 1:
            continue
        node = Node(block, m)
        if m is not None and m.level == 2:
            roots.append(node)
            level2, level3 = node, None
        elif m is not None and m.level == 3:
            (level2.children if level2 else roots).append(node)
            level3 = node
        else:
            parent = level3 or level2
            (parent.children if parent else roots).append(node)
    return roots


def _task(node: Node, group: Optional[Node]) -> Task:
    name = node.text
    task = Task(
        source="prose",
        group=Group(code=group.marker.code, title=group.title) if group and group.marker else None,
        ordinal=node.marker.code if node.marker else "",
        name=name,
        page=node.block.page,
        bbox=node.block.bbox,
    )
    task.agencies_mentioned = agencies_in(name)
    return task


def _items(nodes: list[Node]) -> list[Node]:
    """Numbered items and bullets: what makes the node above them a group, not a task."""
    return [n for n in nodes if n.kind != "text"]


def _is_pointer(node: Node) -> bool:
    """ "Nhiệm vụ cụ thể … tại Phụ lục II kèm theo Kế hoạch này.": a reference, not a task."""
    return "phụ lục" in fold(node.text)


def _leaves(nodes: list[Node], parent: Optional[Node]) -> Iterable[Task]:
    for node in nodes:
        if node.kind == "text":
            # an unnumbered paragraph is a task only as the sole kind of content of a
            # numbered group ("1. Về …" then paragraphs); else it is an introduction or a note
            if parent is not None and parent.kind == "level2" and not _items(nodes) and not _is_pointer(node):
                yield _task(node, parent)
            continue
        if node.marker is not None and fold(node.title).startswith(_SKIPPED_GROUPS):
            continue
        prose_children = [n for n in node.children if n.kind == "text" and not _is_pointer(n)]
        if _items(node.children) or (node.kind == "level2" and prose_children):
            yield from _leaves(node.children, node)
        else:
            yield _task(node, parent)


def parse_prose_tasks(blocks: Iterable[Block]) -> list[Task]:
    """Every prose task of the plan's tasks section(s), in reading order."""
    tasks: list[Task] = []
    for section in split_sections(blocks):
        if section.key == "tasks":
            tasks.extend(_leaves(outline(section.blocks), None))
    return tasks
