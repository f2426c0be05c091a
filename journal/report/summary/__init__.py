"""The therapist summary: ``build`` gathers the figures into a pure ``Summary``, ``sections``,
``glance``, ``care`` and ``insights`` fill its blocks, ``html`` writes them, and ``pdf`` (Qt) lays
the HTML out on pages. Importing the package loads nothing: callers import the module they need.
"""
