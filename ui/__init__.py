"""Importable Streamlit code: the engine, the language, the open workshop and who may open
it, saving and messages, shared widgets, the sidebar, and panels grouped by page.

Pages in ``app_pages/`` import from here and from ``canvas``; nothing here imports a page.
"""
