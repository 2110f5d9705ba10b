"""Panels of the workshops page."""
