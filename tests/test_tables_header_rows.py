"""Which rows at the top of a table fragment are its header: by column names, so a
first cell that OCR misread ("STT" as "II") does not turn the header into a group row."""

from __future__ import annotations

import pytest

from kehoach.extract.tables import FragRow, Fragment, count_header_rows

Z = (0.0, 0.0, 0.0, 0.0)


def _fragment(*rows: list[str]) -> Fragment:
    return Fragment(page=1, bbox=Z, xs=[float(i) for i in range(len(rows[0]) + 1)],
                    rows=[FragRow(list(r), Z, [(i, i + 1) for i in range(len(r))]) for r in rows])


TASK_HEADER = ["STT", "Nhiệm vụ", "Giải pháp thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
DATA = ["1", "Ban hành Quy chế", "Rà soát, phân công", "Văn phòng HĐND và UBND xã", "Công an xã", "Quý I/2026"]


@pytest.mark.parametrize("first", ["STT", "II", "11", "I", "TT"])
def test_header_row_whatever_its_first_cell_reads(first: str) -> None:
    assert count_header_rows(_fragment([first, *TASK_HEADER[1:]], DATA)) == 1


def test_group_and_data_rows_are_not_headers() -> None:
    assert count_header_rows(_fragment(["II", "Chuyển đổi số", "", "", "", ""], DATA)) == 0
    assert count_header_rows(_fragment(DATA, DATA)) == 0
    # below a header, a row numbered like a group row ends the header even if wordy
    assert count_header_rows(_fragment(TASK_HEADER, ["II", "Nhiệm vụ", "Giải pháp", "Chủ trì", "", ""])) == 1
