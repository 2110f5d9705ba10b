"""Panels of the SHURA page."""
