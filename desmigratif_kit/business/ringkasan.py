"""What pillar 2 tells the workshop about one participant's work (:func:`ringkasan_kerja`).

The workshop layer (village action plan, results board, district dashboard) reads these facts,
never the apps' data. ``works`` is the participant's latest saved data per app id (as
``core.store.Store.all_work`` gives it); the apps and the lesson of this pillar save under
:data:`APP_HPP`, :data:`APP_TITIK_IMPAS`, :data:`APP_RENCANA` and :data:`APP_PELAJARAN`.
A fact is ``None`` when the participant has not given it (a gap to discuss); ``follow_up`` is
``True`` when a district head should follow it up. No fact holds a name.

Facts, in this order (``key``: kind, where it comes from; when it is followed up):

==============================  =====  ============================================================
``hpp_per_unit_rp``             rp     *Kalkulator HPP*: the HPP of one sellable unit
``hpp_angka_sendiri``           bool   *Kalkulator HPP*: at least one figure differs from the
                                       illustrative example (follow up when ``False``: the
                                       village has not put in its own prices yet)
``harga_jual_rp``               rp     *Kalkulator HPP*: the selling price the participant uses
``margin_pct``                  pct    *Kalkulator HPP*: that price's margin (follow up when
                                       below 0: every unit loses money)
``titik_impas_unit``            int    *Titik Impas*: units a month that cover the fixed costs
``rencana_disimpan``            bool   *Rencana Usaha*: a plan was saved for the action plan
                                       (``None``: the app was never used; follow up when
                                       ``False``: a draft only)
``rencana_produk``              text   the saved plan's product code (``minyak_kemiri``)
``rencana_kemasan``             text   its packaging code (``botol_100ml``)
``rencana_saluran``             text   its sales-channel code (``marketplace``)
``rencana_laba_per_bulan_rp``   rp     its profit a month (follow up when 0 or less)
``rencana_investasi_rp``        rp     the start-up investment of the plan
``rencana_bulan_balik_modal``   int    the month of the plan that pays the investment back
                                       (``None`` also when it is not paid back in the plan)
``rencana_balik_modal``         bool   paid back within the plan (follow up when ``False``)
``rencana_modal_kurang_rp``     rp     start capital missing when cash runs short (follow up
                                       when more than 0)
``rencana_angka_contoh``        bool   the saved plan uses only the illustrative example's
                                       figures (follow up when ``True``)
``latihan_benar``               int    lesson ``02_usaha_keluarga``: exercises answered right
``latihan_dijawab``             int    exercises answered at least once (of 6)
``paham_margin_markup``         bool   Latihan 2.3, the margin-versus-markup trap, answered
                                       right at the last try (follow up when ``False``)
==============================  =====  ============================================================

>>> r = ringkasan_kerja({})
>>> r.pilar, len(r.fakta), len(r.kosong()) == len(r.fakta)
(2, 18, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desmigratif_kit.business.products import CONTOH_PRODUK, contoh_produk
from desmigratif_kit.core.lessons import answers, progress
from desmigratif_kit.core.summary import Fakta, RingkasanPilar

__all__ = [
    "APP_HPP",
    "APP_PELAJARAN",
    "APP_RENCANA",
    "APP_TITIK_IMPAS",
    "FAKTA_KEYS",
    "LATIHAN_NOMOR",
    "LESSON_ID",
    "angka_contoh_rencana",
    "ringkasan_kerja",
]

APP_HPP = "kalkulator_hpp"
APP_TITIK_IMPAS = "titik_impas"
APP_RENCANA = "rencana_usaha"
LESSON_ID = "02_usaha_keluarga"
APP_PELAJARAN = f"pelajaran_{LESSON_ID}"
LATIHAN_NOMOR = ("2.1", "2.2", "2.3", "2.4", "2.5", "2.6")
"""The lesson's exercises (a test keeps this equal to what ``business.latihan`` registers)."""
FAKTA_KEYS = (
    "hpp_per_unit_rp",
    "hpp_angka_sendiri",
    "harga_jual_rp",
    "margin_pct",
    "titik_impas_unit",
    "rencana_disimpan",
    "rencana_produk",
    "rencana_kemasan",
    "rencana_saluran",
    "rencana_laba_per_bulan_rp",
    "rencana_investasi_rp",
    "rencana_bulan_balik_modal",
    "rencana_balik_modal",
    "rencana_modal_kurang_rp",
    "rencana_angka_contoh",
    "latihan_benar",
    "latihan_dijawab",
    "paham_margin_markup",
)
_KINDS = {
    "hpp_per_unit_rp": "rp",
    "hpp_angka_sendiri": "bool",
    "harga_jual_rp": "rp",
    "margin_pct": "pct",
    "titik_impas_unit": "int",
    "rencana_disimpan": "bool",
    "rencana_produk": "text",
    "rencana_kemasan": "text",
    "rencana_saluran": "text",
    "rencana_laba_per_bulan_rp": "rp",
    "rencana_investasi_rp": "rp",
    "rencana_bulan_balik_modal": "int",
    "rencana_balik_modal": "bool",
    "rencana_modal_kurang_rp": "rp",
    "rencana_angka_contoh": "bool",
    "latihan_benar": "int",
    "latihan_dijawab": "int",
    "paham_margin_markup": "bool",
}


def _get(data: Any, *path: str) -> Any:
    """``data[path[0]][path[1]]...``, or ``None`` where anything is missing or malformed."""
    for key in path:
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)
    return data


def _number(value: Any) -> int | float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def _flag(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def _code(value: Any, allowed: tuple[str, ...] | None = None) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    return value if allowed is None or value in allowed else None


def angka_contoh_rencana(pilihan: Mapping[str, Any]) -> bool | None:
    """Whether a plan's choices keep every figure of the illustrative example (price and sales
    of the pair, start capital, investment, and no costs of the participant's own).

    >>> angka_contoh_rencana({"produk": "minyak_kemiri", "kemasan": "botol_100ml",
    ...     "saluran": "marketplace", "harga_rp": 32_000, "laku_per_bulan": 120,
    ...     "modal_awal_rp": 10_000_000, "investasi_rp": 6_000_000, "biaya_sendiri": False})
    True
    >>> angka_contoh_rencana({"produk": "minyak_kemiri", "kemasan": "botol_100ml",
    ...     "saluran": "marketplace", "harga_rp": 35_000})
    False
    """
    kode = _code(pilihan.get("produk"), CONTOH_PRODUK)
    kemasan, saluran = pilihan.get("kemasan"), pilihan.get("saluran")
    if kode is None or not isinstance(kemasan, str) or not isinstance(saluran, str):
        return None
    if pilihan.get("biaya_sendiri"):
        return False
    contoh = contoh_produk(kode)
    tools = contoh.get("investasi") or []
    expected = {
        "harga_rp": _get(contoh, "harga", kemasan, saluran),
        "laku_per_bulan": _get(contoh, "laku_per_bulan", kemasan, saluran),
        "modal_awal_rp": contoh["modal_awal_rp"],
        "investasi_rp": tools[0]["harga_rp"] if tools else 0,
    }
    for key, value in expected.items():
        given = pilihan.get(key)
        if given is not None and _number(given) != value:
            return False
    return True


def ringkasan_kerja(works: Mapping[str, Mapping[str, Any]]) -> RingkasanPilar:
    """The pillar-2 facts of one participant's saved work (see the module docstring).

    >>> works = {"kalkulator_hpp": {"hasil": {"hpp_per_unit_rp": 15_200, "contoh": None,
    ...          "harga_rencana_rp": 19_000, "margin_rencana_pct": 20.0}}}
    >>> r = ringkasan_kerja(works)
    >>> r.nilai("hpp_per_unit_rp"), r.nilai("hpp_angka_sendiri"), r.nilai("margin_pct")
    (15200, True, 20.0)
    >>> r.nilai("rencana_disimpan") is None
    True
    """
    values: dict[str, Any] = dict.fromkeys(FAKTA_KEYS)
    follow: set[str] = set()

    hasil = _get(works, APP_HPP, "hasil")
    if isinstance(hasil, Mapping):
        values["hpp_per_unit_rp"] = _number(hasil.get("hpp_per_unit_rp"))
        if "contoh" in hasil:
            values["hpp_angka_sendiri"] = hasil.get("contoh") is None
        values["harga_jual_rp"] = _number(hasil.get("harga_rencana_rp"))
        values["margin_pct"] = _number(hasil.get("margin_rencana_pct"))
    if values["hpp_angka_sendiri"] is False:
        follow.add("hpp_angka_sendiri")
    if values["margin_pct"] is not None and values["margin_pct"] < 0:
        follow.add("margin_pct")

    values["titik_impas_unit"] = _number(_get(works, APP_TITIK_IMPAS, "hasil", "unit_impas"))

    rencana = works.get(APP_RENCANA) if isinstance(works, Mapping) else None
    if isinstance(rencana, Mapping):
        saved = rencana.get("rencana_aksi")
        values["rencana_disimpan"] = isinstance(saved, Mapping)
        if not values["rencana_disimpan"]:
            follow.add("rencana_disimpan")
        else:
            _plan_facts(saved, values, follow)

    record = works.get(APP_PELAJARAN) if isinstance(works, Mapping) else None
    if isinstance(record, Mapping) and isinstance(record.get("answers") or {}, Mapping):
        done = progress(record, LATIHAN_NOMOR)
        values["latihan_benar"], values["latihan_dijawab"] = done.benar, done.dijawab
        trap = answers(record).get("2.3")
        if isinstance(trap, Mapping):
            values["paham_margin_markup"] = bool(trap.get("correct"))
            if not values["paham_margin_markup"]:
                follow.add("paham_margin_markup")

    return RingkasanPilar(
        2,
        [
            Fakta(key, f"biz.sum.{key}", values[key], _KINDS[key], key in follow)
            for key in FAKTA_KEYS
        ],
    )


def _plan_facts(saved: Mapping[str, Any], values: dict[str, Any], follow: set[str]) -> None:
    pilihan = saved.get("pilihan") if isinstance(saved.get("pilihan"), Mapping) else {}
    summary = saved.get("ringkasan") if isinstance(saved.get("ringkasan"), Mapping) else {}
    values["rencana_produk"] = _code(pilihan.get("produk"))
    values["rencana_kemasan"] = _code(pilihan.get("kemasan"))
    values["rencana_saluran"] = _code(pilihan.get("saluran"))
    laba = _number(summary.get("laba_per_bulan_rp"))
    values["rencana_laba_per_bulan_rp"] = laba
    if laba is not None and laba <= 0:
        follow.add("rencana_laba_per_bulan_rp")
    values["rencana_investasi_rp"] = _number(summary.get("investasi_rp"))
    month = _number(summary.get("bulan_balik_modal"))
    values["rencana_bulan_balik_modal"] = month
    if "bulan_balik_modal" in summary and values["rencana_investasi_rp"]:
        values["rencana_balik_modal"] = month is not None
        if month is None:
            follow.add("rencana_balik_modal")
    short = _number(summary.get("modal_kurang_rp"))
    values["rencana_modal_kurang_rp"] = short
    if short:
        follow.add("rencana_modal_kurang_rp")
    values["rencana_angka_contoh"] = _flag(angka_contoh_rencana(pilihan))
    if values["rencana_angka_contoh"]:
        follow.add("rencana_angka_contoh")
