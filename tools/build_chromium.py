"""Build the Chromium-printed sample PDFs (style "h") and their page-filled golds.

    python tools/build_chromium.py              # every samples/docmodel/*.doc.json
    python tools/build_chromium.py --only 001_duc_an

For each doc-model: doc-model -> HTML (render_html.py, in a temp dir) -> PDF
(headless Chromium "Print to PDF") -> samples/pdf/<stem>.h.pdf, and the gold
samples/docmodel/<stem>.plan.json with its pages filled in for that PDF
(build_samples.build_gold) -> samples/gold/<stem>.h.plan.json.

This is how plans published as web pages reach us: a row cut by a page break
has no bottom rule on its first page, every cell draws its own borders, and
the `thead` rows repeat on each page.

With --header-footer the browser's own header and footer are printed, as the
print dialog does by default: date and time and the page title at the top, the
file's address and "2/13" at the bottom (style "hf", same pagination as "h").
The clock is set to a fixed time with faketime (when installed) and the page
is printed from a fixed folder, so the header and footer do not change between
builds.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from build_samples import DOCMODEL_DIR, GOLD_DIR, PDF_DIR, ROOT, BuildError, Built, build_gold
from gold_pages import LocateError
from pdf_text import make_reproducible
from render_html import docmodel_to_html

STYLE = "h"
STYLE_HEADER_FOOTER = "hf"
#: The clock Chromium sees when it prints its header (date and time of printing).
PRINT_TIME = "2025-10-15 09:00:00"
#: Where header-footer pages are printed from: their address is in the footer.
STABLE_DIR = Path(tempfile.gettempdir()) / "ke-hoach"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync")


def chromium_binary() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise BuildError("no chromium on PATH (apt-get install chromium)")


def html_to_pdf(html: Path, pdf: Path, profile: Path, header_footer: bool = False) -> None:
    """Print `html` to `pdf` with headless Chromium, in a private profile."""
    clock: list[str] = []
    if header_footer:
        STABLE_DIR.mkdir(exist_ok=True)
        html = Path(shutil.copyfile(html, STABLE_DIR / html.name))
        clock = ["faketime", PRINT_TIME] if shutil.which("faketime") else []
    cmd = [*clock, chromium_binary(), *CHROMIUM_FLAGS, *([] if header_footer else ["--no-pdf-header-footer"]),
           f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", html.as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or not pdf.exists():
        raise BuildError(f"chromium failed ({done.returncode}) for {html.name}: {done.stderr[-500:]}")


def build_stem(stem: str, workdir: Path, header_footer: bool = False, out: Path | None = None) -> Built:
    """Render, print and gold one doc-model; into samples/pdf and samples/gold, or all into `out`."""
    model = json.loads((DOCMODEL_DIR / f"{stem}.doc.json").read_text(encoding="utf-8"))
    gold_path = DOCMODEL_DIR / f"{stem}.plan.json"
    if not gold_path.exists():
        raise BuildError(f"{stem}: no gold {gold_path.relative_to(ROOT)}")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    name = f"{stem}.{STYLE_HEADER_FOOTER if header_footer else STYLE}"
    html = workdir / f"{name}.html"
    html.write_text(docmodel_to_html(model, page_numbers=not header_footer), encoding="utf-8")
    printed = workdir / f"{name}.pdf"
    html_to_pdf(html, printed, workdir / "chromium_profile", header_footer)
    pdf = (out or PDF_DIR) / f"{name}.pdf"
    pdf.write_bytes(make_reproducible(printed.read_bytes()))
    gold_out = (out or GOLD_DIR) / f"{name}.plan.json"
    pages, cut = build_gold(model, gold, pdf, gold_out)
    return Built(pdf, gold_out, pages, cut)


def selected_stems(only: list[str] | None) -> list[str]:
    """Every doc-model stem, or those of `only` (each must have a doc-model)."""
    stems = sorted(p.name[: -len(".doc.json")] for p in DOCMODEL_DIR.glob("*.doc.json"))
    missing = sorted(set(only or ()) - set(stems))
    if missing:
        raise BuildError(f"no doc-model for {missing}")
    return [s for s in stems if not only or s in only]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", metavar="STEM", help="build only this stem (repeatable)")
    parser.add_argument("--strict", action="store_true", help="stop at the first failure with a traceback")
    parser.add_argument("--keep-html", type=Path, metavar="DIR", help="also write the HTML pages here")
    parser.add_argument("--header-footer", action="store_true",
                        help="print Chromium's header and footer (style hf) instead of page numbers")
    parser.add_argument("--out", type=Path, metavar="DIR", help="write PDFs and golds here, not into samples/")
    args = parser.parse_args(argv)
    try:
        stems = selected_stems(args.only)
    except BuildError as exc:
        parser.error(str(exc))
    for folder in ([args.out] if args.out else [PDF_DIR, GOLD_DIR]) + ([args.keep_html] if args.keep_html else []):
        folder.mkdir(parents=True, exist_ok=True)
    failures = []
    with tempfile.TemporaryDirectory(prefix="kehoach_chromium_") as tmp:
        for stem in stems:
            try:
                built = build_stem(stem, Path(tmp), args.header_footer, args.out)
            except (BuildError, LocateError, ValueError) as exc:
                if args.strict:
                    raise
                failures.append(stem)
                print(f"FAILED {stem}: {exc}", file=sys.stderr)
            else:
                print(f"{built.pdf}: {built.pages} pages, "
                      f"{built.cut_rows} table rows cut by a page break")
            for page in Path(tmp).glob(f"{stem}.*.html") if args.keep_html else ():
                shutil.copyfile(page, args.keep_html / page.name)
    print(f"{len(stems)} plans processed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
