"""One module per ``intake`` command: ``add_arguments(parser)`` and ``run(args) -> int``."""
