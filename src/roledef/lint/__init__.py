"""Checking role files: paths and a config in, sorted findings out.

- :mod:`~roledef.lint.discover`: which files a run checks;
- :mod:`~roledef.lint.engine`: the one way through: each file read once, checked, and its findings
  streamed in path order, cross-file rules, suppressions and per-file ignores applied;
- :mod:`~roledef.lint.rules`: the rules, one module each;
- :mod:`~roledef.lint.cache`: each file's result kept between runs;
- :mod:`~roledef.lint.suppress`: suppression comments;
- :mod:`~roledef.lint.baseline`: recording and hiding known findings;
- :mod:`~roledef.lint.formats`: the output formats of ``roledef lint``.

Nothing is imported here, so that importing one step does not import the others.
"""
