"""Panels of the relationships page."""
