"""The bilingual teaching content, loaded from ``data/`` and validated."""

from canvas.content.catalogue import Catalogue, Localized, catalogue

__all__ = ["Catalogue", "Localized", "catalogue"]
