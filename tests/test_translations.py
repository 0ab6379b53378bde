"""The French, Spanish and Portuguese translations of the desktop app: every string of the .ts
files is finished, keeps its placeholders, mnemonic and line breaks, and the compiled .qm files
load in Qt and give the same text as the .ts."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTranslator  # noqa: E402 - after the platform is chosen
from test_report import make_analysis, pdf_pages  # noqa: E402

from clinic_app.report import write_report  # noqa: E402
from clinic_app.report.i18n import TEXTS, language_code, report_language, tr  # noqa: E402
from clinic_app.results import Analysis, CaseInfo  # noqa: E402
from clinic_app.summary import summarize  # noqa: E402
from clinic_app.translations.strings import T  # noqa: E402

I18N = Path(__file__).resolve().parents[1] / "clinic_app" / "translations"
LANGS = ("fr", "es", "pt")
# Python %-formatting (order matters: the arguments are a tuple) and Qt's %v/%m of a progress bar.
PRINTF = re.compile(r"%(?:\.\d+)?[a-zA-Z%]")
QT_ARG = re.compile(r"%\d+")  # %1, %2: may be reordered
BRACES = re.compile(r"\{[^{}]*\}")  # str.format fields: may be reordered


def messages(lang: str) -> list[tuple[str, str, str | None, ET.Element]]:
    """(context, source, comment, translation element) of every live message of a .ts file."""
    root = ET.parse(I18N / f"clinic_app_{lang}.ts").getroot()
    out = []
    for c in root.iter("context"):
        for m in c.iter("message"):
            t = m.find("translation")
            if t.get("type") not in ("vanished", "obsolete"):
                out.append((c.findtext("name") or "", m.findtext("source"), m.findtext("comment"),
                            t))
    return out


def mnemonics(text: str) -> int:
    return len(re.findall(r"&(?!&)", text.replace("&&", "")))


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated(lang):
    msgs = messages(lang)
    assert len(msgs) > 250
    unfinished = [src for _, src, _, t in msgs if t.get("type") == "unfinished" or not t.text]
    assert unfinished == []
    # What fill_ts.py wrote is what strings.T holds now (the .ts is not stale).
    index = LANGS.index(lang)
    assert [src for _, src, _, t in msgs if T.get(src, (None,) * 3)[index] != t.text] == []


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_placeholders_mnemonics_and_line_breaks(lang):
    for _, src, _, t in messages(lang):
        tr = t.text
        assert PRINTF.findall(tr) == PRINTF.findall(src), (src, tr)
        assert sorted(QT_ARG.findall(tr)) == sorted(QT_ARG.findall(src)), (src, tr)
        assert sorted(BRACES.findall(tr)) == sorted(BRACES.findall(src)), (src, tr)
        assert mnemonics(tr) == mnemonics(src) <= 1, (src, tr)
        assert tr.count("\n") == src.count("\n"), (src, tr)
        assert tr.endswith("…") == src.endswith("…"), (src, tr)
        if "%" in src and PRINTF.findall(src):  # formats with the same arguments as the source
            args = tuple(1 if s[-1] in "df" else "x" for s in PRINTF.findall(src)
                         if s not in ("%%", "%v", "%m"))
            if not {"%v", "%m"} & set(PRINTF.findall(src)):
                assert tr % args


def test_the_menu_bar_has_no_clashing_mnemonics():
    menus = ("&File", "&Edit", "&Help")
    file_menu = ("&New case…", "&Find case…", "&Import images…", "&Settings…", "&Quit")
    for index in range(len(LANGS)):
        for group in (menus, file_menu, ("&Undo", "&Redo")):
            keys = [re.search(r"&(\w)", T[s][index]).group(1).lower() for s in group]
            assert len(set(keys)) == len(keys), (LANGS[index], keys)


@pytest.mark.parametrize(("lang", "file_menu", "one_cell"),
                         [("fr", "&Fichier", "1 cellule"), ("es", "&Archivo", "1 célula"),
                          ("pt", "&Arquivo", "1 célula")])
def test_qm_loads_and_translates(qapp, lang, file_menu, one_cell):
    translator = QTranslator()
    assert translator.load(str(I18N / f"clinic_app_{lang}.qm"))
    assert translator.translate("MainWindow", "&File") == file_menu
    # qtutil.tr("FieldList", ...) is looked up under its own context, not lupdate's misreading.
    assert translator.translate("FieldList", "1 cell") == one_cell
    # The report is written in the UI's language (report_page.py, case_actions.py).
    assert translator.translate("ReportPage", "en", "language code of the PDF report") == lang
    # The .qm is compiled from the .ts as it is now.
    stale = [(ctx, src) for ctx, src, comment, t in messages(lang)
             if translator.translate(ctx, src, comment) != t.text]
    assert stale == []


# --- the PDF report's fixed texts (clinic_app/report/i18n.py) ------------------------------------

def test_report_texts_keep_fields_and_markup():
    tags = re.compile(r"</?\w+[^>]*>")
    for src, texts in TEXTS.items():
        assert len(texts) == 3
        for text in texts:
            assert text.count("{}") == src.count("{}"), (src, text)
            assert tags.findall(text) == tags.findall(src), (src, text)
            assert text.startswith(" ") == src.startswith(" "), (src, text)


def test_report_language_is_english_unless_asked():
    assert [language_code(n) for n in ("fr", "fr_CA", "pt-BR", "ES", "de", "", None)] == \
        ["fr", "fr", "pt", "es", "en", "en", "en"]
    assert tr("Differential") == "Differential"  # the command line sets no language
    with report_language("es_ES"):
        assert tr("Differential") == "Fórmula leucocitaria"
        assert tr("no such text") == "no such text"
    assert tr("Differential") == "Differential"


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ("Differential", "Intended use", "Page 1 of 1", "No fields were analysed.")),
    ("fr", ("Formule leucocytaire", "Usage prévu", "Page 1 sur 1", "Aucun champ n'a été analysé",
            "PROVISOIRE", "ID patient")),
    ("es", ("Fórmula leucocitaria", "Uso previsto", "Página 1 de 1", "PRELIMINAR")),
    ("pt", ("Leucograma diferencial", "Uso pretendido", "Página 1 de 1", "PRELIMINAR")),
])
def test_empty_report_in_each_language(tmp_path, lang, expected):
    analysis = Analysis(fields=[], summary=summarize([], 100, 0.5))
    kwargs = {} if lang == "en" else {"language": lang}
    path = write_report(analysis, CaseInfo(patient_id="P-1"), tmp_path / "r.pdf", **kwargs)
    text = " ".join(pdf_pages(path))
    for words in expected:
        assert words in text, words
    if lang != "en":
        assert "Differential" not in text and "Intended use" not in text


def test_full_report_in_french(tmp_path):
    path = write_report(make_analysis(tmp_path), CaseInfo(patient_id="P-2", sample_type="PB",
                                                          signed_at="2024-05-02"),
                        tmp_path / "fr.pdf", language="fr")
    text = " ".join(pdf_pages(path))
    for words in ("Cellules par classe", "Leucocytes comptés", "Blastes :", "Modèles",
                  "Revu par", "sang périphérique (PB)", "Dépistage ALL", "cellules trouvées",
                  "Le modèle ALL (all-subtype) a été entraîné"):
        assert words in text, words
    assert "PROVISOIRE" not in text  # signed


def test_about_dialog_is_translated(qapp):
    """The About dialog's texts are found by lupdate (plain self.tr calls) and shown in French."""
    from PySide6.QtCore import QCoreApplication

    from clinic_app.ui.about import AboutDialog

    translator = QTranslator()
    assert translator.load(str(I18N / "clinic_app_fr.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        dialog = AboutDialog(None, [], "")
        assert "Usage prévu" in dialog.text.text() and "Modèles non chargés" in dialog.text.text()
    finally:
        QCoreApplication.removeTranslator(translator)


# --- flags: said in the report's language from their Text (clinic_app.summary) -------------------

def _flag_samples() -> list:
    """Summaries that raise every flag the summary knows, singular and plural forms."""
    from test_summary import GOOD, field

    from clinic_app.results import FieldResult

    def unknown_scale(labels: list[str]) -> FieldResult:
        f = field(labels)
        return FieldResult(f.path, f.width, f.height, 0.42, "unknown", GOOD, f.cells, None)

    acute = ["blast"] * 30 + ["lymphocyte"] * 50 + ["neutrophil"] * 14 + ["erythroblast"] * 3
    return [
        summarize([field(acute + ["ig"] * 6, benign=0.1)], 100, 0.5),
        summarize([field(["blast"] + ["neutrophil"] * 59)], 100, 0.5),
        summarize([field(["lymphocyte"] * 40 + ["unidentified"] * 30 + ["neutrophil"] * 30,
                         benign=0.1)], 100, 0.5),
        summarize([field(["lymphocyte"]), field(["neutrophil"] * 50, usable=False)], 100, 0.5),
        summarize([unknown_scale(acute)], 100, 0.5),
        summarize([unknown_scale(["lymphocyte"]), unknown_scale(["lymphocyte"])], 100, 0.5),
    ]


def _templates(text) -> list[str]:
    from clinic_app.results import Text

    if text is None:
        return []
    return [text.template] + [t for a in text.args if isinstance(a, Text) for t in _templates(a)]


def test_every_flag_is_said_in_each_language_with_its_numbers():
    flags = [f for s in _flag_samples() for f in s.flags]
    codes = {f.code for f in flags}
    assert {"BLASTS_SEEN", "BLASTS_ACUTE_RANGE", "ALL_SUSPECTED", "NRBC", "IMMATURE_GRANULOCYTES",
            "FIELD_MODEL_MALIGNANT", "MANY_UNIDENTIFIED", "POOR_FIELDS", "SCALE_UNKNOWN",
            "LOW_COUNT", "NEUTROPHIL_LOW", "LYMPHOCYTE_HIGH"} <= codes
    number = re.compile(r"\d+(?:\.\d+)?")
    for flag in flags:
        assert flag.say(str) == (flag.message, flag.source)  # English: as summarised
        missing = [t for t in _templates(flag.text) + _templates(flag.source_text)
                   if t != "{}" and t not in TEXTS]
        assert missing == [], flag.code
        for lang in LANGS:
            with report_language(lang):
                message, source = flag.say(tr)
            assert message != flag.message, (lang, flag.code)
            assert sorted(number.findall(message)) == sorted(number.findall(flag.message)), \
                (lang, message, flag.message)


def test_french_report_says_the_blast_flags_in_french(tmp_path):
    from test_summary import field

    analysis = Analysis(fields=[], summary=summarize(
        [field(["blast"] * 30 + ["lymphocyte"] * 70, benign=0.1)], 100, 0.5))
    text = " ".join(" ".join(pdf_pages(write_report(analysis, CaseInfo(patient_id="P-3"),
                                                    tmp_path / "fr.pdf", language="fr"))).split())
    assert "leucémie aiguë lymphoblastique suspectée : blastes 30 % des leucocytes" in text
    assert "30 blastes vus (30 % de 100 leucocytes) : à revoir" in text
    assert "suspected" not in text and "review them" not in text


def test_desktop_flag_list_speaks_the_window_language(qapp):
    """The summary panel lists the flags in the window's language (as the report does), and
    in English without a translator."""
    from PySide6.QtCore import QCoreApplication
    from test_summary import field

    from clinic_app.ui.summary_panel import SummaryPanel

    summary = summarize([field(["blast"] * 30 + ["lymphocyte"] * 70, benign=0.1)], 100, 0.5)
    english = SummaryPanel()
    english.set_summary(summary)
    items = [english.flags.item(i).text() for i in range(english.flags.count())]
    assert any("acute lymphoblastic leukaemia suspected" in t for t in items)
    translator = QTranslator()
    assert translator.load(str(I18N / "clinic_app_fr.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        panel = SummaryPanel()
        panel.set_summary(summary)
        items = [panel.flags.item(i).text() for i in range(panel.flags.count())]
    finally:
        QCoreApplication.removeTranslator(translator)
    assert any("leucémie aiguë lymphoblastique suspectée" in t for t in items), items
    assert not any("suspected" in t for t in items)


def test_signoff_summary_speaks_the_window_language(qapp):
    """What the reviewer confirms before signing: French words and flags under the French
    translator, the same numbers."""
    from PySide6.QtCore import QCoreApplication
    from test_summary import field

    from clinic_app.ui.signoff import summary_lines

    analysis = Analysis(fields=[], summary=summarize(
        [field(["blast"] * 30 + ["lymphocyte"] * 40)], 100, 0.5))
    english = summary_lines(analysis, 1)
    assert english[0] == "White cells counted: 70 of 100 target  — BELOW TARGET"
    translator = QTranslator()
    assert translator.load(str(I18N / "clinic_app_fr.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        french = summary_lines(analysis, 1)
    finally:
        QCoreApplication.removeTranslator(translator)
    assert french[0] == "Leucocytes comptés : 70 sur un objectif de 100  — SOUS L'OBJECTIF"
    assert "Blastes : 30 (42.9 %)" in french and "Alertes :" in french
    assert any("30 blastes vus" in line for line in french)
    assert len(french) == len(english)
