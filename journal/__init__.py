"""Connection Journal: a private journal of connection, mood and treatment."""

import os as _os

__version__ = "0.1.0"

# One BLAS thread for numpy, set before numpy is first imported (every entry point imports this
# package first). The statistics are small matrix products: over a lifetime of days OpenBLAS
# switches to several threads, which on a busy two-core machine doubled the time of the
# insights and of a refresh. ``setdefault``: a person who sets these keeps their choice.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    _os.environ.setdefault(_name, "1")
del _name


class _SqliteUtilsWithoutNumpy:
    """Imports ``sqlite_utils.db`` with numpy hidden, when numpy is not loaded yet.

    sqlite-utils imports numpy (and pandas) at import time only to map their scalar types to
    column types when it creates tables from Python values, which the journal never does (its
    tables come from DDL, ``store.schema``). numpy costs ~100 ms of every start and of every
    command; the charts and the analysis import it themselves when they first run.

    A workaround on a third-party module (the clean route is a lazy import in sqlite-utils):
    it acts once, only while ``sqlite_utils.db`` runs, then removes itself; when numpy is
    loaded already it changes nothing. tests/test_journal_package.py checks that sqlite-utils
    still writes and reads every table of the journal and that numpy keeps one BLAS thread.
    """

    def find_spec(self, name: str, path: object = None, target: object = None) -> object:
        if name != "sqlite_utils.db":
            return None
        import sys
        from importlib.util import find_spec

        sys.meta_path.remove(self)
        spec = find_spec(name)
        loader = getattr(spec, "loader", None)
        if spec is None or loader is None or "numpy" in sys.modules:
            return spec
        exec_module = loader.exec_module

        def exec_without_numpy(module: object) -> None:
            hidden = [m for m in ("numpy", "pandas") if m not in sys.modules]
            for m in hidden:
                sys.modules[m] = None  # type: ignore[assignment]  # `import m` fails meanwhile
            try:
                exec_module(module)
            finally:
                for m in hidden:
                    if sys.modules.get(m, 0) is None:
                        del sys.modules[m]

        loader.exec_module = exec_without_numpy  # type: ignore[method-assign]
        return spec


import sys as _sys  # noqa: E402

_sys.meta_path.insert(0, _SqliteUtilsWithoutNumpy())
del _sys
