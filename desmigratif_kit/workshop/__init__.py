"""The workshop layer: what brings the pillars together for the room.

- :mod:`.apps.beranda`: the home page (sign in with a village, resume with a code, what to open
  next by role);
- the village action plan (:mod:`.rencana`, :mod:`.ekspor`, :mod:`.cetak`,
  :mod:`.apps.rencana_aksi`), the facilitator's live results board (:mod:`.rekap`,
  :mod:`.akses`, :mod:`.apps.papan_hasil`) and the district dashboard (:mod:`.konteks`,
  :mod:`.apps.dasbor_kabupaten`), all reading the pillars' facts through :mod:`.pilar`;
- :mod:`.katalog`: the workshop's notebooks in ``notebooks/lokakarya/``.

The workshop may import the pillars' public APIs; no pillar imports it.
"""
