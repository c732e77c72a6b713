"""Writing roles: the model in, text out (markdown, structured YAML or JSON, JSON-LD).

:mod:`~roledef.write.render` turns a role into handbook markdown, :mod:`~roledef.write.structured`
into YAML or JSON, :mod:`~roledef.write.jsonld` into schema.org JSON-LD, and
:mod:`~roledef.write.template` starts a new role; :mod:`~roledef.write.atomic` writes any of them
to a file without ever leaving half a file behind.
"""
