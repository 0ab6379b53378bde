"""The sign-off dialog driven as a reviewer would: the summary shown, a wrong password refused
(case unsigned), the right one signs as the authenticated user and archives the PDF."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("PySide6")

from clinic_app.modelpack import malignant_threshold  # noqa: E402
from clinic_app.report import write_report  # noqa: E402
from clinic_app.results import Analysis, CaseInfo  # noqa: E402
from clinic_app.store import CaseStore  # noqa: E402
from clinic_app.store.archive import current_signed_report  # noqa: E402
from clinic_app.store.users import create_user  # noqa: E402
from clinic_app.summary import summarize  # noqa: E402
from clinic_app.ui.signoff import SignOffDialog  # noqa: E402
from tests.test_signoff import PASSWORD, field  # noqa: E402


def test_dialog_signs_only_an_authenticated_user(qtbot, tmp_path):
    with CaseStore(tmp_path / "data") as store:
        create_user(store, "ana", PASSWORD, "Ana Silva")
        case_id = store.create_case(CaseInfo(patient_id="P1"))
        fid = store.add_field_image(case_id, rgb=np.full((48, 64, 3), 200, np.uint8))
        store.save_field_result(fid, field(np.random.default_rng(1)))
        fields = store.load_field_results(case_id)
        analysis = Analysis(fields, summarize(fields, 100, malignant_threshold()))

        def render(case, path):
            write_report(analysis, case, path)

        dialog = SignOffDialog(store, case_id, analysis, render, excluded_fields=1)
        qtbot.addWidget(dialog)
        text = " ".join(w.text() for w in dialog.findChildren(type(dialog.error)))
        assert "4 of 100 target" in text and "Unidentified cells: 0" in text
        assert "excluded by the reviewer: 1" in text
        dialog.username.setText("ana")
        dialog.password.setText("not the password")
        dialog.sign()
        assert "wrong user name or password" in dialog.error.text()
        assert store.get_case(case_id).status == "analysed" and dialog.signed is None
        dialog.password.setText(PASSWORD)
        dialog.sign()
        assert dialog.password.text() == "" and not dialog.buttons.isEnabled()  # on a worker
        qtbot.waitUntil(lambda: dialog.result() == SignOffDialog.DialogCode.Accepted)
        assert store.get_case(case_id).reviewer == "ana (Ana Silva)"
        assert current_signed_report(store, case_id).intact()
        assert dialog.password.text() == ""
