"""The report as JSON: the data every other format renders, as it is."""

from __future__ import annotations

import json
from typing import Any


def render(report: dict[str, Any]) -> str:
    """Indented JSON, keys in the order the report builds them."""
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
