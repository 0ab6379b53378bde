"""The command-line verbs. Each reads its arguments, calls the analysis core, writes output.

``COMMANDS`` at the end is the table ``clinic-app <verb>`` dispatches on."""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import cv2

from clinic_app import modelpack, overlay, runtime
from clinic_app.classification import CellClassifier, FieldClassifier
from clinic_app.cli.common import EXIT_OK, UsageError, write_json
from clinic_app.cli.progress import ProgressBar
from clinic_app.fields import iter_fields
from clinic_app.results import Analysis, CaseInfo, Field, SkippedInput

if TYPE_CHECKING:
    from clinic_app.analysis import AnalyzerOptions, ParallelAnalyzer


def _report_skips(skipped: list[SkippedInput], done: int) -> int:
    """Skips go to stderr; with nothing done at all, the run failed on its input."""
    if not done:
        if len(skipped) == 1:
            raise UsageError(f"{skipped[0].path}: {skipped[0].reason}")
        first = skipped[0] if skipped else SkippedInput("-", "no images found")
        raise UsageError(f"no image could be read ({len(skipped)} skipped; first: "
                         f"{first.path}: {first.reason})")
    for s in skipped:
        print(f"clinic-app: skipped {s.path}: {s.reason}", file=sys.stderr)
    return EXIT_OK


def _fields(paths: list[str], skipped: list[SkippedInput], um_per_px: float | None = None,
            consensus: bool = False, in_scope: bool = False, **hooks: Any) -> Iterator[Field]:
    """``fields.iter_fields`` (``hooks``: its progress callbacks); raises UsageError when
    nothing is readable, before any model is loaded."""
    done = 0
    for field in iter_fields(paths, skipped, um_per_px, consensus=consensus, in_scope=in_scope,
                             **hooks):
        done += 1
        yield field
    if not done:
        _report_skips(skipped, 0)


def cmd_models(args: argparse.Namespace) -> int:
    entries = modelpack.load_manifest()
    status = {}
    for mid, e in entries.items():
        try:
            modelpack.verified_path(e)
            status[mid] = "ok"
        except modelpack.ModelIntegrityError as exc:
            status[mid] = str(exc)
    if args.json:
        data = {"models": [{**e.raw, "integrity": status[m]} for m, e in entries.items()],
                "runtime": runtime.runtime_name(), "backends": runtime.detect()}
        write_json(data, None)
        return EXIT_OK
    for mid, e in entries.items():
        print(f"{mid:12s} v{e.version} {e.task:22s} {e.input_size}px {len(e.labels)} labels "
              f"test INT8 {headline_figure(e.metrics)} sha256 {e.sha256[:12]} [{status[mid]}]")
    return EXIT_OK


def headline_figure(metrics: dict) -> str:
    """The entry's main INT8 test figure, named (a pack may hold any task)."""
    m = metrics.get("int8", {})
    for key in ("accuracy", "mean_dice", "white_cell_recall"):
        if isinstance(m.get(key), (int, float)):
            return f"{key.replace('_', ' ')} {m[key]:.4f}"
    return "-"


def cmd_classify(args: argparse.Namespace) -> int:
    entries = modelpack.load_manifest()
    if args.model not in entries:
        raise UsageError(f"unknown model {args.model!r} (bundled: {', '.join(sorted(entries))})")
    entry = entries[args.model]
    if entry.task == "segmentation":
        raise UsageError(f"{args.model} is a segmentation model: use `clinic-app segment`")
    skipped: list[SkippedInput] = []
    results, clf = [], None
    for f in _fields(args.paths, skipped):
        if clf is None:
            model = modelpack.TFLiteModel(entry, args.backend, args.threads)
            print(f"clinic-app: {model.choice.message}", file=sys.stderr)
            kind = CellClassifier if entry.task == "cell-classification" else FieldClassifier
            clf = kind(model)
        out = clf.classify_image(f.image)
        scores = out if isinstance(out, dict) else out.scores
        results.append({"path": f.source, "label": max(scores, key=scores.get),
                        "scores": {k: round(v, 5) for k, v in scores.items()}})
    code = _report_skips(skipped, len(results))
    write_json({"model": entry.id, "results": results,
                "skipped": [{"path": s.path, "reason": s.reason} for s in skipped]}, args.json_out)
    return code


def cmd_segment(args: argparse.Namespace) -> int:
    from clinic_app.analysis import DETECTOR_ID, WholeCells

    entries = modelpack.load_manifest()
    if entries.get(args.model) is None or entries[args.model].task != "segmentation":
        raise UsageError(f"{args.model} is not a bundled segmentation model")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    skipped: list[SkippedInput] = []
    masker, done = None, 0
    written: set[str] = set()
    for f in _fields(args.paths, skipped, args.um_per_px, consensus=True):
        if masker is None:
            masker = WholeCells(entries, args.model, DETECTOR_ID, args.backend, args.threads)
            print(f"clinic-app: {masker.message}", file=sys.stderr)
        done += 1
        mask = _full_size(masker.mask(f), f.source)
        target = _mask_path(out, Path(f.source), written)
        if not cv2.imwrite(str(target), mask):
            raise OSError(f"could not write mask to {target}")
        written.add(target.name)
    return _report_skips(skipped, done)


def _mask_path(out: Path, source: Path, written: set[str]) -> Path:
    """``DIR/<stem>.png``; when an earlier input of this run took it (``x.png`` and ``x.tif``),
    ``DIR/<stem>.<ext>.png``, then a counter: a mask is never overwritten, and stderr says
    where a clashing one went."""
    first = out / f"{source.stem}.png"
    if first.name not in written:
        return first
    ext = source.suffix.lstrip(".") or "noext"
    target = out / f"{source.stem}.{ext}.png"
    n = 2
    while target.name in written:
        target = out / f"{source.stem}.{ext}.{n}.png"
        n += 1
    print(f"clinic-app: note: {source}: {first.name} is taken by an earlier input; mask written "
          f"to {target.name}", file=sys.stderr)
    return target


def _full_size(mask, source: str):
    """The mask at the input's own size (a very large input is analysed reduced, images.py)."""
    from clinic_app.images import ImageError, image_size

    try:
        width, height = image_size(source)
    except (ImageError, OSError):
        return mask
    if mask.shape[:2] == (height, width):
        return mask
    return cv2.resize(mask, (width, height), interpolation=cv2.INTER_NEAREST)


def cmd_analyze(args: argparse.Namespace) -> int:
    from clinic_app.analysis import AnalyzerOptions, scope_witness

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    opts = AnalyzerOptions(args.backend, args.threads, args.um_per_px, args.target)
    skipped: list[SkippedInput] = []
    results, analyzer = [], None
    keep = _retention(bool(args.report))  # overlays on disk, compact records in memory
    witness = scope_witness(opts)
    try:
        with overlay.Writer(out / "overlays") as overlays, ProgressBar() as bar:
            fields = _fields(args.paths, skipped, args.um_per_px, consensus=True, in_scope=True,
                             screened=bar.stage("screening"), progress=bar.stage("analysing"),
                             witness=witness)
            first = next(fields, None)
            if first is not None:  # models are loaded only when there is a field to analyse
                analyzer = _analyzer(opts)
                print(f"clinic-app: {analyzer.backend_message}", file=sys.stderr)
            for i, (f, res) in enumerate(analyzer.map(itertools.chain([first], fields))
                                         if analyzer else ()):
                name = f"{i:03d}_{Path(f.source).stem}_overlay{overlay.SUFFIX}"
                res.overlay_path = str(overlays.save(res, f.image, name))
                results.append(keep.apply(res))
        _report_skips(skipped, len(results))
        analysis = analyzer.assemble(results, skipped)
    finally:
        if analyzer is not None:
            analyzer.close()
        if witness is not None:
            witness.close()
    case = CaseInfo(patient_id=args.patient_id, patient_name=args.patient_name,
                    operator=args.operator, lab_name=args.lab_name, age=args.age, sex=args.sex,
                    accession=args.accession, birth_date=args.birth_date)
    analysis = _for_age(analysis, case)
    (out / "analysis.json").write_text(json.dumps(analysis.to_dict(), indent=1,
                                                  ensure_ascii=False) + "\n", encoding="utf-8")
    print(_result_line(analysis, len(results), len(skipped)))
    _write_outputs(args, analysis, case)
    return EXIT_OK


def _analyzer(opts: AnalyzerOptions) -> ParallelAnalyzer:
    """The analysis workers (``analysis.ParallelAnalyzer``: two fields at a time on two cores)."""
    from clinic_app.analysis import ParallelAnalyzer

    return ParallelAnalyzer(opts)


def _for_age(analysis: Analysis, case: CaseInfo) -> Analysis:
    """The summary for the patient's age (adult range flags are not raised for a child)."""
    from dataclasses import replace

    from clinic_app.export.common import case_age_months
    from clinic_app.summary import summarize

    months = case_age_months(case)
    if months is None:
        return analysis
    s = analysis.summary
    return replace(analysis, summary=summarize(analysis.fields, s.target,
                                               s.malignant_threshold, age_months=months))


def _result_line(analysis: Analysis, fields: int, skipped: int) -> str:
    """One line a technologist can act on: the ALL result and the blast %, then the flags."""
    from clinic_app.export.common import all_result, blast_count

    s = analysis.summary
    pct = "n/a" if s.blast_percent is None else f"{s.blast_percent:.1f}%"
    return (f"{fields} field{'s' if fields != 1 else ''}, {s.cells_counted} white "
            f"cell{'s' if s.cells_counted != 1 else ''}, {skipped} skipped; "
            f"ALL: {all_result(s)}; blasts: {blast_count(s)} ({pct}); "
            f"flags: {', '.join(f.code for f in s.flags) or 'none'}")


def _write_outputs(args: argparse.Namespace, analysis: Analysis, case: CaseInfo) -> None:
    """The PDF report, HL7 v2 and FHIR files asked for (preliminary: nothing is signed here)."""
    if args.report:
        from clinic_app.report import write_report

        print(f"report: {write_report(analysis, case, Path(args.report))}")
    if args.hl7:
        from clinic_app.export.hl7 import write_hl7

        print(f"hl7: {write_hl7(case, analysis.summary, args.hl7)}")
    if args.fhir:
        from clinic_app.export.fhir import fhir_diagnostic_report, write_fhir_json

        print(f"fhir: {write_fhir_json(fhir_diagnostic_report(case, analysis.summary), args.fhir)}")


def _retention(report: bool):
    """What stays in memory per field: only what the report shows, when one is asked for."""
    from clinic_app.analysis import Retention

    if not report:
        return Retention()
    from clinic_app.report.gallery import CELLS_PER_CLASS, MAX_THUMBS

    return Retention(thumbnails=MAX_THUMBS, cells_per_label=CELLS_PER_CLASS, crops=True)


def cmd_bench(args: argparse.Namespace) -> int:
    from clinic_app.bench import run_bench

    result = run_bench(args.backend, args.threads, args.runs, Path(args.fp32_dir))
    if args.json:
        write_json(result, None)
    else:
        for row in result["models"]:
            fp = f"  fp32 {row['fp32_ms']:.2f} ms" if row.get("fp32_ms") else ""
            print(f"{row['id']:12s} int8 {row['int8_ms']:.2f} ms{fp}")
        for kind, f in result["fields"].items():
            print(f"whole {kind} field {f['size'][0]}x{f['size'][1]}: {f['field_ms']:.1f} ms "
                  f"median, {f['field_model_ms']:.1f} in the models ({f['field_cells']} cells)")
        print(f"on {result['backend']}")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "models": cmd_models,
    "classify": cmd_classify,
    "segment": cmd_segment,
    "analyze": cmd_analyze,
    "analyse": cmd_analyze,
    "bench": cmd_bench,
}
