"""Where roledef lives: the addresses of its repository, documentation and schemas.

roledef has no public home yet, so every address is ``None`` and nothing roledef writes points
at a web page that does not exist: SARIF logs leave out ``informationUri``, and the packaged
schemas carry a ``urn:`` identifier instead of a URL. A release sets these constants (see
docs/release.md), regenerates the config schema and updates the role schema's ``$id``; the tests
check that the packaged schemas agree with :func:`schema_id`.
"""

from __future__ import annotations

from typing import Final

#: The public repository's web address, e.g. ``https://example.org/roledef``.
REPOSITORY: Final[str | None] = None
#: The documentation's web address, ending in ``/``; the pages are the files of ``docs/``.
DOCS: Final[str | None] = None
#: The folder the schemas are published in, ending in ``/``; the files of ``schemas/`` go there.
SCHEMAS: Final[str | None] = None

#: The identifier of a schema while :data:`SCHEMAS` is unset: a name, not an address.
UNPUBLISHED_SCHEMA_PREFIX: Final = "urn:roledef:schema:"


def schema_id(name: str) -> str:
    """The ``$id`` of the packaged schema ``name`` (``role.schema.json``): its published address,
    or a ``urn:`` that no one can mistake for one."""
    return f"{SCHEMAS}{name}" if SCHEMAS else f"{UNPUBLISHED_SCHEMA_PREFIX}{name}"
