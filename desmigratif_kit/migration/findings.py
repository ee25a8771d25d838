"""Pillar 1 findings: every requirement, red flag and caution with its legal basis, an
explanation and a next step, in Indonesian with English equivalents (:data:`RULES`).

>>> RULES["usia"].jenis
'syarat'
"""

from __future__ import annotations

from dataclasses import dataclass

from desmigratif_kit.core import i18n

# --- findings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One rule: a requirement (``jenis="syarat"``), a red flag (``"tanda_bahaya"``) or a
    caution (``"perhatian"``), explained in Indonesian with English equivalents."""

    kode: str
    jenis: str
    judul: str
    penjelasan: str
    dasar_hukum: str
    langkah: str
    judul_en: str
    penjelasan_en: str
    langkah_en: str

    def teks(self, lang: str | None = None) -> dict[str, str]:
        """Title, explanation, next step and legal basis in ``lang`` (default: current).

        >>> RULES["usia"].teks("en")["judul"]
        'At least 18 years old on the departure date'
        """
        if (lang or i18n.get_language()) == "en":
            return {
                "judul": self.judul_en,
                "penjelasan": self.penjelasan_en,
                "langkah": self.langkah_en,
                "dasar_hukum": self.dasar_hukum,
            }
        return {
            "judul": self.judul,
            "penjelasan": self.penjelasan,
            "langkah": self.langkah,
            "dasar_hukum": self.dasar_hukum,
        }


def _rule(
    kode, jenis, dasar_hukum, judul, penjelasan, langkah, judul_en, penjelasan_en, langkah_en
) -> Finding:
    return Finding(
        kode, jenis, judul, penjelasan, dasar_hukum, langkah, judul_en, penjelasan_en, langkah_en
    )


_UU = "UU 18/2017"
_BP2MI_TANDA = "Tanda bahaya penempatan nonprosedural menurut BP2MI (Kompas 17-05-2023)"

_RULES_LIST = [
    # requirements of Art. 5 and Art. 12
    _rule(
        "usia",
        "syarat",
        f"{_UU} Pasal 5 huruf a",
        "Berusia minimal 18 tahun pada tanggal berangkat",
        "Calon PMI harus sudah berumur 18 tahun pada hari keberangkatan. Ulang tahun ke-18 "
        "yang jatuh tepat pada tanggal berangkat sudah memenuhi syarat.",
        "Tunda keberangkatan sampai calon PMI berumur 18 tahun. Periksa tanggal lahir di KTP "
        "dan akta kelahiran.",
        "At least 18 years old on the departure date",
        "A prospective migrant worker must be 18 on the day of departure. An 18th birthday "
        "that falls on the departure date meets the requirement.",
        "Postpone departure until the person turns 18. Check the date of birth on the ID "
        "card and the birth certificate.",
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
        f"{_UU} Pasal 12 (proses sebelum bekerja; Perban BP2MI 7/2022)",
        "Mengikuti Orientasi Pra Pemberangkatan (OPP)",
        "Sebelum berangkat, calon PMI mengikuti OPP: petunjuk kerja, adat dan aturan negara "
        "tujuan, cara mencegah dan menangani masalah, dan isi perjanjian kerja.",
        "Daftar OPP melalui BP3MI/UPT BP2MI setempat dan simpan sertifikatnya.",
        "Attended pre-departure orientation (OPP)",
        "Before departure a prospective migrant worker attends OPP: work instructions, the "
        "destination's customs and rules, preventing and handling problems, and the "
        "employment contract.",
        "Enrol in OPP through the local BP3MI/BP2MI office and keep the certificate.",
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
        "Bekerja di luar negeri memerlukan visa kerja, bukan visa turis, kunjungan, umrah "
        "atau ziarah.",
        "Visa kerja diurus oleh pelaksana penempatan setelah ada perjanjian kerja.",
        "Work visa",
        "Working abroad needs a work visa, not a tourist, visit, umrah or pilgrimage visa.",
        "The placement agency arranges the work visa once there is an employment contract.",
    ),
    _rule(
        "perjanjian_penempatan",
        "syarat",
        f"{_UU} Pasal 13 huruf g",
        "Perjanjian Penempatan PMI",
        "Perjanjian tertulis antara pelaksana penempatan (P3MI, BP2MI untuk G to G, atau "
        "perusahaan yang menempatkan pekerjanya sendiri) dan calon PMI. Jalur mandiri tidak "
        "memakai pelaksana penempatan, sehingga dokumen ini tidak diminta.",
        "Minta dan baca perjanjian penempatan sebelum menandatanganinya; simpan salinannya.",
        "Placement Agreement",
        "A written agreement between the placement agent (a P3MI, BP2MI for G-to-G, or a "
        "company placing its own workers) and the worker. The independent route has no "
        "placement agent, so it is not required there.",
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
        f"{_UU} Pasal 5 huruf a jo. Pasal 80",
        "Di bawah umur",
        "Calon PMI belum berumur 18 tahun pada tanggal berangkat. Menempatkan orang yang "
        "tidak memenuhi syarat usia diancam pidana penjara paling lama 3 tahun dan denda "
        "paling banyak Rp 500 juta.",
        "Jangan berangkat. Laporkan perekrut yang memalsukan umur ke Dinas Tenaga Kerja atau "
        "BP3MI.",
        "Under age",
        "The person is not yet 18 on the departure date. Placing someone who does not meet "
        "the age requirement carries up to 3 years in prison and a fine of up to "
        "Rp 500 million.",
        "Do not leave. Report a recruiter who falsifies age to the manpower office or BP3MI.",
    ),
    _rule(
        "perseorangan",
        "tanda_bahaya",
        f"{_UU} Pasal 69 jo. Pasal 81",
        "Penempatan oleh perseorangan (calo/sponsor)",
        "Orang perseorangan dilarang melaksanakan penempatan PMI. Pelakunya diancam pidana "
        "penjara paling lama 10 tahun dan denda paling banyak Rp 15 miliar.",
        "Tolak tawaran itu. Cari lowongan resmi melalui Disnaker, LTSA atau P3MI berizin, dan "
        "laporkan calo ke Disnaker atau BP3MI.",
        "Placement by an individual (broker/sponsor)",
        "Individuals may not place migrant workers. Offenders face up to 10 years in prison "
        "and a fine of up to Rp 15 billion.",
        "Refuse the offer. Look for official vacancies through the manpower office, the "
        "one-stop service or a licensed P3MI, and report the broker.",
    ),
    _rule(
        "visa_non_kerja",
        "tanda_bahaya",
        f"{_UU} Pasal 13 huruf f",
        "Berangkat dengan visa bukan visa kerja",
        "Visa turis, kunjungan, umrah atau ziarah tidak boleh dipakai untuk bekerja. Pekerja "
        "dengan visa seperti itu tidak terlindungi dan mudah menjadi korban perdagangan "
        "orang.",
        "Jangan berangkat sebelum ada visa kerja yang diurus pelaksana penempatan resmi.",
        "Travelling on a visa that is not a work visa",
        "A tourist, visit, umrah or pilgrimage visa may not be used for work. Workers on such "
        "visas are unprotected and easy prey for traffickers.",
        "Do not leave until an official placement agent has arranged a work visa.",
    ),
    _rule(
        "biaya_dibebankan",
        "tanda_bahaya",
        f"{_UU} Pasal 30 ayat (1); Perban BP2MI 9/2020",
        "Biaya penempatan dibebankan kepada pekerja",
        "PMI tidak dapat dibebani biaya penempatan. Untuk 10 jabatan (pekerja rumah tangga, "
        "pengasuh bayi, pengasuh lansia, juru masak, sopir keluarga, tukang kebun, pengasuh "
        "anak, petugas kebersihan, pekerja ladang/perkebunan, awak kapal perikanan) tiket, "
        "visa, pelatihan, sertifikat, paspor, SKCK, jaminan sosial dan pemeriksaan kesehatan "
        "dibayar pemberi kerja, bukan pekerja.",
        "Jangan membayar. Minta rincian biaya tertulis dan laporkan permintaan uang ke "
        "Disnaker atau BP3MI.",
        "Placement fee charged to the worker",
        "Migrant workers may not be charged placement costs. For 10 jobs (domestic worker, "
        "baby carer, elderly carer, cook, family driver, gardener, child carer, cleaner, "
        "field/plantation worker, fishing-vessel crew) tickets, visa, training, certificate, "
        "passport, police certificate, social security and medical checks are paid by the "
        "employer, not the worker.",
        "Do not pay. Ask for the costs in writing and report the demand to the manpower "
        "office or BP3MI.",
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
        "Moratorium 2015 penempatan PMI pada pengguna perseorangan di negara-negara Timur "
        "Tengah (Kepmenaker 260/2015)",
        "Pekerjaan rumah tangga di negara Timur Tengah",
        "Sejak 2015 penempatan PMI untuk pengguna perseorangan (rumah tangga) di negara-negara "
        "Timur Tengah dihentikan. Tawaran seperti ini hampir selalu nonprosedural, sering "
        "memakai visa umrah atau kunjungan.",
        "Tolak tawaran itu, atau tanyakan dulu ke Disnaker/BP3MI apakah ada skema resmi "
        "pemerintah untuk negara dan jabatan tersebut.",
        "Domestic work in a Middle-East country",
        "Since 2015 placement of migrant workers with individual (household) employers in "
        "Middle-East countries has been stopped. Such offers are almost always "
        "non-procedural, often using umrah or visit visas.",
        "Refuse the offer, or first ask the manpower office/BP3MI whether an official "
        "government scheme exists for that country and job.",
    ),
    _rule(
        "uang_pengikat",
        "tanda_bahaya",
        f"{_BP2MI_TANDA}; {_UU} Pasal 30 ayat (1)",
        "Uang pengikat untuk keluarga",
        "Perekrut memberi uang (sering Rp 2-10 juta) kepada keluarga sebelum berangkat. Uang "
        "itu biasanya kemudian dipotong dari gaji sebagai utang.",
        "Jangan terima uang pengikat. Laporkan ke pemerintah desa dan Disnaker.",
        "'Binding money' given to the family",
        "The recruiter gives money (often Rp 2-10 million) to the family before departure. "
        "It is usually deducted from wages later as a debt.",
        "Do not accept it. Report it to the village government and the manpower office.",
    ),
    _rule(
        "gaji_tidak_wajar",
        "tanda_bahaya",
        _BP2MI_TANDA,
        "Janji gaji jauh di atas biasanya",
        "Gaji yang dijanjikan jauh lebih tinggi (di kit ini: lebih dari 1,5 kali) daripada "
        "gaji biasa untuk jabatan dan negara itu. Janji gaji tinggi adalah cara calo menarik "
        "korban.",
        "Bandingkan dengan informasi lowongan resmi di Disnaker atau pusat layanan migrasi desa.",
        "Promised wage far above the usual",
        "The promised wage is far higher (in this kit: more than 1.5 times) than the usual "
        "wage for that job and country. High promised pay is how brokers lure victims.",
        "Compare with official vacancy information at the manpower office or the village "
        "migration service.",
    ),
    _rule(
        "janji_dokumen_diurus",
        "tanda_bahaya",
        _BP2MI_TANDA,
        'Janji "semua dokumen diurus"',
        "Perekrut berjanji mengurus semua dokumen. Dokumen yang diurus orang lain sering "
        "dipalsukan (umur, nama, alamat) dan calon PMI tidak tahu isinya.",
        "Urus sendiri dokumen kependudukan dan paspor, dengan bantuan pemerintah desa dan LTSA.",
        'Promise that "all documents are handled"',
        "The recruiter promises to handle every document. Documents handled by others are "
        "often falsified (age, name, address) and the worker does not know what they say.",
        "Get civil-registration papers and the passport yourself, helped by the village "
        "government and the one-stop service.",
    ),
    _rule(
        "berangkat_cepat",
        "tanda_bahaya",
        f"{_BP2MI_TANDA}; {_UU} Pasal 12",
        "Janji cepat berangkat",
        "Proses resmi memerlukan waktu: pelatihan, pemeriksaan kesehatan, dokumen, OPP. "
        "Janji berangkat dalam hitungan hari biasanya berarti semua tahap itu dilewati.",
        "Tanyakan jadwal setiap tahap proses sebelum bekerja ke Disnaker atau LTSA.",
        "Promise of a fast departure",
        "The official process takes time: training, medical checks, documents, OPP. A "
        "departure promised within days usually means every step is skipped.",
        "Ask the manpower office or one-stop service for the schedule of each step.",
    ),
    _rule(
        "penampungan_dini",
        "tanda_bahaya",
        f"{_BP2MI_TANDA}; {_UU} Pasal 12",
        "Ditampung sebelum dokumen lengkap",
        "Calon PMI dibawa ke penampungan sebelum dokumen lengkap, tanpa pelatihan, OPP atau BPJS.",
        "Jangan masuk penampungan sebelum dokumen lengkap. Catat alamat penampungan dan "
        "laporkan ke Disnaker.",
        "Sent to a shelter before documents are complete",
        "The worker is taken to a shelter before the documents are complete, without "
        "training, OPP or social security.",
        "Do not enter a shelter before the documents are complete. Note its address and "
        "report it to the manpower office.",
    ),
    _rule(
        "paspor_dipinjam",
        "tanda_bahaya",
        f"{_UU} Pasal 13 huruf e; Pasal 79",
        "Paspor palsu atau milik orang lain",
        "Paspor harus atas nama dan data diri yang benar. Memakai paspor orang lain atau "
        "data palsu adalah tindak pidana dan membuat pekerja tidak terlindungi.",
        "Jangan memakai paspor pinjaman. Urus paspor sendiri di kantor imigrasi.",
        "Forged or borrowed passport",
        "The passport must carry the worker's true name and details. Using another person's "
        "passport or false data is a crime and leaves the worker unprotected.",
        "Do not use a borrowed passport. Apply for your own at the immigration office.",
    ),
    _rule(
        "tanpa_tanda_terima_dokumen",
        "tanda_bahaya",
        f"{_BP2MI_TANDA}; {_UU} (hak PMI menguasai dokumen perjalanannya)",
        "Tidak ada tanda terima dokumen",
        "Perekrut mengambil dokumen (KTP, KK, ijazah, paspor) tanpa nota serah terima.",
        "Serahkan dokumen hanya dengan nota serah terima yang ditandatangani, dan simpan "
        "fotokopinya di rumah.",
        "No receipt for handed-over documents",
        "The recruiter takes documents (ID card, family card, diploma, passport) without a "
        "hand-over receipt.",
        "Hand over documents only against a signed receipt, and keep copies at home.",
    ),
    _rule(
        "tanpa_opp",
        "tanda_bahaya",
        f"{_UU} Pasal 12",
        "Berangkat tanpa OPP",
        "Perekrut mengatakan OPP (Orientasi Pra Pemberangkatan) tidak perlu. OPP wajib dalam "
        "proses resmi.",
        "Pastikan jadwal OPP ada sebelum tanggal berangkat.",
        "Leaving without pre-departure orientation",
        "The recruiter says OPP is not needed. OPP is part of the official process.",
        "Make sure OPP is scheduled before the departure date.",
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
]

RULES: dict[str, Finding] = {rule.kode: rule for rule in _RULES_LIST}
"""Every requirement, red flag and caution by code."""
