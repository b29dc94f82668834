"""Layout styles for sample PDFs: the same content laid out twice, so page
and row breaks fall in different places."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Margins:
    """Page margins in cm."""

    top: float
    bottom: float
    left: float
    right: float


@dataclass(frozen=True)
class Layout:
    name: str
    font: str
    body_pt: float
    table_pt: float
    small_pt: float  # "Nơi nhận" list
    line_spacing: float
    para_after_pt: float
    first_indent_cm: float
    portrait: Margins
    landscape: Margins
    width_jitter: float  # fraction by which column widths are perturbed, alternating sign
    repeat_header: bool = True  # table header rows repeat at the top of each continuation page
    number_row: bool = False  # a "(1) (2) (3) …" column-numbering row under the table header
    outer_border_eighths: int = 4  # table outer border width in 1/8 pt (inner rules stay 4)


STYLE_A = Layout(
    name="a",
    font="Times New Roman",
    body_pt=13,
    table_pt=12,
    small_pt=11,
    line_spacing=1.1,
    para_after_pt=6,
    first_indent_cm=1.0,
    portrait=Margins(top=2.0, bottom=2.0, left=3.0, right=1.5),
    landscape=Margins(top=2.0, bottom=1.5, left=2.0, right=1.5),
    width_jitter=0.0,
)

STYLE_B = Layout(
    name="b",
    font="Liberation Serif",
    body_pt=14,
    table_pt=11,
    small_pt=12,
    line_spacing=1.0,
    para_after_pt=4,
    first_indent_cm=1.27,
    portrait=Margins(top=2.5, bottom=2.0, left=3.5, right=2.0),
    landscape=Margins(top=1.8, bottom=1.8, left=2.5, right=2.0),
    width_jitter=0.05,
)

#: Further from the other two: a wider serif at 12 pt, tight margins, small table
#: text, header rows printed once (not repeated on continuation pages), a
#: column-numbering row under the header and heavier outer borders.
STYLE_C = Layout(
    name="c",
    font="DejaVu Serif",
    body_pt=12,
    table_pt=10.5,
    small_pt=10,
    line_spacing=1.0,
    para_after_pt=3,
    first_indent_cm=0.8,
    portrait=Margins(top=1.5, bottom=1.5, left=2.0, right=1.5),
    landscape=Margins(top=1.2, bottom=1.2, left=1.5, right=1.2),
    width_jitter=-0.08,
    repeat_header=False,
    number_row=True,
    outer_border_eighths=12,
)

#: Style a without first-line indents: paragraphs told apart only by 6 pt spacing (as
#: some communes print them), lines 1.15 apart.
STYLE_D = replace(STYLE_A, name="d", line_spacing=1.15, para_after_pt=6, first_indent_cm=0.0)

STYLES: dict[str, Layout] = {s.name: s for s in (STYLE_A, STYLE_B, STYLE_C, STYLE_D)}


def perturb_widths(widths: list[float], jitter: float) -> list[float]:
    """Widths scaled by 1 ± jitter (alternating, the STT column untouched),
    renormalized to sum to 1."""
    if not widths:
        return []
    scaled = [w if i == 0 else w * (1 + jitter * (1 if i % 2 else -1)) for i, w in enumerate(widths)]
    total = sum(scaled)
    return [w / total for w in scaled]
