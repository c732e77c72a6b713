"""``roledef lint --fix``: a file's findings in, minimal edits to its text out.

:mod:`~roledef.fix.fixers` knows how to fix one finding; :mod:`~roledef.fix.apply` plans the
fixes of a file, checks that the fixed text means what was meant, and writes it.
"""
