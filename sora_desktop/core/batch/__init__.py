"""Batches: many jobs from one file, multiplied by sweeps, previewed, capped, run unattended.

The engine half of a batch, Qt-free (the faces call it):

- :mod:`.source` reads prompts from CSV, TSV and plain text (:mod:`.jsonsource`: JSON and
  JSON Lines), UTF-8 only; :mod:`.template` fills ``{placeholders}`` from the columns,
  :mod:`.columns` reads the columns (and sweep values) that set a job setting;
- :mod:`.sweep` parses ``NAME=V1,V2`` and :mod:`.plan` multiplies every row by the sweeps
  into numbered, labelled jobs in a deterministic order;
- :mod:`.preview` says, before anything is sent, what each job would be, cost and take,
  and which rows the model refuses (the service's own validation) or the cap would hold;
- :mod:`.estimate` prices a job (one function, where a catalogue plugs in), guesses its
  render time from the library, and holds the cap rule;
- :mod:`.store` keeps batches in the library (schema v6) and :mod:`.runner` sends and
  follows their jobs through the :class:`~sora_desktop.core.service.GenerationService`,
  never sending a row twice, across crashes and restarts;
- :mod:`.review` makes the contact sheet and exports the results as CSV and JSON.
"""
