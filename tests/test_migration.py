"""Readiness rules, red flags and BPJS (worked examples from FACTS.md 1), and the public API."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desmigratif_kit import migration
from desmigratif_kit.core import i18n
from desmigratif_kit.migration import (
    DOKUMEN_PASAL_13,
    RULES,
    SYARAT,
    TANDA_BAHAYA,
    bpjs_contribution_rp,
    check_readiness,
    readiness,
    red_flags,
)


def calon(**changes):
    """A candidate who is ready: every document, BPJS, OPP, a work visa, no fee."""
    base = {
        "tanggal_lahir": date(2000, 5, 1),
        "tanggal_berangkat": date(2026, 3, 1),
        "dokumen": list(DOKUMEN_PASAL_13),
        "bpjs": True,
        "opp": True,
        "jalur": "p3mi",
        "visa": "kerja",
        "jabatan": "pekerja rumah tangga",
        "biaya_penempatan_rp": 0,
    }
    return {**base, **changes}


def tanpa(*codes):
    return [code for code in DOKUMEN_PASAL_13 if code not in codes]


# --- readiness ------------------------------------------------------------------------------


def test_complete_candidate_is_ready():
    hasil = check_readiness(calon())
    assert hasil.siap is True
    assert hasil.kurang == [] and hasil.tanda_bahaya == [] and hasil.perhatian == []
    assert hasil.usia == 25


def test_18th_birthday_on_departure_date_is_ok():
    hasil = check_readiness(calon(tanggal_lahir=date(2008, 3, 1)))
    assert hasil.siap and hasil.usia == 18


def test_one_day_before_18th_birthday_is_under_age():
    hasil = check_readiness(
        calon(tanggal_lahir=date(2008, 3, 1), tanggal_berangkat=date(2026, 2, 28))
    )
    assert not hasil.siap
    assert hasil.kurang == ["usia"]
    assert hasil.tanda_bahaya == ["di_bawah_umur"]
    basis = hasil.penjelasan("di_bawah_umur").dasar_hukum
    assert basis == "UU 18/2017 Pasal 5 huruf a; Pasal 66 jo. Pasal 80"


@pytest.mark.parametrize(
    ("berangkat", "siap"),
    [(date(2026, 2, 28), False), (date(2026, 3, 1), True)],
)
def test_29_february_birthday_turns_18_on_1_march(berangkat, siap):
    hasil = check_readiness(calon(tanggal_lahir=date(2008, 2, 29), tanggal_berangkat=berangkat))
    assert hasil.siap is siap


def test_usia_tahun_leap_day():
    assert migration.usia_tahun(date(2008, 2, 29), date(2026, 2, 28)) == 17
    assert migration.usia_tahun(date(2008, 2, 29), date(2026, 3, 1)) == 18
    assert migration.usia_tahun(date(2008, 2, 29), date(2026 + 2, 2, 29)) == 20


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2010, 12, 31)))
def test_age_boundary_property(lahir):
    ulang_tahun_18 = readiness._birthday(lahir, lahir.year + 18)
    assert check_readiness(calon(tanggal_lahir=lahir, tanggal_berangkat=ulang_tahun_18)).siap
    sehari_sebelum = check_readiness(
        calon(tanggal_lahir=lahir, tanggal_berangkat=ulang_tahun_18 - timedelta(days=1))
    )
    assert sehari_sebelum.kurang == ["usia"] and sehari_sebelum.tanda_bahaya == ["di_bawah_umur"]


def test_tourist_visa_is_a_red_flag_and_no_work_visa():
    hasil = check_readiness(calon(visa="turis"))
    assert hasil.kurang == ["visa_kerja"]
    assert hasil.tanda_bahaya == ["visa_non_kerja"]
    assert hasil.penjelasan("visa_non_kerja").dasar_hukum == "UU 18/2017 Pasal 13 huruf f"


def test_no_visa_yet_is_unmet_not_a_red_flag():
    hasil = check_readiness(calon(visa="tidak_ada", dokumen=tanpa("visa_kerja")))
    assert hasil.kurang == ["visa_kerja"] and hasil.tanda_bahaya == []


def test_fee_for_domestic_worker_is_a_red_flag():
    hasil = check_readiness(calon(jabatan="PRT", biaya_penempatan_rp=15_000_000))
    assert hasil.tanda_bahaya == ["biaya_dibebankan"]
    assert hasil.kurang == []
    rule = hasil.penjelasan("biaya_dibebankan")
    assert rule.dasar_hukum == "UU 18/2017 Pasal 30 ayat (1); Perban BP2MI 9/2020"


@pytest.mark.parametrize(
    "jabatan",
    [
        "pengasuh_bayi",
        "Caregiver",
        "sopir keluarga",
        "ABK kapal ikan",
        "pekerja perkebunan sawit",
        "cleaner",
    ],
)
def test_fee_for_each_zero_cost_job_is_a_red_flag(jabatan):
    assert check_readiness(calon(jabatan=jabatan, biaya_penempatan_rp=1)).tanda_bahaya == [
        "biaya_dibebankan"
    ]


def test_fee_for_other_job_is_a_caution_that_does_not_block():
    hasil = check_readiness(calon(jabatan="operator pabrik", biaya_penempatan_rp="Rp 3.000.000"))
    assert hasil.siap is True
    assert hasil.perhatian == ["biaya_perlu_dicek"]
    assert "Perban BP2MI 2/2020" in hasil.penjelasan("biaya_perlu_dicek").dasar_hukum


def test_broker_route_is_a_red_flag():
    hasil = check_readiness(calon(jalur="calo"))
    assert hasil.tanda_bahaya == ["calo"]
    assert hasil.penjelasan("calo").dasar_hukum == "UU 18/2017 Pasal 69 jo. Pasal 81"


def test_pmi_perseorangan_needs_no_placement_agreement_but_others_do():
    dokumen = tanpa("perjanjian_penempatan")
    assert check_readiness(calon(jalur="perseorangan", dokumen=dokumen)).siap
    assert check_readiness(calon(jalur="mandiri", dokumen=dokumen)).siap  # the old word
    for jalur in ("p3mi", "g2g", "perusahaan_sendiri", "calo"):
        assert check_readiness(calon(jalur=jalur, dokumen=dokumen)).kurang == [
            "perjanjian_penempatan"
        ], jalur


def test_missing_contract_is_unmet_and_red_flag():
    hasil = check_readiness(calon(dokumen=tanpa("perjanjian_kerja")))
    assert hasil.kurang == ["perjanjian_kerja"]
    assert hasil.tanda_bahaya == ["tanpa_perjanjian_kerja"]


def test_health_and_competence_follow_documents_unless_given():
    hasil = check_readiness(calon(dokumen=tanpa("surat_sehat", "sertifikat_kompetensi")))
    assert hasil.kurang == ["kompetensi", "sehat", "sertifikat_kompetensi", "surat_sehat"]
    hasil = check_readiness(calon(sehat=False))
    assert hasil.kurang == ["sehat"]
    hasil = check_readiness(calon(dokumen=tanpa("surat_sehat"), sehat=True))
    assert hasil.kurang == ["surat_sehat"]


def test_nothing_done_lists_everything_in_law_order():
    hasil = check_readiness(calon(dokumen=[], bpjs=False, opp=False, visa="tidak_ada"))
    assert hasil.kurang == [code for code in SYARAT if code != "usia"]
    assert hasil.tanda_bahaya == ["tanpa_perjanjian_kerja"]


def test_moratorium_for_domestic_work_in_saudi_arabia():
    hasil = check_readiness(calon(negara_tujuan="Arab Saudi", jabatan="PRT"))
    assert hasil.tanda_bahaya == ["moratorium_timur_tengah"]
    assert check_readiness(calon(negara_tujuan="Arab Saudi", jabatan="perawat rumah sakit")).siap
    assert check_readiness(calon(negara_tujuan="Hong Kong", jabatan="PRT")).siap


def test_documents_accept_extras_and_spelling_variants():
    dokumen = [d.replace("_", " ").upper() for d in DOKUMEN_PASAL_13] + ["ktp", "skck"]
    assert check_readiness(calon(dokumen=dokumen)).siap


def test_dates_as_text_are_read():
    assert check_readiness(calon(tanggal_lahir="01/03/2008", tanggal_berangkat="1 Maret 2026")).siap


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"jalur": "agen"}, "jalur"),
        ({"visa": "pelajar"}, "visa"),
        ({"biaya_penempatan_rp": -1}, "biaya_penempatan_rp"),
        ({"biaya_penempatan_rp": True}, "biaya_penempatan_rp"),
        ({"tanggal_berangkat": date(1999, 1, 1)}, "tanggal_berangkat"),
        ({"tanggal_lahir": 20000501}, "tanggal_lahir"),
        ({"bpjs": "mungkin"}, "bpjs"),
        ({"dokumen": "paspor"}, "dokumen"),
        ({"dokumen": ["paspport"]}, "dokumen"),
        ({"jabatan": ""}, "jabatan"),
        ({"jabatan": 12}, "jabatan"),
    ],
)
def test_bad_input_raises_input_error_naming_the_field(changes, field):
    with pytest.raises(i18n.InputError) as err:
        check_readiness(calon(**changes))
    assert err.value.field == f"mig.field.{field}"
    text = str(err.value)
    assert "diharapkan" in text and "diberikan" in text
    # the field is named for people ("Jalur penempatan"), never by its code name
    assert f'"{field}"' not in text
    assert f'"{i18n.t(f"mig.field.{field}")}"' in text
    assert "expected" in err.value.message("en") and "given" in err.value.message("en")


def test_missing_and_unknown_keys():
    data = calon()
    del data["opp"]
    with pytest.raises(i18n.InputError) as err:
        check_readiness(data)
    assert err.value.field == "mig.field.opp"
    with pytest.raises(i18n.InputError, match="umur"):
        check_readiness(calon(umur=20))
    with pytest.raises(i18n.InputError):
        check_readiness(["bukan", "mapping"])


def test_departure_before_birth_message():
    with pytest.raises(i18n.InputError) as err:
        check_readiness(calon(tanggal_berangkat=date(2000, 4, 30)))
    assert "1 Mei 2000" in str(err.value) and "30 April 2000" in str(err.value)


def test_penjelasan_of_unknown_code():
    with pytest.raises(i18n.InputError):
        check_readiness(calon()).penjelasan("tidak_ada_kode")


def test_temuan_orders_red_flags_first():
    hasil = check_readiness(calon(jalur="calo", opp=False))
    assert [f.kode for f in hasil.temuan()] == ["calo", "opp"]


# --- the rules catalogue ------------------------------------------------------------------


def test_every_code_has_a_complete_bilingual_rule():
    for code in (*SYARAT, *TANDA_BAHAYA, *migration.PERHATIAN):
        rule = RULES[code]
        assert rule.kode == code
        for name in ("judul", "penjelasan", "langkah", "judul_en", "penjelasan_en", "langkah_en"):
            assert getattr(rule, name).strip(), (code, name)
        assert rule.dasar_hukum.strip() or rule.sumber.strip(), code
    assert set(RULES) == {*SYARAT, *TANDA_BAHAYA, *migration.PERHATIAN}


@pytest.mark.parametrize(
    ("code", "basis"),
    [
        ("usia", "UU 18/2017 Pasal 5 huruf a"),
        ("kompetensi", "UU 18/2017 Pasal 5 huruf b"),
        ("sehat", "UU 18/2017 Pasal 5 huruf c"),
        ("status_perkawinan", "UU 18/2017 Pasal 13 huruf a"),
        ("paspor", "UU 18/2017 Pasal 13 huruf e"),
        ("visa_kerja", "UU 18/2017 Pasal 13 huruf f"),
        ("perjanjian_penempatan", "UU 18/2017 Pasal 13 huruf g"),
    ],
)
def test_legal_bases(code, basis):
    assert RULES[code].dasar_hukum == basis


def test_rule_text_follows_language():
    assert RULES["paspor"].teks("id")["judul"].startswith("Paspor")
    assert RULES["paspor"].teks("en")["judul"].startswith("Passport")


def test_result_is_frozen():
    hasil = check_readiness(calon())
    with pytest.raises(AttributeError):
        hasil.siap = False


# --- red flags of an offer -------------------------------------------------------------------


def test_calo_offer_with_every_sign():
    offer = {
        "perekrut": "calo",
        "gaji_dijanjikan_rp": 15_000_000,
        "gaji_wajar_rp": 7_000_000,
        "uang_keluarga_rp": 5_000_000,
        "visa": "umrah",
        "penampungan_sebelum_dokumen": True,
        "kontrak_di_tangan": False,
        "biaya_diminta_rp": 2_000_000,
        "negara_tujuan": "Saudi Arabia",
        "jabatan": "pembantu rumah tangga",
        "dokumen_diurus_semua": True,
        "berangkat_cepat": True,
        "paspor_dipinjam": True,
        "nota_serah_terima": False,
        "opp": False,
        "bpjs": False,
    }
    codes = [f.kode for f in red_flags(offer)]
    assert codes == [c for c in TANDA_BAHAYA if c not in ("di_bawah_umur", "penipuan_kerja_online")]


def test_safe_offer_has_no_flags():
    offer = {
        "perekrut": "p3mi",
        "visa": "kerja",
        "kontrak_di_tangan": True,
        "opp": True,
        "bpjs": True,
        "gaji_dijanjikan_rp": 8_000_000,
        "gaji_wajar_rp": 7_000_000,
        "biaya_diminta_rp": 0,
        "uang_keluarga_rp": 0,
        "negara_tujuan": "Taiwan",
        "jabatan": "caregiver",
    }
    assert red_flags(offer) == []
    assert red_flags({}) == []


def test_individual_recruiter_offer():
    for who in ("calo", "sponsor"):
        assert [f.kode for f in red_flags({"perekrut": who})] == ["calo"]
    for who in ("G2G", "perseorangan", "mandiri"):
        assert red_flags({"perekrut": who}) == [], who


def test_fee_in_offer_for_domestic_vs_other_job():
    assert [f.kode for f in red_flags({"biaya_diminta_rp": 1, "jabatan": "PRT"})] == [
        "biaya_dibebankan"
    ]
    assert red_flags({"biaya_diminta_rp": 1, "jabatan": "operator pabrik"}) == []
    cautions = red_flags(
        {"biaya_diminta_rp": 1, "jabatan": "operator pabrik"}, include_cautions=True
    )
    assert [f.kode for f in cautions] == ["biaya_perlu_dicek"]
    assert cautions[0].jenis == "perhatian"


def test_wage_threshold_is_strictly_above_one_and_a_half():
    base = {"gaji_wajar_rp": 6_000_000}
    assert red_flags({**base, "gaji_dijanjikan_rp": 9_000_000}) == []
    assert [f.kode for f in red_flags({**base, "gaji_dijanjikan_rp": 9_000_001})] == [
        "gaji_tidak_wajar"
    ]


def test_moratorium_needs_household_job():
    assert red_flags({"negara_tujuan": "UEA", "jabatan": "sopir perusahaan"}) == []
    assert [f.kode for f in red_flags({"negara_tujuan": "Qatar", "jabatan": "sopir keluarga"})] == [
        "moratorium_timur_tengah"
    ]


def test_offer_input_errors():
    with pytest.raises(i18n.InputError, match="gaji"):
        red_flags({"gaji": 1})
    with pytest.raises(i18n.InputError):
        red_flags({"perekrut": "teman"})
    with pytest.raises(i18n.InputError):
        red_flags({"uang_keluarga_rp": -5})
    with pytest.raises(i18n.InputError):
        red_flags({"berangkat_cepat": "mungkin"})


def test_red_flag_findings_carry_text():
    flag = red_flags({"visa": "ziarah"})[0]
    assert flag.jenis == "tanda_bahaya" and "ziarah" in flag.penjelasan
    assert "visit" in flag.penjelasan_en and "pilgrimage" not in flag.penjelasan_en


def test_job_matching():
    assert migration.jabatan_bebas_biaya("Tukang kebun") == "tukang_kebun"
    assert migration.jabatan_bebas_biaya("pekerja_ladang") == "pekerja_ladang"
    assert migration.jabatan_bebas_biaya("perawat rumah sakit") is None
    assert migration.jabatan_bebas_biaya("artis") is None  # whole words only ("art" = ART)
    assert len(migration.JABATAN_BEBAS_BIAYA) == 10


# --- BPJS (Permenaker 4/2023) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("months", "during", "total"),
    [
        (6, 108_000, 145_500),
        (12, 189_000, 226_500),
        (24, 332_500, 370_000),
        (25, 346_000, 383_500),
        (1, 108_000, 145_500),
    ],
)
def test_bpjs_figures(months, during, total):
    iuran = bpjs_contribution_rp(months)
    assert iuran.sebelum_bekerja_rp == 37_500
    assert iuran.selama_setelah_rp == during
    assert iuran.total_rp == total


def test_bpjs_24_months_matches_old_flat_fee():
    assert bpjs_contribution_rp(24).total_rp == 370_000


def test_bpjs_parts_add_up():
    iuran = bpjs_contribution_rp(30)
    assert (iuran.paket_bulan, iuran.bulan_tambahan) == (24, 6)
    assert iuran.paket_rp + iuran.tambahan_rp == iuran.selama_setelah_rp
    assert iuran.sebelum_bekerja_rp + iuran.selama_setelah_rp == iuran.total_rp


@given(st.integers(min_value=1, max_value=59))
def test_bpjs_never_decreases_with_more_months(months):
    assert bpjs_contribution_rp(months).total_rp <= bpjs_contribution_rp(months + 1).total_rp


@pytest.mark.parametrize("months", [0, -6, 61, 6.5, "12", None, True])
def test_bpjs_invalid_months(months):
    with pytest.raises(i18n.InputError):
        bpjs_contribution_rp(months)


# --- the public API: register and placement statistics re-exported -------------------------


def test_migration_re_exports_register_and_penempatan():
    from desmigratif_kit.migration import penempatan, register

    for module in (register, penempatan):
        for name in module.__all__:
            assert name in migration.__all__
            assert getattr(migration, name) is getattr(module, name)


def test_every_public_name_is_listed_once():
    assert len(migration.__all__) == len(set(migration.__all__))
    for name in migration.__all__:
        assert hasattr(migration, name)
