"""``roledef lint --fix``: a file's findings in, minimal edits to its text out.

Each rule's fix sits next to its check (its ``FIX``, a :class:`~roledef.lint.rules.base.Fixer`);
:mod:`~roledef.fix.edits` says what a fix is, and :mod:`~roledef.fix.apply` plans the fixes of a
file, checks that the fixed text means what was meant, and writes it.
"""
