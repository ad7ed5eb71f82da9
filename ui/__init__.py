"""The Qt layer: windows, wizard pages and widgets over the ``app`` domain."""
