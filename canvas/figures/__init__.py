"""Plotly figures for the course frameworks, one module per framework (no Streamlit)."""
