"""The Qt layer: windows, wizard pages and widgets over the ``app`` domain."""


def create_main_window(config=None):
    """The intake window (see ``ui.app_setup.create_main_window``)."""
    from ui.app_setup import create_main_window as _create

    return _create(config)
