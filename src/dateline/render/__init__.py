"""Rendering: the HTML report (and later JSON, Markdown, TimelineJS exports)."""
