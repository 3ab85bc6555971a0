"""The application layer: every use case the faces (window, command line) offer, written once.

Qt-free, ``mypy --strict``, imports only ``sora_desktop.core``. One module per family of use
cases; each use case is a function (or a small class) on plain data: dataclasses and jobs
in, dataclasses and jobs out, errors as ``core.errors.SoraError`` with creator-facing text
through core's ``_()`` (catalogue context ``core``).

    context.py      the engine assembled once: folders, library, profiles, settings, service
    status.py       the one status vocabulary: words, "is working", "is terminal", can ...
    connections.py  resolve and test a connection, keys in the keyring, the simulator rule
    generate.py     prepare the reference image and submit, remix, retry
    library.py      delete locally (the one safety rule), favourites, find a job by id or prefix
    history.py      query the library read-only: a job, a page, search, facets, spending
    resume.py       resume the jobs left unfinished (the window's start, ``resume``)
    profiles.py     save a profile with its key, remove one with its key
    export.py       export clips (copy, name template, sidecar, folder preparation)
    models.py       a kind's models, one model's parameters, the estimate, --param values
    resend.py       "send again" for an outcome-unknown job: its quote, then a new job
    storyboards.py  storyboards: keep, edit, plan, generate missing shots, regenerate, the film
    stitch.py       clips (files or library jobs) joined into a film filed in the library
    extend.py       extend a clip (the service's extensions, or a continuation joined to it)
    timeline.py     a storyboard as an OTIO / FCP X XML / CMX 3600 EDL timeline
    frames.py       a frame as a PNG; a frame as the start image of a new generation
    provider_links.py  where to get a key, the price list, the dashboard, per provider kind
    batch.py        batches: preview a file x sweeps, start with a cap, resume, retry the
                    failed rows, list, export results, contact sheet

A new use case goes into the module of its family (a new family: a new module here); the
faces call it and re-implement nothing. See docs/architecture.md "Layers".
"""
