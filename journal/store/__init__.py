"""SQLite storage of a journal: one connection function, the schema, one module per aggregate.

Every function takes the ``sqlite_utils.Database`` it works on; there is no global database.
"""
