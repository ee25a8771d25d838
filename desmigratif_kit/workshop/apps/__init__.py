"""Workshop apps (ipywidgets): :mod:`.beranda` (home), :mod:`.rencana_aksi` (village action
plan), :mod:`.papan_hasil` (results board), :mod:`.dasbor_kabupaten` (district dashboard)."""
