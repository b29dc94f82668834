"""Tasks stated in the prose of the tasks section ("III. NHIỆM VỤ VÀ GIẢI PHÁP", …).

The section's items form an outline read from their numbering and bullet symbols: "1."
> "1.1." > "1.1.1." by their depth, letters ("a)", "a.", "a/") under the numbered item
above them, bullets under the deepest item; a bullet symbol not yet open ("+" under
"-") nests, one already open closes what is under it. Each leaf becomes one `Task`
(source "prose"): a numbered item with no children, or a bullet; its `group` is the
nearest numbered item above it. Unnumbered paragraphs are the section's introduction and
yield nothing, unless they are the only content of a "1." group or of a deeper item
printed as a short title ("1.1. Về dịch vụ công"): then each is a task.

Not tasks: a group titled "Giải pháp …" inside the section, whole "MỤC ĐÍCH, YÊU CẦU"
and "GIẢI PHÁP" sections, a pointer to an appendix ("Chi tiết tại Phụ lục II"), a
heading whose only content is a table or such a pointer, a bullet ending in ":" that
leads in the bullets after it, and labelled lines under an item ("- Chủ trì: …",
"- Thời gian: …"). Labelled fields in an item's text or lines ("Chủ trì: Phòng Văn hóa -
Xã hội; thời gian: Quý II/2026") are kept in extra fields only (`stated_lead_raw`,
`stated_lead`, `stated_partners_raw`, `stated_partners`, `stated_deadline`,
`stated_output`, and `name_without_fields` when they are inline): the contract reads `lead`, `partners` and `deadline` from task tables,
and a prose task's `name` is its text as printed.

A plan with no tasks section but a "2. Nhiệm vụ" part inside another section ("II. MỤC
TIÊU, NHIỆM VỤ") takes its tasks from that part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from kehoach.extract.model import Block
from kehoach.extract.prose.nlp import agencies_in
from kehoach.extract.prose.sections import (
    Marker, as_bullet, bullet_symbol, depth, is_closing_para, marker, split_sections,
)
from kehoach.normalize.deadlines import parse_deadline
from kehoach.normalize.text import clean, fold
from kehoach.schema.plan import Group, Task

__all__ = ["parse_prose_tasks", "outline", "Node", "stated_fields"]

_SKIPPED_GROUPS = ("giải pháp", "mục đích", "yêu cầu", "kinh phí", "tổ chức thực hiện")

# Labelled fields printed with a task: "Chủ trì: …", "Cơ quan phối hợp: …", "Thời gian
# hoàn thành: …", "Sản phẩm: …". Only a label followed by ":" counts.
_FIELD_LABEL = (
    r"(?:(?:cơ quan|đơn vị|bộ phận)\s+)?(?:chủ trì|phối hợp)(?:\s+thực hiện)?"
    r"|thời (?:gian|hạn)(?:\s+(?:thực hiện|hoàn thành|triển khai))?"
    r"|tiến độ(?:\s+(?:thực hiện|hoàn thành))?"
    r"|(?:sản phẩm|kết quả)(?:\s+(?:đầu ra|dự kiến))?(?:\s*/\s*(?:sản phẩm|kết quả)(?:\s+đầu ra)?)?"
)
_FIELD = re.compile(rf"(?<!\w)(?P<label>{_FIELD_LABEL})\s*:\s*", re.I)
_FIELD_LINE = re.compile(rf"^\s*(?:{_FIELD_LABEL})\s*:", re.I)


def _field_kind(label: str) -> str:
    low = fold(label)
    if "chủ trì" in low:
        return "lead"
    if "phối hợp" in low:
        return "partners"
    if low.startswith(("thời", "tiến độ")):
        return "deadline"
    return "output"


def stated_fields(text: str) -> dict[str, str]:
    """Labelled fields a task's text states: {"lead"|"partners"|"deadline"|"output": value}."""
    text = clean(text) or ""
    found = list(_FIELD.finditer(text))
    out: dict[str, str] = {}
    for i, m in enumerate(found):
        value = text[m.end(): found[i + 1].start() if i + 1 < len(found) else len(text)]
        close = value.find(")")
        if close >= 0 and "(" not in value[:close]:
            value = value[:close]  # "(Chủ trì: …; Thời gian: …)" ends at its bracket
        value = value.strip(" ;,.-–—(")
        if value:
            out.setdefault(_field_kind(m.group("label")), value)
    return out


@dataclass(slots=True)
class Node:
    """One item of the outline: a numbered item, a bullet, an unnumbered paragraph or a table."""

    block: Block
    marker: Optional[Marker]
    children: list["Node"] = field(default_factory=list)
    #: ("num", depth), ("letter", 0), ("bullet", symbol); None for paragraphs and tables
    style: Optional[tuple[str, object]] = None
    #: labelled lines printed under the item ("- Chủ trì: …")
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        if self.block.kind == "table":
            return "table"
        if self.marker is not None:
            return f"level{self.marker.level}"
        return "bullet" if self.block.kind == "bullet" else "text"

    @property
    def text(self) -> str:
        return self.marker.rest if self.marker is not None else (clean(self.block.text) or "")

    @property
    def title(self) -> str:
        return self.text.rstrip(" :;")

    @property
    def is_group_level(self) -> bool:
        """A "1." item: the level whose paragraphs may be its tasks."""
        return self.marker is not None and self.marker.level == 2


def _style(m: Optional[Marker], symbol: Optional[str]) -> Optional[tuple[str, object]]:
    if m is not None:
        return ("num", depth(m)) if m.code[:1].isdigit() else ("letter", 0)
    return ("bullet", symbol) if symbol else None


def _open_for(stack: list[Node], style: tuple[str, object]) -> None:
    """Close the items a new item of `style` does not belong under."""
    if style[0] == "num":
        while stack and not (stack[-1].style[0] == "num" and stack[-1].style[1] < style[1]):
            stack.pop()
    elif any(n.style == style for n in stack):
        while stack[-1].style != style:
            stack.pop()
        stack.pop()
    elif style[0] == "letter":
        while stack and stack[-1].style[0] == "bullet":
            stack.pop()
    elif stack and stack[-1].style[0] == "bullet" and stack[-1].text.rstrip().endswith((".", ";", "!", "?")):
        stack.pop()  # "- Số hóa hồ sơ." then "+ Ký số văn bản.": a whole item, so a sibling


def outline(blocks: Iterable[Block]) -> list[Node]:
    """A section's blocks as a tree: "1." > "1.1." > "1.1.1."/"a)" > bullets > sub-bullets."""
    roots: list[Node] = []
    stack: list[Node] = []

    def attach(parent: Optional[Node], node: Node) -> None:
        (parent.children if parent else roots).append(node)

    def numbered_top() -> Optional[Node]:
        return next((n for n in reversed(stack) if n.marker is not None), None)

    for raw in blocks:
        if raw.kind != "table" and is_closing_para(raw):
            continue
        symbol = bullet_symbol(raw)
        block = as_bullet(raw)
        m = marker(block)
        if m is not None and m.level == 1:
            continue
        if block.kind == "table":
            attach(numbered_top(), Node(block, None))
            continue
        text = m.rest if m is not None else (clean(block.text) or "")
        if m is None and stack and _FIELD_LINE.match(text):
            for kind, value in stated_fields(text).items():
                stack[-1].fields.setdefault(kind, value)
            continue
        style = _style(m, symbol)
        node = Node(block, m, style=style)
        if style is None:
            attach(numbered_top(), node)
            continue
        _open_for(stack, style)
        attach(stack[-1] if stack else None, node)
        stack.append(node)
    return roots


def _registry():
    from kehoach.normalize.agencies import default_registry

    return default_registry()


def _add_stated(task: Task, fields: dict[str, str]) -> None:
    """Labelled fields as extra attributes only; the contract's lead/deadline stay empty."""
    for kind in ("lead", "partners"):
        if kind in fields:
            setattr(task, f"stated_{kind}_raw", fields[kind])
            try:
                names, _ = _registry().resolve_cell(fields[kind])
            except Exception:  # the registry is data; a broken extension must not stop extraction
                names = []
            setattr(task, f"stated_{kind}", names)
    if "deadline" in fields:
        deadline, _ = parse_deadline(fields["deadline"])
        task.stated_deadline = deadline.model_dump(mode="json")
    if "output" in fields:
        task.stated_output = fields["output"]


def _task(node: Node, group: Optional[Node], inherited: dict[str, str]) -> Task:
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
    inline = stated_fields(name)
    _add_stated(task, {**inherited, **node.fields, **inline})
    if inline:
        task.name_without_fields = _without_fields(name)
    return task


def _without_fields(text: str) -> str:
    """The task's text before its labelled fields: "Xây dựng Kế hoạch … (Chủ trì: …)" → "Xây dựng Kế hoạch …"."""
    m = _FIELD.search(text)
    head = text[: m.start()] if m else text
    head = re.sub(r"[\s(\[–—-]+$", "", head)
    return head.rstrip(" ;,") or text


def _items(nodes: list[Node]) -> list[Node]:
    """Numbered items and bullets: what makes the node above them a group, not a task."""
    return [n for n in nodes if n.kind not in ("text", "table")]


_POINTER_WORDS_BEFORE = 8


def _is_pointer(node: Node) -> bool:
    """A reference to an appendix, not a task: "Nhiệm vụ cụ thể … tại Phụ lục II kèm theo
    Kế hoạch này.", "(Chi tiết tại Phụ lục II)". A paragraph is one whenever it names an
    appendix; a numbered item or bullet only when little precedes "Phụ lục" in it."""
    text = fold(node.text)
    at = text.find("phụ lục")
    if at < 0:
        return False
    if node.kind == "text":
        return True
    return len(text[:at].split()) <= _POINTER_WORDS_BEFORE and len(text.split()) <= 30


def _is_skipped_group(node: Node) -> bool:
    """ "2. Giải pháp", "4. Tổ chức thực hiện" inside the tasks section: a group (with items,
    or a short heading) of what is not a task; "1.3. Tổ chức thực hiện các hoạt động hưởng
    ứng Ngày Chuyển đổi số quốc gia." is a task."""
    if not fold(node.title).startswith(_SKIPPED_GROUPS):
        return False
    return bool(node.children) or (len(node.title.split()) <= 8 and not node.text.rstrip().endswith("."))


def _is_lead_in(node: Node, following: Optional[Node]) -> bool:
    """ "- Triển khai các nền tảng số:" before the bullets it introduces."""
    return (node.kind == "bullet" and node.text.rstrip().endswith(":")
            and following is not None and following.kind == "bullet")


_TITLE_WORDS = 12


def _takes_paragraphs(node: Node) -> bool:
    """Whether the paragraphs under a numbered item are its tasks: under a "1." item, or
    under a deeper one printed as a short title ("1.1. Về dịch vụ công", "a) Kinh tế số:");
    under a "1.1." task sentence they are notes."""
    if node.is_group_level:
        return True
    text = node.text.rstrip()
    return node.marker is not None and not text.endswith((".", ";", "!", "?")) \
        and len(text.split()) <= _TITLE_WORDS


def _leaves(nodes: list[Node], group: Optional[Node], inherited: dict[str, str]) -> Iterable[Task]:
    items = _items(nodes)
    has_table = any(n.kind == "table" for n in nodes)
    for i, node in enumerate(nodes):
        if node.kind == "table":
            continue
        if node.kind == "text":
            # an unnumbered paragraph is a task only as the sole kind of content of a
            # numbered group ("1. Về …" then paragraphs); else it is an introduction or a note
            if group is not None and _takes_paragraphs(group) and not items and not has_table \
                    and not _is_pointer(node) and not node.text.rstrip().endswith(":"):
                yield _task(node, group, inherited)
            continue
        if node.marker is not None and _is_skipped_group(node):
            continue
        if _is_pointer(node):
            continue
        own = {**inherited, **stated_fields(node.text), **node.fields}
        children = node.children
        prose = [n for n in children if n.kind == "text" and not _is_pointer(n)]
        below = node if node.marker is not None else group
        if _items(children) or (_takes_paragraphs(node) and prose
                                and not any(n.kind == "table" for n in children)):
            yield from _leaves(children, below, own)
        elif children and not prose and not node.text.rstrip().endswith((".", ";", "!", "?")):
            continue  # a heading over a table or a pointer to an appendix
        elif _is_lead_in(node, nodes[i + 1] if i + 1 < len(nodes) else None):
            continue
        else:
            yield _task(node, group, inherited)


def _task_parts(sections) -> Iterable[list[Block]]:
    """The tasks sections; failing those, "Nhiệm vụ …" parts of other sections."""
    whole = [s.blocks for s in sections if s.key == "tasks"]
    if whole:
        yield from whole
        return
    for s in sections:
        if s.key in ("preamble", "solutions", "organisation") or fold(s.title).startswith(("mục đích", "yêu cầu")):
            continue  # never MỤC ĐÍCH, YÊU CẦU or GIẢI PHÁP; "QUAN ĐIỂM, MỤC TIÊU, NHIỆM VỤ" may hold tasks
        part: Optional[list[Block]] = None
        for block in s.blocks:
            m = marker(block)
            if m is not None and m.level == 2:
                if part:
                    yield part
                part = [block] if fold(m.rest).startswith(("nhiệm vụ", "các nhiệm vụ")) else None
            elif part is not None:
                part.append(block)
        if part:
            yield part


def parse_prose_tasks(blocks: Iterable[Block]) -> list[Task]:
    """Every prose task of the plan's tasks section(s), in reading order."""
    tasks: list[Task] = []
    for part in _task_parts(split_sections(blocks)):
        tasks.extend(_leaves(outline(part), None, {}))
    return tasks
