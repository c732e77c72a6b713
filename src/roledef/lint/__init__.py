"""``roledef lint``: the engine behind the command, one step of the pipeline per module.

- :mod:`~roledef.lint.config`: find, read and resolve the configuration;
- :mod:`~roledef.lint.discover`: which files a run checks;
- :mod:`~roledef.lint.engine`: files -> roles -> rules -> sorted findings;
- :mod:`~roledef.lint.yamlrole`: YAML role files, with positions;
- :mod:`~roledef.lint.suppress`: suppression comments;
- :mod:`~roledef.lint.baseline`: recording and hiding known findings.

Nothing is imported here, so that importing one step does not import the others.
"""
