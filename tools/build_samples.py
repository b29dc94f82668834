"""Build the sample PDFs and their page-filled gold files.

    python tools/build_samples.py              # every samples/docmodel/*.doc.json
    python tools/build_samples.py --only 001_duc_an
    python tools/build_samples.py --only 001_duc_an --style d

For each doc-model (and each layout style of tools/layouts.py): doc-model -> .docx
(python-docx, in a temp dir) -> PDF (LibreOffice headless) ->
samples/pdf/<stem>.<style>.pdf, and the gold samples/docmodel/<stem>.plan.json
with its pages filled in for that PDF -> samples/gold/<stem>.<style>.plan.json.

The three shared doc-models and golds (../shared, when present) are first
copied into samples/docmodel/, so the repository holds every input.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from docmodel_docx import docmodel_to_docx
from gold_pages import LocateError, fill_pages
from layouts import STYLES
from pdf_text import make_reproducible, pdf_to_stream

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DOCMODEL_DIR = SAMPLES / "docmodel"
PDF_DIR = SAMPLES / "pdf"
GOLD_DIR = SAMPLES / "gold"
SHARED = ROOT.parent / "shared"


class BuildError(RuntimeError):
    pass


@dataclass(frozen=True)
class Built:
    pdf: Path
    gold: Path
    pages: int
    cut_rows: int


def copy_shared_inputs(shared: Path = SHARED, dest: Path = DOCMODEL_DIR) -> list[str]:
    """Copy ../shared doc-models and golds into samples/docmodel/; the stems copied."""
    dest.mkdir(parents=True, exist_ok=True)
    stems = []
    for src in sorted((shared / "docmodel").glob("*.doc.json")):
        stem = src.name[: -len(".doc.json")]
        gold = shared / "gold" / f"{stem}.plan.json"
        shutil.copyfile(src, dest / src.name)
        if gold.exists():
            shutil.copyfile(gold, dest / gold.name)
        stems.append(stem)
    return stems


def docx_to_pdf(docx_paths: list[Path], outdir: Path, profile: Path) -> None:
    """Convert with LibreOffice headless, in a private profile so parallel runs don't clash."""
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
           "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docx_paths)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    missing = [p for p in docx_paths if not (outdir / (p.stem + ".pdf")).exists()]
    if done.returncode != 0 or missing:
        raise BuildError(f"soffice failed ({done.returncode}) for {missing}: {done.stderr[-500:]}")


def build_gold(model: dict, gold: dict, pdf: Path, out: Path) -> tuple[int, int]:
    """Write the page-filled, validated gold for `pdf`; (pages, cut rows)."""
    from kehoach.schema.plan import Plan

    stream, page_count = pdf_to_stream(pdf)
    filled, cut = fill_pages(gold, model, stream, page_count)
    Plan.model_validate(filled)
    out.write_text(json.dumps(filled, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return page_count, cut


def build_stem(stem: str, workdir: Path, styles: list[str] | None = None) -> list[Built]:
    model = json.loads((DOCMODEL_DIR / f"{stem}.doc.json").read_text(encoding="utf-8"))
    gold_path = DOCMODEL_DIR / f"{stem}.plan.json"
    if not gold_path.exists():
        raise BuildError(f"{stem}: no gold {gold_path.relative_to(ROOT)}")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    docx_paths = []
    for name, layout in STYLES.items():
        if styles and name not in styles:
            continue
        path = workdir / f"{stem}.{name}.docx"
        document = docmodel_to_docx(model, layout)
        document.core_properties.title = ("Kế hoạch " + " ".join(model.get("subtitle", [])))[:250]
        document.core_properties.author = " ".join(model["header"]["left"][1:])
        document.save(path)
        docx_paths.append(path)
    docx_to_pdf(docx_paths, workdir, workdir / "lo_profile")
    built = []
    for path in docx_paths:
        pdf = PDF_DIR / (path.stem + ".pdf")
        pdf.write_bytes(make_reproducible((workdir / (path.stem + ".pdf")).read_bytes()))
        gold_out = GOLD_DIR / (path.stem + ".plan.json")
        pages, cut = build_gold(model, gold, pdf, gold_out)
        built.append(Built(pdf, gold_out, pages, cut))
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", metavar="STEM", help="build only this stem (repeatable)")
    parser.add_argument("--strict", action="store_true", help="stop at the first failure with a traceback")
    parser.add_argument("--style", action="append", choices=sorted(STYLES), help="build only this layout style (repeatable)")
    args = parser.parse_args(argv)
    if (SHARED / "docmodel").is_dir():
        copy_shared_inputs()
    stems = sorted(p.name[: -len(".doc.json")] for p in DOCMODEL_DIR.glob("*.doc.json"))
    if args.only:
        unknown = set(args.only) - set(stems)
        if unknown:
            parser.error(f"no doc-model for {sorted(unknown)}")
        stems = [s for s in stems if s in args.only]
    PDF_DIR.mkdir(parents=True, exist_ok=True)
    GOLD_DIR.mkdir(parents=True, exist_ok=True)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="kehoach_samples_") as tmp:
        for stem in stems:
            try:
                for b in build_stem(stem, Path(tmp), args.style):
                    print(f"{b.pdf.relative_to(ROOT)}: {b.pages} pages, {b.cut_rows} table rows cut by a page break")
            except (BuildError, LocateError, ValueError) as exc:
                if args.strict:
                    raise
                failed += 1
                print(f"FAILED {stem}: {exc}", file=sys.stderr)
    print(f"{len(stems)} plans processed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
