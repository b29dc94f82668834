"""Author the variation samples 005_binh_loc_multi and 006_nam_da_grouplead.

Each plan is written once here, as content; this script emits its doc-model
(samples/docmodel/<stem>.doc.json) and its gold (samples/docmodel/<stem>.plan.json,
pages null) from that one source, so the two cannot drift apart. The gold's
parsed values (targets, deadlines, canonical agencies) are written out by hand
below, not computed by the package's normalizers: they are the expected answer.

    python tools/variant_samples.py            # then: python tools/build_samples.py --only <stem>

005_binh_loc_multi  a phường plan: the indicator table sits in the body (section II,
                    portrait) with a two-row header of year columns; the appendix task
                    table has a sub-task column; a task's STT and name cells are merged
                    down over its sub-task rows (doc-model rows: empty cells; the table's
                    "merge_down" lists the columns the renderer merges).
006_nam_da_grouplead a xã plan whose task table has no lead column: its group rows
                    name the lead agency ("IV | CÔNG AN XÃ"); plus an indicator
                    appendix with one "Kết quả" column and a unit column.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "docmodel"
RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


# --------------------------------------------------------------------------- helpers

def H(level: int, text: str) -> dict:
    return {"type": "heading", "level": level, "text": text}


def P(text: str) -> dict:
    return {"type": "para", "text": text}


def B(text: str) -> dict:
    return {"type": "bullet", "text": text}


def T(raw, kind, op=None, value=None, unit=None, qualifier=None, label=None, year=None) -> dict:
    return {"year": year, "raw": raw, "kind": kind, "op": op, "value": value, "unit": unit,
            "qualifier": qualifier, "label": label}


def D(raw, start=None, end=None, recurrence=None) -> dict:
    return {"raw": raw, "start": start, "end": end, "recurrence": recurrence}


def legal(kind, doc_type, number, date, issuer, raw) -> dict:
    return {"kind": kind, "doc_type": doc_type, "number": number, "date": date, "issuer": issuer,
            "raw": raw.rstrip(";")}


def task(source, group, ordinal, name, *, subtask=None, output=None, lead_raw=None, lead=(),
         partners_raw=None, partners=(), deadline=None, note=None) -> dict:
    return {"source": source, "group": group, "ordinal": ordinal, "name": name, "subtask": subtask,
            "solution": None, "output": output, "kpi": None, "lead_raw": lead_raw, "lead": list(lead),
            "partners_raw": partners_raw, "partners": list(partners),
            "deadline": deadline or D(None), "note": note, "page": None}


def prose_tasks(blocks: list[dict], start: str, stop: str) -> list[dict]:
    """Prose tasks of the tasks section: each bullet under a numbered level-2 heading."""
    out, on, group = [], False, None
    for b in blocks:
        if b["type"] == "heading" and b["level"] == 1:
            on = b["text"].startswith(start)
            if b["text"].startswith(stop):
                on = False
            continue
        if not on:
            continue
        if b["type"] == "heading" and b["level"] == 2:
            code, title = b["text"].split(". ", 1)
            group = {"code": code, "title": title}
        elif b["type"] == "bullet":
            out.append(task("prose", group, "", b["text"]))
    return out


def numbered_duties(blocks: list[dict], agencies: dict[str, list[str]]) -> list[dict]:
    """Responsibilities of section V: each numbered level-2 heading and the bullets or
    paragraphs under it (the closing "Trên đây là …" paragraph excluded)."""
    out, on = [], False
    for b in blocks:
        if b["type"] == "heading" and b["level"] == 1:
            on = "TỔ CHỨC THỰC HIỆN" in b["text"]
            continue
        if not on:
            continue
        if b["type"] == "heading" and b["level"] == 2:
            heading = b["text"].split(". ", 1)[1]
            out.append({"heading": heading, "agencies": agencies[heading], "duties": []})
        elif not b["text"].startswith("Trên đây"):
            out[-1]["duties"].append(b["text"])
    return out


def emit(stem: str, *, header: dict, subtitle: list[str], body: list[dict], closing: dict,
         appendices: list[dict], document: dict, legal_paras: list, indicators: list[dict],
         table_tasks: list[dict], responsibilities: list[dict]) -> None:
    """Write the doc-model and the gold of one plan."""
    model = {"model": "doc-model/1", "stem": stem, "header": header, "title": "KẾ HOẠCH", "subtitle": subtitle,
             "body": body, "closing": closing, "appendices": appendices}
    signer = {"name": closing["name"], "position": closing["position"], "authority": closing["authority"]}
    gold = {
        "contract": "plan-json/1",
        "document": {"title": " ".join(subtitle), "doc_type": "Kế hoạch", **document, "signer": signer,
                     "recipients": [r.rstrip(";.") for r in closing["recipients"]], "pages": None},
        "legal_bases": [legal(*meta, raw=text.rstrip(";")) for text, meta in legal_paras],
        "indicators": indicators,
        "tasks": prose_tasks(body, "III.", "IV.") + table_tasks,
        "responsibilities": responsibilities,
        "issues": [],
    }
    write(stem, model, gold)


def write(stem: str, model: dict, gold: dict) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{stem}.doc.json").write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (OUT / f"{stem}.plan.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {stem}: {len(gold['indicators'])} indicators, {len(gold['tasks'])} tasks, "
          f"{len(gold['responsibilities'])} responsibilities")


# --------------------------------------------------------------------- 005 Bình Lộc

def binh_loc() -> None:
    stem = "005_binh_loc_multi"
    legal_paras = [
        ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, "
         "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;",
         ("can_cu", "Nghị quyết", "57-NQ/TW", "2024-12-22", "Bộ Chính trị")),
        ("Căn cứ Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ sửa đổi, bổ sung, cập nhật Chương trình "
         "hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;",
         ("can_cu", "Nghị quyết", "71/NQ-CP", "2025-04-01", "Chính phủ")),
        ("Thực hiện Kế hoạch số 245/KH-UBND ngày 18/8/2025 của Ủy ban nhân dân tỉnh Đồng Nai về thực hiện "
         "Nghị quyết số 57-NQ/TW trên địa bàn tỉnh Đồng Nai;",
         ("thuc_hien", "Kế hoạch", "245/KH-UBND", "2025-08-18", "Ủy ban nhân dân tỉnh Đồng Nai")),
        ("Xét đề nghị của Phòng Văn hóa - Xã hội tại Tờ trình số 58/TTr-VHXH ngày 10/10/2025;",
         ("xet_de_nghi", "Tờ trình", "58/TTr-VHXH", "2025-10-10", "Phòng Văn hóa - Xã hội")),
    ]
    years = [2026, 2027, 2028]
    # Indicator rows: (ordinal, name, unit, [raw per year], [parsed per year], note)
    g1 = ("I", "Chính quyền số và cải cách hành chính")
    g2 = ("II", "Kinh tế số và xã hội số")
    g3 = ("III", "Phát triển nguồn nhân lực số")
    ind = [
        (g1, "1", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình", "%",
         [T("từ 80% trở lên", "numeric", ">=", 80, "%"), T("từ 85% trở lên", "numeric", ">=", 85, "%"),
          T("từ 90% trở lên", "numeric", ">=", 90, "%")], ""),
        (g1, "2", "Thời gian trung bình giải quyết một hồ sơ thủ tục hành chính trên môi trường điện tử", "Ngày",
         [T("≤ 5", "numeric", "<=", 5, "Ngày"), T("≤ 4", "numeric", "<=", 4, "Ngày"),
          T("≤ 3", "numeric", "<=", 3, "Ngày")], ""),
        (g1, "3", "Tỷ lệ văn bản đi, đến được xử lý trên môi trường mạng (trừ văn bản mật)", "%",
         [T("100%", "numeric", "=", 100, "%")] * 3, ""),
        (g1, "4", "Hệ thống camera giám sát an ninh trật tự kết nối Trung tâm giám sát, điều hành thông minh của tỉnh",
         "Hệ thống", [T("-", "none"), T("Có", "boolean", value=True), T("Có", "boolean", value=True)],
         "Triển khai từ năm 2027"),
        (g2, "1", "Số mô hình khu phố số, chợ số, điểm thanh toán không dùng tiền mặt được xây dựng mới", "Mô hình",
         [T("tối thiểu 3", "numeric", ">=", 3, "Mô hình"), T("tối thiểu 5", "numeric", ">=", 5, "Mô hình"),
          T("tối thiểu 5", "numeric", ">=", 5, "Mô hình")], ""),
        (g2, "2", "Tỷ lệ người dân trưởng thành có tài khoản định danh điện tử mức độ 2", "%",
         [T("≥ 90%", "numeric", ">=", 90, "%"), T("≥ 95%", "numeric", ">=", 95, "%"),
          T("≥ 98%", "numeric", ">=", 98, "%")], ""),
        (g2, "3", "Tỷ lệ hộ kinh doanh trên địa bàn phường sử dụng thanh toán không dùng tiền mặt", "%",
         [T("70", "numeric", "=", 70, "%"), T("80", "numeric", "=", 80, "%"),
          T("≥ 90", "numeric", ">=", 90, "%")], ""),
        (g2, "4", "Tỷ lệ hộ gia đình có đường truyền Internet cáp quang băng rộng", "%",
         [T("≥ 92,5%", "numeric", ">=", 92.5, "%"), T("≥ 95%", "numeric", ">=", 95, "%"),
          T("100%", "numeric", "=", 100, "%")], ""),
        (g3, "1", "Số lớp tập huấn kỹ năng số cho cán bộ, công chức và thành viên Tổ công nghệ số cộng đồng",
         "Lớp/năm", [T("02", "numeric", "=", 2, "Lớp/năm"), T("02", "numeric", "=", 2, "Lớp/năm"),
                     T("03", "numeric", "=", 3, "Lớp/năm")], ""),
        (g3, "2", "Tỷ lệ cán bộ, công chức phường được bồi dưỡng kiến thức về khoa học, công nghệ, đổi mới sáng tạo "
         "và chuyển đổi số", "%", [T("100%", "numeric", "=", 100, "%")] * 3, ""),
        (g3, "3", "Sáng kiến, giải pháp ứng dụng công nghệ số được công nhận cấp cơ sở", "Sáng kiến",
         [T("Có", "boolean", value=True), T("ít nhất 2", "numeric", ">=", 2, "Sáng kiến"),
          T("ít nhất 2", "numeric", ">=", 2, "Sáng kiến")], "Cộng dồn"),
    ]
    rows, seen = [], None
    for grp, o, name, unit, targets, note in ind:
        if grp != seen:
            rows.append({"group": grp[0], "text": grp[1]})
            seen = grp
        rows.append({"cells": [o, name, unit, *[t["raw"] for t in targets], note]})
    ind_table = {
        "type": "table",
        "columns": ["TT", "Tên chỉ tiêu", "ĐVT", "Năm 2026", "Năm 2027", "Năm 2028", "Ghi chú"],
        "header": [
            [{"text": "TT", "rowspan": 2}, {"text": "Tên chỉ tiêu", "rowspan": 2}, {"text": "ĐVT", "rowspan": 2},
             {"text": "Chỉ tiêu phấn đấu", "colspan": 3}, {"text": "Ghi chú", "rowspan": 2}],
            ["Năm 2026", "Năm 2027", "Năm 2028"],
        ],
        "rows": rows,
        "widths": [0.06, 0.40, 0.10, 0.11, 0.11, 0.11, 0.11],
    }
    body = [P(t) for t, _ in legal_paras] + [
        P("Ủy ban nhân dân phường Bình Lộc ban hành Kế hoạch thực hiện Nghị quyết số 57-NQ/TW giai đoạn "
          "2026 - 2028 như sau:"),
        H(1, "I. MỤC ĐÍCH, YÊU CẦU"),
        H(2, "1. Mục đích"),
        P("Quán triệt, cụ thể hóa các quan điểm, mục tiêu, nhiệm vụ và giải pháp của Nghị quyết số 57-NQ/TW "
          "phù hợp với điều kiện thực tế của phường; tạo chuyển biến mạnh mẽ trong nhận thức và hành động của cán "
          "bộ, công chức và Nhân dân về vai trò của khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trong "
          "phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh trên địa bàn phường."),
        H(2, "2. Yêu cầu"),
        B("Xác định rõ nội dung công việc, thời hạn hoàn thành, sản phẩm và trách nhiệm của cơ quan, đơn vị chủ "
          "trì, phối hợp; bảo đảm tính khả thi, tránh hình thức."),
        B("Gắn việc thực hiện Kế hoạch với nhiệm vụ phát triển kinh tế - xã hội hằng năm của phường; thường "
          "xuyên kiểm tra, đôn đốc, đánh giá kết quả thực hiện."),
        H(1, "II. MỤC TIÊU"),
        H(2, "1. Mục tiêu chung"),
        P("Phấn đấu đến năm 2028, phường Bình Lộc cơ bản hoàn thành xây dựng chính quyền số, đô thị thông minh ở "
          "cấp cơ sở; kinh tế số, xã hội số phát triển, người dân và doanh nghiệp được thụ hưởng các tiện ích "
          "của chuyển đổi số, góp phần nâng cao chất lượng cuộc sống của Nhân dân."),
        H(2, "2. Mục tiêu cụ thể"),
        P("Các chỉ tiêu chủ yếu giai đoạn 2026 - 2028 như sau:"),
        ind_table,
        H(1, "III. NHIỆM VỤ VÀ GIẢI PHÁP TRỌNG TÂM"),
        P("Các nhiệm vụ cụ thể, đơn vị thực hiện, đơn vị phối hợp và thời hạn hoàn thành được giao tại Phụ lục "
          "kèm theo Kế hoạch này; trong đó tập trung vào các nhóm nhiệm vụ sau:"),
        H(2, "1. Nâng cao nhận thức, đổi mới tư duy về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"),
        B("Đa dạng hóa hình thức tuyên truyền trên Trang thông tin điện tử phường, hệ thống truyền thanh và các "
          "nhóm Zalo khu phố về nội dung Nghị quyết số 57-NQ/TW."),
        B("Đưa chỉ tiêu chuyển đổi số vào tiêu chí đánh giá, xếp loại mức độ hoàn thành nhiệm vụ hằng năm của "
          "tập thể, cá nhân."),
        H(2, "2. Hoàn thiện hạ tầng số, phát triển chính quyền số phường"),
        B("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; kết nối, chia sẻ dữ liệu với các cơ sở dữ liệu "
          "quốc gia, cơ sở dữ liệu chuyên ngành."),
        B("Đầu tư, nâng cấp trang thiết bị công nghệ thông tin tại Trung tâm Phục vụ hành chính công phường bảo "
          "đảm an toàn, an ninh thông tin theo cấp độ."),
        H(2, "3. Phát triển kinh tế số, xã hội số và nguồn nhân lực số"),
        B("Nhân rộng mô hình khu phố số, chợ thanh toán không dùng tiền mặt; hỗ trợ hộ kinh doanh tham gia các "
          "sàn thương mại điện tử."),
        B("Phát huy vai trò của Tổ công nghệ số cộng đồng trong hướng dẫn người dân sử dụng dịch vụ công trực "
          "tuyến và các nền tảng số thiết yếu."),
        H(1, "IV. KINH PHÍ THỰC HIỆN"),
        P("Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách phường theo phân cấp hiện hành, lồng ghép "
          "trong các chương trình, đề án có liên quan và các nguồn kinh phí hợp pháp khác."),
        H(1, "V. TỔ CHỨC THỰC HIỆN"),
        H(2, "1. Phòng Văn hóa - Xã hội"),
        B("Là cơ quan thường trực, chủ trì theo dõi, đôn đốc các cơ quan, đơn vị triển khai thực hiện Kế hoạch; "
          "tổng hợp, báo cáo Ủy ban nhân dân phường định kỳ hằng quý."),
        B("Chủ trì tổ chức tuyên truyền, tập huấn kỹ năng số; hướng dẫn hoạt động của Tổ công nghệ số cộng đồng."),
        H(2, "2. Văn phòng HĐND và UBND phường"),
        B("Tham mưu vận hành hệ thống quản lý văn bản và điều hành, bảo đảm xử lý văn bản trên môi trường mạng "
          "theo chỉ tiêu đề ra."),
        H(2, "3. Phòng Kinh tế, Hạ tầng và Đô thị"),
        B("Chủ trì xây dựng mô hình chợ số, khu phố số; phối hợp các doanh nghiệp viễn thông phát triển hạ tầng "
          "số trên địa bàn phường."),
        H(2, "4. Công an phường"),
        P("Chủ trì thực hiện các chỉ tiêu về định danh điện tử, bảo đảm an ninh, an toàn thông tin; phối hợp lắp "
          "đặt, vận hành hệ thống camera giám sát an ninh trật tự."),
        H(2, "5. Đề nghị Ủy ban MTTQ Việt Nam phường và các tổ chức chính trị - xã hội phường"),
        B("Tăng cường tuyên truyền, vận động đoàn viên, hội viên và Nhân dân tích cực tham gia thực hiện các "
          "nhiệm vụ chuyển đổi số trên địa bàn phường."),
        P("Trên đây là Kế hoạch thực hiện Nghị quyết số 57-NQ/TW giai đoạn 2026 - 2028 của Ủy ban nhân dân "
          "phường Bình Lộc. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời "
          "báo cáo về Ủy ban nhân dân phường (qua Phòng Văn hóa - Xã hội) để xem xét, giải quyết./."),
    ]
    # Task appendix: (ordinal, name, subtask, lead, partners, deadline raw, product)
    G1 = {"code": "I", "title": "Nâng cao nhận thức và hoàn thiện thể chế"}
    G2 = {"code": "II", "title": "Phát triển chính quyền số"}
    G3 = {"code": "III", "title": "Phát triển kinh tế số, xã hội số"}
    VHXH, VP = "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND"
    KTHT = "Phòng Kinh tế, Hạ tầng và Đô thị"  # not a contract agency: kept as printed
    PBDV = "Các phòng, ban, đơn vị trên địa bàn xã"
    trows = [
        (G1, "1", "Tuyên truyền, phổ biến Nghị quyết số 57-NQ/TW",
         "Xây dựng chuyên mục tuyên truyền về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên Trang "
         "thông tin điện tử phường", ("Phòng Văn hóa - Xã hội", [VHXH]),
         ("Văn phòng HĐND và UBND phường", [VP]),
         D("Quý 3/2026", "2026-07-01", "2026-09-30"), "Chuyên mục được duy trì"),
        (G1, "", "", "Tổ chức hội nghị quán triệt Nghị quyết cho cán bộ, công chức, người lao động và Trưởng các "
         "khu phố", ("Phòng Văn hóa - Xã hội", [VHXH]), ("Ủy ban MTTQ Việt Nam phường", ["Ủy ban MTTQ Việt Nam xã"]),
         D("Trước 30/6/2026", None, "2026-06-30"), "Hội nghị được tổ chức"),
        (G1, "", "", "Đăng tải tin, bài tuyên truyền trên nhóm Zalo các khu phố và hệ thống truyền thanh",
         ("Tổ công nghệ số cộng đồng các khu phố", ["Tổ công nghệ số cộng đồng"]),
         ("Trưởng các khu phố", ["Trưởng các khu phố"]),
         D("Hằng quý", recurrence="quarterly"), "Tối thiểu 12 tin, bài/quý"),
        (G1, "2", "Rà soát, ban hành quy chế",
         "Ban hành Quy chế quản lý, vận hành, khai thác Trang thông tin điện tử phường",
         ("Văn phòng HĐND và UBND phường", [VP]), ("Phòng Văn hóa - Xã hội", [VHXH]),
         D("6 tháng đầu năm 2026", "2026-01-01", "2026-06-30"), "Quy chế được ban hành"),
        (G2, "3", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
         "Số hóa 100% hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực từ năm 2020 đến nay",
         ("Trung tâm Phục vụ hành chính công phường", ["Trung tâm Phục vụ hành chính công"]),
         ("Các phòng, ban, đơn vị thuộc phường", [PBDV]),
         D("Năm 2026", "2026-01-01", "2026-12-31"), "Kho dữ liệu số hóa"),
        (G2, "", "", "Kết nối, chia sẻ dữ liệu hồ sơ số hóa với Cơ sở dữ liệu quốc gia về dân cư",
         ("Trung tâm Phục vụ hành chính công phường", ["Trung tâm Phục vụ hành chính công"]),
         ("Công an phường", ["Công an xã"]),
         D("Quý IV/2026", "2026-10-01", "2026-12-31"), "Dữ liệu được kết nối, đồng bộ"),
        (G2, "4", "Vận hành hệ thống quản lý văn bản và điều hành",
         "Xử lý văn bản trên môi trường mạng, sử dụng chữ ký số cho 100% cán bộ, công chức",
         ("Văn phòng HĐND và UBND phường", [VP]), ("Các phòng, ban, đơn vị thuộc phường", [PBDV]),
         D("Thường xuyên", recurrence="continuous"), "Báo cáo hằng tháng"),
        (G2, "", "", "Cấp và sử dụng chữ ký số trên thiết bị di động cho lãnh đạo và công chức thường xuyên "
         "làm việc tại khu phố", ("Văn phòng HĐND và UBND phường", [VP]),
         ("Trung tâm Phục vụ hành chính công phường", ["Trung tâm Phục vụ hành chính công"]),
         D("Quý I/2026", "2026-01-01", "2026-03-31"), "Chữ ký số được cấp, sử dụng"),
        (G2, "5", "Lắp đặt camera giám sát an ninh trật tự",
         "Lắp đặt, kết nối hệ thống camera giám sát an ninh trật tự tại các tuyến đường chính, khu dân cư",
         ("Công an phường", ["Công an xã"]),
         ("Phòng Kinh tế, Hạ tầng và Đô thị; Ban CHQS phường", [KTHT, "Ban Chỉ huy quân sự xã"]),
         D("2026-2028", "2026-01-01", "2028-12-31"), "Hệ thống camera hoạt động ổn định"),
        (G3, "6", "Xây dựng mô hình chợ số, khu phố số",
         "Triển khai mô hình chợ thanh toán không dùng tiền mặt tại chợ Bình Lộc",
         ("Phòng Kinh tế, Hạ tầng và Đô thị", [KTHT]), ("Tổ công nghệ số cộng đồng", ["Tổ công nghệ số cộng đồng"]),
         D("Quý 2/2026", "2026-04-01", "2026-06-30"), "Chợ đạt tiêu chí chợ số"),
        (G3, "", "", "Nhân rộng mô hình khu phố số tại các khu phố",
         ("Phòng Văn hóa - Xã hội", [VHXH]),
         ("Trưởng các khu phố; Tổ công nghệ số cộng đồng", ["Trưởng các khu phố", "Tổ công nghệ số cộng đồng"]),
         D("Tháng 12/2026 và hằng năm", "2026-12-01", "2026-12-31", "annual"), "Tối thiểu 03 khu phố số/năm"),
        (G3, "7", "Phổ cập kỹ năng số cho người dân",
         "Tổ chức lớp tập huấn kỹ năng số, an toàn thông tin cho người dân và hộ kinh doanh",
         ("Phòng Văn hóa - Xã hội", [VHXH]),
         ("Đoàn Thanh niên phường; Hội Liên hiệp Phụ nữ phường", ["Đoàn TNCS Hồ Chí Minh xã", "Hội Liên hiệp Phụ nữ phường"]),
         D("Hằng năm", recurrence="annual"), "02 lớp/năm"),
        (G3, "", "", "Hướng dẫn người dân sử dụng dịch vụ công trực tuyến, ứng dụng VNeID",
         ("Tổ công nghệ số cộng đồng", ["Tổ công nghệ số cộng đồng"]), ("Công an phường", ["Công an xã"]),
         D("Thường xuyên", recurrence="continuous"), "Số người dân được hướng dẫn"),
    ]
    task_rows, seen, tasks_t, last_name = [], None, [], None
    for grp, o, name, sub, (lr, l), (pr, p), dl, prod in trows:
        if grp is not seen:
            task_rows.append({"group": grp["code"], "text": grp["title"]})
            seen = grp
        task_rows.append({"cells": [o, name, sub, lr, pr, dl["raw"], prod]})
        last_name = name or last_name
        tasks_t.append(task("table", grp, o, last_name, subtask=sub, output=prod, lead_raw=lr, lead=l,
                            partners_raw=pr, partners=p, deadline=dl))
    task_table = {
        "type": "table",
        "columns": ["STT", "Nhiệm vụ", "Nhiệm vụ cụ thể", "Đơn vị thực hiện", "Đơn vị phối hợp",
                    "Thời hạn hoàn thành", "Sản phẩm"],
        "header": [["STT", "Nhiệm vụ", "Nhiệm vụ cụ thể", "Đơn vị thực hiện", "Đơn vị phối hợp",
                    "Thời hạn hoàn thành", "Sản phẩm"]],
        "rows": task_rows,
        "merge_down": [0, 1],  # STT and task name cells span their sub-task rows
        "widths": [0.05, 0.17, 0.27, 0.14, 0.15, 0.10, 0.12],
    }
    header = {"left": ["ỦY BAN NHÂN DÂN", "PHƯỜNG BÌNH LỘC"], "number": "Số: 126/KH-UBND", "right": RIGHT,
              "place_date": "Bình Lộc, ngày 15 tháng 10 năm 2025"}
    subtitle = ["Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, "
                "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia trên địa bàn phường Bình Lộc giai đoạn "
                "2026 - 2028"]
    closing = {"recipients": ["Sở Khoa học và Công nghệ tỉnh Đồng Nai;", "Thường trực Đảng ủy phường;",
                              "Thường trực HĐND phường;", "Chủ tịch, các PCT UBND phường;",
                              "Ủy ban MTTQ Việt Nam phường;", "Các phòng, ban, đơn vị thuộc phường;",
                              "Lưu: VT, VHXH."],
               "authority": "TM. ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH", "position_2": None,
               "name": "Trần Quốc Hùng"}
    appendices = [{
            "title": ["PHỤ LỤC", "NHIỆM VỤ TRỌNG TÂM THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW GIAI ĐOẠN 2026 - 2028"],
            "note": "(Kèm theo Kế hoạch số 126/KH-UBND ngày 15/10/2025 của Ủy ban nhân dân phường Bình Lộc)",
            "header_block": True, "orientation": "landscape", "body": [task_table]}]
    indicators = []
    for grp, o, name, unit, targets, _note in ind:
        indicators.append({
            "source": "table", "group": {"code": grp[0], "title": grp[1]}, "ordinal": o, "name": name,
            "unit": unit, "lead_raw": None, "lead": [],
            "targets": [dict(t, year=y) for t, y in zip(targets, years)], "page": None})
    responsibilities = numbered_duties(body, {
        "Phòng Văn hóa - Xã hội": [VHXH], "Văn phòng HĐND và UBND phường": [VP],
        "Phòng Kinh tế, Hạ tầng và Đô thị": [KTHT], "Công an phường": ["Công an xã"],
        "Đề nghị Ủy ban MTTQ Việt Nam phường và các tổ chức chính trị - xã hội phường":
            ["Ủy ban MTTQ Việt Nam xã", "các tổ chức chính trị - xã hội phường"]})
    emit(stem, header=header, subtitle=subtitle, body=body, closing=closing, appendices=appendices,
         document={"number": "126/KH-UBND", "issue_date": "2025-10-15", "issue_year": 2025,
                   "issuer": "Ủy ban nhân dân phường Bình Lộc", "commune": "Bình Lộc", "commune_kind": "phường",
                   "province": "Đồng Nai", "place": "Bình Lộc", "commune_code": "26089"},
         legal_paras=legal_paras, indicators=indicators, table_tasks=tasks_t, responsibilities=responsibilities)


# --------------------------------------------------------------------- 006 Nam Đà

def nam_da() -> None:
    stem = "006_nam_da_grouplead"
    legal_paras = [
        ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển khoa "
         "học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;",
         ("can_cu", "Nghị quyết", "57-NQ/TW", "2024-12-22", "Bộ Chính trị")),
        ("Căn cứ Kế hoạch số 5039/KH-UBND ngày 10/10/2025 của Ủy ban nhân dân tỉnh Lâm Đồng triển khai Nghị "
         "quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ và Kế hoạch hành động số 08-KH/TU ngày 29/8/2025 của Ban "
         "Thường vụ Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW trên địa bàn tỉnh Lâm Đồng;",
         ("can_cu", "Kế hoạch", "5039/KH-UBND", "2025-10-10", "Ủy ban nhân dân tỉnh Lâm Đồng")),
        ("Thực hiện Chương trình hành động số 15-CTr/ĐU ngày 28/11/2025 của Ban Chấp hành Đảng bộ xã Nam Đà "
         "về thực hiện Nghị quyết số 57-NQ/TW;",
         ("thuc_hien", "Chương trình hành động", "15-CTr/ĐU", "2025-11-28", "Ban Chấp hành Đảng bộ xã Nam Đà")),
    ]
    # Indicator appendix: one "Kết quả" column, a unit column and a lead column.
    gi = [("I", "Chính quyền số"), ("II", "Kinh tế số"), ("III", "Xã hội số")]
    VP, VHXH, KT, CA = "Văn phòng HĐND và UBND", "Phòng Văn hóa - Xã hội", "Phòng Kinh tế", "Công an xã"
    ind = [
        (gi[0], "1", "Tỷ lệ thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình",
         "%", T("100%", "numeric", "=", 100, "%"), "Trung tâm Phục vụ hành chính công",
         ["Trung tâm Phục vụ hành chính công"]),
        (gi[0], "2", "Tỷ lệ hồ sơ giải quyết thủ tục hành chính được thực hiện trực tuyến", "%",
         T("Trên 60%", "numeric", ">", 60, "%"), "Trung tâm PVHCC", ["Trung tâm Phục vụ hành chính công"]),
        (gi[0], "3", "Tỷ lệ cán bộ, công chức sử dụng chữ ký số cá nhân trong xử lý công việc", "%",
         T("≥ 95%", "numeric", ">=", 95, "%"), "Văn phòng HĐND-UBND xã", [VP]),
        (gi[1], "4", "Tỷ trọng kinh tế số trong tổng giá trị sản xuất trên địa bàn xã", "%",
         T("Đạt 2,5% GRDP", "numeric", "=", 2.5, "%", qualifier="GRDP"), "Phòng Kinh tế", [KT]),
        (gi[1], "5", "Số sản phẩm OCOP, nông sản chủ lực được đưa lên sàn thương mại điện tử", "Sản phẩm",
         T("05", "numeric", "=", 5, "Sản phẩm"), "Phòng Kinh tế", [KT]),
        (gi[1], "6", "Tỷ lệ hộ sản xuất, kinh doanh sử dụng thanh toán không dùng tiền mặt", "%",
         T("Không dưới 80%", "numeric", ">=", 80, "%"), "Phòng Kinh tế", [KT]),
        (gi[2], "7", "Tỷ lệ người dân từ 14 tuổi trở lên có tài khoản định danh điện tử", "%",
         T("≥ 95%", "numeric", ">=", 95, "%"), "Công an xã", [CA]),
        (gi[2], "8", "Thôn có Tổ công nghệ số cộng đồng hoạt động hiệu quả", "Thôn",
         T("16/16 thôn", "numeric", "=", 16, "Thôn"), "Phòng Văn hóa - Xã hội", [VHXH]),
        (gi[2], "9", "Triển khai hồ sơ sức khỏe điện tử cho người dân", "",
         T("Có", "boolean", value=True), "Trạm Y tế xã", ["Trạm Y tế xã"]),
        (gi[2], "10", "Mức độ ứng dụng học bạ số, sổ điểm điện tử tại các trường học", "",
         T("Mở rộng toàn bộ các khối lớp", "text", label="Mở rộng toàn bộ các khối lớp"),
         "Các trường học trên địa bàn xã", ["Các trường học trên địa bàn xã"]),
    ]
    irows, seen = [], None
    for grp, o, name, unit, tg, lr, _l in ind:
        if grp != seen:
            irows.append({"group": grp[0], "text": grp[1]})
            seen = grp
        irows.append({"cells": [o, name, unit, tg["raw"], lr]})
    ind_table = {
        "type": "table",
        "columns": ["STT", "Tên chỉ tiêu", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì"],
        "header": [["STT", "Tên chỉ tiêu", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì"]],
        "rows": irows,
        "widths": [0.06, 0.46, 0.11, 0.15, 0.22],
    }
    # Task appendix: no lead column; each group row names the lead.
    groups = [
        ("I", "VĂN PHÒNG HĐND VÀ UBND XÃ", [VP]),
        ("II", "PHÒNG VĂN HÓA - XÃ HỘI", [VHXH]),
        ("III", "PHÒNG KINH TẾ", [KT]),
        ("IV", "CÔNG AN XÃ", [CA]),
        ("V", "TRẠM Y TẾ XÃ", ["Trạm Y tế xã"]),
        ("VI", "CÁC TRƯỜNG HỌC TRÊN ĐỊA BÀN XÃ", ["Các trường học trên địa bàn xã"]),
    ]
    trows = [
        (0, "1", "Tham mưu Ủy ban nhân dân xã ban hành Kế hoạch chuyển đổi số, phát triển khoa học, công nghệ và "
         "đổi mới sáng tạo năm 2026", "Kế hoạch được ban hành", D("Tháng 01/2026", "2026-01-01", "2026-01-31"), ""),
        (0, "2", "Duy trì vận hành hệ thống quản lý văn bản và điều hành; bảo đảm 100% văn bản (trừ văn bản mật) "
         "được ký số và gửi, nhận trên môi trường mạng", "Tỷ lệ văn bản điện tử đạt 100%",
         D("Thường xuyên", recurrence="continuous"), ""),
        (0, "3", "Tổng hợp, báo cáo kết quả thực hiện Kế hoạch về Ban Chỉ đạo tỉnh", "Báo cáo định kỳ",
         D("Hằng tháng", recurrence="monthly"), "Trước ngày 20 hằng tháng"),
        (1, "4", "Xây dựng chuyên mục “Chuyển đổi số” trên Trang thông tin điện tử xã và Đài truyền thanh xã",
         "Chuyên mục được duy trì, 02 tin, bài/tháng", D("Quý I/2026", "2026-01-01", "2026-03-31"), ""),
        (1, "5", "Kiện toàn Tổ công nghệ số cộng đồng tại 16 thôn; tổ chức tập huấn kỹ năng số cho thành viên Tổ",
         "Quyết định kiện toàn; 01 lớp tập huấn", D("Quý II/2026", "2026-04-01", "2026-06-30"), ""),
        (1, "6", "Hướng dẫn người dân cài đặt, sử dụng các nền tảng số: VNeID, Cổng Dịch vụ công quốc gia, ứng "
         "dụng thanh toán điện tử", "Tỷ lệ người dân trưởng thành sử dụng dịch vụ công trực tuyến đạt trên 60%",
         D("Năm 2026", "2026-01-01", "2026-12-31"), "Phối hợp Tổ công nghệ số cộng đồng"),
        (2, "7", "Hỗ trợ hộ sản xuất, hợp tác xã đưa sản phẩm OCOP, nông sản chủ lực (cà phê, sầu riêng, mắc ca) "
         "lên sàn thương mại điện tử", "Tối thiểu 05 sản phẩm được đưa lên sàn",
         D("Quý III/2026", "2026-07-01", "2026-09-30"), ""),
        (2, "8", "Triển khai ứng dụng truy xuất nguồn gốc, cấp và quản lý mã số vùng trồng cho sản phẩm nông nghiệp",
         "Mã số vùng trồng được cấp, cập nhật trên hệ thống", D("Từ Quý II/2026", "2026-04-01", None), ""),
        (3, "9", "Đẩy mạnh cấp tài khoản định danh điện tử mức độ 2, làm sạch dữ liệu dân cư phục vụ Đề án 06",
         "Tỷ lệ công dân từ 14 tuổi trở lên có tài khoản định danh điện tử đạt 95%",
         D("Tháng 6/2026", "2026-06-01", "2026-06-30"), ""),
        (3, "10", "Tuyên truyền, phòng ngừa tội phạm lừa đảo trên không gian mạng cho Nhân dân các thôn",
         "Các buổi tuyên truyền tại thôn", D("Hằng quý", recurrence="quarterly"), ""),
        (4, "11", "Triển khai hồ sơ sức khỏe điện tử; khám chữa bệnh bảo hiểm y tế bằng căn cước gắn chíp",
         "Tỷ lệ người dân có hồ sơ sức khỏe điện tử đạt 90%", D("Năm 2026", "2026-01-01", "2026-12-31"), ""),
        (5, "12", "Triển khai học bạ số, sổ điểm điện tử; giáo dục kỹ năng số, an toàn trên không gian mạng cho "
         "học sinh", "100% trường học triển khai học bạ số", D("Năm học 2025-2026", "2025-09-01", "2026-05-31"), ""),
    ]
    task_rows, seen, tasks_t = [], None, []
    for gi_, o, name, out, dl, note in trows:
        code, title, lead = groups[gi_]
        if gi_ != seen:
            task_rows.append({"group": code, "text": title})
            seen = gi_
        task_rows.append({"cells": [o, name, out, dl["raw"], note]})
        tasks_t.append(task("table", {"code": code, "title": title}, o, name, output=out, lead_raw=title,
                            lead=lead, deadline=dl, note=note or None))
    task_table = {
        "type": "table",
        "columns": ["STT", "Nội dung công việc", "Kết quả/Sản phẩm", "Thời gian thực hiện", "Ghi chú"],
        "header": [["STT", "Nội dung công việc", "Kết quả/Sản phẩm", "Thời gian thực hiện", "Ghi chú"]],
        "rows": task_rows,
        "widths": [0.06, 0.44, 0.24, 0.13, 0.13],
    }
    resp = [
        "1. Văn phòng HĐND và UBND xã là cơ quan thường trực, chủ trì theo dõi, đôn đốc các cơ quan, đơn vị triển "
        "khai Kế hoạch; tổng hợp, báo cáo kết quả thực hiện theo quy định.",
        "2. Phòng Văn hóa - Xã hội chủ trì công tác tuyên truyền, phổ biến kỹ năng số; hướng dẫn, kiểm tra hoạt "
        "động của Tổ công nghệ số cộng đồng các thôn.",
        "3. Phòng Kinh tế chủ trì, phối hợp với các cơ quan liên quan tham mưu bố trí kinh phí thực hiện Kế hoạch; "
        "hỗ trợ hộ sản xuất, hợp tác xã ứng dụng công nghệ số trong sản xuất, tiêu thụ sản phẩm.",
        "4. Công an xã chủ trì thực hiện các nhiệm vụ của Đề án 06; bảo đảm an ninh, an toàn thông tin trên địa "
        "bàn xã.",
    ]
    resp_agencies = [[VP], [VHXH], [KT], [CA]]
    body = [P(t) for t, _ in legal_paras] + [
        P("Ủy ban nhân dân xã Nam Đà ban hành Kế hoạch chuyển đổi số, phát triển khoa học, công nghệ và đổi mới "
          "sáng tạo năm 2026 với các nội dung như sau:"),
        H(1, "I. MỤC ĐÍCH, YÊU CẦU"),
        B("Triển khai kịp thời, hiệu quả các nhiệm vụ chuyển đổi số, phát triển khoa học, công nghệ và đổi mới "
          "sáng tạo năm 2026; nâng cao chất lượng phục vụ người dân, doanh nghiệp."),
        B("Phân công cụ thể nhiệm vụ cho từng cơ quan, đơn vị; xác định rõ kết quả, sản phẩm và thời gian thực "
          "hiện."),
        H(1, "II. MỤC TIÊU"),
        P("Phấn đấu năm 2026 xã Nam Đà hoàn thành các chỉ tiêu chuyển đổi số được giao, trong đó tỷ lệ người dân "
          "từ 14 tuổi trở lên có tài khoản định danh điện tử đạt từ 95% trở lên; các chỉ tiêu cụ thể tại Phụ lục I "
          "kèm theo Kế hoạch này."),
        H(1, "III. NHIỆM VỤ, GIẢI PHÁP"),
        H(2, "1. Hoàn thiện thể chế, nâng cao nhận thức"),
        B("Quán triệt Nghị quyết số 57-NQ/TW đến toàn thể cán bộ, đảng viên và Nhân dân; đưa nội dung chuyển đổi "
          "số vào sinh hoạt định kỳ của chi bộ, thôn."),
        H(2, "2. Phát triển hạ tầng số, dữ liệu số"),
        B("Phối hợp các doanh nghiệp viễn thông phủ sóng di động 4G, 5G đến các thôn vùng sâu; xây dựng cơ sở dữ "
          "liệu đất đai, dân cư, nông nghiệp của xã."),
        H(1, "IV. KINH PHÍ THỰC HIỆN"),
        P("Kinh phí thực hiện từ nguồn ngân sách xã năm 2026 và các nguồn huy động hợp pháp khác."),
        H(1, "V. TỔ CHỨC THỰC HIỆN"),
        *[P(t) for t in resp],
        P("Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện Kế hoạch này./."),
    ]
    header = {"left": ["ỦY BAN NHÂN DÂN", "XÃ NAM ĐÀ"], "number": "Số: 58/KH-UBND", "right": RIGHT,
              "place_date": "Nam Đà, ngày 12 tháng 01 năm 2026"}
    subtitle = ["Chuyển đổi số, phát triển khoa học, công nghệ và đổi mới sáng tạo", "trên địa bàn xã Nam Đà năm 2026"]
    closing = {"recipients": ["UBND tỉnh Lâm Đồng (b/c);", "Sở Khoa học và Công nghệ (b/c);",
                              "TT Đảng ủy, TT HĐND xã;", "CT, các PCT UBND xã;", "Các cơ quan, đơn vị thuộc UBND xã;",
                              "Lưu: VT."],
               "authority": "KT. CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH", "position_2": None,
               "name": "Nguyễn Văn Thành"}
    note = "(Kèm theo Kế hoạch số 58/KH-UBND ngày 12/01/2026 của UBND xã Nam Đà)"
    appendices = [
            {"title": ["PHỤ LỤC I", "CHỈ TIÊU CHUYỂN ĐỔI SỐ, PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ VÀ ĐỔI MỚI SÁNG TẠO NĂM 2026"],
             "note": note, "header_block": False, "orientation": "portrait", "body": [ind_table]},
            {"title": ["PHỤ LỤC II", "PHÂN CÔNG NHIỆM VỤ THỰC HIỆN NĂM 2026"],
             "note": note, "header_block": False, "orientation": "landscape", "body": [task_table]},
        ]
    indicators = [{
        "source": "table", "group": {"code": g[0], "title": g[1]}, "ordinal": o, "name": name,
        "unit": unit or None, "lead_raw": lr, "lead": lead, "targets": [dict(tg, year=2026)], "page": None}
        for g, o, name, unit, tg, lr, lead in ind]
    responsibilities = [{"heading": t.split(". ", 1)[1], "agencies": a, "duties": [t.split(". ", 1)[1]]}
                        for t, a in zip(resp, resp_agencies)]
    emit(stem, header=header, subtitle=subtitle, body=body, closing=closing, appendices=appendices,
         document={"number": "58/KH-UBND", "issue_date": "2026-01-12", "issue_year": 2026,
                   "issuer": "Ủy ban nhân dân xã Nam Đà", "commune": "Nam Đà", "commune_kind": "xã",
                   "province": "Lâm Đồng", "place": "Nam Đà", "commune_code": "24697"},
         legal_paras=legal_paras, indicators=indicators, table_tasks=tasks_t, responsibilities=responsibilities)


# ------------------------------------------------------------------ 007 Chiêm Hóa

def chiem_hoa() -> None:
    stem = "007_chiem_hoa_twoheader"
    legal_paras = [
        ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
         ("can_cu", "Luật", None, "2025-06-16", None)),
        ("Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển "
         "đổi số quốc gia đến năm 2025, định hướng đến năm 2030;",
         ("can_cu", "Quyết định", "749/QĐ-TTg", "2020-06-03", "Thủ tướng Chính phủ")),
        ("Thực hiện Kế hoạch số 123/KH-UBND ngày 25/9/2025 của Ủy ban nhân dân tỉnh Tuyên Quang thực hiện Nghị "
         "quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới "
         "sáng tạo và chuyển đổi số quốc gia;",
         ("thuc_hien", "Kế hoạch", "123/KH-UBND", "2025-09-25", "Ủy ban nhân dân tỉnh Tuyên Quang")),
        ("Thực hiện Nghị quyết số 05-NQ/ĐU ngày 10/10/2025 của Ban Chấp hành Đảng bộ xã Chiêm Hóa về chuyển đổi "
         "số giai đoạn 2025 - 2030;",
         ("thuc_hien", "Nghị quyết", "05-NQ/ĐU", "2025-10-10", "Ban Chấp hành Đảng bộ xã Chiêm Hóa")),
    ]
    years = [2026, 2027, 2028, 2029, 2030]
    VP, VHXH, KT, CA = "Văn phòng HĐND và UBND", "Phòng Văn hóa - Xã hội", "Phòng Kinh tế", "Công an xã"

    def pct(*raws):  # "≥ 50%" / "100%" cells of a percentage row
        out = []
        for r in raws:
            op = ">=" if r.startswith("≥") else "="
            out.append(T(r, "numeric", op, float(r.strip("≥ %").replace(",", ".")) if "," in r
                         else int(r.strip("≥ %")), "%"))
        return out

    g1, g2, g3 = ("I", "Hạ tầng số và chính quyền số"), ("II", "Kinh tế số"), ("III", "Xã hội số và nhân lực số")
    # (group, ordinal, name, unit, baseline 2025, targets 2026..2030, lead raw, lead)
    ind = [
        (g1, "1", "Tỷ lệ thôn, bản được phủ sóng mạng di động 4G trở lên", "%", "85%",
         pct("90%", "95%", "100%", "100%", "100%"), "Phòng Văn hóa - Xã hội", [VHXH]),
        (g1, "2", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình", "%", "42%",
         pct("≥ 50%", "≥ 60%", "≥ 70%", "≥ 80%", "≥ 90%"), "Trung tâm PVHCC xã", ["Trung tâm Phục vụ hành chính công"]),
        (g1, "3", "Cơ sở dữ liệu đất đai, dân cư của xã được số hóa, kết nối với cơ sở dữ liệu của tỉnh", "",
         "Chưa có", [T("-", "none"), T("Có", "boolean", value=True), T("Có", "boolean", value=True),
                     T("Có", "boolean", value=True), T("Có", "boolean", value=True)],
         "Phòng Kinh tế, Công an xã", [KT, CA]),
        (g2, "1", "Số hợp tác xã, hộ sản xuất bán sản phẩm trên sàn thương mại điện tử", "Đơn vị", "05",
         [T(r, "numeric", "=", v, "Đơn vị") for r, v in (("08", 8), ("12", 12), ("15", 15), ("18", 18), ("20", 20))],
         "Phòng Kinh tế", [KT]),
        (g2, "2", "Tỷ lệ giao dịch thanh toán không dùng tiền mặt tại chợ trung tâm xã", "%", "30%",
         pct("40%", "50%", "60%", "65%", "70%"), "Phòng Kinh tế", [KT]),
        (g3, "1", "Tỷ lệ người dân từ 15 tuổi trở lên có tài khoản thanh toán điện tử", "%", "55%",
         pct("≥ 60%", "≥ 65%", "≥ 70%", "≥ 75%", "≥ 80%"), "Công an xã, Phòng Văn hóa - Xã hội", [CA, VHXH]),
        (g3, "2", "Tỷ lệ trường học trên địa bàn triển khai học bạ số", "%", "50%",
         pct("100%", "100%", "100%", "100%", "100%"), "Các trường học trên địa bàn", ["Các trường học trên địa bàn xã"]),
        (g3, "3", "Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số, an toàn thông tin", "%", "70%",
         pct("85%", "90%", "95%", "100%", "100%"), "Văn phòng HĐND - UBND xã", [VP]),
    ]
    irows, seen = [], None
    for grp, o, name, unit, base, tg, lr, _l in ind:
        if grp != seen:
            irows.append({"group": grp[0], "text": grp[1]})
            seen = grp
        irows.append({"cells": [o, name, unit, base, *[t["raw"] for t in tg], lr]})
    ind_table = {
        "type": "table",
        "columns": ["STT", "Chỉ tiêu", "ĐVT", "Hiện trạng năm 2025", "2026", "2027", "2028", "2029", "2030",
                    "Cơ quan chủ trì"],
        "header": [
            [{"text": "STT", "rowspan": 2}, {"text": "Chỉ tiêu", "rowspan": 2}, {"text": "ĐVT", "rowspan": 2},
             {"text": "Hiện trạng năm 2025", "rowspan": 2}, {"text": "Mục tiêu phấn đấu", "colspan": 5},
             {"text": "Cơ quan chủ trì", "rowspan": 2}],
            ["2026", "2027", "2028", "2029", "2030"],
        ],
        "rows": irows,
        "widths": [0.05, 0.31, 0.06, 0.09, 0.07, 0.07, 0.07, 0.07, 0.07, 0.14],
    }
    # Task appendix: two-row header ("Cơ quan thực hiện" over "Chủ trì" / "Phối hợp"), a
    # solution and a KPI column, Arabic group rows and "1.1"-style ordinals.
    G = {"1": "Hoàn thiện thể chế, nâng cao nhận thức", "2": "Phát triển hạ tầng số và dữ liệu số",
         "3": "Phát triển kinh tế số, xã hội số"}
    trows = [
        ("1", "1.1", "Ban hành Quy chế hoạt động của Ban Chỉ đạo chuyển đổi số xã",
         "Rà soát, phân công nhiệm vụ cụ thể cho từng thành viên Ban Chỉ đạo",
         ("Văn phòng HĐND và UBND xã", [VP]), ("Các phòng, ban, đơn vị xã", ["Các phòng, ban, đơn vị trên địa bàn xã"]),
         D("Quý I/2026", "2026-01-01", "2026-03-31"), "Quy chế được ban hành"),
        ("1", "1.2", "Tuyên truyền về chuyển đổi số trên hệ thống truyền thanh xã và mạng xã hội",
         "Xây dựng chuyên mục định kỳ; lồng ghép trong các buổi sinh hoạt thôn, bản",
         ("Phòng VH-XH", [VHXH]), ("UBMTTQ xã, Đoàn Thanh niên xã", ["Ủy ban MTTQ Việt Nam xã", "Đoàn TNCS Hồ Chí Minh xã"]),
         D("Thường xuyên", recurrence="continuous"), "Ít nhất 04 tin, bài/tháng"),
        ("1", "1.3", "Đưa chỉ tiêu chuyển đổi số vào đánh giá, xếp loại thi đua hằng năm",
         "Bổ sung tiêu chí chuyển đổi số trong hướng dẫn thi đua, khen thưởng",
         ("Văn phòng HĐND và UBND xã", [VP]), ("Phòng Văn hóa - Xã hội", [VHXH]),
         D("Quý IV hằng năm", recurrence="annual"), "Tiêu chí được áp dụng"),
        ("2", "2.1", "Số hóa cơ sở dữ liệu đất đai, dân cư của xã",
         "Thu thập, chuẩn hóa, cập nhật dữ liệu; kết nối với cơ sở dữ liệu của tỉnh",
         ("Phòng Kinh tế, Công an xã", [KT, CA]), ("Trung tâm Phục vụ hành chính công", ["Trung tâm Phục vụ hành chính công"]),
         D("2026 - 2030", "2026-01-01", "2030-12-31"), "Cơ sở dữ liệu được kết nối"),
        ("2", "2.2", "Phủ sóng di động 4G, 5G đến các thôn, bản vùng sâu",
         "Phối hợp doanh nghiệp viễn thông khảo sát, lắp đặt trạm phát sóng",
         ("Phòng Văn hóa - Xã hội", [VHXH]), ("Trưởng các thôn, bản", ["Trưởng các thôn, bản"]),
         D("Trước 31/12/2027", None, "2027-12-31"), "100% thôn, bản có sóng 4G"),
        ("2", "2.3", "Trang bị camera giám sát an ninh tại các điểm giao cắt, khu dân cư",
         "Huy động xã hội hóa; kết nối về Công an tỉnh",
         ("Công an xã", [CA]), ("Ban CHQS xã", ["Ban Chỉ huy quân sự xã"]),
         D("Năm 2026 - 2027", "2026-01-01", "2027-12-31"), "Hệ thống camera vận hành"),
        ("3", "3.1", "Hỗ trợ hợp tác xã, hộ sản xuất đưa sản phẩm lên sàn thương mại điện tử",
         "Tập huấn kỹ năng bán hàng trực tuyến; hỗ trợ mã QR truy xuất nguồn gốc",
         ("Phòng Kinh tế", [KT]), ("Hội Nông dân xã, Hội Liên hiệp Phụ nữ xã", ["Hội Nông dân xã", "Hội Liên hiệp Phụ nữ xã"]),
         D("Hằng năm", recurrence="annual"), "Số sản phẩm lên sàn"),
        ("3", "3.2", "Triển khai thanh toán không dùng tiền mặt tại chợ trung tâm xã",
         "Phối hợp ngân hàng, bưu điện hướng dẫn tiểu thương mở tài khoản",
         ("Phòng Kinh tế", [KT]), ("Bưu điện xã", ["Bưu điện xã"]),
         D("Tháng 3/2026", "2026-03-01", "2026-03-31"), "Tỷ lệ giao dịch không dùng tiền mặt"),
        ("3", "3.3", "Phổ cập kỹ năng số cho người dân thông qua Tổ công nghệ số cộng đồng",
         "Tổ chức lớp hướng dẫn tại nhà văn hóa thôn, bản",
         ("Phòng Văn hóa - Xã hội", [VHXH]), ("Tổ công nghệ số cộng đồng các thôn", ["Tổ công nghệ số cộng đồng"]),
         D("Năm 2027", "2027-01-01", "2027-12-31"), "Số người dân được hướng dẫn"),
    ]
    task_rows, seen, tasks_t = [], None, []
    for gc, o, name, sol, (lr, l), (pr, p_), dl, kpi in trows:
        if gc != seen:
            task_rows.append({"group": gc, "text": G[gc]})
            seen = gc
        task_rows.append({"cells": [o, name, sol, lr, pr, dl["raw"], kpi]})
        t = task("table", {"code": gc, "title": G[gc]}, o, name, lead_raw=lr, lead=l, partners_raw=pr,
                 partners=p_, deadline=dl)
        t.update(solution=sol, kpi=kpi)
        tasks_t.append(t)
    task_table = {
        "type": "table",
        "columns": ["TT", "Nhiệm vụ", "Giải pháp thực hiện", "Chủ trì", "Phối hợp", "Thời gian hoàn thành",
                    "Chỉ số đánh giá kết quả (KPI)"],
        "header": [
            [{"text": "TT", "rowspan": 2}, {"text": "Nhiệm vụ", "rowspan": 2},
             {"text": "Giải pháp thực hiện", "rowspan": 2}, {"text": "Cơ quan thực hiện", "colspan": 2},
             {"text": "Thời gian hoàn thành", "rowspan": 2}, {"text": "Chỉ số đánh giá kết quả (KPI)", "rowspan": 2}],
            ["Chủ trì", "Phối hợp"],
        ],
        "rows": task_rows,
        "widths": [0.05, 0.24, 0.22, 0.13, 0.14, 0.10, 0.12],
    }
    body = [P(t) for t, _ in legal_paras] + [
        P("Ủy ban nhân dân xã Chiêm Hóa ban hành Kế hoạch thực hiện Nghị quyết số 57-NQ/TW giai đoạn 2026 - 2030, "
          "cụ thể như sau:"),
        H(1, "I. MỤC ĐÍCH, YÊU CẦU"),
        P("Cụ thể hóa các nhiệm vụ, giải pháp phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số phù "
          "hợp với điều kiện của xã miền núi; phát huy vai trò của cả hệ thống chính trị và Nhân dân các dân tộc "
          "trên địa bàn xã."),
        P("Phân công rõ cơ quan chủ trì, cơ quan phối hợp, thời gian hoàn thành và chỉ số đánh giá kết quả của "
          "từng nhiệm vụ; định kỳ kiểm tra, đánh giá, báo cáo kết quả thực hiện."),
        H(1, "II. MỤC TIÊU"),
        H(2, "1. Mục tiêu chung"),
        P("Đến năm 2030, xã Chiêm Hóa cơ bản hoàn thành chuyển đổi số trong các cơ quan Đảng, chính quyền, đoàn "
          "thể; kinh tế số góp phần nâng cao thu nhập của người dân; khoảng cách số giữa các thôn, bản được thu "
          "hẹp."),
        H(2, "2. Mục tiêu cụ thể"),
        P("Các chỉ tiêu cụ thể theo từng năm tại Phụ lục I kèm theo Kế hoạch này."),
        H(1, "III. NHIỆM VỤ, GIẢI PHÁP"),
        H(2, "1. Nâng cao nhận thức, đổi mới tư duy"),
        P("1.1. Tổ chức quán triệt Nghị quyết số 57-NQ/TW đến cán bộ, đảng viên và Nhân dân bằng hình thức phù "
          "hợp với đồng bào dân tộc thiểu số."),
        P("1.2. Biểu dương, khen thưởng kịp thời tập thể, cá nhân có sáng kiến ứng dụng công nghệ số trong sản "
          "xuất, đời sống."),
        H(2, "2. Phát triển hạ tầng số, dữ liệu số"),
        P("2.1. Ưu tiên bố trí nguồn lực xóa vùng lõm sóng di động tại các thôn, bản vùng sâu, vùng xa."),
        P("2.2. Hoàn thành số hóa, làm sạch dữ liệu dân cư, đất đai phục vụ chỉ đạo, điều hành của xã."),
        P("Nhiệm vụ cụ thể của các cơ quan, đơn vị tại Phụ lục II kèm theo Kế hoạch này."),
        H(1, "IV. KINH PHÍ THỰC HIỆN"),
        P("Kinh phí thực hiện được bố trí từ ngân sách xã hằng năm, nguồn hỗ trợ của tỉnh, các chương trình mục "
          "tiêu quốc gia và nguồn xã hội hóa."),
        H(1, "V. TỔ CHỨC THỰC HIỆN"),
        H(2, "1. Văn phòng HĐND và UBND xã"),
        B("Là cơ quan thường trực giúp Ủy ban nhân dân xã theo dõi, đôn đốc việc thực hiện Kế hoạch."),
        B("Tổng hợp, báo cáo kết quả thực hiện 6 tháng, hằng năm gửi Ủy ban nhân dân tỉnh."),
        H(2, "2. Phòng Văn hóa - Xã hội"),
        B("Chủ trì công tác tuyên truyền; hướng dẫn hoạt động của Tổ công nghệ số cộng đồng các thôn, bản."),
        H(2, "3. Phòng Kinh tế"),
        B("Chủ trì phát triển kinh tế số trong nông nghiệp, thương mại; tham mưu bố trí kinh phí thực hiện."),
        H(2, "4. Công an xã, Ban Chỉ huy quân sự xã"),
        B("Bảo đảm an ninh, an toàn thông tin; triển khai các nhiệm vụ của Đề án 06 trên địa bàn xã."),
        P("Trên đây là Kế hoạch thực hiện Nghị quyết số 57-NQ/TW giai đoạn 2026 - 2030 của Ủy ban nhân dân xã "
          "Chiêm Hóa; yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./."),
    ]
    header = {"left": ["ỦY BAN NHÂN DÂN", "XÃ CHIÊM HÓA"], "number": "Số: 215/KH-UBND", "right": RIGHT,
              "place_date": "Chiêm Hóa, ngày 20 tháng 11 năm 2025"}
    subtitle = ["Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa "
                "học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia giai đoạn 2026 - 2030"]
    closing = {"recipients": ["UBND tỉnh Tuyên Quang (b/c);", "Sở Khoa học và Công nghệ (b/c);",
                              "Thường trực Đảng ủy xã (b/c);", "Thường trực HĐND xã;", "Chủ tịch, các PCT UBND xã;",
                              "Các cơ quan, đơn vị xã;", "Lưu: VT."],
               "authority": "TM. ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH", "position_2": None,
               "name": "Ma Văn Thắng"}
    note = "(Kèm theo Kế hoạch số 215/KH-UBND ngày 20/11/2025 của Ủy ban nhân dân xã Chiêm Hóa)"
    appendices = [
        {"title": ["Phụ lục I", "CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ GIAI ĐOẠN 2026 - 2030"], "note": note,
         "header_block": False, "orientation": "landscape", "body": [ind_table]},
        {"title": ["Phụ lục II", "NHIỆM VỤ CỤ THỂ"], "note": note,
         "header_block": False, "orientation": "landscape", "body": [task_table]},
    ]
    indicators = [{
        "source": "table", "group": {"code": g[0], "title": g[1]}, "ordinal": o, "name": name,
        "unit": unit or None, "lead_raw": lr, "lead": lead,
        "targets": [dict(t, year=y) for t, y in zip(tg, years)], "page": None}
        for g, o, name, unit, _base, tg, lr, lead in ind]
    prose, group = [], None  # numbered leaf paragraphs "1.1. …" under the numbered headings of III
    for b in body[body.index(H(1, "III. NHIỆM VỤ, GIẢI PHÁP")):body.index(H(1, "IV. KINH PHÍ THỰC HIỆN"))]:
        if b["type"] == "heading" and b["level"] == 2:
            code, title = b["text"].split(". ", 1)
            group = {"code": code, "title": title}
        elif re.match(r"^\d+\.\d+\. ", b["text"]):
            num, text = b["text"].split(" ", 1)
            prose.append(task("prose", group, num.rstrip("."), text))
    responsibilities = numbered_duties(body, {
        "Văn phòng HĐND và UBND xã": [VP], "Phòng Văn hóa - Xã hội": [VHXH], "Phòng Kinh tế": [KT],
        "Công an xã, Ban Chỉ huy quân sự xã": [CA, "Ban Chỉ huy quân sự xã"]})
    emit(stem, header=header, subtitle=subtitle, body=body, closing=closing, appendices=appendices,
         document={"number": "215/KH-UBND", "issue_date": "2025-11-20", "issue_year": 2025,
                   "issuer": "Ủy ban nhân dân xã Chiêm Hóa", "commune": "Chiêm Hóa", "commune_kind": "xã",
                   "province": "Tuyên Quang", "place": "Chiêm Hóa", "commune_code": "02287"},
         legal_paras=legal_paras, indicators=indicators, table_tasks=prose + tasks_t,
         responsibilities=responsibilities)


# ------------------------------------------------------------------ 008 Vân Hồ (Đảng ủy)

def van_ho() -> None:
    stem = "008_van_ho_party"
    legal_paras = [
        ("Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công "
         "nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia; Kế hoạch số 38-KH/TU ngày 17/10/2025 của Ban Thường vụ "
         "Tỉnh ủy Sơn La về thực hiện Nghị quyết số 57-NQ/TW, Ban Chấp hành Đảng bộ xã Vân Hồ xây dựng Kế "
         "hoạch thực hiện như sau:",
         ("thuc_hien", "Nghị quyết", "57-NQ/TW", "2024-12-22", "Bộ Chính trị")),
    ]
    goals = [  # (bullet, [(clause, raw, op, value)])
        ("Phấn đấu 100% cơ quan Đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể xã sử dụng phần mềm quản lý "
         "văn bản và điều hành.",
         [("Phấn đấu 100% cơ quan Đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể xã sử dụng phần mềm quản lý "
           "văn bản và điều hành", "100%", "=", 100)]),
        ("Tối thiểu 80% đảng viên sử dụng thành thạo ứng dụng Sổ tay đảng viên điện tử; 100% chi bộ sinh hoạt có "
         "ứng dụng công nghệ thông tin.",
         [("Tối thiểu 80% đảng viên sử dụng thành thạo ứng dụng Sổ tay đảng viên điện tử", "Tối thiểu 80%", ">=", 80),
          ("100% chi bộ sinh hoạt có ứng dụng công nghệ thông tin", "100%", "=", 100)]),
        ("Kinh tế số đạt trên 10% tổng giá trị sản xuất của xã.",
         [("Kinh tế số đạt trên 10% tổng giá trị sản xuất của xã", "trên 10%", ">", 10)]),
    ]
    VPDU, UB, MT, XDD = "Văn phòng Đảng ủy xã", "Ủy ban nhân dân xã", "Ủy ban MTTQ Việt Nam xã", "Ban Xây dựng Đảng xã"
    resp = [
        ("1. Văn phòng Đảng ủy xã tham mưu Ban Thường vụ Đảng ủy theo dõi, đôn đốc việc thực hiện Kế hoạch; định kỳ "
         "sơ kết, báo cáo Ban Thường vụ Tỉnh ủy.", [VPDU]),
        ("2. Ủy ban nhân dân xã cụ thể hóa Kế hoạch thành chương trình, kế hoạch hằng năm; bố trí nguồn lực bảo đảm "
         "thực hiện các mục tiêu đề ra.", [UB]),
        ("3. Ủy ban MTTQ Việt Nam xã tuyên truyền, vận động Nhân dân tham gia; giám sát việc thực hiện Kế hoạch.", [MT]),
    ]
    body = [P(t) for t, _ in legal_paras] + [
        H(1, "I. MỤC ĐÍCH, YÊU CẦU"),
        B("Quán triệt sâu sắc các quan điểm, mục tiêu của Nghị quyết số 57-NQ/TW đến toàn thể cán bộ, đảng viên và "
          "Nhân dân; tạo sự thống nhất cao về nhận thức và hành động."),
        B("Xác định chuyển đổi số là nhiệm vụ trọng tâm, thường xuyên của cấp ủy, chính quyền các cấp; gắn trách "
          "nhiệm của người đứng đầu với kết quả thực hiện."),
        H(1, "II. MỤC TIÊU"),
        H(2, "1. Mục tiêu chung"),
        P("Đến năm 2030, chuyển đổi số trở thành động lực phát triển kinh tế - xã hội của xã Vân Hồ; hoạt động "
          "lãnh đạo, chỉ đạo của Đảng ủy được thực hiện trên môi trường số."),
        H(2, "2. Mục tiêu cụ thể"),
        *[B(text) for text, _ in goals],
        H(1, "III. NHIỆM VỤ, GIẢI PHÁP"),
        H(2, "1. Đổi mới công tác lãnh đạo, chỉ đạo của cấp ủy"),
        B("Ứng dụng phần mềm quản lý văn bản, hồ sơ công việc trong hoạt động của cơ quan Đảng xã."),
        B("Đưa nội dung chuyển đổi số vào chương trình công tác toàn khóa và hằng năm của Đảng ủy."),
        H(2, "2. Phát huy vai trò của chi bộ và đảng viên"),
        B("Mỗi đảng viên gương mẫu sử dụng dịch vụ công trực tuyến, thanh toán không dùng tiền mặt và hướng dẫn "
          "gia đình, hàng xóm cùng thực hiện."),
        H(1, "IV. TỔ CHỨC THỰC HIỆN"),
        *[P(t) for t, _ in resp],
        P("Kế hoạch này được phổ biến đến các chi bộ và đảng viên trong Đảng bộ xã."),
    ]
    G = [("1", VPDU, [VPDU]), ("2", UB, [UB]), ("3", MT, [MT]), ("4", XDD, [XDD])]
    trows = [
        (0, "1.1", "Tham mưu ban hành Quy chế làm việc trên môi trường số của Đảng ủy xã",
         D("Quý I/2026", "2026-01-01", "2026-03-31"), "Quy chế được ban hành"),
        (0, "1.2", "Cập nhật, khai thác Sổ tay đảng viên điện tử; hướng dẫn các chi bộ sử dụng",
         D("Hằng quý", recurrence="quarterly"), "Báo cáo kết quả sử dụng"),
        (1, "2.1", "Xây dựng Kế hoạch chuyển đổi số của xã giai đoạn 2026 - 2030",
         D("Tháng 01/2026", "2026-01-01", "2026-01-31"), "Kế hoạch được ban hành"),
        (1, "2.2", "Bố trí kinh phí đầu tư hạ tầng, trang thiết bị công nghệ thông tin cho các cơ quan của xã",
         D("Hằng năm", recurrence="annual"), "Dự toán được phê duyệt"),
        (2, "3.1", "Phát động phong trào “Bình dân học vụ số” trong các tầng lớp Nhân dân",
         D("Năm 2026", "2026-01-01", "2026-12-31"), "Phong trào được phát động"),
        (3, "4.1", "Đưa tiêu chí ứng dụng công nghệ số vào đánh giá, xếp loại chất lượng chi bộ, đảng viên",
         D("Tháng 12 hằng năm", recurrence="annual"), "Kết quả đánh giá, xếp loại"),
    ]
    task_rows, seen, tasks_t = [], None, []
    for gi_, o, name, dl, out in trows:
        code, title, lead = G[gi_]
        if gi_ != seen:
            task_rows.append({"group": code, "text": title})
            seen = gi_
        task_rows.append({"cells": [o, name, dl["raw"], out]})
        tasks_t.append(task("table", {"code": code, "title": title}, o, name, output=out, lead_raw=title,
                            lead=lead, deadline=dl))
    task_table = {
        "type": "table",
        "columns": ["STT", "Nội dung nhiệm vụ", "Thời gian hoàn thành", "Sản phẩm"],
        "header": [["STT", "Nội dung nhiệm vụ", "Thời gian hoàn thành", "Sản phẩm"]],
        "rows": task_rows,
        "group_cells": 1,  # "1. Văn phòng Đảng ủy xã" printed across the whole row
        "widths": [0.08, 0.52, 0.18, 0.22],
    }
    header = {"left": ["ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ VÂN HỒ", "*"], "number": "Số 18-KH/ĐU",
              "right": ["ĐẢNG CỘNG SẢN VIỆT NAM"], "place_date": "Vân Hồ, ngày 05 tháng 12 năm 2025"}
    subtitle = ["thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa "
                "học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"]
    closing = {"recipients": ["Ban Thường vụ Tỉnh ủy (b/c);", "Các đồng chí Đảng ủy viên;", "Các chi bộ trực thuộc;",
                              "Lưu Văn phòng Đảng ủy."],
               "authority": "T/M ĐẢNG ỦY", "position": "BÍ THƯ", "position_2": None, "name": "Hoàng Văn Long"}
    appendices = [
        {"title": ["PHỤ LỤC", "PHÂN CÔNG NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW"],
         "note": "(Kèm theo Kế hoạch số 18-KH/ĐU ngày 05/12/2025 của Đảng ủy xã Vân Hồ)",
         "header_block": False, "orientation": "portrait", "body": [task_table]},
    ]
    indicators = [{
        "source": "prose", "group": None, "ordinal": "", "name": clause, "unit": None, "lead_raw": None, "lead": [],
        "targets": [T(raw, "numeric", op, value, "%")], "page": None}
        for _text, clauses in goals for clause, raw, op, value in clauses]
    responsibilities = [{"heading": t.split(". ", 1)[1], "agencies": a, "duties": [t.split(". ", 1)[1]]}
                        for t, a in resp]
    emit(stem, header=header, subtitle=subtitle, body=body, closing=closing, appendices=appendices,
         document={"number": "18-KH/ĐU", "issue_date": "2025-12-05", "issue_year": 2025,
                   "issuer": "Đảng ủy xã Vân Hồ", "commune": "Vân Hồ", "commune_kind": "xã",
                   "province": "Sơn La", "place": "Vân Hồ", "commune_code": "04048"},
         legal_paras=legal_paras, indicators=indicators, table_tasks=tasks_t, responsibilities=responsibilities)


# ------------------------------------------------------------ 009 Tân Đông Hiệp (header wording)

def tan_dong_hiep() -> None:
    """Column names worded as many plans word them: "Mục tiêu năm 2026" / "Mục tiêu năm
    2030" year columns, a single "Chỉ tiêu đến năm 2030" target column, "Bộ phận thực
    hiện", "Lộ trình thực hiện", "Dự kiến sản phẩm"."""
    stem = "009_tan_dong_hiep_wording"
    legal_paras = [
        ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công "
         "nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;",
         ("can_cu", "Nghị quyết", "57-NQ/TW", "2024-12-22", "Bộ Chính trị")),
        ("Căn cứ Kế hoạch số 1120/KH-UBND ngày 30/9/2025 của Ủy ban nhân dân Thành phố Hồ Chí Minh về thực hiện "
         "Nghị quyết số 57-NQ/TW trên địa bàn Thành phố;",
         ("can_cu", "Kế hoạch", "1120/KH-UBND", "2025-09-30", "Ủy ban nhân dân Thành phố Hồ Chí Minh")),
    ]
    VP, VHXH, CA = "Văn phòng HĐND và UBND", "Phòng Văn hóa - Xã hội", "Công an xã"
    KTHT, TT = "Phòng Kinh tế, Hạ tầng và Đô thị", "Trung tâm Phục vụ hành chính công"
    # Body table: one target column per year, each named "Mục tiêu năm …".
    body_ind = [
        ("1", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình", "%",
         [T("≥ 80%", "numeric", ">=", 80, "%", year=2026), T("100%", "numeric", "=", 100, "%", year=2030)],
         "Trung tâm Phục vụ hành chính công", [TT]),
        ("2", "Tỷ lệ người dân có tài khoản định danh điện tử mức độ 2", "%",
         [T("≥ 90%", "numeric", ">=", 90, "%", year=2026), T("≥ 98%", "numeric", ">=", 98, "%", year=2030)],
         "Công an phường", [CA]),
        ("3", "Số khu phố đạt tiêu chí khu phố số", "Khu phố",
         [T("03", "numeric", "=", 3, "Khu phố", year=2026), T("12", "numeric", "=", 12, "Khu phố", year=2030)],
         "Phòng Văn hóa - Xã hội", [VHXH]),
    ]
    body_table = {
        "type": "table",
        "columns": ["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu năm 2026", "Mục tiêu năm 2030", "Đơn vị thực hiện"],
        "rows": [{"cells": [o, n, u, tg[0]["raw"], tg[1]["raw"], lr]} for o, n, u, tg, lr, _ in body_ind],
        "widths": [0.07, 0.39, 0.11, 0.13, 0.13, 0.17],
    }
    # Appendix I: one target column "Chỉ tiêu đến năm 2030".
    app_ind = [
        ("1", "Tỷ lệ doanh nghiệp, hộ kinh doanh sử dụng hóa đơn điện tử", "%",
         T("100%", "numeric", "=", 100, "%", year=2030), "Phòng Kinh tế, Hạ tầng và Đô thị", [KTHT]),
        ("2", "Tỷ lệ giao dịch không dùng tiền mặt tại các chợ, siêu thị trên địa bàn", "%",
         T("≥ 90%", "numeric", ">=", 90, "%", year=2030), "Phòng Kinh tế, Hạ tầng và Đô thị", [KTHT]),
        ("3", "Hệ thống camera giám sát kết nối Trung tâm điều hành đô thị thông minh", "",
         T("Có", "boolean", value=True, year=2030), "Công an phường", [CA]),
    ]
    app_table = {
        "type": "table",
        "columns": ["STT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu đến năm 2030", "Đơn vị theo dõi"],
        "rows": [{"cells": [o, n, u, t["raw"], lr]} for o, n, u, t, lr, _ in app_ind],
        "widths": [0.06, 0.46, 0.08, 0.16, 0.24],
    }
    # Appendix II tasks.
    trows = [
        ("1.1", "Triển khai nền tảng phản ánh hiện trường, tiếp nhận ý kiến người dân qua ứng dụng di động",
         ("Văn phòng HĐND và UBND phường", [VP]), ("Công an phường", [CA]),
         D("Quý II/2026", "2026-04-01", "2026-06-30"), "Ứng dụng được đưa vào sử dụng"),
        ("1.2", "Xây dựng cơ sở dữ liệu hộ kinh doanh, nhà trọ trên địa bàn phường",
         ("Phòng Kinh tế, Hạ tầng và Đô thị", [KTHT]), ("Công an phường", [CA]),
         D("Năm 2026", "2026-01-01", "2026-12-31"), "Cơ sở dữ liệu được cập nhật"),
        ("1.3", "Chuẩn hóa, số hóa hồ sơ lưu trữ của phường giai đoạn 2015 - 2025",
         ("Văn phòng HĐND và UBND phường", [VP]), ("Trung tâm Phục vụ hành chính công", [TT]),
         D("2026 - 2027", "2026-01-01", "2027-12-31"), "Hồ sơ được số hóa"),
        ("2.1", "Tổ chức Ngày hội chuyển đổi số phường hưởng ứng Ngày Chuyển đổi số quốc gia 10/10",
         ("Phòng Văn hóa - Xã hội", [VHXH]), ("Đoàn Thanh niên phường", ["Đoàn TNCS Hồ Chí Minh xã"]),
         D("Tháng 10 hằng năm", recurrence="annual"), "Ngày hội được tổ chức"),
    ]
    # Group rows "1 | Chính quyền số" in their own cells (not merged across), tasks "1.1", "1.2".
    G = {"1": "Chính quyền số", "2": "Xã hội số"}
    rows, tasks_t, seen = [], [], None
    for o, n, (lr, l), (pr, p_), dl, out in trows:
        code = o.split(".")[0]
        if code != seen:
            rows.append({"group": code, "text": G[code]})
            seen = code
        rows.append({"cells": [o, n, lr, pr, dl["raw"], out]})
        tasks_t.append(task("table", {"code": code, "title": G[code]}, o, n, output=out, lead_raw=lr, lead=l,
                            partners_raw=pr, partners=p_, deadline=dl))
    task_table = {
        "type": "table",
        "columns": ["STT", "Nội dung", "Bộ phận thực hiện", "Đơn vị phối hợp", "Lộ trình thực hiện",
                    "Dự kiến sản phẩm"],
        "rows": rows,
        "group_cells": 2,
        "widths": [0.06, 0.34, 0.16, 0.16, 0.13, 0.15],
    }
    body = [P(t) for t, _ in legal_paras] + [
        P("Ủy ban nhân dân phường Tân Đông Hiệp ban hành Kế hoạch thực hiện như sau:"),
        H(1, "I. MỤC ĐÍCH, YÊU CẦU"),
        P("Triển khai đồng bộ các nhiệm vụ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; "
          "xây dựng phường Tân Đông Hiệp trở thành phường số, đô thị thông minh."),
        H(1, "II. MỤC TIÊU"),
        H(2, "1. Mục tiêu chung"),
        P("Đến năm 2030, hoàn thành xây dựng chính quyền số, phát triển kinh tế số và xã hội số trên địa bàn phường."),
        H(2, "2. Mục tiêu cụ thể"),
        body_table,
        P("Các chỉ tiêu khác tại Phụ lục I kèm theo Kế hoạch này."),
        H(1, "III. NHIỆM VỤ, GIẢI PHÁP"),
        H(2, "1. Phát triển chính quyền số"),
        B("Vận hành hiệu quả Trung tâm Phục vụ hành chính công phường, bảo đảm tiếp nhận hồ sơ mọi lúc, mọi nơi."),
        H(2, "2. Phát triển kinh tế số, xã hội số"),
        B("Hỗ trợ hộ kinh doanh chuyển đổi sang hóa đơn điện tử và thanh toán không dùng tiền mặt."),
        H(1, "IV. TỔ CHỨC THỰC HIỆN"),
        H(2, "1. Văn phòng HĐND và UBND phường"),
        B("Theo dõi, tổng hợp, báo cáo tình hình thực hiện Kế hoạch định kỳ hằng quý."),
        H(2, "2. Công an phường"),
        B("Chủ trì các nhiệm vụ về định danh điện tử và an ninh, an toàn thông tin."),
    ]
    header = {"left": ["ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN ĐÔNG HIỆP"], "number": "Số: 342/KH - UBND", "right": RIGHT,
              "place_date": "Tân Đông Hiệp, ngày 08 tháng 10 năm 2025"}
    subtitle = ["Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị trên địa bàn phường Tân Đông Hiệp đến năm 2030"]
    closing = {"recipients": ["UBND Thành phố (b/c);", "Sở Khoa học và Công nghệ;", "TT Đảng ủy phường;",
                              "CT, các PCT UBND phường;", "Lưu: VT."],
               "authority": "KT. CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH", "position_2": None, "name": "Lê Thị Thu Hà"}
    note = "(Kèm theo Kế hoạch số 342/KH-UBND ngày 08/10/2025 của Ủy ban nhân dân phường Tân Đông Hiệp)"
    appendices = [
        {"title": ["PHỤ LỤC I", "CÁC CHỈ TIÊU KHÁC"], "note": note, "header_block": False,
         "orientation": "portrait", "body": [app_table]},
        {"title": ["PHỤ LỤC II", "NHIỆM VỤ CỤ THỂ"], "note": note, "header_block": False,
         "orientation": "landscape", "body": [task_table]},
    ]
    indicators = [{"source": "table", "group": None, "ordinal": o, "name": n, "unit": u or None, "lead_raw": lr,
                   "lead": l, "targets": tg if isinstance(tg, list) else [tg], "page": None}
                  for o, n, u, tg, lr, l in body_ind + app_ind]
    responsibilities = numbered_duties(body, {"Văn phòng HĐND và UBND phường": [VP], "Công an phường": [CA]})
    emit(stem, header=header, subtitle=subtitle, body=body, closing=closing, appendices=appendices,
         document={"number": "342/KH-UBND", "issue_date": "2025-10-08", "issue_year": 2025,
                   "issuer": "Ủy ban nhân dân phường Tân Đông Hiệp", "commune": "Tân Đông Hiệp",
                   "commune_kind": "phường", "province": "Hồ Chí Minh", "place": "Tân Đông Hiệp",
                   "commune_code": "25945"},
         legal_paras=legal_paras, indicators=indicators, table_tasks=tasks_t, responsibilities=responsibilities)


if __name__ == "__main__":
    binh_loc()
    nam_da()
    chiem_hoa()
    van_ho()
    tan_dong_hiep()
