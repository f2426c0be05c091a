"""Sharing and portability: exports, imports and the therapist summary.

Everything here is pure Python except ``report/pdf.py``, the one module that renders a summary
with Qt.
"""
