"""Operator commands: migrate the schema, back up the database and restore a backup.

Run from the command line (``make migrate``, ``make backup``, ``make restore``), with help
in English and Russian; the app itself calls ``canvas.ops.migrate.upgrade`` at start-up.
"""
