"""Language, catalogs, Indonesian formatting and the parsing of what people type."""

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desmigratif_kit.core import i18n
from desmigratif_kit.core.i18n import (
    InputError,
    catalog,
    format_date,
    format_datetime,
    format_number,
    format_pct,
    format_rp,
    message_fields,
    parse_bool,
    parse_date,
    parse_number,
    parse_pct,
    parse_rp,
    t,
)


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


# --- catalogs ------------------------------------------------------------------------------


def test_both_catalogs_have_the_same_keys():
    indonesian, english = catalog("id"), catalog("en")
    assert sorted(set(indonesian) - set(english)) == [], "keys missing in en.json"
    assert sorted(set(english) - set(indonesian)) == [], "keys missing in id.json"


def _package_catalogs(lang):
    return {
        path.parent.parent.name: json.loads(path.read_text(encoding="utf-8"))
        for path in i18n.catalog_files(lang)
    }


def test_each_package_has_both_languages_with_the_same_keys():
    """Each package keeps its catalog pair in its own messages/ folder (core, each pillar,
    workshop); the pair has the same keys, so no package can drift from another."""
    indonesian, english = _package_catalogs("id"), _package_catalogs("en")
    assert set(indonesian) == set(english)
    assert {"core", "migration", "workshop"} <= set(indonesian)
    for package in indonesian:
        assert set(indonesian[package]) == set(english[package]), package


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_no_key_is_defined_by_two_packages(lang):
    seen: dict[str, str] = {}
    for package, messages in _package_catalogs(lang).items():
        for key in messages:
            assert key not in seen, f"{key} in both {seen[key]} and {package}"
            seen[key] = package


@pytest.mark.parametrize("key", sorted(catalog("id")))
def test_each_message_has_the_same_fields_in_both_languages(key):
    assert message_fields(catalog("id")[key]) == message_fields(catalog("en")[key])


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_message_is_non_empty_text(lang):
    assert all(isinstance(text, str) and text.strip() for text in catalog(lang).values())


def test_keys_the_home_page_and_app_base_need_are_present():
    needed = {
        "app.error", "app.saved", "app.saving", "app.not_saved", "lang.label",
        "role.kepala_desa", "role.kepala_dinas", "role.fasilitator",
        "home.title", "home.intro", "home.choose_role", "home.province", "home.kabupaten",
        "home.kecamatan", "home.desa", "home.filter_placeholder", "home.name", "home.register",
        "home.your_code", "home.write_code", "home.resume", "home.continue",
        "home.code_not_found", "home.pillar_1", "home.pillar_2", "home.pillar_3",
        "home.pillar_4", "home.coming_soon",
    }  # fmt: skip
    assert needed <= set(catalog("id"))


def test_required_wording():
    assert t("home.title") == "Selamat datang di Kit Lokakarya Desmigratif"
    assert t("app.error", detail="X") == (
        "Maaf, terjadi kesalahan: X. Pekerjaan yang sudah tersimpan tidak hilang."
    )
    assert t("app.saved", time="10.15") == "Tersimpan ✓ 10.15"
    assert t("home.filter_placeholder") == "Ketik untuk menyaring…"
    assert [t(f"home.pillar_{n}") for n in range(1, 5)] == [
        "Layanan migrasi",
        "Usaha produktif",
        "Community parenting",
        "Koperasi dan keuangan mikro",
    ]
    assert t("role.kepala_dinas", lang="en") == "District agency head"


def test_t_uses_the_current_language_and_fails_loudly():
    assert t("home.continue") == "Lanjutkan"
    i18n.set_language("en")
    assert t("home.continue") == "Continue"
    assert t("home.continue", lang="id") == "Lanjutkan"
    with pytest.raises(KeyError):
        t("home.no_such_key")
    with pytest.raises(KeyError):
        t("app.saved")  # its {time} is missing


# --- language ------------------------------------------------------------------------------


def test_set_language_accepts_locale_spellings_and_refuses_others():
    for spelling in ("EN", "en_US", "en-GB", " en "):
        i18n.set_language(spelling)
        assert i18n.get_language() == "en"
        i18n.set_language("id")
    with pytest.raises(InputError) as caught:
        i18n.set_language("jv")
    assert '"jv"' in str(caught.value) and "id, en" in str(caught.value)
    assert i18n.get_language() == "id"


def test_callbacks_run_once_per_real_change_and_a_failing_one_stops_nothing():
    seen = []

    def broken(lang):
        raise RuntimeError("redraw failed")

    i18n.on_language_change(broken)
    i18n.on_language_change(seen.append)
    try:
        i18n.set_language("en")
        i18n.set_language("en")  # no change, no call
        i18n.set_language("id")
    finally:
        i18n.off_language_change(broken)
        i18n.off_language_change(seen.append)
    assert seen == ["en", "id"]
    assert i18n.get_language() == "id"
    i18n.set_language("en")
    assert seen == ["en", "id"]  # unregistered


# --- InputError ----------------------------------------------------------------------------


def test_input_error_says_what_was_expected_and_given_in_the_current_language():
    with pytest.raises(InputError) as caught:
        parse_date("31/02/2017", field="Tanggal lahir")
    err = caught.value
    assert str(err) == (
        'Nilai untuk "Tanggal lahir" tidak dapat dibaca: diharapkan tanggal seperti '
        '12/09/2017, diberikan "31/02/2017".'
    )
    i18n.set_language("en")
    assert str(err) == (
        'The value for "Tanggal lahir" could not be read: expected a date like 12/09/2017 '
        '(day/month/year), given "31/02/2017".'
    )
    assert isinstance(err, ValueError)
    assert (err.expected, err.given, err.field) == ("expected.date", "31/02/2017", "Tanggal lahir")


def test_input_error_translates_catalog_keys_and_fills_values():
    err = InputError(
        "input.out_of_range", expected="expected.between", given=75, field="home.name",
        min="0", max="60",
    )  # fmt: skip
    assert str(err) == (
        'Nilai untuk "Nama Anda" di luar batas: diharapkan antara 0 dan 60, diberikan "75".'
    )
    assert err.message("en") == (
        'The value for "Your name" is out of range: expected between 0 and 60, given "75".'
    )


def test_input_error_shows_an_empty_value_as_such():
    err = InputError("input.required", expected="expected.text", given="  ", field="Nama")
    assert str(err) == 'Nilai untuk "Nama" wajib diisi: diharapkan teks, diberikan isian kosong.'


# --- formatting ----------------------------------------------------------------------------


def test_formatting_examples():
    assert format_number(1500000) == "1.500.000"
    assert format_number(1500000.5, 2) == "1.500.000,50"
    assert format_number(1500000.5) == "1.500.000,5"
    assert format_number(-1234.5, 0) == "-1.234"  # Babel rounds half to even
    assert format_rp(1500000) == "Rp 1.500.000"
    assert format_rp(-1500000) == "-Rp 1.500.000"
    assert format_rp(1500000.5) == "Rp 1.500.000"
    assert format_rp(-0.2) == "Rp 0"
    assert format_pct(5.4) == "5,4%"
    assert format_pct(100) == "100%"
    assert format_date(date(2017, 9, 12)) == "12 September 2017"
    assert format_date(date(2017, 10, 1)) == "1 Oktober 2017"
    assert format_date(date(2017, 10, 1), lang="en") == "1 October 2017"


def test_formatting_is_plain_ascii_space_and_indonesian_numbers_in_english_too():
    i18n.set_language("en")
    assert format_rp(1500000) == "Rp 1.500.000"
    assert "\u00a0" not in format_rp(1500000)
    assert format_number(1500000.5, 2) == "1.500.000,50"
    assert format_date(date(2017, 8, 17)) == "17 August 2017"


def test_missing_values_format_as_empty_text():
    assert [format_number(None), format_rp(float("nan")), format_date(None)] == ["", "", ""]


def test_format_datetime_shows_aware_times_in_local_time():
    moment = datetime(2017, 9, 12, 3, 15, tzinfo=UTC)
    local = moment.astimezone()
    assert format_datetime(moment) == f"{format_date(local)} {local:%H.%M}"
    wib = timezone(timedelta(hours=7))
    assert format_datetime(datetime(2017, 9, 12, 10, 15, tzinfo=wib)).count(".") == 1


# --- parsing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1.500.000", 1500000),
        ("1.500.000,50", 1500000.5),
        ("1500000", 1500000),
        ("1,5", 1.5),
        ("1,500", 1.5),  # one comma is the decimal mark, always
        ("  -2.500 ", -2500),
        ("+7", 7),
        ("0,05", 0.05),
        ("1.500", 1500),  # a dot then three digits is a thousands separator, always
        (1500000, 1500000),
        (2.5, 2.5),
    ],
)
def test_parse_number_reads_indonesian_numbers(text, number):
    result = parse_number(text)
    assert result == number and type(result) is type(number)


@pytest.mark.parametrize(
    "text",
    ["1.5", "1.50", "1.5000", "1500000.50", "1,500,000", "1.500,000.50", "1 500 000", "1e6",
     "satu", "", "Rp 1.500", "1.500.000,-", ",5", "1.", True, float("nan")],
)  # fmt: skip
def test_parse_number_refuses_what_it_cannot_read_for_sure(text):
    with pytest.raises(InputError) as caught:
        parse_number(text, field="Jumlah")
    message = str(caught.value)
    assert message.startswith('Nilai untuk "Jumlah" tidak dapat dibaca: diharapkan angka')
    assert "titik pemisah ribuan, koma desimal" in message


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Rp 1.500.000", 1500000),
        ("Rp1.500.000,-", 1500000),
        ("Rp 1.500.000,-", 1500000),
        ("Rp. 1.500.000", 1500000),
        ("rp 1.500.000,50", 1500000.5),
        ("IDR 1.500.000", 1500000),
        ("1.500.000", 1500000),
        ("1500000", 1500000),
        ("-Rp 25.000", -25000),
        ("Rp -25.000", -25000),
        ("Rp\u00a01.500.000", 1500000),
        ("Rp 1.500.000.-", 1500000),
        (750000, 750000),
    ],
)
def test_parse_rp_reads_rupiah_amounts(text, amount):
    assert parse_rp(text) == amount


@pytest.mark.parametrize("text", ["Rp", "Rp 1.5", "-Rp -5", "Rp 1,500,000", "USD 5", "5 Rp x"])
def test_parse_rp_refuses_other_text(text):
    with pytest.raises(InputError, match="jumlah rupiah seperti Rp 1.500.000"):
        parse_rp(text)


def test_parse_pct():
    assert parse_pct("5,4%") == 5.4
    assert parse_pct(" 12 % ") == 12
    with pytest.raises(InputError):
        parse_pct("5.4%")


@pytest.mark.parametrize(
    "text",
    ["12/09/2017", "12-09-2017", "12.09.2017", "2017-09-12", "2017/09/12", "12 September 2017",
     "12 september 2017", "12 Sep 2017", "12 Sept 2017", "12 sep. 2017", "12-Sep-2017",
     "September 12, 2017", "2017-09-12 00:00:00", "2017-09-12T08:30", "  12/9/2017  ",
     date(2017, 9, 12), datetime(2017, 9, 12, 23, 59)],
)  # fmt: skip
def test_parse_date_reads_the_usual_ways_of_writing_a_date(text):
    assert parse_date(text) == date(2017, 9, 12)


@pytest.mark.parametrize(
    ("text", "month"),
    [("1 Mei 2020", 5), ("1 May 2020", 5), ("1 Agu 2020", 8), ("1 Agt 2020", 8),
     ("1 Agustus 2020", 8), ("1 Aug 2020", 8), ("1 Okt 2020", 10), ("1 Oct 2020", 10),
     ("1 Des 2020", 12), ("1 Dec 2020", 12), ("1 Desember 2020", 12), ("1 Nopember 2020", 11),
     ("1 Pebruari 2020", 2), ("1 Maret 2020", 3), ("1 Juni 2020", 6), ("1 JULI 2020", 7)],
)  # fmt: skip
def test_parse_date_knows_indonesian_and_english_month_names(text, month):
    assert parse_date(text) == date(2020, month, 1)


@pytest.mark.parametrize(
    "text",
    ["31/02/2017", "12/09/17", "2017-13-01", "12 Foo 2017", "12/09-2017", "", "besok", 42990,
     None, "09/2017"],
)  # fmt: skip
def test_parse_date_refuses_impossible_or_ambiguous_dates(text):
    with pytest.raises(InputError, match="tanggal seperti 12/09/2017"):
        parse_date(text)


def test_parse_bool():
    for text in ("ya", "Ya", "YES", "y", "1", "true", "x", "X", "✓", 1, True):
        assert parse_bool(text) is True
    for text in ("tidak", "Tidak", "no", "n", "0", "false", "tdk", 0, False):
        assert parse_bool(text) is False
    with pytest.raises(InputError, match="ya atau tidak"):
        parse_bool("mungkin")


# --- round trips ---------------------------------------------------------------------------


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_whole_numbers_survive_format_then_parse(n):
    assert parse_number(format_number(n)) == n
    assert parse_rp(format_rp(n)) == n


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_two_decimal_values_survive_format_then_parse(cents):
    value = cents / 100
    text = format_number(value, 2)
    assert round(parse_number(text) * 100) == cents
    assert text.count(",") == 1 and len(text.split(",")[1]) == 2


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.sampled_from(["id", "en"]),
)
def test_dates_survive_format_then_parse_in_both_languages(day, lang):
    assert parse_date(format_date(day, lang=lang)) == day
