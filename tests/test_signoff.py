"""Frozen sign-off (issue 13 §4): an authenticated signer (scrypt-hashed passwords), the signed
PDF archived with its sha256 in the audit log and byte-identical after a restart (the store
reopened from disk), an amendment as a new version beside the first, and the crops and heat
maps the reviewer verified kept with the case."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from clinic_app.modelpack import malignant_threshold
from clinic_app.report import write_report
from clinic_app.results import (
    Analysis,
    BBox,
    CaseInfo,
    CellResult,
    FieldClassification,
    FieldResult,
    QualityReport,
)
from clinic_app.store import CaseSignedError, CaseStore
from clinic_app.store.archive import current_signed_report, sign_with_report, signed_reports
from clinic_app.store.users import AuthError, authenticate, create_user
from clinic_app.summary import summarize

GOOD = QualityReport(focus=10.0, clipped_dark=0.0, clipped_bright=0.0, stain=0.5)
PASSWORD = "correct horse battery"


def field(rng: np.random.Generator) -> FieldResult:
    cells = []
    for i, lab in enumerate(["lymphocyte", "blast", "neutrophil", "monocyte"]):
        crop = rng.integers(0, 255, (64, 64, 3), dtype=np.uint8)
        heat = rng.random((16, 16)).astype(np.float32)
        cells.append(CellResult(BBox(10 * i, 5, 10 * i + 30, 35), lab, {lab: 0.9},
                                crop=crop, heatmap=heat))
    return FieldResult("f.png", 64, 48, 0.42, "given", GOOD, cells,
                       FieldClassification("Pre", {"Benign": 0.2, "Early": 0.1, "Pre": 0.6,
                                                   "Pro": 0.1}))


def render(store: CaseStore, case_id: int):
    """The report of the case as stored now (what the window prints)."""
    def write(case, path: Path) -> None:
        fields = store.load_field_results(case_id)
        summary = summarize(fields, 100, malignant_threshold())
        write_report(Analysis(fields, summary), case, path)
    return write


@pytest.fixture
def signed_setup(tmp_path):
    data = tmp_path / "data"
    rng = np.random.default_rng(3)
    with CaseStore(data) as store:
        create_user(store, "ana", PASSWORD, "Ana Silva", role="pathologist")
        case_id = store.create_case(CaseInfo(patient_id="P1", accession="ACC-1"))
        fid = store.add_field_image(case_id, rgb=np.full((48, 64, 3), 200, np.uint8))
        sent = field(rng)
        store.save_field_result(fid, sent)
    return data, case_id, sent


def test_passwords_are_scrypt_hashes_and_checked(signed_setup):
    data, _, _ = signed_setup
    with CaseStore(data) as store:
        stored = store._read("SELECT password_hash FROM users")[0][0]
        assert stored.startswith("scrypt$") and PASSWORD not in stored
        assert authenticate(store, "ANA", PASSWORD).full_name == "Ana Silva"
        for name, pw in (("ana", "wrong password"), ("bob", PASSWORD)):
            with pytest.raises(AuthError, match="wrong user name or password"):
                authenticate(store, name, pw)
        with pytest.raises(ValueError):
            create_user(store, "short", "1234")


def test_crops_and_heat_maps_survive_a_restart(signed_setup):
    data, case_id, sent = signed_setup
    with CaseStore(data) as store:
        cells = store.load_field_results(case_id)[0].cells
    for got, want in zip(cells, sent.cells, strict=True):
        assert np.array_equal(got.crop, want.crop)  # lossless
        assert np.abs(got.heatmap - want.heatmap).max() <= 1 / 255


def test_authenticated_sign_off_archives_a_frozen_pdf(signed_setup):
    data, case_id, _ = signed_setup
    with CaseStore(data) as store:
        user = authenticate(store, "ana", PASSWORD)
        signed = sign_with_report(store, case_id, user, render(store, case_id))
        first_bytes = signed.path.read_bytes()
        case = store.get_case(case_id)
        assert case.status == "signed" and case.reviewer == "ana (Ana Silva)"
        entry = store.audit_log(case_id)[-1]
        assert entry.action == "case-signed" and entry.actor == "ana (Ana Silva)"
        assert entry.detail["report_sha256"] == hashlib.sha256(first_bytes).hexdigest()
        with pytest.raises(CaseSignedError):
            sign_with_report(store, case_id, user, render(store, case_id))
        with pytest.raises(Exception, match="never rewritten"):
            store._conn.execute("UPDATE signed_reports SET sha256 = 'x'")
    with CaseStore(data) as store:  # a restart: the same bytes, found by the store
        again = current_signed_report(store, case_id)
        assert again is not None and again.intact()
        assert again.path.read_bytes() == first_bytes


def test_amendment_keeps_both_versions(signed_setup):
    data, case_id, _ = signed_setup
    with CaseStore(data) as store:
        user = authenticate(store, "ana", PASSWORD)
        v1 = sign_with_report(store, case_id, user, render(store, case_id))
        v1_bytes = v1.path.read_bytes()
        store.reopen_case(case_id, user.actor, "blast count corrected")
        cell_id = store.fields(case_id)[0].cell_ids[0]
        store.reclassify_cell(cell_id, "blast", user.actor)
        v2 = sign_with_report(store, case_id, user, render(store, case_id))
    with CaseStore(data) as store:
        versions = signed_reports(store, case_id)
        assert [v.version for v in versions] == [1, 2] and versions[1].amendment
        assert versions[0].path.read_bytes() == v1_bytes and versions[0].intact()
        assert versions[1].intact() and versions[1].sha256 != versions[0].sha256
        assert current_signed_report(store, case_id).path == v2.path
        actions = [e.action for e in store.audit_log(case_id)]
        assert actions[-3:] == ["case-reopened", "cell-reclassified", "case-amended"]


def test_a_failed_render_leaves_the_case_unsigned(signed_setup):
    data, case_id, _ = signed_setup
    with CaseStore(data) as store:
        user = authenticate(store, "ana", PASSWORD)

        def broken(case, path):
            raise RuntimeError("disk full")

        with pytest.raises(RuntimeError):
            sign_with_report(store, case_id, user, broken)
        assert store.get_case(case_id).status == "analysed"
        assert signed_reports(store, case_id) == []


def test_an_old_store_is_migrated(tmp_path):
    """A version-1 data folder gains the new tables and columns in place."""
    from clinic_app.store.schema import MIGRATIONS

    db = tmp_path / "cases.sqlite"
    conn = sqlite3.connect(db)
    conn.executescript(MIGRATIONS[1] + "\nPRAGMA user_version = 1;")
    conn.execute("INSERT INTO cases (patient_id, created_at, updated_at) VALUES ('old', 'a', 'a')")
    conn.commit()
    conn.close()
    with CaseStore(tmp_path) as store:
        case = store.get_case(1)
        assert case.patient_id == "old" and case.accession == "" and case.birth_date == ""
        create_user(store, "new", PASSWORD)
