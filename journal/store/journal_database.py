"""The journal's ``sqlite_utils.Database``, made only when first needed (see the class)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


class JournalDatabase:
    """The journal's ``sqlite_utils.Database``, made when first needed beyond ``execute``,
    ``query``, ``conn`` and ``close``.

    A start reads its first screen with plain SQL; sqlite-utils (with click, pluggy and
    dateutil: ~75 ms) is imported for the first table operation (an upsert, ``atomic``,
    ``db[table]``), or when the app warms it after its first paint (``warm``). Until then it
    does what ``Database(conn)`` does on its own: recursive triggers on, no plugins.
    """

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self._database: Database | None = None
        conn.execute("PRAGMA recursive_triggers = on")

    def execute(self, sql: str, parameters: Any = None) -> Any:
        if self._database is not None:
            return self._database.execute(sql, parameters)
        return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)

    def query(self, sql: str, params: Any = None) -> Iterator[dict[str, Any]]:
        cursor = self.execute(sql, params or ())
        keys = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    def close(self) -> None:
        self.conn.close()

    def warm(self) -> Database:
        """The real ``Database``, made now if it was not yet (sqlite-utils imported)."""
        if self._database is None:
            from sqlite_utils import Database

            self._database = Database(self.conn, execute_plugins=False)
        return self._database

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "_database":  # not set yet: no loop through warm
            raise AttributeError(name)
        return getattr(self.warm(), name)

    def __getitem__(self, name: str) -> Any:
        return self.warm()[name]
