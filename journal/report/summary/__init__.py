"""The therapist summary: ``build`` turns what the services gathered (``inputs``) into a pure
``Summary``; page 1 comes from ``glance`` (figures) and ``glance_blocks`` (words), the sections
after it from ``sections`` (``charts``, ``questionnaires``, ``insights``, ``treatment``, the
notes and the safety plan), worded by ``words`` and ``names``; ``html`` writes it and ``pdf``
(Qt, with ``pdf_charts``) lays it out on pages. Importing the package loads nothing: callers
import the module they need.
"""
