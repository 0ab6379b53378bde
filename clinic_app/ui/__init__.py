"""The desktop app (PySide6). The only package that imports Qt; it holds no analysis logic.

Pages: cases (search, new, open), capture (camera / folder / video, import), review (field
view, cell gallery, summary, sign-off) and report (preview, save, print, export). The analysis
core (``clinic_app.analysis``) runs on worker threads; the case store is the single record.
"""
