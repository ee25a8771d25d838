"""Pillar 1 findings: every requirement, red flag and caution with its legal basis (or, for
a sign known from officials' warnings in the news, its source), an explanation and a next
step, in Indonesian with English equivalents (:data:`RULES`).

``dasar_hukum`` names only law and regulation; a rule that rests on a news report names that
report in ``sumber``; a point the kit could not verify says so in its own text.

>>> RULES["usia"].jenis, RULES["gaji_tidak_wajar"].dasar_hukum, RULES["calo"].dasar_hukum
('syarat', '', 'UU 18/2017 Pasal 69 jo. Pasal 81')
"""

from __future__ import annotations

from dataclasses import dataclass

from desmigratif_kit.core import i18n
from desmigratif_kit.migration.codes import MORATORIUM_TIMUR_TENGAH, SPSK_ARAB_SAUDI

# --- findings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One rule: a requirement (``jenis="syarat"``), a red flag (``"tanda_bahaya"``) or a
    caution (``"perhatian"``), explained in Indonesian with English equivalents.

    ``dasar_hukum`` is the legal basis (law, regulation; may be empty); ``sumber`` the news
    report or official statement a sign rests on (may be empty). Every rule has one of them.
    """

    kode: str
    jenis: str
    judul: str
    penjelasan: str
    dasar_hukum: str
    langkah: str
    judul_en: str
    penjelasan_en: str
    langkah_en: str
    sumber: str = ""

    def teks(self, lang: str | None = None) -> dict[str, str]:
        """Title, explanation, next step, legal basis and source in ``lang`` (default: current).

        >>> RULES["usia"].teks("en")["judul"]
        'At least 18 years old'
        """
        en = (lang or i18n.get_language()) == "en"
        return {
            "judul": self.judul_en if en else self.judul,
            "penjelasan": self.penjelasan_en if en else self.penjelasan,
            "langkah": self.langkah_en if en else self.langkah,
            "dasar_hukum": self.dasar_hukum,
            "sumber": self.sumber,
        }


def _rule(
    kode, jenis, dasar_hukum, judul, penjelasan, langkah, judul_en, penjelasan_en, langkah_en,
    sumber="",
) -> Finding:  # fmt: skip
    return Finding(
        kode,
        jenis,
        judul,
        penjelasan,
        dasar_hukum,
        langkah,
        judul_en,
        penjelasan_en,
        langkah_en,
        sumber,
    )


_UU = "UU 18/2017"
_BERITA_TANDA = "Peringatan BP2MI tentang penempatan nonprosedural (Kompas, 17 Mei 2023)"
_M, _S = MORATORIUM_TIMUR_TENGAH, SPSK_ARAB_SAUDI
_NEGARA_M = ", ".join(_M.negara)

_RULES_LIST = [
    # requirements of Art. 5 and Art. 12
    _rule(
        "usia",
        "syarat",
        f"{_UU} Pasal 5 huruf a",
        "Berusia minimal 18 tahun",
        "Undang-undang menyebut calon PMI berusia minimal 18 tahun, tanpa menyebut pada tanggal "
        "apa usia itu dihitung. Kit ini menghitungnya pada tanggal berangkat (itu pilihan kit, "
        "bukan bunyi undang-undang), dan juga pada tanggal mendaftar dan tanggal menandatangani "
        "perjanjian bila diisi: sebelum berangkat calon PMI sudah menandatangani perjanjian, dan "
        "kepala desa mengetahui surat izin keluarganya. Ulang tahun ke-18 yang jatuh tepat pada "
        "tanggal itu sudah dihitung.",
        "Tunggu sampai calon PMI berumur 18 tahun sebelum mendaftar, menandatangani perjanjian "
        "atau berangkat. Periksa tanggal lahir di KTP dan akta kelahiran.",
        "At least 18 years old",
        "The law says a prospective migrant worker is at least 18, without saying on which date "
        "age is counted. This kit counts it on the departure date (the kit's choice, not the "
        "law's wording), and also on the registration and signing dates when given: before "
        "leaving, the person signs agreements and the village head acknowledges the family's "
        "consent. An 18th birthday on that very date counts.",
        "Wait until the person is 18 before registering, signing agreements or leaving. Check "
        "the date of birth on the ID card and the birth certificate.",
    ),
    _rule(
        "sehat",
        "syarat",
        f"{_UU} Pasal 5 huruf c",
        "Sehat jasmani dan rohani",
        "Calon PMI harus sehat jasmani dan rohani, dibuktikan dengan pemeriksaan kesehatan "
        "dan psikologi.",
        "Ikuti pemeriksaan kesehatan dan psikologi di sarana kesehatan yang ditunjuk.",
        "Physically and mentally healthy",
        "A prospective migrant worker must be physically and mentally healthy, shown by a "
        "medical and psychological examination.",
        "Take the medical and psychological examination at an appointed health facility.",
    ),
    _rule(
        "kompetensi",
        "syarat",
        f"{_UU} Pasal 5 huruf b",
        "Memiliki kompetensi",
        "Calon PMI harus memiliki kompetensi untuk jabatan yang akan dikerjakan.",
        "Ikuti pelatihan kerja dan uji kompetensi untuk jabatan tersebut.",
        "Has the competence for the job",
        "A prospective migrant worker must have the competence for the job.",
        "Attend job training and a competency test for the job.",
    ),
    _rule(
        "jaminan_sosial",
        "syarat",
        f"{_UU} Pasal 5 huruf d; Permenaker 4/2023",
        "Terdaftar sebagai peserta jaminan sosial",
        "Calon PMI harus terdaftar dan memiliki nomor kepesertaan BPJS Ketenagakerjaan "
        "(program JKK dan JKM wajib).",
        "Daftarkan calon PMI ke BPJS Ketenagakerjaan (loket di LTSA atau kantor cabang).",
        "Registered for social security",
        "A prospective migrant worker must be registered with BPJS Ketenagakerjaan and hold "
        "a membership number (work-accident and death cover are mandatory).",
        "Register with BPJS Ketenagakerjaan (desk at the one-stop service or a branch).",
    ),
    _rule(
        "opp",
        "syarat",
        f"{_UU} Pasal 12; Perban BP2MI 7/2022",
        "Mengikuti Orientasi Pra Pemberangkatan (OPP)",
        "Sebelum berangkat, calon PMI mengikuti OPP: petunjuk kerja, adat dan aturan negara "
        "tujuan, cara mencegah dan menangani masalah, dan isi perjanjian kerja.",
        "Daftar OPP melalui BP3MI (kantor daerah KP2MI, dulu BP2MI) dan simpan sertifikatnya.",
        "Attended pre-departure orientation (OPP)",
        "Before departure a prospective migrant worker attends OPP: work instructions, the "
        "destination's customs and rules, preventing and handling problems, and the "
        "employment contract.",
        "Enrol in OPP through the local BP3MI (the regional office of KP2MI, formerly BP2MI) "
        "and keep the certificate.",
    ),
    # the eight documents of Art. 13
    _rule(
        "status_perkawinan",
        "syarat",
        f"{_UU} Pasal 13 huruf a",
        "Surat keterangan status perkawinan",
        "Dokumen status perkawinan; yang sudah menikah melampirkan fotokopi buku nikah.",
        "Minta surat keterangan status perkawinan; siapkan fotokopi buku nikah bila menikah.",
        "Marital-status certificate",
        "A marital-status certificate; married applicants attach a copy of the marriage book.",
        "Request the marital-status certificate; copy the marriage book if married.",
    ),
    _rule(
        "izin_keluarga",
        "syarat",
        f"{_UU} Pasal 13 huruf b",
        "Surat izin suami/istri, orang tua, atau wali",
        "Surat keterangan izin dari suami atau istri, orang tua, atau wali yang diketahui "
        "kepala desa atau lurah.",
        "Isi surat izin keluarga dan mintakan tanda tangan kepala desa/lurah.",
        "Consent letter from spouse, parents or guardian",
        "A consent letter from the spouse, parents or guardian, acknowledged by the village "
        "head or lurah.",
        "Fill in the family consent letter and have the village head sign it.",
    ),
    _rule(
        "sertifikat_kompetensi",
        "syarat",
        f"{_UU} Pasal 13 huruf c",
        "Sertifikat kompetensi kerja",
        "Sertifikat yang membuktikan calon PMI kompeten untuk jabatannya.",
        "Ikuti pelatihan dan uji kompetensi di lembaga yang diakui.",
        "Work-competency certificate",
        "A certificate showing the worker is competent for the job.",
        "Attend training and a competency test at a recognised institution.",
    ),
    _rule(
        "surat_sehat",
        "syarat",
        f"{_UU} Pasal 13 huruf d",
        "Surat keterangan sehat (kesehatan dan psikologi)",
        "Surat keterangan sehat berdasarkan pemeriksaan kesehatan dan psikologi.",
        "Periksa kesehatan dan psikologi di sarana kesehatan yang ditunjuk.",
        "Health certificate (medical and psychological)",
        "A health certificate from a medical and psychological examination.",
        "Have the medical and psychological examination at an appointed facility.",
    ),
    _rule(
        "paspor",
        "syarat",
        f"{_UU} Pasal 13 huruf e",
        "Paspor dari kantor imigrasi setempat",
        "Paspor diterbitkan kantor imigrasi setempat atas nama calon PMI sendiri.",
        "Urus paspor di kantor imigrasi (atau loket imigrasi di LTSA) dengan KTP, KK dan "
        "akta kelahiran.",
        "Passport from the local immigration office",
        "A passport issued by the local immigration office in the worker's own name.",
        "Apply at the immigration office (or its desk at the one-stop service) with ID card, "
        "family card and birth certificate.",
    ),
    _rule(
        "visa_kerja",
        "syarat",
        f"{_UU} Pasal 13 huruf f",
        "Visa kerja",
        "Bekerja di luar negeri memerlukan visa kerja, bukan visa turis, kunjungan (termasuk "
        "visa ziarah) atau umrah.",
        "Visa kerja diurus oleh pelaksana penempatan setelah ada perjanjian kerja.",
        "Work visa",
        "Working abroad needs a work visa, not a tourist, visit (including the ziarah visit "
        "visa) or umrah visa.",
        "The placement agency arranges the work visa once there is an employment contract.",
    ),
    _rule(
        "perjanjian_penempatan",
        "syarat",
        f"{_UU} Pasal 13 huruf g",
        "Perjanjian Penempatan PMI",
        "Perjanjian tertulis antara pelaksana penempatan (P3MI; KP2MI, dulu BP2MI, untuk "
        "G to G; atau perusahaan yang menempatkan pekerjanya sendiri) dan calon PMI. PMI "
        "perseorangan tidak memakai pelaksana penempatan, sehingga dokumen ini tidak diminta.",
        "Minta dan baca perjanjian penempatan sebelum menandatanganinya; simpan salinannya.",
        "Placement Agreement",
        "A written agreement between the placement agent (a P3MI; KP2MI, formerly BP2MI, for "
        "government-to-government placement; or a company placing its own workers) and the "
        "worker. An independent worker (PMI perseorangan) has no placement agent, so it is not "
        "required there.",
        "Ask for the placement agreement, read it before signing, keep a copy.",
    ),
    _rule(
        "perjanjian_kerja",
        "syarat",
        f"{_UU} Pasal 13 huruf h; Pasal 14-15",
        "Perjanjian Kerja",
        "Perjanjian kerja antara pemberi kerja dan PMI: identitas, jabatan, hak dan "
        "kewajiban, jam kerja, gaji dan cara pembayaran, cuti, jaminan sosial, dan jangka "
        "waktu.",
        "Minta perjanjian kerja tertulis, baca bersama keluarga, dan simpan salinannya.",
        "Employment Agreement",
        "The contract between employer and worker: identities, job, rights and duties, "
        "hours, wage and how it is paid, leave, social security and duration.",
        "Ask for the written contract, read it with the family and keep a copy.",
    ),
    # red flags
    _rule(
        "di_bawah_umur",
        "tanda_bahaya",
        f"{_UU} Pasal 5 huruf a; Pasal 66 jo. Pasal 80",
        "Di bawah umur",
        "Calon PMI belum berumur 18 tahun pada tanggal berangkat, atau pada tanggal mendaftar "
        "atau menandatangani perjanjian. Menempatkan orang yang tidak memenuhi syarat usia "
        "dilarang (Pasal 66) dan diancam pidana penjara paling lama 3 tahun dan denda paling "
        "banyak Rp 500 juta (Pasal 80).",
        "Jangan mendaftar, menandatangani atau berangkat. Laporkan perekrut yang memalsukan "
        "umur ke Dinas Tenaga Kerja atau BP3MI.",
        "Under age",
        "The person is not yet 18 on the departure date, or on the registration or signing "
        "date. Placing someone who does not meet the age requirement is forbidden (Art. 66) "
        "and carries up to 3 years in prison and a fine of up to Rp 500 million (Art. 80).",
        "Do not register, sign or leave. Report a recruiter who falsifies age to the manpower "
        "office or BP3MI.",
    ),
    _rule(
        "calo",
        "tanda_bahaya",
        f"{_UU} Pasal 69 jo. Pasal 81",
        "Penempatan oleh orang perseorangan (calo/sponsor)",
        "Orang perseorangan, misalnya calo atau sponsor, dilarang melaksanakan penempatan PMI "
        "(Pasal 69). Pelakunya diancam pidana penjara paling lama 10 tahun dan denda paling "
        "banyak Rp 15 miliar (Pasal 81). Ini berbeda dari PMI perseorangan: pekerja yang "
        "mengurus sendiri keberangkatannya secara resmi, tanpa perusahaan penempatan.",
        "Tolak tawaran itu. Cari lowongan resmi melalui Disnaker, LTSA atau P3MI yang izinnya "
        "sudah dicek di Disnaker atau BP3MI, dan laporkan calo ke Disnaker, BP3MI atau polisi.",
        "Placement by an individual (broker/sponsor)",
        "Individuals, such as brokers or sponsors, may not place migrant workers (Art. 69). "
        "Offenders face up to 10 years in prison and a fine of up to Rp 15 billion (Art. 81). "
        "This is not the independent worker (PMI perseorangan) who arranges their own "
        "departure officially, without a placement company.",
        "Refuse the offer. Look for official vacancies through the manpower office, the "
        "one-stop service or a P3MI whose licence the manpower office or BP3MI has confirmed, "
        "and report the broker to the manpower office, BP3MI or the police.",
    ),
    _rule(
        "visa_non_kerja",
        "tanda_bahaya",
        f"{_UU} Pasal 13 huruf f",
        "Berangkat dengan visa bukan visa kerja",
        "Visa turis, kunjungan (termasuk visa ziarah) atau umrah tidak boleh dipakai untuk "
        "bekerja. Pekerja dengan visa seperti itu tidak terlindungi dan mudah menjadi korban "
        "perdagangan orang (TPPO, UU 21/2007).",
        "Jangan berangkat sebelum ada visa kerja yang diurus pelaksana penempatan resmi. Bila "
        "ada yang memaksa, laporkan ke polisi atau BP3MI: perdagangan orang adalah tindak "
        "pidana.",
        "Travelling on a visa that is not a work visa",
        "A tourist, visit (including the ziarah visit visa) or umrah visa may not be used for "
        "work. Workers on such visas are unprotected and easy prey for traffickers "
        "(trafficking in persons, UU 21/2007).",
        "Do not leave until an official placement agent has arranged a work visa. If someone "
        "pushes you, report it to the police or BP3MI: trafficking is a crime.",
    ),
    _rule(
        "penipuan_kerja_online",
        "tanda_bahaya",
        "UU 21/2007 tentang Pemberantasan Tindak Pidana Perdagangan Orang (TPPO)",
        'Tawaran "kerja online" ke luar negeri',
        'Iklan di media sosial menawarkan "kerja online" atau "admin" bergaji tinggi, '
        "berangkat dengan visa turis, sering ke Kamboja atau Myanmar. Banyak korban berakhir "
        "di markas penipuan daring: dipaksa menipu orang lewat internet, paspornya ditahan, "
        "tidak boleh pulang. Kamboja bukan negara tujuan penempatan PMI. Ini perdagangan orang.",
        "Jangan berangkat dan jangan kirim foto KTP atau paspor. Laporkan akun atau nomor "
        "perekrut ke polisi dan BP3MI. Bila ada warga yang sudah terjebak, keluarga melapor ke "
        "BP3MI atau Disnaker agar diteruskan ke KBRI.",
        'An "online work" offer abroad',
        'An advertisement on social media offers well-paid "online work" or "admin" jobs, '
        "travel on a tourist visa, often to Cambodia or Myanmar. Many victims end up in "
        "online-scam compounds: forced to defraud people over the internet, passports taken, "
        "not allowed home. Cambodia is not a placement country for Indonesian migrant workers. "
        "This is trafficking in persons.",
        "Do not go and do not send photos of your ID card or passport. Report the recruiter's "
        "account or number to the police and BP3MI. If someone is already trapped, the family "
        "reports to BP3MI or the manpower office so the embassy is told.",
        "KP2MI (Kamboja bukan negara penempatan PMI); KBRI Phnom Penh mencatat 1.185 kasus "
        "penipuan daring dalam satu triwulan 2025",
    ),
    _rule(
        "biaya_dibebankan",
        "tanda_bahaya",
        f"{_UU} Pasal 30 ayat (1); Perban BP2MI 9/2020",
        "Biaya penempatan dibebankan kepada pekerja",
        "PMI tidak dapat dibebani biaya penempatan. Untuk 10 jabatan (pengurus rumah tangga, "
        "pengasuh bayi, pengasuh lansia, juru masak rumah tangga, supir keluarga, perawat "
        "taman, pengasuh anak, petugas kebersihan, petugas ladang/perkebunan, awak kapal "
        "perikanan migran) tiket, visa, pelatihan, sertifikat, paspor, SKCK, jaminan sosial "
        "dan pemeriksaan kesehatan dibayar pemberi kerja, bukan pekerja. KP2MI sendiri "
        "menyatakan pada Oktober 2025 bahwa aturan ini belum berjalan optimal di Taiwan dan "
        "Hong Kong: di sana pekerja masih ditarik biaya sampai dua bulan gaji.",
        "Jangan membayar dan jangan menandatangani surat utang atau potongan gaji. Minta "
        "rincian biaya tertulis dari P3MI, simpan semua bukti (pesan, kuitansi), lalu laporkan "
        "ke Disnaker atau BP3MI sebelum berangkat.",
        "Placement fee charged to the worker",
        "Migrant workers may not be charged placement costs. For 10 jobs (housekeeper, baby "
        "carer, elderly carer, household cook, family driver, gardener, child carer, cleaner, "
        "field/plantation worker, migrant fishing-vessel crew) tickets, visa, training, "
        "certificate, passport, police certificate, social security and medical checks are "
        "paid by the employer, not the worker. KP2MI itself said in October 2025 that this "
        "rule is not yet working well in Taiwan and Hong Kong, where workers are still charged "
        "up to two months' wages.",
        "Do not pay and do not sign a debt note or wage deduction. Ask the P3MI for the costs "
        "in writing, keep every proof (messages, receipts), and report to the manpower office "
        "or BP3MI before departure.",
        "KP2MI, Oktober 2025. Permen P2MI 17/2025 tentang biaya penempatan sudah terbit; "
        "apakah peraturan itu menggantikan Perban BP2MI 9/2020 belum pasti",
    ),
    _rule(
        "tanpa_perjanjian_kerja",
        "tanda_bahaya",
        f"{_UU} Pasal 13 huruf h; Pasal 14-15",
        "Tidak ada perjanjian kerja tertulis",
        "Berangkat tanpa perjanjian kerja berarti gaji, jam kerja dan hak lain tidak "
        "terjamin. Ini salah satu tanda penempatan nonprosedural.",
        "Jangan berangkat sebelum perjanjian kerja ditandatangani dan salinannya dipegang "
        "pekerja dan keluarga.",
        "No written employment contract",
        "Leaving without an employment contract means wage, hours and other rights are not "
        "guaranteed. It is one of the signs of non-procedural placement.",
        "Do not leave before the contract is signed and the worker and family hold a copy.",
    ),
    _rule(
        "moratorium_timur_tengah",
        "tanda_bahaya",
        f"{_M.dasar_hukum}; pengecualian: {_S.dasar_hukum} (SPSK)",
        "Pekerjaan rumah tangga di negara moratorium Timur Tengah",
        f"Sejak {_M.diumumkan.year} penempatan PMI pada pengguna perseorangan (rumah tangga) "
        f"di {len(_M.negara)} negara dihentikan: {_NEGARA_M}. Satu-satunya jalan resmi adalah "
        f"{_S.nama}: beberapa jabatan rumah tangga, hanya melalui P3MI yang ditunjuk, "
        f"berangkat sejak {_S.berangkat_sejak.year}. Tawaran lain seperti ini hampir selalu "
        f"nonprosedural, sering memakai visa umrah atau kunjungan. {_M.catatan}",
        "Tolak tawaran itu. Untuk penempatan SPSK, tanyakan dulu ke Disnaker atau BP3MI apakah "
        "P3MI itu termasuk yang ditunjuk dan jabatannya termasuk skema itu.",
        "Domestic work in a Middle-East moratorium country",
        f"Since {_M.diumumkan.year} placement with individual (household) employers has been "
        f"stopped in {len(_M.negara)} countries: {_NEGARA_M}. The only official way is the "
        f"one-channel placement system (SPSK) to Saudi Arabia: some household jobs, only "
        f"through designated P3MI, departures since {_S.berangkat_sejak.year}. Other such "
        "offers are almost always non-procedural, often using umrah or visit visas. A lifting "
        "for Saudi Arabia was reported approved in March 2025 but no agreement existed in "
        "February 2026: uncertain, ask the manpower office or BP3MI.",
        "Refuse the offer. For an SPSK placement, first ask the manpower office or BP3MI "
        "whether the P3MI is a designated one and the job is part of the scheme.",
        f"{_M.sumber}. {_S.catatan}",
    ),
    _rule(
        "uang_pengikat",
        "tanda_bahaya",
        f"{_UU} Pasal 30 ayat (1)",
        "Uang pengikat untuk keluarga",
        "Perekrut memberi uang (sering Rp 2-10 juta) kepada keluarga sebelum berangkat. Uang "
        "itu biasanya kemudian dipotong dari gaji sebagai utang.",
        "Jangan terima uang pengikat. Laporkan ke pemerintah desa dan Disnaker.",
        "'Binding money' given to the family",
        "The recruiter gives money (often Rp 2-10 million) to the family before departure. "
        "It is usually deducted from wages later as a debt.",
        "Do not accept it. Report it to the village government and the manpower office.",
        _BERITA_TANDA,
    ),
    _rule(
        "gaji_tidak_wajar",
        "tanda_bahaya",
        "",
        "Janji gaji jauh di atas biasanya",
        "Gaji yang dijanjikan jauh lebih tinggi (di kit ini: lebih dari 1,5 kali) daripada "
        "gaji biasa atau gaji resmi untuk jabatan dan negara itu. Janji gaji tinggi adalah cara "
        "calo menarik korban.",
        "Bandingkan dengan informasi lowongan resmi di Disnaker atau pusat layanan migrasi desa.",
        "Promised wage far above the usual",
        "The promised wage is far higher (in this kit: more than 1.5 times) than the usual or "
        "official wage for that job and country. High promised pay is how brokers lure victims.",
        "Compare with official vacancy information at the manpower office or the village "
        "migration service.",
        _BERITA_TANDA,
    ),
    _rule(
        "janji_dokumen_diurus",
        "tanda_bahaya",
        "",
        'Janji "semua dokumen diurus"',
        "Perekrut berjanji mengurus semua dokumen. Dokumen yang diurus orang lain sering "
        "dipalsukan (umur, nama, alamat) dan calon PMI tidak tahu isinya.",
        "Urus sendiri dokumen kependudukan dan paspor, dengan bantuan pemerintah desa dan LTSA.",
        'Promise that "all documents are handled"',
        "The recruiter promises to handle every document. Documents handled by others are "
        "often falsified (age, name, address) and the worker does not know what they say.",
        "Get civil-registration papers and the passport yourself, helped by the village "
        "government and the one-stop service.",
        _BERITA_TANDA,
    ),
    _rule(
        "berangkat_cepat",
        "tanda_bahaya",
        f"{_UU} Pasal 12",
        "Janji cepat berangkat",
        "Proses resmi memerlukan waktu: pelatihan, pemeriksaan kesehatan, dokumen, OPP. "
        "Janji berangkat dalam hitungan hari biasanya berarti semua tahap itu dilewati.",
        "Tanyakan jadwal setiap tahap proses sebelum bekerja ke Disnaker atau LTSA.",
        "Promise of a fast departure",
        "The official process takes time: training, medical checks, documents, OPP. A "
        "departure promised within days usually means every step is skipped.",
        "Ask the manpower office or one-stop service for the schedule of each step.",
        _BERITA_TANDA,
    ),
    _rule(
        "penampungan_dini",
        "tanda_bahaya",
        f"{_UU} Pasal 12",
        "Ditampung sebelum dokumen lengkap",
        "Calon PMI dibawa ke penampungan sebelum dokumen lengkap, tanpa pelatihan, OPP atau BPJS.",
        "Jangan masuk penampungan sebelum dokumen lengkap. Catat alamat penampungan dan "
        "laporkan ke Disnaker.",
        "Sent to a shelter before documents are complete",
        "The worker is taken to a shelter before the documents are complete, without "
        "training, OPP or social security.",
        "Do not enter a shelter before the documents are complete. Note its address and "
        "report it to the manpower office.",
        _BERITA_TANDA,
    ),
    _rule(
        "paspor_dipinjam",
        "tanda_bahaya",
        f"{_UU} Pasal 13 huruf e; Pasal 65 jo. Pasal 79",
        "Paspor palsu atau milik orang lain",
        "Paspor harus atas nama dan data diri yang benar. Memakai data palsu dalam dokumen "
        "dilarang (Pasal 65) dan diancam pidana penjara paling lama 2 tahun dan/atau denda "
        "paling banyak Rp 200 juta (Pasal 79); pekerjanya pun tidak terlindungi.",
        "Jangan memakai paspor pinjaman. Urus paspor sendiri di kantor imigrasi.",
        "Forged or borrowed passport",
        "The passport must carry the worker's true name and details. False data in documents "
        "is forbidden (Art. 65) and carries up to 2 years in prison and/or a fine of up to "
        "Rp 200 million (Art. 79); the worker is left unprotected too.",
        "Do not use a borrowed passport. Apply for your own at the immigration office.",
    ),
    _rule(
        "tanpa_tanda_terima_dokumen",
        "tanda_bahaya",
        f"{_UU} Pasal 6 ayat (1): hak PMI menguasai dokumen perjalanannya (huruf j; nomor "
        "huruf belum diperiksa)",
        "Tidak ada tanda terima dokumen",
        "Perekrut mengambil dokumen (KTP, KK, ijazah, paspor) tanpa nota serah terima.",
        "Serahkan dokumen hanya dengan nota serah terima yang ditandatangani, dan simpan "
        "fotokopinya di rumah.",
        "No receipt for handed-over documents",
        "The recruiter takes documents (ID card, family card, diploma, passport) without a "
        "hand-over receipt.",
        "Hand over documents only against a signed receipt, and keep copies at home.",
        _BERITA_TANDA,
    ),
    _rule(
        "tanpa_opp",
        "tanda_bahaya",
        f"{_UU} Pasal 12",
        "Berangkat tanpa OPP",
        "OPP (Orientasi Pra Pemberangkatan) wajib dalam proses resmi. Perekrut yang bilang OPP "
        'tidak perlu, atau bilang "OPP sudah diatur" untuk keberangkatan dengan visa turis, '
        "kunjungan atau umrah, tidak berkata benar: OPP resmi hanya diikuti calon PMI yang "
        "berangkat lewat proses resmi dengan visa kerja.",
        "Pastikan jadwal OPP dari BP3MI ada sebelum tanggal berangkat, dan lihat sendiri "
        "sertifikatnya.",
        "Leaving without pre-departure orientation",
        "OPP is part of the official process. A recruiter who says OPP is not needed, or that "
        '"OPP is arranged" for a departure on a tourist, visit or umrah visa, is not telling '
        "the truth: only workers leaving through the official process with a work visa attend "
        "the official OPP.",
        "Make sure BP3MI has scheduled OPP before the departure date, and see the certificate "
        "yourself.",
    ),
    _rule(
        "tanpa_jaminan_sosial",
        "tanda_bahaya",
        f"{_UU} Pasal 5 huruf d",
        "Berangkat tanpa BPJS Ketenagakerjaan",
        "Perekrut tidak mendaftarkan calon PMI ke BPJS Ketenagakerjaan. Tanpa jaminan sosial, "
        "kecelakaan kerja atau kematian tidak ditanggung.",
        "Minta bukti kepesertaan BPJS Ketenagakerjaan sebelum berangkat.",
        "Leaving without social security",
        "The recruiter does not register the worker with BPJS Ketenagakerjaan. Without it, "
        "work accidents and death are not covered.",
        "Ask for proof of BPJS Ketenagakerjaan membership before departure.",
    ),
    # cautions
    _rule(
        "biaya_perlu_dicek",
        "perhatian",
        f"{_UU} Pasal 30 ayat (1); Perban BP2MI 2/2020 Pasal 3",
        "Ada biaya: periksa untuk apa",
        "PMI tidak dapat dibebani biaya penempatan. Untuk jabatan di luar 10 jabatan bebas "
        "biaya, biaya kebutuhan pribadi (paspor, SKCK, jaminan sosial, pemeriksaan kesehatan, "
        "transportasi lokal, akomodasi) dapat dibebankan kepada calon PMI dan/atau pemberi "
        "kerja. Biaya lain, misalnya imbal jasa agensi, tidak boleh ditarik dari pekerja.",
        "Minta rincian biaya tertulis dan kuitansi untuk setiap pembayaran, lalu cocokkan "
        "dengan Disnaker atau BP3MI.",
        "There is a fee: check what it is for",
        "Migrant workers may not be charged placement costs. For jobs outside the ten "
        "zero-cost jobs, personal costs (passport, police certificate, social security, "
        "medical checks, local transport, accommodation) may be charged to the worker and/or "
        "the employer. Other charges, such as an agency fee, may not be taken from the "
        "worker.",
        "Ask for the costs in writing and a receipt for every payment, and check them with "
        "the manpower office or BP3MI.",
    ),
    _rule(
        "izin_p3mi_belum_dicek",
        "perhatian",
        f"{_UU} Pasal 54 (syarat izin P3MI)",
        "Izin P3MI belum dicek",
        "P3MI hanya boleh merekrut bila punya izin dari Menteri (SIP3MI) dan surat izin "
        "perekrutan (SIP2MI) untuk lowongan itu. Nama PT, seragam dan kantor yang rapi belum "
        "membuktikan izin.",
        "Sebelum menyerahkan dokumen atau uang, tanyakan ke Disnaker kabupaten atau BP3MI "
        "apakah P3MI itu berizin dan punya SIP2MI untuk lowongan ini.",
        "The P3MI's licence has not been checked",
        "A P3MI may recruit only with a licence from the Minister (SIP3MI) and a recruitment "
        "permit (SIP2MI) for that vacancy. A company name, uniforms and a tidy office prove "
        "nothing.",
        "Before handing over documents or money, ask the district manpower office or BP3MI "
        "whether the P3MI is licensed and holds a SIP2MI for this vacancy.",
    ),
]

RULES: dict[str, Finding] = {rule.kode: rule for rule in _RULES_LIST}
"""Every requirement, red flag and caution by code."""
