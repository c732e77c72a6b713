"""The subcommands of ``roledef``, one module each, imported only when they run.

Each parses its options into a small settings object and hands it to a ``run_*`` function that
does the work; the reading, checking and writing stages below print nothing.
"""
