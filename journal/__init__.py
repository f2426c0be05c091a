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
