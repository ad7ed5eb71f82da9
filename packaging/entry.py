"""The frozen program's entry point: the same ``intake`` command line as the console script."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
