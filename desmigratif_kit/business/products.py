"""Example products of Desa Rangga Talo (Ende, NTT): candlenut, cocoa and cajeput oil.

The seed names the three oils the village can make and says it needs help with production,
packaging and sales; it gives **no** prices, yields or sales figures. Every figure here is
therefore **illustrative** (``ilustrasi: True`` in every batch, and a note saying so and where
to ask for real local prices: the village market, the cooperative, the agricultural extension
officer). The figures live in a data file, ``data/sample/contoh_usaha_minyak.json`` (described
in ``data/README.md`` and registered in ``data/checksums.json``): a trainer can put in the
prices of their own region without touching code, a changed figure shows up in the checksum
test, and the file is checked by the same strict rules as a participant's own input.

:func:`contoh_produk` gives one product as a fresh plain dict that a participant can edit (and
an app can autosave): ``batch`` (for :func:`~desmigratif_kit.business.cost_of_goods`),
``kemasan``, ``saluran``, ``harga``, ``laku_per_bulan`` (for
:func:`~desmigratif_kit.business.compare_scenarios`), ``musim_pct``, ``investasi``,
``modal_awal_rp`` (for :func:`~desmigratif_kit.business.cash_flow_plan`), plus ``kode``,
``ilustrasi`` and ``catatan``. Names are in the language asked for (default: current).

>>> p = contoh_produk("minyak_kemiri")
>>> p["batch"]["nama"], p["ilustrasi"], p["batch"]["ilustrasi"]
('Minyak kemiri', True, True)
>>> contoh_produk("minyak_kemiri", lang="en")["kemasan"]["botol_30ml_label"]["nama"]
'30 ml bottle with label'
>>> contoh_produk("minyak_sawit")
Traceback (most recent call last):
...
desmigratif_kit.core.i18n.InputError: Nilai untuk "Contoh produk" tidak ditemukan: diharapkan
salah satu dari: minyak_kemiri, minyak_kakao, minyak_kayu_putih, diberikan "minyak_sawit".
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from functools import cache
from typing import Any

from desmigratif_kit.business import inputs as chk
from desmigratif_kit.business.cash_flow import check_investasi, check_musim
from desmigratif_kit.business.costs import check_batch
from desmigratif_kit.business.scenarios import compare_scenarios
from desmigratif_kit.core import i18n
from desmigratif_kit.core.files import data_path

__all__ = [
    "CONTOH_FILE",
    "CONTOH_PRODUK",
    "PRODUK_KEYS",
    "catatan_ilustrasi",
    "check_produk",
    "contoh_produk",
    "sama_dengan_contoh",
]

CONTOH_FILE = "sample/contoh_usaha_minyak.json"
"""The example products, relative to ``data/``."""
CONTOH_PRODUK = ("minyak_kemiri", "minyak_kakao", "minyak_kayu_putih")
"""The three oils of the seed's Desa Rangga Talo, in the order the lesson uses them."""
PRODUK_KEYS = (
    "kode",
    "batch",
    "kemasan",
    "saluran",
    "harga",
    "laku_per_bulan",
    "musim_pct",
    "investasi",
    "modal_awal_rp",
    "ilustrasi",
    "catatan",
)
_FILE_KEYS = ("keterangan", "kemasan", "saluran", "produk")
_FROM_FILE = ("batch", "harga", "laku_per_bulan", "musim_pct", "investasi", "modal_awal_rp")


def catatan_ilustrasi(lang: str | None = None) -> str:
    """The note shown wherever example figures are: they are illustrative, and where real
    local prices come from.

    >>> catatan_ilustrasi("en").startswith("Illustrative figures")
    True
    """
    return i18n.t("biz.ilustrasi.note", lang)


def _in_language(value: Any, lang: str) -> Any:
    """``{"id": ..., "en": ...}`` pairs replaced by the text of ``lang``, everywhere."""
    if isinstance(value, Mapping):
        if set(value) == set(i18n.LANGUAGES):
            return value[lang]
        return {key: _in_language(item, lang) for key, item in value.items()}
    if isinstance(value, list):
        return [_in_language(item, lang) for item in value]
    return value


@cache
def _file() -> dict[str, Any]:
    raw = json.loads(data_path(CONTOH_FILE).read_text(encoding="utf-8"))
    chk.check_keys(raw, _FILE_KEYS, CONTOH_FILE, required=_FILE_KEYS)
    for lang in i18n.LANGUAGES:  # every product valid in every language, once per process
        for kode in CONTOH_PRODUK:
            check_produk(_build(raw, kode, lang))
    return raw


def _build(raw: Mapping[str, Any], kode: str, lang: str) -> dict[str, Any]:
    product = raw["produk"][kode]
    chk.check_keys(product, _FROM_FILE, f"{CONTOH_FILE}: {kode}", required=_FROM_FILE)
    note = _in_language(raw["keterangan"], lang)
    built = {
        "kode": kode,
        **_in_language({k: product[k] for k in _FROM_FILE}, lang),
        "kemasan": _in_language(raw["kemasan"], lang),
        "saluran": _in_language(raw["saluran"], lang),
        "ilustrasi": True,
        "catatan": note,
    }
    built["batch"] = {**built["batch"], "ilustrasi": True, "catatan": note}
    order = (
        "kode",
        "batch",
        "kemasan",
        "saluran",
        "harga",
        "laku_per_bulan",
        "musim_pct",
        "investasi",
        "modal_awal_rp",
        "ilustrasi",
        "catatan",
    )
    return {key: built[key] for key in order}


def contoh_produk(kode: str, lang: str | None = None) -> dict[str, Any]:
    """One example product as a new, editable, JSON-friendly dict (see the module docstring).

    ``kode`` is one of :data:`CONTOH_PRODUK`; names are in ``lang`` (default: current).

    >>> p = contoh_produk("minyak_kayu_putih")
    >>> p["batch"]["biaya"][0]["nama"], p["batch"]["biaya"][0]["jumlah"]
    ('Daun kayu putih', 100)
    >>> p["batch"]["biaya"][0]["harga_rp"] = 800      # the participant's own price
    >>> contoh_produk("minyak_kayu_putih")["batch"]["biaya"][0]["harga_rp"]
    600
    """
    code = chk.choice(kode, CONTOH_PRODUK, "biz.field.contoh_produk")
    language = lang or i18n.get_language()
    return copy.deepcopy(_build(_file(), code, language))


def check_produk(produk: Mapping[str, Any]) -> dict[str, Any]:
    """A whole product (an example or a participant's) checked: every key known, the batch,
    packaging, channels, prices, sales, seasons, investments and start capital valid.

    Returns a new dict with the checked parts (the batch completed with its defaults).

    >>> p = contoh_produk("minyak_kakao")
    >>> check_produk(p)["modal_awal_rp"]
    6000000
    >>> check_produk({**p, "musim_pct": [100] * 11})
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Musim penjualan (% dari bulan biasa)" tidak
    dapat dibaca: diharapkan 12 angka, Januari sampai Desember, diberikan "11".
    """
    required = ("batch", "kemasan", "saluran", "harga", "modal_awal_rp")
    chk.check_keys(produk, PRODUK_KEYS, "biz.field.produk", required=required)
    batch = check_batch(produk["batch"])
    laku = produk.get("laku_per_bulan")
    compare_scenarios(batch, produk["kemasan"], produk["saluran"], produk["harga"], laku)
    return {
        "kode": chk.text(produk.get("kode"), "biz.field.kode", required=False),
        "batch": batch,
        "kemasan": copy.deepcopy(dict(produk["kemasan"])),
        "saluran": copy.deepcopy(dict(produk["saluran"])),
        "harga": copy.deepcopy(dict(produk["harga"])),
        "laku_per_bulan": copy.deepcopy(dict(laku)) if laku is not None else None,
        "musim_pct": check_musim(produk.get("musim_pct")),
        "investasi": check_investasi(produk.get("investasi"), 60),
        "modal_awal_rp": chk.rp(produk["modal_awal_rp"], "biz.field.modal_awal_rp"),
        "ilustrasi": chk.flag(produk.get("ilustrasi", False), "biz.field.ilustrasi"),
        "catatan": chk.text(produk.get("catatan"), "biz.field.catatan", required=False),
    }


def _angka(batch: Mapping[str, Any]) -> tuple:
    """The figures of a checked batch (names and notes left out: they change with the
    language and say nothing about prices)."""
    rows = tuple(
        (r["kategori"], float(r["jumlah"]), float(r["harga_rp"]), r["dasar"])
        for r in batch["biaya"]
    )
    keys = ("hasil_per_batch", "isi_per_unit", "susut_pct", "batch_per_bulan")
    return tuple(float(batch[k]) for k in keys) + (rows,)


def sama_dengan_contoh(batch: Mapping[str, Any]) -> str | None:
    """The code of the example product whose figures ``batch`` still has (names may differ:
    they follow the language), or ``None`` once a participant has changed a figure, so an app
    can say whether the numbers on screen are still only the illustrative example.

    >>> b = contoh_produk("minyak_kakao")["batch"]
    >>> sama_dengan_contoh(b), sama_dengan_contoh(contoh_produk("minyak_kakao", "en")["batch"])
    ('minyak_kakao', 'minyak_kakao')
    >>> b["biaya"][0]["harga_rp"] = 42_000                     # the village's own price
    >>> sama_dengan_contoh(b) is None
    True
    """
    figures = _angka(check_batch(batch))
    for kode in CONTOH_PRODUK:
        if _angka(check_batch(contoh_produk(kode)["batch"])) == figures:
            return kode
    return None
