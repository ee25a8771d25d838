"""Excel files of pillar 2 (*laporan*): what the apps hand out, built with :mod:`core.excel`.

Indonesian headers (the columns' catalog labels, in the language asked for), real numbers
with rupiah formats (``"Rp" #,##0``), a note above each table saying whether the figures are
the illustrative example or the participant's own, totals where they add up. Pure: results in,
``.xlsx`` bytes out (the apps offer them with ``core.app.download_link``).

* :func:`hpp_xlsx`: the *Kalkulator HPP* workbook. Its first sheet is the cost table with the
  columns of :data:`~desmigratif_kit.business.BIAYA_SCHEMA` and no note above it, so the file
  can be edited in Excel and imported again;
* :func:`titik_impas_xlsx`: revenue, cost and profit from 0 units to past the break-even;
* :func:`rencana_xlsx`: the 12-month cash-flow plan, its summary and every packaging × channel
  pair.

The same tables are also given as text for people (``Rp 15.200``, ``49,3%``, Indonesian
headers) for the lesson: :func:`tabel_biaya`, :func:`tabel_rincian`, :func:`tabel_skenario`,
:func:`tabel_arus_kas`.

>>> import io, openpyxl
>>> from desmigratif_kit.business import contoh_produk, cost_of_goods
>>> batch = contoh_produk("minyak_kemiri")["batch"]
>>> book = openpyxl.load_workbook(io.BytesIO(hpp_xlsx(batch, cost_of_goods(batch))))
>>> book.sheetnames
['Biaya', 'Rincian HPP']
>>> [c.value for c in book["Biaya"][1]]
['Kategori', 'Nama', 'Jumlah', 'Satuan', 'Harga satuan', 'Dihitung']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from desmigratif_kit.business.break_even import TitikImpas
from desmigratif_kit.business.costs import BIAYA_SCHEMA, HargaPokok, biaya_ke_tabel
from desmigratif_kit.business.inputs import bulatkan_rp
from desmigratif_kit.business.plan import RencanaUsaha
from desmigratif_kit.business.pricing import AnalisisHarga, margin_vs_markup
from desmigratif_kit.business.products import catatan_ilustrasi
from desmigratif_kit.business.scenarios import PerbandinganSkenario
from desmigratif_kit.core.excel import Lembar, workbook
from desmigratif_kit.core.i18n import (
    format_number,
    format_pct,
    format_rp,
    t,
)
from desmigratif_kit.core.inputs import missing
from desmigratif_kit.core.tables import Column

__all__ = [
    "Tabel",
    "hpp_xlsx",
    "rencana_xlsx",
    "tabel_arus_kas",
    "tabel_biaya",
    "tabel_rincian",
    "tabel_skenario",
    "titik_impas_xlsx",
]


def _note(ilustrasi: bool, lang: str | None) -> str:
    return catatan_ilustrasi(lang) if ilustrasi else t("biz.chart.source.peserta", lang)


def _col(name: str, kind: str, lang: str | None) -> Column:
    return Column(name, kind, label=t(f"biz.col.{name}", lang))


def hpp_xlsx(
    batch: Mapping[str, Any],
    hpp: HargaPokok,
    harga: AnalisisHarga | None = None,
    lang: str | None = None,
) -> bytes:
    """The *Kalkulator HPP* workbook: the cost table (importable again), the HPP breakdown and,
    with ``harga``, the selling prices by margin and by markup.

    >>> import io, openpyxl
    >>> from desmigratif_kit.business import analisis_harga, contoh_produk, cost_of_goods
    >>> batch = contoh_produk("minyak_kemiri")["batch"]
    >>> hpp = cost_of_goods(batch)
    >>> data = hpp_xlsx(batch, hpp, analisis_harga(hpp.hpp_per_unit_rp, 30))
    >>> sheet = openpyxl.load_workbook(io.BytesIO(data))["Harga jual"]
    >>> [c.value for c in sheet[3]][:3], sheet["B3"].number_format
    (['Margin 30% dari harga jual', 21715, 6515], '"Rp" #,##0')
    """
    biaya = Lembar(
        t("biz.xlsx.biaya", lang), biaya_ke_tabel(batch, lang), list(BIAYA_SCHEMA.columns)
    )
    rincian = hpp.tabel()
    rincian["kategori"] = [t(f"biz.kategori.{k}", lang) for k in rincian["kategori"]]
    title = t(
        "biz.chart.cost.title",
        lang,
        produk=hpp.nama,
        unit=hpp.nama_unit,
        hpp=format_rp(bulatkan_rp(hpp.hpp_per_unit_rp)),
    )
    sheets = [
        biaya,
        Lembar(
            t("biz.xlsx.rincian", lang),
            rincian,
            [
                _col("kategori", "text", lang),
                _col("nama", "text", lang),
                _col("per_batch_rp", "rp", lang),
                _col("per_unit_rp", "rp", lang),
                _col("porsi_pct", "pct", lang),
            ],
            catatan=f"{title}. {_note(hpp.ilustrasi, lang)}",
            total=["per_batch_rp", "per_unit_rp", "porsi_pct"],
        ),
    ]
    if harga is not None:
        persen = f"{harga.persen:g}".replace(".", ",")
        rows = [
            {
                "cara": t("biz.xlsx.by_margin", lang, pct=persen),
                "harga_rp": harga.harga_margin_rp,
                "laba_rp": harga.laba_margin_rp,
                "margin_pct": harga.persen,
                "markup_pct": harga.markup_margin_pct,
            },
            {
                "cara": t("biz.xlsx.by_markup", lang, pct=persen),
                "harga_rp": harga.harga_markup_rp,
                "laba_rp": harga.laba_markup_rp,
                "margin_pct": harga.margin_markup_pct,
                "markup_pct": harga.persen,
            },
        ]
        if harga.harga_rencana_rp is not None:
            rows.append(
                {
                    "cara": t("biz.xlsx.planned", lang),
                    "harga_rp": harga.harga_rencana_rp,
                    "laba_rp": harga.laba_rencana_rp,
                    "margin_pct": harga.margin_rencana_pct,
                    "markup_pct": harga.markup_rencana_pct,
                }
            )
        frame = pd.DataFrame(rows)
        for name in ("laba_rp", "margin_pct", "markup_pct"):
            frame[name] = frame[name].astype(float).round(2 if name != "laba_rp" else 0)
        sheets.append(
            Lembar(
                t("biz.xlsx.harga", lang),
                frame,
                [
                    _col("cara", "text", lang),
                    _col("harga_rp", "rp", lang),
                    _col("laba_rp", "rp", lang),
                    _col("margin_pct", "pct", lang),
                    _col("markup_pct", "pct", lang),
                ],
                catatan=f"HPP {format_rp(bulatkan_rp(hpp.hpp_per_unit_rp))}. "
                + margin_vs_markup(lang),
            )
        )
    return workbook(sheets)


def titik_impas_xlsx(
    titik: TitikImpas,
    nama_unit: str | None = None,
    sampai_unit: int | None = None,
    ilustrasi: bool = False,
    lang: str | None = None,
) -> bytes:
    """Revenue (after the channel's fee), total cost and profit per month for whole numbers
    of units from 0 to ``sampai_unit`` (default: twice the break-even), the break-even in
    words above the table.

    >>> import io, openpyxl
    >>> from desmigratif_kit.business import break_even
    >>> data = titik_impas_xlsx(break_even(250_000, 29_440, 16_700), "botol", 40)
    >>> sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    >>> [c.value for c in sheet[2]]
    ['Terjual per bulan', 'Pendapatan', 'Biaya total', 'Laba (rugi: minus)']
    >>> [c.value for c in sheet[23]]                     # 20 × 29.440; 250.000 + 20 × 16.700
    [20, 588800, 584000, 4800]
    """
    end = sampai_unit if sampai_unit is not None else max(10, 2 * titik.unit_per_bulan)
    frame = titik.tabel(end, titik=min(end + 1, 201))
    for name in ("pendapatan_rp", "biaya_total_rp", "laba_rp"):
        frame[name] = [bulatkan_rp(v) for v in frame[name]]
    return workbook(
        [
            Lembar(
                t("biz.xlsx.titik_impas", lang),
                frame,
                [
                    _col("unit", "int", lang),
                    _col("pendapatan_rp", "rp", lang),
                    _col("biaya_total_rp", "rp", lang),
                    _col("laba_rp", "rp", lang),
                ],
                catatan=f"{titik.kalimat(nama_unit, lang)} {_note(ilustrasi, lang)}",
            )
        ]
    )


_KAS = (
    ("unit_terjual", "int"),
    ("penjualan_rp", "rp"),
    ("potongan_rp", "rp"),
    ("kas_masuk_rp", "rp"),
    ("biaya_variabel_rp", "rp"),
    ("biaya_tetap_rp", "rp"),
    ("investasi_rp", "rp"),
    ("kas_keluar_rp", "rp"),
    ("arus_bersih_rp", "rp"),
    ("saldo_rp", "rp"),
)


def rencana_xlsx(
    rencana: RencanaUsaha,
    semua: PerbandinganSkenario | None = None,
    lang: str | None = None,
) -> bytes:
    """The *Rencana Usaha* workbook: the cash flow month by month (with the conclusion above
    it), the plan's summary, and every packaging × channel pair ranked (with ``semua``).

    >>> import io, openpyxl
    >>> from desmigratif_kit.business import contoh_produk, rencana_usaha
    >>> r = rencana_usaha(contoh_produk("minyak_kemiri"), "botol_100ml", "marketplace",
    ...                   tahun_mulai=2027)
    >>> sheet = openpyxl.load_workbook(io.BytesIO(rencana_xlsx(r)))["Arus kas"]
    >>> sheet["B3"].value, sheet["L3"].value, sheet["L3"].number_format
    ('Januari 2027', 5225920, '"Rp" #,##0')
    """
    kas = rencana.arus_kas
    months = pd.DataFrame(
        [
            {"bulan": m.label(lang), **{name: getattr(m, name) for name, _ in _KAS}}
            for m in kas.bulan
        ]
    )
    months.insert(0, "bulan_ke", [m.bulan_ke for m in kas.bulan])
    columns = [_col("bulan_ke", "int", lang), _col("bulan", "text", lang)]
    columns += [_col(name, kind, lang) for name, kind in _KAS]
    flows = [name for name, _ in _KAS if name != "saldo_rp"]
    sheets = [
        Lembar(
            t("biz.xlsx.arus_kas", lang),
            months,
            columns,
            catatan=f"{kas.kesimpulan(lang)} {_note(rencana.ilustrasi, lang)}",
            total=flows,
        ),
        Lembar(
            t("biz.xlsx.ringkasan", lang),
            pd.DataFrame(_summary_rows(rencana, lang), columns=["uraian", "nilai"]),
            [_col("uraian", "text", lang), _col("nilai", "text", lang)],
            catatan=_note(rencana.ilustrasi, lang),
        ),
    ]
    if semua is not None:
        pairs = pd.DataFrame([s.to_dict() for s in semua.skenario])
        pairs["kontribusi_per_unit_rp"] = [bulatkan_rp(v) for v in pairs["kontribusi_per_unit_rp"]]
        sheets.append(
            Lembar(
                t("biz.xlsx.skenario", lang),
                pairs,
                [
                    _col("peringkat", "int", lang),
                    _col("nama_kemasan", "text", lang),
                    _col("nama_saluran", "text", lang),
                    _col("harga_rp", "rp", lang),
                    _col("potongan_pct", "pct", lang),
                    _col("kontribusi_per_unit_rp", "rp", lang),
                    _col("unit_per_bulan", "int", lang),
                    _col("biaya_tetap_per_bulan_rp", "rp", lang),
                    _col("laba_per_bulan_rp", "rp", lang),
                ],
                catatan=t("biz.chart.scenarios.note", lang) + " " + _note(semua.ilustrasi, lang),
            )
        )
    return workbook(sheets)


def _summary_rows(rencana: RencanaUsaha, lang: str | None) -> list[tuple[str, str]]:
    s = rencana.skenario
    kas = rencana.arus_kas
    titik = rencana.titik_impas
    rows = [
        (t("biz.col.produk", lang), rencana.hpp.nama),
        (t("biz.col.nama_kemasan", lang), s.nama_kemasan),
        (t("biz.col.nama_saluran", lang), s.nama_saluran),
        (t("biz.col.hpp_rp", lang), format_rp(bulatkan_rp(rencana.hpp.hpp_per_unit_rp))),
        (t("biz.col.harga_rp", lang), format_rp(s.harga_rp)),
        (t("biz.col.laba_per_bulan_rp", lang), format_rp(s.laba_per_bulan_rp)),
        (
            t("biz.col.peringkat", lang),
            t("biz.plan.rank", lang, n=s.peringkat, total=rencana.jumlah_skenario),
        ),
        (
            t("biz.col.titik_impas", lang),
            titik.kalimat(rencana.hpp.nama_unit, lang)
            if titik is not None
            else t("biz.plan.no_break_even", lang),
        ),
        (t("biz.col.modal_awal_rp", lang), format_rp(kas.modal_awal_rp)),
        (t("biz.col.investasi_rp", lang), format_rp(kas.total_investasi_rp)),
        (t("biz.col.kesimpulan", lang), kas.kesimpulan(lang)),
    ]
    return rows


# --- tables for people (the lesson shows them) ------------------------------------------------


class Tabel:
    """A table written for people, narrow enough for a phone: ``.df`` is the DataFrame (text
    in the Indonesian way, headers from the catalogs); in a notebook it shows as HTML that
    scrolls sideways inside the page instead of being cut off."""

    def __init__(self, df: pd.DataFrame):
        self.df = df

    _STYLE = (
        "<style>.dk-tabel { font-size: 0.9em; } .dk-tabel th, .dk-tabel td { padding: 3px 5px; }"
        " .dk-tabel td:not(:first-child) { white-space: nowrap; }"
        " .dk-tabel th:first-child, .dk-tabel td:first-child { text-align: left; }</style>"
    )

    def _repr_html_(self) -> str:
        table = self.df.to_html(index=False, border=0, escape=True, classes="dk-tabel")
        return f"{self._STYLE}<div style='overflow-x:auto;max-width:100%'>{table}</div>"

    def __repr__(self) -> str:
        return self.df.to_string(index=False)


def _shown(value: Any, kind: str) -> str:
    if missing(value):
        return ""
    if kind == "rp":
        return format_rp(bulatkan_rp(value))
    if kind == "angka_rp":  # rupiah without "Rp" (the header says it): narrow tables
        return format_number(bulatkan_rp(value))
    if kind == "pct":
        return format_pct(round(float(value), 1))
    if kind in ("int", "number"):
        return format_number(value)
    return str(value)


def _for_people(frame: pd.DataFrame, columns: list[tuple[str, str, str]]) -> Tabel:
    """``frame``'s columns ``(name, kind, header key)`` as text written the Indonesian way."""
    return Tabel(
        pd.DataFrame(
            {t(key): [_shown(v, kind) for v in frame[name]] for name, kind, key in columns}
        )
    )


def tabel_biaya(batch: Mapping[str, Any], lang: str | None = None) -> Tabel:
    """The cost rows of a batch as people read them (no amounts worked out: the lesson asks
    for them): name, quantity with its unit, price of one unit, how it is counted (four
    columns: a phone shows them all).

    >>> from desmigratif_kit.business import contoh_produk
    >>> tabel_biaya(contoh_produk("minyak_kemiri")["batch"]).df.iloc[0].tolist()
    ['Kemiri kupas', '3 kg', 'Rp 25.000', 'per liter hasil']
    """
    frame = biaya_ke_tabel(batch, lang)
    frame["jumlah"] = [
        f"{format_number(j)} {u}".strip() if not missing(u) else format_number(j)
        for j, u in zip(frame["jumlah"], frame["satuan"], strict=True)
    ]
    return _for_people(
        frame,
        [
            ("nama", "text", "biz.field.nama"),
            ("jumlah", "text", "biz.field.jumlah"),
            ("harga_rp", "rp", "biz.field.harga_rp"),
            ("dasar", "text", "biz.field.dasar"),
        ],
    )


def tabel_rincian(hpp: HargaPokok, lang: str | None = None) -> Tabel:
    """The HPP breakdown as people read it: each row's cost per batch, per unit and share.

    >>> from desmigratif_kit.business import contoh_produk, cost_of_goods
    >>> hpp = cost_of_goods(contoh_produk("minyak_kakao")["batch"])
    >>> tabel_rincian(hpp).df.iloc[0].tolist()
    ['Biji kakao kering', 'Rp 800.000', 'Rp 16.000', '61,8%']
    """
    return _for_people(
        hpp.tabel(),
        [
            ("nama", "text", "biz.col.nama"),
            ("per_batch_rp", "rp", "biz.col.per_batch_rp"),
            ("per_unit_rp", "rp", "biz.col.per_unit_rp"),
            ("porsi_pct", "pct", "biz.col.porsi_pct"),
        ],
    )


def tabel_skenario(
    perbandingan: PerbandinganSkenario,
    laba: bool = False,
    urutan: tuple[Sequence[str], Sequence[str]] | None = None,
    lang: str | None = None,
) -> Tabel:
    """Packaging × channel pairs as people read them: the pair, what one unit brings after the
    channel's fee and the variable costs, units sold a month, fixed costs a month, and (with
    ``laba``) the profit a month. The best pair comes first, unless ``urutan`` (the packaging
    codes, the channel codes: a product's ``kemasan`` and ``saluran``) gives the order: a lesson
    that asks which pair is best does not give it away.

    >>> from desmigratif_kit.business import compare_scenarios, contoh_produk
    >>> p = contoh_produk("minyak_kemiri")
    >>> s = compare_scenarios(p["batch"], p["kemasan"], p["saluran"], p["harga"],
    ...                       p["laku_per_bulan"])
    >>> tabel_skenario(s, laba=True).df.iloc[0].tolist()
    ['Botol 30 ml berlabel · Toko oleh-oleh (titip jual)', '5.440', '300', '250.000', '1.382.000']
    """
    items = list(perbandingan.skenario)
    if urutan is not None:
        packs, channels = (list(codes) for codes in urutan)
        items.sort(key=lambda x: (packs.index(x.kemasan), channels.index(x.saluran)))
    frame = pd.DataFrame([x.to_dict() for x in items])
    frame["pilihan"] = [f"{x.nama_kemasan} · {x.nama_saluran}" for x in items]
    columns = [
        ("pilihan", "text", "biz.col.pilihan"),
        ("kontribusi_per_unit_rp", "angka_rp", "biz.col.sumbangan_rp"),
        ("unit_per_bulan", "int", "biz.col.laku"),
        ("biaya_tetap_per_bulan_rp", "angka_rp", "biz.col.tetap_rp"),
    ]
    if laba:
        columns.append(("laba_per_bulan_rp", "angka_rp", "biz.col.laba_bulan_rp"))
    return _for_people(frame, columns)


def tabel_arus_kas(rencana: RencanaUsaha, lang: str | None = None) -> Tabel:
    """The months of a plan's cash flow as people read them: cash in, cash out, the balance
    (rupiah without "Rp": the headers say it; four columns fit a phone).

    >>> from desmigratif_kit.business import contoh_produk, rencana_usaha
    >>> r = rencana_usaha(contoh_produk("minyak_kemiri"), "botol_100ml", "marketplace",
    ...                   tahun_mulai=2027)
    >>> tabel_arus_kas(r).df.iloc[0].tolist()
    ['Jan 2027', '3.179.520', '7.953.600', '5.225.920']
    """
    kas = rencana.arus_kas
    frame = pd.DataFrame([{**m.to_dict(), "bulan": m.label(lang, pendek=True)} for m in kas.bulan])
    return _for_people(
        frame,
        [
            ("bulan", "text", "biz.col.bulan"),
            ("kas_masuk_rp", "angka_rp", "biz.app.plan.col_masuk"),
            ("kas_keluar_rp", "angka_rp", "biz.app.plan.col_keluar"),
            ("saldo_rp", "angka_rp", "biz.app.plan.col_saldo"),
        ],
    )
