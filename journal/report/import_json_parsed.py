"""What ``read_export`` answers: a whole export, validated, ready for ``load`` or ``merge``."""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from journal.report.import_json_fast import records_of


class ParsedExport:
    """Validated records per table, the kept extra columns per record, and the settings.

    The big tables checked column-wise (``import_json_fast``) are held as the rows to write;
    their records are built only when ``records`` or ``kept`` is asked (a merge), so a new
    journal's import never builds them.
    """

    __slots__ = ("_built", "_kept", "_records", "_rows", "settings")

    def __init__(self) -> None:
        self.settings: dict[str, Any] = {}
        self._records: dict[str, list[Any]] = {}
        self._kept: dict[str, list[dict[str, Any]]] = {}
        self._rows: dict[str, tuple[tuple[str, ...], list[tuple[Any, ...]]]] = {}
        self._built = False

    def add_records(self, table: str, records: list[Any], kept: list[dict[str, Any]]) -> None:
        self._records[table], self._kept[table] = records, kept

    def add_rows(self, table: str, names: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        self._records[table], self._kept[table] = [], []  # a place in the tables' order
        self._rows[table] = (names, rows)

    def rows(self, table: str) -> tuple[tuple[str, ...], list[tuple[Any, ...]]] | None:
        """The column names and value tuples to write, for a table checked column-wise."""
        return self._rows.get(table)

    def held(self, table: str) -> tuple[list[Any], list[dict[str, Any]]]:
        """The records and kept columns of a table read record by record (none are built)."""
        return self._records[table], self._kept[table]

    def column(self, table: str, name: str) -> Sequence[Any]:
        """One column's values: as written for a table checked column-wise, else as the
        records hold them."""
        held = self._rows.get(table)
        if held is None:
            return [getattr(record, name) for record in self._records[table]]
        names, rows = held
        return list(map(itemgetter(names.index(name)), rows))

    def _build(self) -> None:
        if not self._built:
            for table, (names, rows) in self._rows.items():
                self._records[table], self._kept[table] = records_of(table, names, rows)
            self._built = True

    @property
    def records(self) -> dict[str, list[Any]]:
        self._build()
        return self._records

    @property
    def kept(self) -> dict[str, list[dict[str, Any]]]:
        self._build()
        return self._kept

    def count(self) -> int:
        return sum(
            len(self._rows[table][1]) if table in self._rows else len(records)
            for table, records in self._records.items()
        )
