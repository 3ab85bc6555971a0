"""The application layer: every use case the faces (window, command line) offer, written once.

Qt-free, ``mypy --strict``, imports only ``sora_desktop.core``. One module per family of use
cases; each use case is a function (or a small class) on plain data: dataclasses and jobs
in, dataclasses and jobs out, errors as ``core.errors.SoraError`` with creator-facing text
through core's ``_()`` (catalogue context ``core``).

    status.py       the one status vocabulary: words, "is working", "is terminal", can ...
    connections.py  resolve and test a connection, keys in the keyring, the simulator rule
    generate.py     prepare the reference image and submit, remix, retry
    library.py      delete locally (the one safety rule), find a job by id or prefix
    export.py       export clips (copy, name template, sidecar, folder preparation)

A new use case goes into the module of its family (a new family: a new module here); the
faces call it and re-implement nothing. See docs/architecture.md "Layers".
"""
