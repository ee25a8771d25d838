"""Pillar 1, *layanan migrasi*: the village migration information and service centre.

This ``__init__`` is the pillar's public API: ``from desmigratif_kit.migration import
check_readiness, red_flags, bpjs_contribution_rp, load_register`` and every name the notebooks
use. Inside the pillar, one module per idea:

* :mod:`.codes`: routes, visas, documents, requirement and red-flag codes, the zero-cost jobs,
  the Middle-East moratorium and its one-channel exception (SPSK), online-scam countries;
* :mod:`.findings`: every rule (:data:`RULES`) with its legal basis, explanation, next step;
* :mod:`.readiness`: :func:`check_readiness`, :func:`red_flags`, :func:`usia_tahun`;
* :mod:`.bpjs`: :func:`bpjs_contribution_rp` (Permenaker 4/2023);
* :mod:`.register`: the village register of migrant workers (schema, import, summaries);
* :mod:`.masking`: identity numbers masked in tables, exports and messages;
* :mod:`.register_edit`: the register as saved work: records, entries, merge, alerts, Excel;
* :mod:`.penempatan`: BP2MI placement statistics (FACTS 1.8);
* :mod:`.cards`: the Waspada Calo scenario cards;
* :mod:`.charts`: the pillar's charts (matplotlib; imported by notebooks and apps only);
* :mod:`.latihan`: the exercises of the lesson ``01_migrasi_aman``;
* :mod:`.ringkasan`: ``ringkasan_kerja``, the facts the workshop layer shows (imported by the
  workshop from the module: it reads the apps' saved work through the whole package);
* :mod:`.apps`: one module per app (ipywidgets).

Rules modules import only :mod:`desmigratif_kit.core` and each other; they never import
ipywidgets, IPython or matplotlib.

>>> from datetime import date
>>> hasil = check_readiness({
...     "tanggal_lahir": date(2000, 5, 1), "tanggal_berangkat": date(2026, 3, 1),
...     "dokumen": DOKUMEN_PASAL_13, "bpjs": True, "opp": True, "jalur": "p3mi",
...     "visa": "kerja", "jabatan": "operator pabrik", "biaya_penempatan_rp": 0})
>>> hasil.siap
True
>>> from desmigratif_kit.migration import register
>>> load_register is register.load_register
True
"""

from __future__ import annotations

from desmigratif_kit.migration.bpjs import (
    BIAYA_IURAN_BPJS,
    BULAN_KONTRAK_MAKS,
    IuranBpjs,
    bpjs_contribution_rp,
)
from desmigratif_kit.migration.codes import (
    DOKUMEN_PASAL_13,
    DOKUMEN_TAMBAHAN,
    GAJI_TIDAK_WAJAR_KALI,
    JABATAN_BEBAS_BIAYA,
    JABATAN_RUMAH_TANGGA,
    JALUR,
    JALUR_LAMA,
    KODE_LAMA,
    MORATORIUM_TIMUR_TENGAH,
    PEREKRUT,
    PEREKRUT_ORANG,
    PERHATIAN,
    SPSK_ARAB_SAUDI,
    SYARAT,
    TANDA_BAHAYA,
    VISA,
    VISA_NON_KERJA,
    Moratorium,
    Pengecualian,
    jabatan_bebas_biaya,
    kena_moratorium,
    kerja_online,
    negara_moratorium,
    negara_penipuan_daring,
)
from desmigratif_kit.migration.findings import RULES, Finding
from desmigratif_kit.migration.penempatan import (
    load_penempatan_negara,
    load_penempatan_provinsi,
    load_penempatan_rincian,
    load_penempatan_tahunan,
)
from desmigratif_kit.migration.readiness import (
    HasilKesiapan,
    check_readiness,
    red_flags,
    usia_tahun,
)
from desmigratif_kit.migration.register import (
    MASKED_COLUMNS,
    REGISTER_SCHEMA,
    SAMPLE_REFERENCE_DATE,
    SAMPLE_REGISTER_FILE,
    STATUS,
    TIDAK_DIISI,
    contracts_ending,
    load_register,
    load_sample_register,
    mask_digits,
    mask_id,
    mask_nik,
    masked,
    masked_error,
    movements_per_month,
    register_summary,
)

__all__ = [
    "BIAYA_IURAN_BPJS",
    "BULAN_KONTRAK_MAKS",
    "DOKUMEN_PASAL_13",
    "DOKUMEN_TAMBAHAN",
    "GAJI_TIDAK_WAJAR_KALI",
    "JABATAN_BEBAS_BIAYA",
    "JABATAN_RUMAH_TANGGA",
    "JALUR",
    "JALUR_LAMA",
    "KODE_LAMA",
    "MASKED_COLUMNS",
    "MORATORIUM_TIMUR_TENGAH",
    "PEREKRUT",
    "PEREKRUT_ORANG",
    "PERHATIAN",
    "REGISTER_SCHEMA",
    "RULES",
    "SAMPLE_REFERENCE_DATE",
    "SAMPLE_REGISTER_FILE",
    "SPSK_ARAB_SAUDI",
    "STATUS",
    "SYARAT",
    "TANDA_BAHAYA",
    "TIDAK_DIISI",
    "VISA",
    "VISA_NON_KERJA",
    "Finding",
    "HasilKesiapan",
    "IuranBpjs",
    "Moratorium",
    "Pengecualian",
    "bpjs_contribution_rp",
    "check_readiness",
    "contracts_ending",
    "jabatan_bebas_biaya",
    "kena_moratorium",
    "kerja_online",
    "load_penempatan_negara",
    "load_penempatan_provinsi",
    "load_penempatan_rincian",
    "load_penempatan_tahunan",
    "load_register",
    "load_sample_register",
    "mask_digits",
    "mask_id",
    "mask_nik",
    "masked",
    "masked_error",
    "movements_per_month",
    "negara_moratorium",
    "negara_penipuan_daring",
    "red_flags",
    "register_summary",
    "usia_tahun",
]
