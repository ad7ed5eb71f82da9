"""Data files shipped with the program (policy tables, stylesheet, icons, translations).

Read them through ``app.assets``, which also knows the frozen-build layout.
"""
