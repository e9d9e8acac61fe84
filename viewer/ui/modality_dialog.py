"""Edit ▸ Modality and Speaker… (M): correct whether an event happened, is planned, claimed…,
and who says so; both are saved together as one undoable correction."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)

from viewer.core.resources import load_data


def modalities() -> list[str]:
    """The modalities the rules know, in their order (data: modality.toml)."""
    return [str(m) for m in load_data("modality.toml")["modalities"]]


class ModalityDialog(QDialog):
    def __init__(self, modality: str, speaker: str, speakers: Iterable[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modality-dialog")
        self.setWindowTitle("Modality and speaker")
        self.modality = QComboBox()
        self.modality.setObjectName("modality-choice")
        known = modalities()
        self.modality.addItems(known if modality in known else [*known, modality])
        self.modality.setCurrentText(modality)
        self.speaker = QComboBox()
        self.speaker.setObjectName("speaker-choice")
        self.speaker.setEditable(True)
        self.speaker.addItems(["", *sorted(set(speakers) - {""}, key=str.casefold)])
        self.speaker.setCurrentText(speaker)
        line = self.speaker.lineEdit()
        assert line is not None  # an editable combo box always has its line edit
        line.setPlaceholderText("nobody named: the article itself")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Modality", self.modality)
        form.addRow("Said by", self.speaker)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        return self.modality.currentText(), " ".join(self.speaker.currentText().split())
