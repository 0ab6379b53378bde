"""The reviewer's corrections through the real widgets (pytest-qt, offscreen, real models):
duplicate import, excluding a field, adding and removing a cell, undo/redo, auto-advance,
the reclassification caption, and the refused image analysed anyway."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, needs_models
from PySide6.QtCore import QPointF, QSettings, Qt

from clinic_app.app.case import load_case
from clinic_app.app.workflow import label_keys
from clinic_app.results import UNIDENTIFIED, CaseInfo
from clinic_app.ui.main_window import MainWindow
from clinic_app.ui.settings import AppSettings
from tests.ui_users import make_user

pytestmark = needs_models
BIG = EXAMPLES / "all" / "WBC-Benign-002.jpg"  # 21 cells
SMALL = EXAMPLES / "bccd" / "BloodImage_00001.jpg"
CAT = Path(__file__).resolve().parent / "fixtures" / "chelsea_cat.jpg"
WAIT_MS = 90_000


@pytest.fixture
def window(qtbot, tmp_path):
    settings = AppSettings(data_dir=str(tmp_path / "data"))
    w = MainWindow(settings, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                   user=make_user(settings.data_dir))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: bool(w.backend or w.models_error), timeout=WAIT_MS)
    assert w.backend, w.models_error
    case_id = w.new_case(CaseInfo(patient_id="P-7", patient_name="Ada", operator="Tess Tech"))
    qtbot.waitUntil(lambda: w.session is not None and w.session.case_id == case_id)
    yield w
    w.shutdown()


def import_and_wait(window, qtbot, paths, n_live: int, **kw) -> None:
    label = window.acquisition.panel.import_label
    label.setText("")
    window.import_paths([str(p) for p in paths], **kw)
    qtbot.waitUntil(lambda: "saved" in label.text(), timeout=WAIT_MS)
    s = window.session
    qtbot.waitUntil(lambda: len(s.live()) == n_live and not s.pending(), timeout=WAIT_MS)
    assert not s.failed()


def actions(window) -> list[str]:
    return [e.action for e in window.store.audit_log(window.session.case_id)]


def cells_in_case(window) -> int:
    return sum(len(f.result.cells) for f in window.session.live() if f.result is not None)


def test_duplicate_import_is_skipped_with_a_warning_and_can_be_kept(window, qtbot):
    import_and_wait(window, qtbot, [BIG, SMALL], 2)
    counted = window.session.analysis().summary.cells_counted
    import_and_wait(window, qtbot, [BIG, SMALL], 2)  # the same two files again
    panel = window.acquisition.panel
    assert "2 already in this case" in panel.import_label.text()
    assert window.session.analysis().summary.cells_counted == counted  # not 36 -> 40
    assert not panel.keep_duplicates_button.isHidden()
    panel.keep_duplicates_button.click()  # kept on purpose
    qtbot.waitUntil(lambda: len(window.session.live()) == 4 and not window.session.pending(),
                    timeout=WAIT_MS)
    assert actions(window).count("field-duplicate-kept") == 2


def test_exclude_field_add_and_remove_cell_with_undo_redo(window, qtbot):
    import_and_wait(window, qtbot, [BIG], 1)
    review = window.review
    window.tabs.setCurrentWidget(review)
    s = window.session
    field_id = review.fields.current_id()
    # exclude: out of the counts, said in the list, audited; undo puts it back
    assert s.analysis().summary.fields_used == 1
    review.exclude_current("stain precipitate")
    assert s.analysis().summary.fields_used == 0
    assert "excluded (reviewer)" in review.fields.item(0).text()
    assert "field-excluded" in actions(window)
    window.undo_action.trigger()
    assert s.analysis().summary.fields_used == 1
    assert "field-included" in actions(window)
    # add a missed cell by drawing its box on the field view
    qtbot.waitUntil(lambda: review.view.has_image and review.view.field_id == field_id)
    before = cells_in_case(window)
    review.add_cell.setChecked(True)
    view = review.view
    view.fit()
    a, b = view.mapFromScene(QPointF(20, 20)), view.mapFromScene(QPointF(80, 90))
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view.viewport(), pos=b)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)
    assert cells_in_case(window) == before + 1
    assert actions(window)[-1] == "cell-added"
    added = s.fields[field_id].result.cells[-1]
    assert added.label == UNIDENTIFIED and abs(added.bbox.x0 - 20) <= 2
    # the new cell is selected: Delete removes it as a false detection
    unident = review.gallery.lists[UNIDENTIFIED]
    assert [r.index for r in unident.refs(unident.selectedItems())] == [before]
    qtbot.keyClick(unident, Qt.Key.Key_Delete)
    assert cells_in_case(window) == before
    assert actions(window)[-1] == "cell-removed"
    window.undo_action.trigger()  # the cell comes back (a new audited add)
    assert cells_in_case(window) == before + 1
    window.redo_action.trigger()
    assert cells_in_case(window) == before
    # a model cell removed as a false detection changes the count, also after reopening
    first = review.gallery.order()[0]
    review.gallery.select(first)
    qtbot.keyClick(review.gallery.lists[s.fields[first.field_id].result.cells[first.index]
                                        .label], Qt.Key.Key_Delete)
    assert cells_in_case(window) == before - 1
    stored = load_case(window.store, s.case_id).fields[0]
    assert len(stored.result.cells) == before - 1


def test_key_reclassifies_shows_reviewed_caption_and_advances(window, qtbot):
    import_and_wait(window, qtbot, [BIG], 1)
    review = window.review
    window.tabs.setCurrentWidget(review)
    s = window.session
    gallery = review.gallery
    order = gallery.order()
    assert len(order) >= 3
    # a cell the model classified (unidentified ones come first), and the one shown after it
    i = next(i for i, r in enumerate(order[:-1])
             if s.fields[r.field_id].result.cells[r.index].model_label in s.labels)
    first, second = order[i], order[i + 1]
    cell = s.fields[first.field_id].result.cells[first.index]
    nxt = s.fields[second.field_id].result.cells[second.index]
    model_label = cell.model_label
    target = next(lab for lab in s.labels if lab != cell.label)
    key = label_keys(s.labels)[target]
    gallery.select(first)
    owner = gallery.lists[cell.label]
    qtbot.keyClicks(owner, key)
    assert cell.label == target and cell.reviewed
    # the caption names both the reviewer's class and the model's own call with its score
    caption = gallery.caption(cell)
    score = round(100 * cell.scores[model_label])
    assert caption == f"reviewed: {target} (model: {model_label} {score} %)"
    items = [gallery.lists[target].item(i) for i in range(gallery.lists[target].count())]
    assert any(i.text() == caption for i in items)
    # auto-advance: the cell that followed is now the one selected
    selected = gallery.selected_refs()
    assert len(selected) == 1
    ref = selected[0]
    assert s.fields[ref.field_id].result.cells[ref.index] is nxt
    # reviewer-only classes have keys too (smudge: S)
    qtbot.keyClicks(gallery.lists[nxt.label], "s")
    assert nxt.label == "smudge"
    window.undo_action.trigger()
    assert nxt.label != "smudge"


def test_refused_image_is_listed_and_can_be_analysed_anyway(window, qtbot, tmp_path):
    cat = tmp_path / "holiday-cat.jpg"
    shutil.copy(CAT, cat)
    import_and_wait(window, qtbot, [SMALL, cat], 1)
    s = window.session
    refused = [x for x in s.skipped if x.path == str(cat)]
    assert refused and refused[0].reason.startswith("out of scope:")
    panel = window.review.panel
    assert panel.refused.count() == 1
    assert "out of scope:" in panel.refused.item(0).toolTip()
    panel.refused.setCurrentRow(0)
    panel.anyway.click()
    qtbot.waitUntil(lambda: len(s.live()) == 2 and not s.pending(), timeout=WAIT_MS)
    entry = next(f for f in s.live() if f.source == str(cat))
    assert entry.scope_problem.startswith("out of scope:")
    assert entry.result.analysed_anyway and entry.result.scope_problem == entry.scope_problem
    assert "field-analysed-anyway" in actions(window)
    assert panel.refused.count() == 0
    # what the report reads: the reviewed analysis says which field was analysed anyway
    flagged = [f for f in s.analysis().fields if f.analysed_anyway]
    assert len(flagged) == 1
    # and it survives a restart (stored result and audit log)
    again = next(f for f in load_case(window.store, s.case_id).fields if f.id == entry.id)
    assert again.result.analysed_anyway and again.scope_problem
