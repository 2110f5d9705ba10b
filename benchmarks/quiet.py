"""Keep Streamlit's bare-mode warnings out of the benchmark's printout.

Outside ``streamlit run`` Streamlit warns about things that do not matter here: cached
functions called without a runtime ("No runtime found, using MemoryCacheStorageManager"),
the main thread without a script context ("missing ScriptRunContext"), and how to view an
app in a browser. They all go through Streamlit's own loggers, set to errors only here:
through the ``logger.level`` option too, as Streamlit sets the loggers' level again from it
whenever it reads its configuration afresh (AppTest does).
"""

import os

os.environ["STREAMLIT_LOGGER_LEVEL"] = "error"  # for a configuration read from here on

import streamlit.config  # after the variable: Streamlit reads it on import
import streamlit.logger


def quiet_streamlit() -> None:
    """Show only errors from every Streamlit logger, those made so far and those to come."""
    streamlit.config.set_option("logger.level", "error")
    streamlit.logger.set_log_level("ERROR")
