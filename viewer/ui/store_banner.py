"""A banner across the top of the window while the folder's store is read-only, so the
analyst knows before editing that nothing will be saved, and why."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QToolBar


def add_store_banner(window: QMainWindow) -> QToolBar:
    """A hidden, fixed bar; `show_store_banner` fills and shows it."""
    bar = QToolBar("Store", window)
    bar.setObjectName("store-banner")
    bar.setMovable(False)
    bar.setFloatable(False)
    label = QLabel()
    label.setObjectName("store-banner-text")
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    label.setStyleSheet("QLabel { background: #fff3cd; color: #664d03; padding: 4px 8px; }")
    bar.addWidget(label)
    bar.toggleViewAction().setVisible(False)
    window.addToolBar(bar)
    bar.hide()
    return bar


def show_store_banner(bar: QToolBar, message: str) -> None:
    """Show `message` in the banner; an empty message hides it."""
    label = bar.findChild(QLabel, "store-banner-text")
    if label is not None:
        label.setText(message)
    bar.setVisible(bool(message))
