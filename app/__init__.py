"""intake: the Qt-free domain of the customer-intake station.

Nothing under this package may import Qt; ``ui`` wraps it.
"""

__version__ = "0.1.0"
