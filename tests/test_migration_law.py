"""Pillar 1 read against the law and 2024-2026 policy (issue 8; FACTS.md 1.9): one section per
point of the review. Each test failed on the code before the review."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import nbformat
import openpyxl
import pytest

from desmigratif_kit import migration
from desmigratif_kit.core import i18n
from desmigratif_kit.core.data import TableError
from desmigratif_kit.core.store import Store
from desmigratif_kit.migration import (
    DOKUMEN_PASAL_13,
    RULES,
    cards,
    check_readiness,
    red_flags,
    register_edit,
)
from desmigratif_kit.migration.apps.cek_kesiapan import CekKesiapanApp
from desmigratif_kit.migration.apps.common import _finding_html
from desmigratif_kit.migration.apps.register_desa import RegisterDesaApp
from desmigratif_kit.migration.apps.register_view import problems_html
from desmigratif_kit.migration.apps.waspada_calo import WaspadaCaloApp

ROOT = Path(__file__).parents[1]
NOTEBOOK = ROOT / "notebooks/1_layanan_migrasi/01_migrasi_aman.ipynb"
TODAY = date(2026, 11, 29)


def calon(**changes):
    base = {
        "tanggal_lahir": date(1998, 5, 1),
        "tanggal_berangkat": date(2027, 3, 1),
        "dokumen": list(DOKUMEN_PASAL_13),
        "bpjs": True,
        "opp": True,
        "jalur": "p3mi",
        "visa": "kerja",
        "jabatan": "operator pabrik",
        "biaya_penempatan_rp": 0,
    }
    return {**base, **changes}


def kode_of(findings):
    return [f.kode for f in findings]


def notebook_text() -> str:
    return "\n".join(c.source for c in nbformat.read(NOTEBOOK, as_version=4).cells)


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "kerja.sqlite3") as s:
        yield s


@pytest.fixture
def kode(store):
    return store.register("kepala_desa", "Sumardi (contoh)", "33.29.09.2008").code


# --- 1. the Middle-East moratorium, with its SPSK exception, dated ---------------------------

FACTS_21 = (
    "Aljazair Arab-Saudi Bahrain Irak Iran Kuwait Lebanon Libya Maroko Mauritania Mesir Oman "
    "Pakistan Palestina Qatar Sudan-Selatan Suriah Tunisia Uni-Emirat-Arab Yaman Yordania"
)


def test_moratorium_has_the_21_countries_of_kepmenaker_260_2015():
    names = {name.replace("-", " ") for name in FACTS_21.split()}
    assert set(migration.MORATORIUM_TIMUR_TENGAH.negara) == names and len(names) == 21
    assert migration.MORATORIUM_TIMUR_TENGAH.dasar_hukum == "Kepmenaker 260/2015"
    for name in names:
        assert migration.kena_moratorium(name, "pengurus rumah tangga"), name
    for text in ("Algeria", "Morocco", "Libya", "South Sudan", "Pakistan", "Dubai"):
        assert migration.negara_moratorium(text), text
    assert migration.negara_moratorium("Sudan") is None  # only South Sudan is on the list


def test_an_algeria_offer_for_domestic_work_is_flagged():
    offer = {"perekrut": "p3mi", "negara_tujuan": "Algeria", "jabatan": "pekerja rumah tangga"}
    assert kode_of(red_flags(offer)) == ["moratorium_timur_tengah"]
    hasil = check_readiness(calon(negara_tujuan="Aljazair", jabatan="PRT"))
    assert hasil.tanda_bahaya == ["moratorium_timur_tengah"]


def test_a_fully_documented_spsk_placement_is_ready():
    spsk = calon(negara_tujuan="Arab Saudi", jabatan="pekerja rumah tangga", satu_kanal=True)
    hasil = check_readiness(spsk)
    assert hasil.siap, hasil
    offer = {"perekrut": "p3mi", "negara_tujuan": "Saudi Arabia", "jabatan": "PRT",
             "satu_kanal": True, "visa": "kerja", "kontrak_di_tangan": True}  # fmt: skip
    assert red_flags(offer) == []


@pytest.mark.parametrize(
    "changes",
    [
        {"satu_kanal": False},  # not through the one channel
        {"jalur": "calo"},  # not a designated P3MI
        {"jabatan": "perawat taman"},  # the gardener is not one of the six SPSK jobs
        {"negara_tujuan": "Qatar"},  # SPSK is for Saudi Arabia only
    ],
)
def test_spsk_exception_needs_country_job_and_channel(changes):
    spsk = calon(negara_tujuan="Arab Saudi", jabatan="pekerja rumah tangga", satu_kanal=True)
    assert "moratorium_timur_tengah" in check_readiness({**spsk, **changes}).tanda_bahaya


def test_the_moratorium_is_dated_so_a_change_is_one_edit():
    m = migration.MORATORIUM_TIMUR_TENGAH
    lifted = replace(m, negara={**m.negara, "Arab Saudi": date(2027, 1, 1)})
    kw = {"moratorium": lifted, "pengecualian": ()}
    assert migration.kena_moratorium("Arab Saudi", "PRT", pada_tanggal=date(2026, 12, 31), **kw)
    assert not migration.kena_moratorium("Arab Saudi", "PRT", pada_tanggal=date(2027, 1, 1), **kw)
    assert migration.kena_moratorium("Qatar", "PRT", pada_tanggal=date(2027, 1, 1), **kw)
    assert m.diperiksa == date(2026, 2, 28) and all(v is None for v in m.negara.values())


def test_moratorium_text_lists_the_countries_the_exception_and_the_uncertainty():
    rule = RULES["moratorium_timur_tengah"]
    for name in migration.MORATORIUM_TIMUR_TENGAH.negara:
        assert name in rule.penjelasan
    assert "SPSK" in rule.penjelasan and "Kepmenaker 291/2018" in rule.dasar_hukum
    assert "belum pasti" in rule.penjelasan and "uncertain" in rule.penjelasan_en
    assert "belum diperiksa" in rule.sumber  # the six SPSK jobs are not verified


# --- 2. "PMI perseorangan" is the legal independent route ------------------------------------


def test_pmi_perseorangan_is_a_legal_route_and_brokers_are_calo():
    assert check_readiness(calon(jalur="perseorangan")).siap
    assert red_flags({"perekrut": "perseorangan"}) == []
    assert check_readiness(calon(jalur="calo")).tanda_bahaya == ["calo"]
    assert "perseorangan" not in migration.TANDA_BAHAYA
    assert "PMI perseorangan" in i18n.t("mig.jalur.perseorangan")
    assert "calo" not in i18n.t("mig.jalur.perseorangan")
    assert "calo" in i18n.t("mig.jalur.calo") and "dilarang" in i18n.t("mig.jalur.calo")
    assert "Pasal 69" in RULES["calo"].penjelasan and "PMI perseorangan" in RULES["calo"].penjelasan


def test_old_register_files_still_read():
    """Older kit files: "mandiri" was the independent route, "perseorangan" (with a broker
    as agency, or labelled "(calo/sponsor)") the broker route."""
    content = (
        b"Nama;NIK;JK;Tgl Lahir;Negara Tujuan;Status;Jalur;Agensi\n"
        b"A;9901014501990001;P;05/01/1999;Taiwan;bekerja;Mandiri;\n"
        b"B;9901014501990002;P;05/01/1999;Taiwan;bekerja;Perseorangan (calo/sponsor);\n"
        b"C;9901014501990003;P;05/01/1999;Taiwan;bekerja;nonprosedural;\n"
        b'D;9901014501990004;P;05/01/1999;Taiwan;bekerja;perseorangan;"(calo, tanpa izin)"\n'
        b"E;9901014501990005;P;05/01/1999;Taiwan;bekerja;Perseorangan;\n"
        b"F;9901014501990006;P;05/01/1999;Taiwan;bekerja;PMI perseorangan;\n"
        b"G;9901014501990007;P;05/01/1999;Taiwan;bekerja;Sponsor;\n"
    )
    df = migration.load_register(content, filename="lama.csv")
    assert df["jalur"].tolist() == [
        "perseorangan", "calo", "calo", "calo", "perseorangan", "perseorangan", "calo",
    ]  # fmt: skip


def test_no_route_spelling_means_two_routes():
    column = next(c for c in migration.REGISTER_SCHEMA.columns if c.name == "jalur")
    seen: dict[str, str] = {}
    choices = column.choices
    from desmigratif_kit.core.tables import _norm_header

    for code, spellings in choices.items():
        for text in (code, *spellings):
            key = _norm_header(text)
            assert seen.setdefault(key, code) == code, (text, seen[key], code)


def test_saved_work_of_older_versions_reads_the_old_words(store, kode):
    base = {"jenis_kelamin": "P", "tanggal_lahir": "1999-01-05", "negara_tujuan": "Taiwan",
            "status": "bekerja"}  # fmt: skip
    store.save(kode, "register_desa", {"records": [
        {**base, "nama": "Lama", "nik": "9901014501990001", "jalur": "perseorangan"},
        {**base, "nama": "Mandiri", "nik": "9901014501990002", "jalur": "mandiri"},
    ]})  # fmt: skip
    app = RegisterDesaApp(kode=kode, store=store, today=TODAY)
    assert app.df["jalur"].tolist() == ["calo", "perseorangan"]
    store.save(kode, "cek_kesiapan", {"form": {"jalur": "perseorangan"}})
    assert CekKesiapanApp(kode=kode, store=store).jalur.value == "calo"
    store.save(kode, "cek_kesiapan", {"form": {"jalur": "perseorangan"}, "kode_versi": 2})
    assert CekKesiapanApp(kode=kode, store=store).jalur.value == "perseorangan"
    store.save(kode, "waspada_calo", {"kartu": 0, "tanda": {"calo_kemiri": ["perseorangan"]},
                                      "diperiksa": ["calo_kemiri"]})  # fmt: skip
    assert WaspadaCaloApp(kode=kode, store=store).tanda["calo_kemiri"] == ["calo"]


# --- 3. zero-cost jobs: the regulation's names; formal jobs are not household jobs ----------


def test_zero_cost_jobs_carry_the_regulations_names():
    labels = {label for label, _ in migration.JABATAN_BEBAS_BIAYA.values()}
    assert labels == {
        "Pengurus rumah tangga", "Pengasuh bayi", "Pengasuh lansia", "Juru masak (rumah tangga)",
        "Supir keluarga", "Perawat taman", "Pengasuh anak", "Petugas kebersihan",
        "Petugas ladang/perkebunan", "Awak kapal perikanan migran",
    }  # fmt: skip


@pytest.mark.parametrize(
    "jabatan",
    ["cook di restoran", "caregiver panti", "pengasuh lansia di panti jompo",
     "cleaning service hotel", "sopir perusahaan", "juru masak kapal pesiar"],
)  # fmt: skip
def test_formal_jobs_are_not_zero_cost_household_jobs(jabatan):
    assert migration.jabatan_bebas_biaya(jabatan) is None
    found = red_flags({"jabatan": jabatan, "biaya_diminta_rp": 3_000_000}, include_cautions=True)
    assert kode_of(found) == ["biaya_perlu_dicek"]  # a caution, not biaya_dibebankan


def test_companies_do_not_take_plantation_or_fishing_work_off_the_list():
    assert migration.jabatan_bebas_biaya("pekerja perkebunan sawit perusahaan") == "pekerja_ladang"
    assert migration.jabatan_bebas_biaya("ABK kapal ikan perusahaan") == "awak_kapal_perikanan"


def test_zero_cost_rule_says_it_is_not_yet_working_and_what_to_do():
    rule = RULES["biaya_dibebankan"]
    text = rule.penjelasan
    assert "KP2MI" in text and "Oktober 2025" in text and "Taiwan" in text and "Hong Kong" in text
    assert "Jangan membayar" in rule.langkah and "laporkan" in rule.langkah
    assert "Permen P2MI 17/2025" in rule.sumber and "belum pasti" in rule.sumber
    assert "Taiwan and Hong Kong" in rule.penjelasan_en


# --- 4. age: no reference date in the law; registration and signing checked too ------------


def test_signing_or_registering_at_17_is_under_age_even_if_18_on_departure():
    lahir = date(2009, 1, 15)
    siap = calon(tanggal_lahir=lahir, tanggal_berangkat=date(2027, 1, 15))
    assert check_readiness(siap).siap  # the kit's reading: 18 on the departure day
    for key in ("tanggal_tanda_tangan", "tanggal_daftar"):
        hasil = check_readiness({**siap, key: date(2027, 1, 2)})
        assert hasil.tanda_bahaya == ["di_bawah_umur"] and hasil.kurang == ["usia"], key
        assert hasil.usia == 18 and hasil.usia_pada[key] == 17
    assert check_readiness({**siap, "tanggal_tanda_tangan": date(2027, 1, 15)}).siap


def test_the_departure_day_is_presented_as_the_kits_reading():
    rule = RULES["usia"]
    assert "tanggal berangkat" not in rule.judul
    assert "tanpa menyebut" in rule.penjelasan and "pilihan kit" in rule.penjelasan
    text = notebook_text()
    assert "pilihan kit" in text and "tidak menyebut tanggal acuannya" in text
    assert "Menurut cara hitung kit" in text  # exercise 1.2
    assert "**pada tanggal berangkat**, bukan pada tanggal mendaftar" not in text


def test_cek_kesiapan_checks_the_signing_date(store, kode):
    app = CekKesiapanApp(kode=kode, store=store)
    app.tanggal_lahir.value = "15/01/2009"
    app.tanggal_berangkat.value = "15/01/2027"
    app.jalur.value, app.visa.value = "p3mi", "kerja"
    app.jabatan.value = "operator pabrik"
    app.bpjs.value = app.opp.value = True
    for box in app.dokumen.values():
        box.value = True
    assert app.hasil.siap
    app.tanggal_tanda_tangan.value = "02/01/2027"
    assert not app.hasil.siap and app.hasil.tanda_bahaya == ["di_bawah_umur"]
    assert "17 tahun pada tanggal tanda tangan perjanjian" in app.hasil_html.value
    assert "pilihan kit" in app.age_note.value
    assert CekKesiapanApp(kode=kode, store=store).tanggal_tanda_tangan.value == "02/01/2027"


# --- 5. citations: "jo." pairs; news is a source, not a legal basis --------------------------


def test_penalty_articles_are_cited_with_the_prohibition():
    assert RULES["di_bawah_umur"].dasar_hukum.endswith("Pasal 66 jo. Pasal 80")
    assert RULES["paspor_dipinjam"].dasar_hukum.endswith("Pasal 65 jo. Pasal 79")
    assert RULES["calo"].dasar_hukum == "UU 18/2017 Pasal 69 jo. Pasal 81"


def test_news_is_a_source_never_a_legal_basis():
    news = [code for code, rule in RULES.items() if "Kompas" in rule.sumber]
    assert set(news) >= {"uang_pengikat", "gaji_tidak_wajar", "janji_dokumen_diurus",
                         "berangkat_cepat", "penampungan_dini",
                         "tanpa_tanda_terima_dokumen"}  # fmt: skip
    for code, rule in RULES.items():
        assert not re.search(r"Kompas|Kontan|menurut BP2MI|KBRI", rule.dasar_hukum), code
    shown = _finding_html(RULES["gaji_tidak_wajar"], "id")
    assert "Sumber: Peringatan BP2MI" in shown and "Dasar hukum" not in shown
    shown = _finding_html(RULES["uang_pengikat"], "en")
    assert "Legal basis: UU 18/2017 Pasal 30 ayat (1)" in shown and "Source: " in shown


def test_pasal_42_is_no_longer_hedged():
    text = notebook_text()
    assert "menurut sumber sekunder" not in text and "UU 18/2017 Pasal 42, pemerintah desa" in text


# --- 6. KP2MI (dulu BP2MI) today; historical statistics keep their publisher ----------------


def test_the_ministry_is_kp2mi_today():
    assert "KP2MI (dulu BP2MI)" in i18n.t("mig.jalur.g2g")
    assert "KP2MI, dulu BP2MI" in RULES["perjanjian_penempatan"].penjelasan
    assert "BP2MI" in i18n.t("chart.bp2mi.source") and "KP2MI" in i18n.t("chart.bp2mi.source")
    assert "KP2MI (dulu BP2MI)" in cards.kartu("g2g_korea_biaya_paspor").cerita.replace(
        ", dulu BP2MI,", " (dulu BP2MI)"
    )
    text = notebook_text()
    assert "Perpres 165/2024" in text and "KemenP2MI" not in text and "Kementerian P2MI" not in text
    for lang in ("id", "en"):
        assert "KemenP2MI" not in json.dumps(i18n.catalog(lang))


# --- 7. online-scam offers, trafficking, where to report, the P3MI licence --------------------


def test_online_scam_card_and_flag():
    card = cards.kartu("kerja_online_kamboja")
    assert "penipuan_kerja_online" in card.tanda_bahaya
    assert kode_of(red_flags({"negara_tujuan": "Cambodia"})) == ["penipuan_kerja_online"]
    assert kode_of(red_flags({"jabatan": "admin online", "lewat_media_sosial": True})) == [
        "penipuan_kerja_online"
    ]
    assert red_flags({"jabatan": "admin online"}) == []  # the word alone is not a flag
    assert check_readiness(calon(negara_tujuan="Myanmar")).tanda_bahaya == ["penipuan_kerja_online"]
    rule = RULES["penipuan_kerja_online"]
    assert "UU 21/2007" in rule.dasar_hukum and "TPPO" in rule.dasar_hukum
    assert "polisi" in rule.langkah and "BP3MI" in rule.langkah
    assert "1.185" in rule.sumber


def test_p3mi_licence_is_checked_before_trusting_it():
    card = cards.kartu("caregiver_biaya")
    assert card.perhatian == ["izin_p3mi_belum_dicek"]
    rule = RULES["izin_p3mi_belum_dicek"]
    assert "SIP3MI" in rule.penjelasan and "SIP2MI" in rule.penjelasan
    assert "Disnaker" in rule.langkah
    text = notebook_text()
    assert "Ke mana melapor" in text and "UU 21/2007" in text and "SIP2MI" in text


# --- 8. card calo_kemiri: a wage with a source --------------------------------------------------


def test_calo_kemiri_compares_with_the_malaysia_minimum_wage_of_the_2022_mou():
    card = cards.kartu("calo_kemiri")
    assert card.offer["gaji_wajar_rp"] == 5_100_000  # RM 1,500 at 2022 rates (FACTS 1.9)
    assert "RM 1.500" in card.cerita and "2022" in card.cerita and "MoU" in card.cerita
    assert "RM 1,500" in card.cerita_en
    assert "gaji_tidak_wajar" in card.tanda_bahaya  # 9.000.000 > 1,5 x 5.100.000 = 7.650.000


# --- 10. no identity number in any message; deleting removes the NIK from the history --------

NIKS = ("9901014501990001", "9901014501990002", "990101450199003")  # the last: 15 digits


def assert_no_identity_number(*messages: str) -> None:
    for message in messages:
        assert not re.search(r"\d{15,}", message), message
        flat = re.sub(r"[ .\-]", "", message)
        for nik in NIKS:
            assert nik not in flat, message


def messages_of(err: TableError) -> list[str]:
    return [err.message("id"), err.message("en"), problems_html(err), problems_html(err, form=True)]


def test_import_messages_never_show_a_nik():
    content = (
        (
            "Nama;NIK;JK;Tgl Lahir;Negara Tujuan;Status\n"
            f"A;{NIKS[0]};P;05/01/1999;Taiwan;bekerja\n"
            f"B;{NIKS[0]};P;05/01/1999;Taiwan;bekerja\n"  # duplicate
            f"C;{NIKS[2]};P;05/01/1999;Taiwan;bekerja\n"  # 15 digits, truncated by Excel
            f"D;{NIKS[1][:4]} {NIKS[1][4:8]} {NIKS[1][8:]}7;P;05/01/1999;Taiwan;bekerja\n"  # 17
        ).encode()
    )
    with pytest.raises(TableError) as err:
        migration.load_register(content, filename="a.csv")
    assert_no_identity_number(*messages_of(err.value))
    text = err.value.message("id")
    assert "sama dengan baris 2" in text and "Excel" in text and "15 angka" in text
    # a NIK typed in another column, and a file without its header row
    wrong_column = (
        f"Nama;NIK;JK;Tgl Lahir;Negara Tujuan;Status\nA;{NIKS[0]};P;{NIKS[1]};Taiwan;bekerja\n"
    ).encode()
    no_header = f"A;{NIKS[0]};P;05/01/1999;Taiwan;bekerja\n".encode()
    for bad in (wrong_column, no_header):
        with pytest.raises(TableError) as err:
            migration.load_register(bad, filename="b.csv")
        assert_no_identity_number(*messages_of(err.value))


def test_excel_numbers_never_show_a_nik(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Nama", "NIK", "JK", "Tgl Lahir", "Negara Tujuan", "Status"])
    sheet.append(["A", int(NIKS[2]), "P", "05/01/1999", "Taiwan", "bekerja"])  # a number
    sheet.append(["B", float(NIKS[0]), "P", "05/01/1999", "Taiwan", "bekerja"])
    sheet.append(["C", float(NIKS[0]), "P", "05/01/1999", "Taiwan", "bekerja"])
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(TableError) as err:
        migration.load_register(buffer.getvalue(), filename="register.xlsx")
    assert_no_identity_number(*messages_of(err.value))
    assert len(err.value.problems) == 2


def test_merge_and_form_messages_never_show_a_nik(store, kode):
    lama = register_edit.register_from_records(
        [{"nama": "A", "nik": NIKS[0]}, {"nama": "B", "nik": NIKS[1]}]
    )
    with pytest.raises(TableError) as err:
        register_edit.gabung_register(lama, lama.iloc[[1]].copy(), "b.csv")
    assert_no_identity_number(*messages_of(err.value))
    assert "entri nomor 2" in err.value.message("id")
    entry = {"nama": "C", "nik": NIKS[1], "jenis_kelamin": "P", "tanggal_lahir": "05/01/1999",
             "negara_tujuan": "Taiwan", "status": "bekerja"}  # fmt: skip
    for nik in (NIKS[1], NIKS[2]):
        with pytest.raises(TableError) as err:
            register_edit.entri_register({**entry, "nik": nik}, lama)
        assert_no_identity_number(*messages_of(err.value))
    # the app: import twice (duplicates), then the form with a known NIK
    app = RegisterDesaApp(kode=kode, store=store, today=TODAY)
    csv = (
        "Nama;NIK;JK;Tgl Lahir;Negara Tujuan;Status\n"
        f"A;{NIKS[0]};P;05/01/1999;Taiwan;bekerja\nB;{NIKS[1]};P;05/01/1999;Taiwan;bekerja\n"
    ).encode()
    assert app.import_file(csv, "r.csv") and not app.import_file(csv, "r.csv")
    assert_no_identity_number(app.import_msg.value)
    for name, value in entry.items():
        app.fields[name].value = value
    app.save_button.click()
    assert "dk-msg-error" in app.form_msg.value
    assert_no_identity_number(app.form_msg.value, app.message.value, app.table.value)


def test_deleting_an_entry_removes_its_nik_from_the_saved_history(store, kode, tmp_path):
    app = RegisterDesaApp(kode=kode, store=store, today=TODAY)
    for nama, nik in (("Siti", NIKS[0]), ("Budi", NIKS[1])):
        values = {"nama": nama, "nik": nik, "jenis_kelamin": "P", "tanggal_lahir": "05/01/1999",
                  "negara_tujuan": "Taiwan", "status": "bekerja"}  # fmt: skip
        for name, value in values.items():
            app.fields[name].value = value
        app.save_button.click()
        assert "ditambahkan" in app.form_msg.value
    app.choose.value = 0
    app.delete_button.click()
    assert "semua versi" in app.form_msg.value and "NIK" in app.form_msg.value  # says what it does
    app.delete_button.click()
    assert "riwayat" in app.form_msg.value
    history = store.history(kode, "register_desa")
    assert len(history) == 3  # versions stay, the deleted entry goes from each of them
    assert all(NIKS[0] not in json.dumps(w.data) for w in history)
    assert NIKS[1] in json.dumps(history[-1].data)
    store.close()
    for path in tmp_path.glob("kerja.sqlite3*"):
        assert NIKS[0].encode() not in path.read_bytes(), path.name


# --- 11. wording: Indonesian text, abbreviations, natural error messages ---------------------


def test_no_english_left_in_indonesian_text():
    texts = [notebook_text(), json.dumps(i18n.catalog("id"), ensure_ascii=False)]
    texts += [r.judul + r.penjelasan + r.langkah for r in RULES.values()]
    texts += [k.cerita for k in cards.KARTU]
    for text in texts:
        assert "human trafficking" not in text.replace("*human trafficking*", "")


def test_ziarah_is_a_visit_visa_in_english():
    assert "visit" in i18n.t("mig.visa.ziarah", "en")
    assert "pilgrimage" not in json.dumps(
        [r.penjelasan_en + r.judul_en for r in RULES.values()] + [i18n.catalog("en")]
    )


def test_abbreviations_are_spelt_out_in_the_apps_and_at_first_use_in_the_lesson(store, kode):
    abbrev = i18n.t("mig.abbrev")
    for short in ("LTSA = Layanan Terpadu Satu Atap", "BP3MI = Balai Pelayanan", "SKCK = Surat",
                  "G to G = antarpemerintah", "jo. = juncto"):  # fmt: skip
        assert short in abbrev
    app = CekKesiapanApp(kode=kode, store=store)
    app.tanggal_lahir.value, app.tanggal_berangkat.value = "01/05/1998", "01/03/2027"
    app.jabatan.value = "operator pabrik"
    assert "data-testid='singkatan'" in app.hasil_html.value
    text = notebook_text()
    for short, long in (("LTSA", "Layanan Terpadu Satu Atap"), ("BP3MI", "Balai Pelayanan"),
                        ("SKCK", "Surat Keterangan Catatan Kepolisian"),
                        ("G to G", "antarpemerintah"), ("jo.", "juncto")):  # fmt: skip
        first = text.index(short)
        assert long in text[first : first + 160], short


@pytest.mark.parametrize(
    ("call", "label"),
    [
        (lambda: migration.bpjs_contribution_rp(0), "Lama kontrak (bulan)"),
        (lambda: migration.usia_tahun(date(2020, 1, 1), date(2019, 1, 1)), "Tanggal acuan"),
        (lambda: check_readiness(calon(biaya_penempatan_rp=-1)), "Biaya penempatan"),
        (lambda: red_flags({"uang_keluarga_rp": "banyak"}), "Uang untuk keluarga"),
        (lambda: cards.kartu("x"), "Kartu"),
    ],
)
def test_error_messages_name_fields_in_words_not_code(call, label):
    with pytest.raises(i18n.InputError) as err:
        call()
    text = str(err.value)
    assert f'"{label}"' in text
    assert not re.search(r'"[a-z]+_[a-z_]+"', text.split(":")[0]), text  # no code name as subject
    assert "contract_months" not in text


def test_replacing_the_register_or_correcting_a_nik_removes_the_old_nik_too(store, kode):
    app = RegisterDesaApp(kode=kode, store=store, today=TODAY)
    csv = (
        "Nama;NIK;JK;Tgl Lahir;Negara Tujuan;Status\n"
        f"A;{NIKS[0]};P;05/01/1999;Taiwan;bekerja\nB;{NIKS[1]};P;05/01/1999;Taiwan;bekerja\n"
    ).encode()
    assert app.import_file(csv, "r.csv")
    app.mode.value = "ganti"
    assert app.import_file(csv.replace(NIKS[0].encode(), b"9901014501990009"), "baru.csv")
    saved = json.dumps([w.data for w in store.history(kode, "register_desa")])
    assert NIKS[0] not in saved and NIKS[1] in saved and "9901014501990009" in saved
    app.choose.value = 1  # B: correct the NIK
    app.fields["nik"].value = "9901014501990008"
    app.save_button.click()
    assert "diperbarui" in app.form_msg.value
    saved = json.dumps([w.data for w in store.history(kode, "register_desa")])
    assert NIKS[1] not in saved and "9901014501990008" in saved
