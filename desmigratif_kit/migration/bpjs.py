"""Pillar 1: the BPJS Ketenagakerjaan contribution of a migrant worker (Permenaker 4/2023).

>>> bpjs_contribution_rp(24).total_rp
370000
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass

from desmigratif_kit.core import i18n

# --- BPJS Ketenagakerjaan contribution (Permenaker 4/2023) ---------------------------------

BIAYA_IURAN_BPJS = {
    "sebelum_bekerja_rp": 37_500,
    "paket_rp": {6: 108_000, 12: 189_000, 24: 332_500},
    "per_bulan_tambahan_rp": 13_500,
}
"""Permenaker 4/2023 figures (FACTS 1.5, verified in the regulation text)."""

BULAN_KONTRAK_MAKS = 60


@dataclass(frozen=True)
class IuranBpjs:
    """The parts and the total of a migrant worker's BPJS Ketenagakerjaan contribution."""

    bulan_kontrak: int
    sebelum_bekerja_rp: int
    paket_bulan: int
    paket_rp: int
    bulan_tambahan: int
    tambahan_rp: int
    selama_setelah_rp: int
    total_rp: int


def bpjs_contribution_rp(bulan_kontrak: int) -> IuranBpjs:
    """The BPJS Ketenagakerjaan (JKK + JKM) contribution for a contract of ``bulan_kontrak`` months.

    Permenaker 4/2023 (FACTS 1.5): Rp 37.500 before work, plus for during and after work a
    package of Rp 108.000 (6 months), Rp 189.000 (12 months) or Rp 332.500 (24 months), and
    Rp 13.500 for each month beyond a package. The figures at 6, 12 and 24 months are certain.
    Between them this kit reads "each month beyond these" as *one package plus extra months*
    and takes the cheapest such cover: 7 months = 6-month package + 1 month; 23 months = the
    24-month package (cheaper than 12 + 11 months); 25 months = 24 + 1 month. Note that
    Rp 108.000 + 6 x Rp 13.500 = Rp 189.000 exactly, which supports the per-month reading
    between 6 and 12 months. Check the exact rule with BPJS Ketenagakerjaan before quoting a
    figure between packages. Returns the parts and the total (``total_rp``).

    >>> bpjs_contribution_rp(24).total_rp      # 37.500 + 332.500: the old flat Rp 370.000
    370000
    >>> [bpjs_contribution_rp(m).selama_setelah_rp for m in (6, 7, 12, 13, 22, 23, 25)]
    [108000, 121500, 189000, 202500, 324000, 332500, 346000]
    >>> bpjs_contribution_rp(0)
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Lama kontrak (bulan)" di luar batas:
    diharapkan antara 1 dan 60, diberikan "0".
    """
    months = bulan_kontrak
    if isinstance(months, bool) or not isinstance(months, numbers.Integral):
        if isinstance(months, float) and months.is_integer():
            months = int(months)
        else:
            raise i18n.InputError(
                "input.unreadable",
                expected="expected.between",
                min=1,
                max=BULAN_KONTRAK_MAKS,
                given=bulan_kontrak,
                field="mig.field.bulan_kontrak",
            )
    months = int(months)
    if not 1 <= months <= BULAN_KONTRAK_MAKS:
        raise i18n.InputError(
            "input.out_of_range",
            expected="expected.between",
            min=1,
            max=BULAN_KONTRAK_MAKS,
            given=months,
            field="mig.field.bulan_kontrak",
        )
    per_bulan = BIAYA_IURAN_BPJS["per_bulan_tambahan_rp"]
    options = []
    for paket, harga in BIAYA_IURAN_BPJS["paket_rp"].items():
        extra = max(0, months - paket)
        # cheapest first; on a tie the larger package (the one that covers the contract)
        options.append((harga + extra * per_bulan, -paket, paket, harga, extra))
    selama, _, paket, harga, extra = min(options)
    sebelum = BIAYA_IURAN_BPJS["sebelum_bekerja_rp"]
    return IuranBpjs(
        bulan_kontrak=months,
        sebelum_bekerja_rp=sebelum,
        paket_bulan=paket,
        paket_rp=harga,
        bulan_tambahan=extra,
        tambahan_rp=extra * per_bulan,
        selama_setelah_rp=selama,
        total_rp=sebelum + selama,
    )
