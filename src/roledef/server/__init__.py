"""``roledef server``: a Language Server Protocol server for role files, over stdio.

Editors get the findings of ``roledef lint`` while a file is written, with the same codes,
severities and ranges, and the fixes, explanations, completion and outline built on the same
reader. The modules, one concern each:

- :mod:`~roledef.server.app`: the server and its handlers (the only module that imports pygls's
  server), started by :mod:`roledef.commands.server`;
- :mod:`~roledef.server.worker`: checks and fixes texts in a child process with a deadline, so
  that no document can hang the server;
- :mod:`~roledef.server.buffer`: a document's text as the linter reads it;
- :mod:`~roledef.server.configs`: the config of each file (the nearest above it), reloaded when
  it changes;
- :mod:`~roledef.server.state`: every role file of the workspace, checked once, and the cross-file
  pass over them;
- :mod:`~roledef.server.positions`: roledef's 1-based character columns to the client's units;
- :mod:`~roledef.server.diagnostics`, :mod:`~roledef.server.actions`,
  :mod:`~roledef.server.hover`, :mod:`~roledef.server.completion`,
  :mod:`~roledef.server.symbols`: the features, each from a checked file to lsprotocol types.
"""
