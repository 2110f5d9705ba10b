"""Panels of the nps page."""
