"""Exports: one report model, written out as PDF, HTML and Markdown; JSON in and out."""
