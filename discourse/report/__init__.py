"""The annotated HTML report of an analysis (self-contained, escaped, no script)."""

from discourse.report.html import prepare_template, render_html, write_html

__all__ = ["prepare_template", "render_html", "write_html"]
