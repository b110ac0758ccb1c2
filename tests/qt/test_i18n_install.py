"""The interface language: which one, the translators, the setting."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialogButtonBox

from stretchguide.qt import i18n
from stretchguide.qt.preferences import Preferences
from stretchguide.qt.settings import SettingsDialog


@pytest.mark.parametrize(
    ("setting", "env", "expected"),
    [
        ("system", {"LANG": "de_DE.UTF-8"}, "de"),
        ("system", {"LANG": "de_DE.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "fr"),
        ("system", {"LANG": "de_DE.UTF-8", "LC_ALL": "es_MX.UTF-8"}, "es"),
        # The first variable set decides, even when it names a language we lack.
        ("system", {"LC_ALL": "pt_BR.UTF-8", "LANG": "de_DE.UTF-8"}, "en"),
        ("system", {"LANG": "C.UTF-8"}, "en"),
        ("system", {}, "en"),
        ("fr", {"LANG": "de_DE.UTF-8"}, "fr"),
        ("en", {"LC_ALL": "es_ES.UTF-8"}, "en"),
    ],
)
def test_the_setting_wins_then_the_locale_variables_then_english(setting, env, expected):
    assert i18n.resolve_language(setting, env) == expected


@pytest.fixture
def restore_language(qapp):
    yield
    i18n.install_language(qapp, "en", {})


def test_german_translates_our_strings_qts_buttons_and_dates(
    qapp, qtbot, tmp_path, restore_language
):
    assert i18n.install_language(qapp, "system", {"LANG": "de_AT.UTF-8"}) == "de"
    assert QLocale().name() == "de_AT"
    # Our own .qm ...
    assert QCoreApplication.translate("SettingsDialog", "Settings") == "Einstellungen"
    # ... and Qt's, so a standard button says the same language.
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Abbrechen"
    assert "März" in i18n.format_date(date(2026, 3, 2), "long")
    assert QLocale().toString(4.5, "f", 1) == "4,5"


def test_back_to_english_removes_the_translators(qapp, restore_language):
    i18n.install_language(qapp, "fr", {})
    assert QCoreApplication.translate("SettingsDialog", "Settings") == "Paramètres"
    i18n.install_language(qapp, "en", {"LANG": "de_DE.UTF-8"})
    assert QCoreApplication.translate("SettingsDialog", "Settings") == "Settings"
    assert QLocale().language() == QLocale.Language.English


def test_settings_offers_each_language_in_its_own_name_and_saves_it(qtbot, tmp_path, monkeypatch):
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    prefs = Preferences(tmp_path / "s.ini")
    assert prefs.language == "system"
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names[1:] == ["English", "Deutsch", "Español", "Français"]
    assert dialog.language_note.isHidden()
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    assert not dialog.language_note.isHidden()  # "after a restart"
    dialog.accept()
    assert Preferences(tmp_path / "s.ini").language == "es"


def test_a_hand_edited_unknown_language_reads_as_system(tmp_path):
    path = tmp_path / "s.ini"
    path.write_text("[appearance]\nlanguage=klingon\n")
    assert Preferences(path).language == "system"


def test_settings_fit_the_screen_in_german(qapp, qtbot, tmp_path, restore_language):
    # German lines are longer and the form is tall: it scrolls, OK stays in view.
    i18n.install_language(qapp, "de", {})
    dialog = SettingsDialog(Preferences(tmp_path / "s.ini"))
    qtbot.addWidget(dialog)
    full = dialog.sizeHint().height()
    dialog.fit_to_height(600)  # 720 less title bar and panel
    assert dialog.sizeHint().height() <= 600 < full
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.buttons.isVisible() and dialog.scroll_area.verticalScrollBar().maximum() > 0
    assert dialog.windowTitle() == "Einstellungen"


@pytest.mark.parametrize("lang", ["de", "es", "fr"])
def test_the_save_dialog_has_no_english_label_left(qtbot, language, lang):
    # Qt's own French and Spanish catalogues lack the file dialog's "&Look
    # in:" and "Files of &type:" (they hold older texts): the export and
    # calendar dialogs showed them in English beside French buttons.
    from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel

    def texts() -> set[str]:
        seen: set[str] = set()
        for mode in (QFileDialog.AcceptMode.AcceptSave, QFileDialog.AcceptMode.AcceptOpen):
            dialog = QFileDialog(None, "x")
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
            dialog.setAcceptMode(mode)
            qtbot.addWidget(dialog)
            for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton):
                if w.text():
                    seen.add(w.text())
        return seen

    english = texts()
    assert {"&Look in:", "Files of &type:"} <= english  # what the dialog asks for
    language(lang)
    left = english & texts()
    assert not left, left
