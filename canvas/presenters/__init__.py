"""Rows, tables and texts in the reader's language, shared by the pages and the exports."""
