"""Importers: files from outside the workshop (survey exports) read, checked and explained.

Each importer reads a file the user uploads, refuses what it cannot read with reasons in
the user's language, and lists the rows it had to leave out, so nothing is saved half-way.
"""
