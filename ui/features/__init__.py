"""Parts of the intake window that live in their own modules, each with an ``install(window)`` hook."""
