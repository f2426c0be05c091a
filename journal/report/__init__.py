"""Sharing and portability: exports, imports, merging, and the therapist summary.

Portability (``export_*``, ``import_*``, ``merge``, ``tables``) is pure Python; the summary is the
``summary`` package, where only ``summary/pdf.py`` and ``summary/pdf_charts.py`` use Qt.
"""
