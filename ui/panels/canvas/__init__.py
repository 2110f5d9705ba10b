"""Panels of the Canvas page."""
