"""The ``discourse`` command line.

Exit codes: 0 success, 1 failure, 2 usage error, 3 a corpus run in which some documents
failed (the others' results are complete; see ``errors.csv``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from discourse.errors import DiscourseError

__all__ = ["main"]

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3


def _add_analysis_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--targets", metavar="YAML",
                        help="stance targets: a YAML file mapping target names to patterns")
    parser.add_argument("--keywords", metavar="YAML",
                        help="keyword dictionary: a YAML file mapping categories to patterns "
                             "(default: peace / security / cooperation)")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="discourse",
        description="Political discourse analysis of news articles and speeches.",
        epilog="Exit codes: 0 ok, 1 failure, 2 usage error, 3 some corpus documents failed.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze = sub.add_parser(
        "analyze", help="analyse articles; write tables, charts and a report per article",
        description="Analyse each FILE and write its tables (CSV), charts (PNG, SVG, PDF), "
                    "report.html and analysis.json into OUT/<file name>/.",
    )
    analyze.add_argument("files", nargs="+", metavar="FILE", help="article text files")
    analyze.add_argument("--out", required=True, metavar="DIR", help="output folder")
    analyze.add_argument("--no-charts", action="store_true", help="skip charts and report")
    _add_analysis_options(analyze)

    corpus = sub.add_parser(
        "corpus", help="analyse a folder or glob of documents in parallel",
        description="Analyse every .txt/.md document under DIR_OR_GLOB. Per-document tables "
                    "go to OUT/documents/<doc>/, combined tables to OUT/*.csv, failures to "
                    "OUT/errors.csv. A rerun with the same OUT skips finished documents.",
    )
    corpus.add_argument("inputs", nargs="+", metavar="DIR_OR_GLOB",
                        help="folder(s), glob(s) or files")
    corpus.add_argument("--out", required=True, metavar="DIR", help="output folder")
    corpus.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="worker processes (default 1)")
    corpus.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local process pool (default) or dask.distributed")
    corpus.add_argument("--scheduler", metavar="ADDRESS",
                        help="with --engine dask: an existing scheduler (default: a local "
                             "cluster of --jobs workers)")
    _add_analysis_options(corpus)

    kwic = sub.add_parser(
        "kwic", help="keywords in context",
        description="Print every match of PATTERN (a word, glob such as 'secur*', or "
                    "phrase) in FILE with its context.",
    )
    kwic.add_argument("file", metavar="FILE")
    kwic.add_argument("pattern", metavar="PATTERN")
    kwic.add_argument("--window", type=int, default=5, metavar="N",
                      help="words of context on each side (default 5)")

    return parser


def _read_options(args: argparse.Namespace) -> dict[str, object]:
    options: dict[str, object] = {}
    if getattr(args, "targets", None):
        options["targets"] = args.targets
    if getattr(args, "keywords", None):
        options["keywords"] = args.keywords
    return options


def _cmd_analyze(args: argparse.Namespace) -> int:
    from discourse.analysis import analyze
    from discourse.io import safe_filename

    failed = 0
    for file in args.files:
        try:
            result = analyze(file, **_read_options(args))
            folder = result.save(Path(args.out) / safe_filename(Path(file).stem),
                                 charts=not args.no_charts, report=not args.no_charts)
        except DiscourseError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
            continue
        if not args.quiet:
            print(f"{file}: {len(result.sentences)} sentences -> {folder}")
    return EXIT_FAILURE if failed else EXIT_OK


def _cmd_corpus(args: argparse.Namespace) -> int:
    from discourse.corpus import run_corpus

    result = run_corpus(args.inputs, args.out, jobs=args.jobs, engine=args.engine,
                        scheduler=args.scheduler, progress=not args.quiet,
                        **_read_options(args))
    ok = int((result.documents["status"] != "failed").sum())
    if not args.quiet:
        print(f"{ok} of {len(result.documents)} documents analysed -> {result.out}")
    for row in result.errors.itertuples():
        print(f"failed: {row.path}: {row.error_type}: {row.message}", file=sys.stderr)
    if result.n_failed == 0:
        return EXIT_OK
    return EXIT_PARTIAL if ok else EXIT_FAILURE


def _cmd_kwic(args: argparse.Namespace) -> int:
    from discourse.steps.keywords import kwic
    from discourse.text.reading import read_article

    table = kwic(read_article(args.file), args.pattern, window=args.window)
    for row in table.itertuples():
        print(f"{row.sentence_id:>4}  {row.left:>50}  [{row.keyword}]  {row.right}")
    print(f"{len(table)} matches", file=sys.stderr)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _build_parser().parse_args(argv)
    command = {"analyze": _cmd_analyze, "corpus": _cmd_corpus, "kwic": _cmd_kwic}[args.command]
    try:
        return command(args)
    except DiscourseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    raise SystemExit(main())
