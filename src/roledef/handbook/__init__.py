"""``roledef report``: figures about a handbook's role files, in several formats.

:mod:`roledef.handbook.data` builds the report once, as plain data; each format is a module with a
``render(report) -> str`` function, imported only when it is used. :data:`FORMATS` (name ->
module) feeds ``click.Choice``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, cast

#: format name -> the module that renders it.
FORMATS: dict[str, str] = {
    "text": "roledef.handbook.text",
    "markdown": "roledef.handbook.markdown",
    "json": "roledef.handbook.jsondoc",
    "html": "roledef.handbook.htmlpage",
}


def render(fmt: str, report: dict[str, Any]) -> str:
    """The report in format ``fmt``, ending with a newline."""
    module = importlib.import_module(FORMATS[fmt])
    return cast(Callable[[dict[str, Any]], str], module.render)(report)
