"""tpmapper: customer touchpoint mapping."""

import os

__version__ = "0.1.0"

# openpyxl parses with lxml whenever lxml is installed (python-pptx brings it), and then
# not with defusedxml; workbooks from others must be parsed defused (files/workbook_guard
# refuses otherwise), so tpmapper's openpyxl always takes the standard library's parser.
os.environ["OPENPYXL_LXML"] = "False"
