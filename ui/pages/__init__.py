"""The wizard's pages: one per step of ``app.wizard.STEPS``."""
