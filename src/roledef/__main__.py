"""Allow ``python -m roledef``."""

from __future__ import annotations

from roledef.cli import main

if __name__ == "__main__":
    main()
