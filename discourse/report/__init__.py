"""The annotated HTML report of an analysis (self-contained, escaped, no script)."""

from discourse.report.html import render_html, write_html

__all__ = ["render_html", "write_html"]
