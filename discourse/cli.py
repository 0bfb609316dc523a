"""The ``discourse`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from discourse.errors import DiscourseError

__all__ = ["main"]


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="discourse",
        description="Political discourse analysis of news articles and speeches.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    analyze = sub.add_parser(
        "analyze", help="analyse articles and write their tables to a folder",
        description="Analyse each FILE and write its tables (CSV) and analysis.json into "
                    "OUT/<file stem>/.",
    )
    analyze.add_argument("files", nargs="+", metavar="FILE", help="article text files")
    analyze.add_argument("--out", required=True, metavar="DIR", help="output folder")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 failure, 2 usage)."""
    args = _build_parser().parse_args(argv)
    from pathlib import Path

    from discourse.analysis import analyze

    failed = 0
    for file in args.files:
        try:
            result = analyze(file)
        except DiscourseError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
            continue
        folder = result.save(Path(args.out) / Path(file).stem)
        print(f"{file}: {len(result.sentences)} sentences -> {folder}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
