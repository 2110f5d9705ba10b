"""Panels of the touchpoints page."""
