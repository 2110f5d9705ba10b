"""Panels of the Segments page."""
