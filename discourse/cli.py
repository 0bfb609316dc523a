"""The ``discourse`` command line.

Exit codes: 0 success, 1 failure, 2 usage error (a bad flag or argument: the message names
it), 3 a corpus run in which some documents failed (the others' results are complete; see
``errors.csv``), 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from discourse.errors import DiscourseError

__all__ = ["main"]

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_PARTIAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
DEFAULT_OUT = "output"


class UsageError(DiscourseError):
    """A command-line flag or argument is wrong; the message names it and the fix."""


def _whole_number(minimum: int) -> Any:
    """An argparse ``type`` accepting whole numbers >= ``minimum``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < minimum:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not a whole number of at least {minimum}; "
                f"pass e.g. {max(minimum, 2)}")
        return value

    return parse


def _version() -> str:
    from discourse import __version__

    return f"discourse {__version__} (Python {sys.version.split()[0]})"


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
        epilog="Exit codes: 0 ok, 1 failure, 2 usage error, 3 some corpus documents failed, "
               "130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze = sub.add_parser(
        "analyze", help="analyse articles; write tables, charts and a report per article",
        description="Analyse each FILE and write its tables (CSV), charts (PNG, SVG, PDF), "
                    "report.html and analysis.json into OUT/<file name>/ (OUT/<file name>-2/ "
                    "and so on when two files share a name).",
    )
    analyze.add_argument("files", nargs="+", metavar="FILE", help="article text files")
    analyze.add_argument("--out", default=DEFAULT_OUT, metavar="DIR",
                         help=f"output folder (default: {DEFAULT_OUT}/)")
    analyze.add_argument("--no-charts", action="store_true", help="skip charts and report")
    analyze.add_argument("--formats", nargs="+", choices=("png", "svg", "pdf"),
                         default=["png", "svg", "pdf"], metavar="FORMAT",
                         help="chart file formats: png, svg, pdf (default: all three; each "
                              "chart is drawn once and saved in each)")
    analyze.add_argument("--jobs", type=_whole_number(1), default=None, metavar="N",
                         help="processes drawing the charts, started beside the analysis "
                              "(default 2, or 1 on a single core: drawn in this process)")
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
    corpus.add_argument("--jobs", type=_whole_number(1), default=1, metavar="N",
                        help="worker processes (default 1)")
    corpus.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local process pool (default) or dask.distributed")
    corpus.add_argument("--scheduler", metavar="ADDRESS",
                        help="with --engine dask: an existing scheduler (default: a local "
                             "cluster of --jobs workers)")
    corpus.add_argument("--text-column", metavar="COLUMN",
                        help="for CSV/JSON documents: the column holding the text")
    _add_analysis_options(corpus)

    kwic = sub.add_parser(
        "kwic", help="keywords in context",
        description="Print every match of PATTERN (a word, glob such as 'secur*', or "
                    "phrase) in FILE with its context.",
    )
    kwic.add_argument("file", metavar="FILE")
    kwic.add_argument("pattern", metavar="PATTERN")
    kwic.add_argument("--window", type=_whole_number(0), default=5, metavar="N",
                      help="words of context on each side (default 5)")

    return parser


def _read_options(args: argparse.Namespace) -> dict[str, object]:
    options: dict[str, object] = {}
    for flag in ("targets", "keywords"):
        value = getattr(args, flag, None)
        if value:
            if not Path(value).is_file():
                raise UsageError(f"--{flag} {value}: no such file; pass the path of a YAML "
                                 f"file (see data/targets/ for examples).")
            options[flag] = value
    return options


def _output_folder(out: str) -> Path:
    """Create ``--out`` or raise a :class:`UsageError` naming the flag and the fix."""
    path = Path(out)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"--out {out}: cannot create the folder ({exc.strerror}); choose "
                         "another folder with --out.") from exc
    if not os.access(path, os.W_OK | os.X_OK):
        raise UsageError(f"--out {out}: the folder is not writable; choose another folder "
                         "with --out.")
    return path


def _folder_names(files: Sequence[str]) -> list[str]:
    """One output folder name per file: its safe stem, ``-2``, ``-3`` ... for repeats.

    Examples
    --------
    >>> _folder_names(["a/article.txt", "b/article.txt", "c/other.md"])
    ['article', 'article-2', 'other']
    """
    from discourse.io import safe_filename

    names: list[str] = []
    for file in files:
        base = safe_filename(Path(file).stem)
        name, n = base, 1
        while name in names:
            n += 1
            name = f"{base}-{n}"
        names.append(name)
    return names


def _cmd_analyze(args: argparse.Namespace) -> int:
    from discourse.defaults import analyze

    options = _read_options(args)
    out = _output_folder(args.out)
    failed = 0
    with _chart_pool(args) as pool:  # its workers start importing beside the analysis
        for file, name in zip(args.files, _folder_names(args.files), strict=True):
            try:
                result = analyze(file, **options)
                folder = result.save(out / name, charts=not args.no_charts,
                                     report=not args.no_charts, formats=tuple(args.formats),
                                     pool=pool)
            except DiscourseError as exc:
                print(f"error: {exc}", file=sys.stderr)
                failed += 1
                continue
            if not args.quiet:
                print(f"{file}: {len(result.sentences)} sentences -> {folder}")
    return EXIT_FAILURE if failed else EXIT_OK


def _chart_pool(args: argparse.Namespace) -> Any:
    """The processes drawing the charts of ``analyze`` (none with ``--no-charts``)."""
    if args.no_charts:
        return contextlib.nullcontext()
    from discourse.plots.parallel import ChartPool

    return ChartPool(args.jobs)


def _cmd_corpus(args: argparse.Namespace) -> int:
    from discourse.corpus import find_documents, run_corpus

    options = _read_options(args)
    if args.text_column:
        options["text_column"] = args.text_column
    if not find_documents(args.inputs):
        raise UsageError(
            f"{' '.join(args.inputs)}: no documents found (.txt, .md files). Pass a folder "
            "holding them, a glob such as 'speeches/*.txt', or file paths.")
    _output_folder(args.out)
    result = run_corpus(args.inputs, args.out, jobs=args.jobs, engine=args.engine,
                        scheduler=args.scheduler, progress=not args.quiet, **options)
    ok = int((result.documents["status"] != "failed").sum())
    if not args.quiet:
        print(f"{ok} of {len(result.documents)} documents analysed -> {result.out}")
    for row in result.errors.itertuples():
        print(f"failed: {row.path}: {row.error_type}: {row.message}", file=sys.stderr)
    if result.n_failed == 0:
        return EXIT_OK
    return EXIT_PARTIAL if ok else EXIT_FAILURE


def _cmd_kwic(args: argparse.Namespace) -> int:
    from discourse.errors import InvalidLexiconError
    from discourse.steps.keywords import kwic
    from discourse.text.reading import read_article

    article = read_article(args.file)
    try:
        table = kwic(article, args.pattern, window=args.window)
    except InvalidLexiconError as exc:
        raise UsageError(f"PATTERN {args.pattern!r}: {exc}") from exc
    print(f"# {args.file}: {args.pattern!r}, {args.window} words each side")
    print(f"{'sent':>4}  {'left context':>50}  [match]  right context")
    for row in table.itertuples():
        print(f"{row.sentence_id:>4}  {row.left:>50}  [{row.keyword}]  {row.right}")
    print(f"{len(table)} matches", file=sys.stderr)
    return EXIT_OK


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: Any = None, line: str | None = None) -> None:
    """Print a warning as one line, ``warning: <message>``, without source lines."""
    text = " ".join(str(message).split())
    print(f"warning: {text}", file=file or sys.stderr)


def _interrupted(args: argparse.Namespace) -> str:
    if args.command == "corpus":
        return "interrupted; rerun with the same --out to resume (finished documents are kept)"
    if args.command == "analyze":
        return ("interrupted; the articles reported done are complete in "
                f"{args.out}; rerun with the same --out for the others")
    return "interrupted"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _build_parser().parse_args(argv)
    command = {"analyze": _cmd_analyze, "corpus": _cmd_corpus, "kwic": _cmd_kwic}[args.command]
    previous = warnings.showwarning
    warnings.showwarning = _show_warning
    try:
        return command(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DiscourseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print(f"\n{_interrupted(args)}", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        warnings.showwarning = previous


if __name__ == "__main__":
    raise SystemExit(main())
