"""A page of the app that this visitor may not use in this mode: whose it is, where to go."""

from ui.elsewhere import explain

explain()
