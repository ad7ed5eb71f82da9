"""Help ▸ Diagnostics (and Settings ▸ Check connection): the ``intake doctor`` report in a window,
with the log file support asks for: open it, or copy the report and the log's end in one go.

The checks run off the UI thread (``ui.tasks.run_task``); the report holds no key and no
customer's data (see ``app.doctor``), so copying it into a support ticket is safe.
"""

from __future__ import annotations

import html
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.doctor import CONTEXT, DEFAULT_RECORDS, OK, PROBLEM, SKIPPED, VERDICT_LABELS, WARNING, Report
from ui.i18n import tr_message, translate
from ui.tasks import run_task
from ui.widgets.field_row import set_status

_COLOURS = {OK: ("#dcfce7", "#14532d"), WARNING: ("#fef3c7", "#78350f"), PROBLEM: ("#fee2e2", "#7f1d1d"),
            SKIPPED: ("#e5e7eb", "#374151")}


class DiagnosticsDialog(QDialog):
    def __init__(self, config: Any, secrets: Any, parent: QWidget | None = None, *,
                 records: int = DEFAULT_RECORDS, run: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("diagnostics")
        self.setWindowTitle(self.tr("Diagnostics"))
        self._config = config
        self._secrets = secrets
        self._records = records
        self._generation = 0
        self.report: Report | None = None

        root = QVBoxLayout(self)
        intro = QLabel(self.tr("Checks of this station's setup: the connection to the POS, the key, the store's "
                               "plan, the clock, the data on this computer and the field names the POS uses. "
                               "Nothing is changed on the POS. The report holds no key and no customer's data."))
        intro.setWordWrap(True)
        root.addWidget(intro)
        self.status = QLabel()
        self.status.setObjectName("diagnostics.status")
        self.status.setWordWrap(True)
        root.addWidget(self.status)
        self.view = QTextBrowser()
        self.view.setObjectName("diagnostics.report")
        self.view.setOpenLinks(False)
        self.view.setMinimumSize(760, 380)
        root.addWidget(self.view, 1)

        from app.logfile import current_log_file, log_folder

        self.log_file = current_log_file() or (log_folder() / "intake.log")
        self.log_label = QLabel(self.tr("Log file: %s") % self.log_file)
        self.log_label.setObjectName("diagnostics.log_file")
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_label.setWordWrap(True)
        set_status(self.log_label, "hint")
        root.addWidget(self.log_label)

        line = QHBoxLayout()
        self.rerun_button = QPushButton(self.tr("Run &again"))
        self.rerun_button.setObjectName("diagnostics.rerun")
        self.copy_button = QPushButton(self.tr("&Copy report and log"))
        self.copy_button.setObjectName("diagnostics.copy")
        self.open_log_button = QPushButton(self.tr("&Open log"))
        self.open_log_button.setObjectName("diagnostics.open_log")
        for button in (self.rerun_button, self.copy_button, self.open_log_button):
            button.setAutoDefault(False)
            line.addWidget(button)
        line.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        line.addWidget(self.buttons)
        root.addLayout(line)

        self.rerun_button.clicked.connect(self.run_checks)
        self.copy_button.clicked.connect(self.copy_report)
        self.open_log_button.clicked.connect(self.open_log)
        self.open_log_button.setEnabled(self.log_file.is_file())
        self.copy_button.setEnabled(False)
        if run:
            self.run_checks()

    # --- running --------------------------------------------------------------------------
    def run_checks(self) -> None:
        from app.doctor import run_doctor

        self._generation += 1
        generation = self._generation
        config, secrets, records = self._config, self._secrets, self._records
        self.status.setText(self.tr("Checking…"))
        set_status(self.status, "hint")
        self.rerun_button.setEnabled(False)
        run_task(lambda: run_doctor(config, secrets, records=records),
                 lambda report: self._done(generation, report), lambda exc: self._failed(generation, exc))

    def _done(self, generation: int, report: Report) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.show_report(report)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.rerun_button.setEnabled(True)
        self.status.setText(self.tr("The checks could not be run (%s).") % type(exc).__name__)
        set_status(self.status, "error")

    # --- showing --------------------------------------------------------------------------
    def show_report(self, report: Report) -> None:
        self.report = report
        self.rerun_button.setEnabled(True)
        self.copy_button.setEnabled(True)
        problems = sum(1 for c in report.checks if c.verdict == PROBLEM)
        warnings = sum(1 for c in report.checks if c.verdict == WARNING)
        if problems:
            self.status.setText(self.tr("Problems to fix: %d. See what to do below.") % problems)
            set_status(self.status, "error")
        elif warnings:
            self.status.setText(self.tr("Warnings: %d. The station can work; see below.") % warnings)
            set_status(self.status, "warning")
        else:
            self.status.setText(self.tr("All checks passed."))
            set_status(self.status, "ok")
        self.view.setHtml(self._html(report))

    def _html(self, report: Report) -> str:
        rows = []
        for check in report.checks:
            background, colour = _COLOURS.get(check.verdict, _COLOURS[SKIPPED])
            verdict = translate(CONTEXT, VERDICT_LABELS.get(check.verdict, check.verdict))
            text = html.escape(tr_message(check.found))
            for extra in self._details(check):
                text += "<br/>" + html.escape(extra)
            if check.advice:
                text += f"<br/><b>{html.escape(self.tr('What to do:'))}</b> {html.escape(tr_message(check.advice))}"
            rows.append(
                f'<tr><td style="background:{background};color:{colour};padding:3px 6px"><b>{html.escape(verdict)}'
                f'</b></td><td style="padding:3px 8px"><b>{html.escape(tr_message(check.title))}</b></td>'
                f'<td style="padding:3px 4px">{text}</td></tr>')
        return '<table cellspacing="2" width="100%">' + "".join(rows) + "</table>"

    def _details(self, check) -> list[str]:
        if check.id != "contract" or not check.data.get("records"):
            return []
        data = check.data
        lines = []
        if data.get("not_seen"):
            lines.append(self.tr("Not seen: %s") % ", ".join(data["not_seen"]))
        for ours, theirs in data.get("suggestions", {}).items():
            lines.append(self.tr("Suggested: %s → %s") % (ours, theirs))
        return lines

    # --- the log --------------------------------------------------------------------------
    def report_text(self) -> str:
        """The report (in English, for support) and the end of the log file."""
        from app.commands.doctor import format_report
        from app.logfile import tail

        parts = [format_report(self.report)] if self.report is not None else []
        log = tail(self.log_file)
        if log:
            parts.append(f"--- {self.log_file.name} (last lines) ---\n{log}")
        return "\n\n".join(parts)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())
        self.status.setText(self.tr("The report and the end of the log are copied: paste them into your message to "
                                    "support."))
        set_status(self.status, "ok")

    def open_log(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_file)))


def open_diagnostics(parent: QWidget, config: Any, secrets: Any) -> DiagnosticsDialog:
    """Show the dialog without blocking; it runs the checks at once."""
    dialog = DiagnosticsDialog(config, secrets, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog
