# Lapkin — Bahasa Indonesia (bahasa utama)

## Menu dan bantuan
command-start = Mulai / tampilkan menu
command-lapor = Laporkan kegiatan hari ini
command-riwayat = Riwayat laporan saya
command-skp = Capaian SKP saya
command-nilai = Penilaian kinerja saya
command-persetujuan = Laporan yang menunggu persetujuan saya
command-tim = Siapa di tim saya yang sudah melapor
command-evaluasi = Evaluasi kinerja bawahan
command-batal = Batalkan langkah yang sedang berjalan
command-bantuan = Bantuan
command-bahasa = Ganti bahasa
command-daftargrup = Hubungkan grup ini ke unit kerja

start-how-to-join =
    Selamat datang di Lapkin, bot laporan kinerja harian ASN.

    Akun Telegram Anda belum terhubung. Untuk bergabung, buka tautan undangan pribadi yang Anda terima dari admin kepegawaian (BKPSDM) — tautan itu berbentuk t.me/…?start=inv_…

    Belum menerima tautan? Hubungi admin kepegawaian di instansi Anda.
menu =
    Halo, { $name }! Apa yang ingin Anda lakukan?

    { $commands }
menu-commands-employee =
    /lapor — laporkan kegiatan hari ini
    /riwayat — riwayat laporan Anda
    /skp — capaian SKP Anda
    /nilai — penilaian kinerja Anda
    /bahasa — ganti bahasa
    /bantuan — bantuan
menu-commands-supervisor =
    /persetujuan — laporan bawahan yang menunggu persetujuan
    /tim — siapa yang sudah melapor hari ini
    /evaluasi — evaluasi kinerja bawahan
menu-commands-admin =
    /daftargrup — (di grup) hubungkan grup ke unit kerja
help =
    Lapkin membantu Anda melaporkan kegiatan harian beserta foto bukti dukung, memantau capaian SKP, dan menerima penilaian dari atasan langsung.

    { $commands }

    Ketik /batal kapan saja untuk membatalkan langkah yang sedang berjalan.
help-unlinked =
    Lapkin adalah bot laporan kinerja harian ASN. Untuk memakainya, buka tautan undangan pribadi dari admin kepegawaian Anda.

## Tautan undangan
invite-linked =
    Selamat datang, { $name }! Akun Telegram Anda kini terhubung sebagai { $position } di { $unit }.

    Peran Anda: { $roles }.

    { $commands }
invite-already-yours = Akun ini sudah terhubung dengan { $name }. Tidak ada yang berubah.
invite-unknown = Kode undangan ini tidak dikenal. Periksa kembali tautannya, atau minta tautan baru kepada admin kepegawaian.
invite-used = Kode undangan ini sudah pernah dipakai. Setiap kode hanya berlaku satu kali; minta tautan baru kepada admin kepegawaian bila perlu.
invite-expired = Kode undangan ini sudah kedaluwarsa. Minta kode baru kepada admin kepegawaian.
invite-revoked = Kode undangan ini sudah diganti dengan yang lebih baru. Pakai tautan terakhir yang Anda terima dari admin kepegawaian.
invite-inactive = Data kepegawaian untuk undangan ini tidak aktif. Hubungi admin kepegawaian.
invite-other-account = Akun Telegram ini sudah terhubung dengan pegawai lain. Satu akun Telegram hanya untuk satu pegawai; hubungi admin kepegawaian bila ini keliru.
invite-already-linked = Pegawai ini sudah terhubung dengan akun Telegram lain. Bila Anda berganti akun, minta admin kepegawaian mengatur ulang tautan Anda.
invite-throttled = Terlalu banyak kode yang salah. Demi keamanan, coba lagi setelah pukul { $until }.
invite-in-group = Demi keamanan, kode undangan hanya dapat dipakai di chat pribadi dengan bot. Kode di grup ini tidak diproses — buka tautan undangan Anda sendiri.

role-employee = pegawai
role-supervisor = atasan langsung
role-admin = admin kepegawaian
role-penilai = tim penilai
role-head = kepala unit

## Bahasa
language-choose = Pilih bahasa:
language-set = Bahasa diganti ke Bahasa Indonesia.
language-unlinked = Bahasa hanya dapat disimpan setelah akun Anda terhubung.

## Umum
private-only = Perintah ini hanya dapat dipakai di chat pribadi dengan bot, bukan di grup.
not-linked = Akun Telegram Anda belum terhubung. Buka tautan undangan pribadi dari admin kepegawaian Anda terlebih dahulu.
error-generic = Maaf, terjadi kesalahan di sisi kami. Data Anda aman; silakan coba lagi sebentar lagi.
button-stale = Tombol ini sudah tidak berlaku.

## Laporan harian (/lapor)
cancel-nothing = Tidak ada langkah yang sedang berjalan.
lapor-cancelled = Laporan dibatalkan; draf dihapus. Ketik /lapor untuk memulai lagi.
lapor-revise-cancelled = Perbaikan dihentikan. Perubahan yang sudah Anda buat tersimpan; kirim ulang lewat /riwayat.
lapor-draft-found = Anda masih punya draf laporan (tanggal { $date }, { $answered } dari 6 isian terisi). Lanjutkan draf itu atau mulai baru?
lapor-button-resume = ▶️ Lanjutkan draf
lapor-button-start-over = 🆕 Mulai baru
lapor-resumed = Melanjutkan draf Anda.
lapor-idle = Sesi /lapor berakhir karena tidak ada jawaban selama { $minutes } menit. Jawaban Anda disimpan sebagai draf — ketik /lapor untuk melanjutkan.
lapor-in-progress = Anda sedang mengisi laporan. Jawab pertanyaan terakhir di atas, atau ketik /batal untuk membatalkan.
lapor-use-buttons = Silakan pilih dengan tombol di atas.
weekday = { $day ->
    [1] Senin
    [2] Selasa
    [3] Rabu
    [4] Kamis
    [5] Jumat
    [6] Sabtu
   *[7] Minggu
}
lapor-ask-date = Langkah 1/6 — Tanggal kegiatan. Hari ini { $today }. Pilih tombol, atau ketik tanggal (mis. 23/11/2026).
lapor-button-today = Hari ini ({ $date })
lapor-button-other-day = Hari lain
lapor-button-other-date = Pilih tanggal lain
lapor-ask-date-other = Pilih tanggalnya. Laporan dapat dibuat paling lama { $days } hari kerja ke belakang (sejak { $earliest }).
lapor-date-invalid = Tanggal tidak dikenali. Ketik seperti 23/11/2026, atau pilih tombol.
lapor-date-future = Tanggal itu belum tiba. Laporan hanya untuk hari ini ({ $today }) atau sebelumnya.
lapor-date-too-old = Tanggal itu terlalu lama. Laporan dapat dibuat paling lama { $days } hari kerja ke belakang, yaitu sejak { $earliest }.
lapor-date-day-off = { $date } adalah hari libur ({ $reason }). Tetap laporkan kegiatan pada tanggal ini?
day-off-weekend = bukan hari kerja unit Anda
leave-CUTI = Anda tercatat cuti
leave-DINAS_LUAR = Anda tercatat dinas luar
button-yes-continue = Ya, lanjutkan
lapor-ask-indicator = Langkah 2/6 — Pilih indikator kinerja SKP { $year } yang didukung kegiatan ini:
lapor-ask-indicator-none = Langkah 2/6 — Belum ada indikator SKP { $year } untuk Anda. Catat sebagai tugas tambahan:
lapor-no-indicators = Belum ada indikator SKP { $year } untuk Anda, sehingga laporan belum dapat dibuat. Hubungi admin kepegawaian. Jawaban Anda disimpan sebagai draf.
lapor-indicator-use-buttons = Pilih indikator dengan tombol di bawah ini.
lapor-additional-task = Tugas tambahan
lapor-ask-description = Langkah 3/6 — Apa yang Anda kerjakan? Tulis { $min }–{ $max } karakter.
lapor-description-not-text = Tulis uraian kegiatan sebagai teks.
lapor-description-too-short = Uraian terlalu singkat ({ $length } karakter). Tulis paling sedikit { $min } karakter.
lapor-description-too-long = Uraian terlalu panjang ({ $length } karakter). Paling banyak { $max } karakter.
lapor-default-unit = kegiatan
lapor-ask-output = Langkah 4/6 — Berapa hasilnya? Ketik angka, boleh dengan satuan (satuan bawaan: { $unit }). Contoh: 3 atau 2,5 { $unit }
lapor-output-invalid = Itu bukan angka. Ketik jumlah hasil dalam angka, misalnya 3 atau 2,5 { $unit }.
lapor-output-not-positive = Jumlah hasil harus lebih dari nol.
lapor-ask-minutes = Langkah 5/6 — Berapa lama? Ketik menit (mis. 90) atau jam:menit (mis. 1:30). Paling lama { $max } menit.
lapor-minutes-invalid = Waktu tidak dikenali. Ketik menit (mis. 90) atau jam:menit (mis. 1:30).
lapor-minutes-range = Waktu harus antara 1 dan { $max } menit.
lapor-minutes-confirm = Dengan ini Anda mencatat { $total } menit (±{ $hours } jam) pada hari itu, lebih dari 12 jam. Benar?
lapor-button-change = Ubah
lapor-ask-photos = Langkah 6/6 — Kirim foto bukti dukung ({ $min }–{ $max } foto; sendiri-sendiri atau sebagai album; boleh sebagai file gambar). Tekan Selesai bila sudah.
lapor-button-photos-done = ✅ Selesai
lapor-photo-received = Foto diterima ({ $count }/{ $max }). Kirim lagi, atau tekan Selesai.
lapor-album-received = Album diterima. Kirim foto lain, atau tekan Selesai.
lapor-photos-need = Kirim paling sedikit { $min } foto sebelum menekan Selesai.
lapor-photos-full = Paling banyak { $max } foto; foto ini tidak disimpan. Tekan Selesai untuk lanjut.
lapor-photo-not-image = Yang dapat diterima hanya foto atau file gambar (JPEG, PNG, WebP, HEIC). Kirim foto bukti, atau tekan Selesai.
lapor-photo-too-big = File gambar ini lebih dari { $mb } MB. Kirim sebagai foto biasa atau perkecil dulu.
lapor-summary =
    Ringkasan laporan:
    Tanggal: { $date }
    Indikator: { $indicator }
    Kegiatan: { $description }
    Hasil: { $output }
    Waktu: { $duration } ({ $minutes } menit)
    Foto: { $photos }

    Kirim ke atasan?
lapor-button-submit = ✅ Kirim
lapor-button-edit = ✏️ Ubah isian
lapor-button-cancel = ✖️ Batal
lapor-ask-edit = Isian mana yang ingin diubah?
lapor-field-date = Tanggal
lapor-field-indicator = Indikator
lapor-field-description = Uraian kegiatan
lapor-field-output = Hasil
lapor-field-minutes = Waktu
lapor-field-photos = Foto (ganti semua)
lapor-use-summary-buttons = Pilih Kirim, Ubah isian, atau Batal dengan tombol di atas.
lapor-submitted = Laporan terkirim dengan nomor { $number }.
lapor-resubmitted = Perbaikan laporan { $number } terkirim.
lapor-supervisor-notified = Atasan langsung Anda sudah diberi tahu.
lapor-supervisor-not-linked = Laporan tercatat, tetapi atasan langsung Anda belum menghubungkan akun Telegram sehingga belum diberi tahu.
lapor-reused-evidence = Catatan: salah satu foto pernah dipakai pada laporan lain; atasan akan melihat tanda ini.
lapor-already-submitted = Laporan ini sudah terkirim (nomor { $number }). Tidak ada yang dikirim dua kali.
lapor-incomplete = Laporan belum lengkap; lengkapi isiannya dulu.
lapor-revise-intro = Memperbaiki laporan { $number }. Versi sebelumnya tetap tersimpan. Pilih isian yang ingin diubah, lalu kirim ulang.
review-request =
    Laporan baru { $number } (versi { $version }) dari { $name }:
    Tanggal: { $date }
    Indikator: { $indicator }
    Kegiatan: { $description }
    Hasil: { $output }
    Waktu: { $duration }
    Foto: { $photos }
review-request-reused = ⚠️ Kemungkinan bukti dipakai ulang: salah satu foto sama dengan foto pada laporan lain.

## Riwayat (/riwayat)
history-empty = Anda belum punya laporan. Ketik /lapor untuk membuat laporan.
history-list =
    Riwayat laporan (halaman { $page }/{ $pages }, total { $total }):
    { $lines }
history-detail =
    Laporan { $number } — { $status }
    Tanggal: { $date }
    Indikator: { $indicator }
    Kegiatan: { $description }
    Hasil: { $output }
    Waktu: { $minutes } menit
    Foto: { $photos }
    Versi: { $version }, dikirim { $submitted }
    Penilaian: { $rating }
    Catatan atasan: { $comment }
history-reused-note = ⚠️ Salah satu foto pernah dipakai pada laporan lain.
history-button-withdraw = ↩️ Tarik kembali
history-button-revise = ✏️ Perbaiki dan kirim ulang
history-button-back = ⬅️ Kembali ke daftar
history-withdrawn = Laporan ditarik kembali sebelum diperiksa atasan. Laporan tetap tercatat dengan status Ditarik.
history-withdraw-not-allowed = Laporan ini tidak dapat ditarik lagi: hanya laporan yang belum diperiksa atasan yang dapat ditarik.
history-revise-not-allowed = Hanya laporan yang diminta perbaikan yang dapat diubah.
button-previous = ⬅️ Sebelumnya
button-next = Berikutnya ➡️
status-DRAFT = Draf
status-SUBMITTED = Menunggu pemeriksaan
status-APPROVED = Disetujui
status-REVISION_REQUESTED = Perlu perbaikan
status-REJECTED = Ditolak
status-WITHDRAWN = Ditarik

# --- pengingat terjadwal dan ringkasan mingguan (issue 6) ---
schedule-report-reminder = Halo { $name }, laporan kinerja harian untuk { $date } belum ada. Kirim dengan /lapor sebelum jam kerja berakhir.
schedule-report-nudge = Pengingat kedua, { $name }: laporan harian { $date } masih kosong. Kirim sekarang dengan /lapor.
schedule-approval-digest = Ada { $pending } laporan bawahan yang menunggu persetujuan Anda; { $overdue } di antaranya sudah lebih dari { $days } hari kerja. Buka /persetujuan.
schedule-deadline-skp-plan = SKP tahun { $year } Anda belum tercatat. Batas penetapan SKP: { $date } ({ $days } hari lagi).
schedule-deadline-periodic-evaluation = Evaluasi kinerja periodik { $period } { $year } ditutup { $date } ({ $days } hari lagi). { $pending } bawahan Anda belum dinilai — ketik /evaluasi.
schedule-deadline-annual-evaluation = Evaluasi kinerja tahunan { $year } paling lambat { $date } ({ $days } hari lagi). { $pending } bawahan Anda belum dinilai — ketik /evaluasi.
summary-caption =
    📊 { $unit } — pekan { $week }
    Tingkat pelaporan: { $rate }%
    Disetujui { $approved } · Menunggu { $pending } · Perbaikan { $revision } · Ditolak { $rejected }
    Rata-rata waktu persetujuan: { $hours } jam
    Capaian SKP unit: { $skp }%
summary-recognition = 🌟 Kandidat apresiasi: { $names }
summary-chart-series = Tingkat pelaporan (%)
summary-head-missing =
    Belum melapor pada hari kerja berikut:
    { $list }
summary-head-none-missing = Semua pegawai melapor pada setiap hari kerja pekan ini.
summary-head-coaching =
    Mungkin perlu pendampingan:
    { $list }
summary-coaching-low-reporting = melapor kurang dari separuh hari kerja
summary-coaching-rejected = ada laporan yang ditolak
group-register-private = Perintah ini dipakai di grup Telegram unit kerja, bukan di chat pribadi.
group-register-not-allowed = Hanya admin kepegawaian atau kepala unit yang dapat menautkan grup ini.
group-register-choose-unit = Pilih unit kerja untuk grup ini:
group-register-choose-language = Pilih bahasa ringkasan untuk grup ini:
group-register-done = Grup ini kini tertaut ke { $unit }. Ringkasan mingguan akan dikirim ke sini.
group-register-refused = Tombol ini hanya untuk orang yang memulai pendaftaran grup dan berwenang atas unit tersebut.
group-register-no-units = Tidak ada unit yang dapat Anda tautkan.

## Pemeriksaan atasan (issue 4)
review-card =
    📝 Laporan { $number } (versi { $version })
    Pegawai: { $name }
    Unit: { $unit }
    Tanggal: { $date }
    Indikator: { $indicator }
    Kegiatan: { $description }
    Hasil: { $output }
    Waktu: { $duration }
    Foto: { $photos }
review-card-reused = ⚠️ Kemungkinan bukti dipakai ulang: salah satu foto sama dengan foto pada laporan lain.
review-button-approve = ✅ Setujui
review-button-revise = ✏️ Revisi
review-button-reject = ❌ Tolak
review-button-back = ⬅️ Kembali
review-button-rating-ABOVE = Di atas ekspektasi
review-button-rating-MEETS = Sesuai ekspektasi
review-button-rating-BELOW = Di bawah ekspektasi
rating-ABOVE = di atas ekspektasi
rating-MEETS = sesuai ekspektasi
rating-BELOW = di bawah ekspektasi
review-acting-SUPERVISOR = atasan langsung
review-acting-DELEGATE = pelaksana yang ditunjuk
review-acting-ADMIN = admin
review-outcome-APPROVED = ✅ Disetujui oleh { $reviewer } ({ $acting }): { $rating }.
review-outcome-REVISION_REQUESTED = ✏️ Diminta revisi oleh { $reviewer } ({ $acting }): { $comment }
review-outcome-REJECTED = ❌ Ditolak oleh { $reviewer } ({ $acting }): { $comment }
review-notice-APPROVED = ✅ Laporan { $number } tanggal { $date } disetujui oleh { $reviewer } dengan penilaian { $rating }.
review-notice-REVISION_REQUESTED =
    ✏️ Laporan { $number } tanggal { $date } perlu diperbaiki. Catatan dari { $reviewer }:
    { $comment }
    Buka /riwayat untuk memperbaiki dan mengirim ulang.
review-notice-REJECTED =
    ❌ Laporan { $number } tanggal { $date } ditolak oleh { $reviewer }. Alasan:
    { $comment }
review-ask-REVISION_REQUESTED = Tulis catatan revisi untuk { $name } (laporan { $number }). Catatan ini dikirim kepada pegawai. Ketik /batal untuk membatalkan.
review-ask-REJECTED = Tulis alasan penolakan laporan { $number } dari { $name }. Alasan ini dikirim kepada pegawai. Ketik /batal untuk membatalkan.
review-comment-too-short = Catatan terlalu pendek: tulis minimal { $min } karakter, atau /batal.
review-comment-too-long = Catatan terlalu panjang ({ $length } karakter): paling banyak { $max } karakter. Kirim versi yang lebih ringkas, atau /batal.
review-comment-cancelled = Dibatalkan; laporan belum diputuskan.
review-done-APPROVED = Laporan { $number } disetujui ({ $rating }). { $name } diberi tahu.
review-done-REVISION_REQUESTED = Permintaan revisi laporan { $number } dikirim kepada { $name }.
review-done-REJECTED = Penolakan laporan { $number } dikirim kepada { $name }.
review-denied-own-report = Anda tidak dapat memutuskan laporan Anda sendiri.
review-denied-not-reviewer = Anda tidak berwenang memutuskan laporan ini: hanya atasan langsung pegawai, pelaksana yang ditunjuk admin, atau admin.
review-denied-former-supervisor = Anda bukan lagi atasan langsung pegawai ini, jadi tombol ini tidak berlaku lagi untuk Anda.
review-stale-decided = Laporan ini sudah diputuskan oleh { $name }.
review-stale-withdrawn = Laporan ini sudah ditarik kembali oleh pegawai.
review-stale-newer-version = Pegawai sudah mengirim versi yang lebih baru; tombol ini untuk versi lama.
review-stale-not-submitted = Laporan ini tidak sedang menunggu pemeriksaan.
review-unknown = Tombol ini tidak dikenali.
approvals-empty = Tidak ada laporan yang menunggu keputusan Anda.
approvals-list =
    Laporan menunggu keputusan (halaman { $page }/{ $pages }, total { $total }), yang terlama lebih dulu:
    { $lines }
approvals-button-approve-all = ✅ Setujui semua yang tampil (sesuai ekspektasi)
approvals-confirm = Setujui { $count } laporan yang tampil dengan penilaian sesuai ekspektasi?
approvals-button-confirm = Ya, setujui semua
approvals-button-cancel = Batal
approvals-approved-all = { $approved } laporan disetujui (sesuai ekspektasi); { $skipped } dilewati karena sudah diputuskan atau bukan wewenang Anda.
approvals-not-reviewer = Perintah ini untuk atasan: Anda tidak memiliki bawahan atau penugasan sebagai pelaksana.
team-header = Tim Anda hari ini, { $date }:
team-reported = ✅ Sudah melapor:
team-missing = ⏳ Belum melapor:
team-off = 🏖 Tidak bertugas hari ini:
team-none = (tidak ada)
team-waiting = Laporan menunggu keputusan Anda: { $count }. Buka /persetujuan.
team-off-weekend = bukan hari kerja
team-off-leave-CUTI = cuti
team-off-leave-DINAS_LUAR = dinas luar
escalation-remind = ⏰ Laporan { $number } dari { $name } (tanggal { $date }) sudah { $days } hari kerja menunggu keputusan Anda. Buka /persetujuan.
escalation-escalate = ⏰ Laporan { $number } dari { $name } (tanggal { $date }) sudah { $days } hari kerja belum diputuskan oleh atasannya, { $supervisor }.

## Capaian SKP (/skp)
skp-none = Anda belum memiliki SKP untuk tahun { $year }, jadi belum ada capaian yang dapat ditampilkan. Hubungi admin kepegawaian agar SKP Anda diimpor.
skp-header = 📊 Capaian SKP { $year } — { $name }
skp-period = Periode penilaian: { $period } (berakhir { $end }); sisa { $days } hari, { $workdays } hari kerja.
skp-period-quarter = Triwulan { $quarter } { $year }
skp-rhk-main = 🎯 RHK utama: { $rhk }
skp-rhk-additional = ➕ RHK tambahan: { $rhk }
skp-indicator = { $code } { $indicator }
skp-target = Target { $target } { $unit } • realisasi { $realisation } { $unit } • { $percent }%
skp-target-prorated = Target { $target } { $unit } setahun (s.d. periode ini { $due }) • realisasi { $realisation } { $unit } • { $percent }%
skp-target-period = Target { $period }: { $target } { $unit } • realisasi { $realisation } { $unit } • { $percent }%
skp-timing-past = (periode target ini sudah berakhir)
skp-timing-future = (periode target ini belum dimulai)
skp-pending = ⏳ Menunggu persetujuan: { $output } { $unit } ({ $count } laporan)
skp-pending-count = ⏳ Menunggu persetujuan: { $count } laporan
skp-page = Halaman { $page }/{ $pages }

## Ringkasan harian admin: pesan yang gagal terkirim
admin-digest-title = ⚠️ { $count } pesan gagal terkirim dalam 24 jam terakhir. Hubungi pegawai/grup berikut agar membuka kembali chat dengan bot:
admin-digest-line = • { $who } — { $kind }, { $at }: { $error }
admin-digest-more = … dan { $count } lainnya.

## Pesan yang tidak dikenali
fallback-linked = Maaf, pesan ini tidak saya kenali. Ketik /lapor untuk melaporkan kegiatan, atau /bantuan untuk melihat semua perintah.

## Evaluasi kinerja periodik (/evaluasi)
predicate-SANGAT_BAIK = Sangat Baik
predicate-BAIK = Baik
predicate-BUTUH_PERBAIKAN = Butuh Perbaikan
predicate-KURANG = Kurang
predicate-SANGAT_KURANG = Sangat Kurang
band-SANGAT_BAIK = Sangat Baik
band-BAIK = Baik
band-CUKUP = Cukup
band-KURANG = Kurang
band-BURUK = Buruk
band-SANGAT_KURANG = Sangat Kurang
berakhlak-BERORIENTASI_PELAYANAN = Berorientasi Pelayanan
berakhlak-AKUNTABEL = Akuntabel
berakhlak-KOMPETEN = Kompeten
berakhlak-HARMONIS = Harmonis
berakhlak-LOYAL = Loyal
berakhlak-ADAPTIF = Adaptif
berakhlak-KOLABORATIF = Kolaboratif
organisational-ISTIMEWA = Istimewa
organisational-BAIK = Baik
organisational-BUTUH_PERBAIKAN = Butuh Perbaikan
organisational-KURANG = Kurang
organisational-SANGAT_KURANG = Sangat Kurang
evaluation-period-year = Tahunan { $year }
evaluation-choose-period = Evaluasi periode mana yang ingin Anda isi?
evaluation-no-subordinates = Anda tidak memiliki bawahan untuk dievaluasi. Admin dapat membuka evaluasi seorang pegawai dengan /evaluasi <NIP>.
evaluation-admin-usage = Tulis /evaluasi <NIP> untuk membuka evaluasi seorang pegawai.
evaluation-unknown-nip = Tidak ada pegawai dengan NIP { $nip }.
evaluation-list-header = 📋 Evaluasi kinerja { $period } (batas { $closes }) — { $done } dari { $total } selesai:
evaluation-list-done = ✅ { $name } — { $outcome }
evaluation-list-todo = ⏳ { $name } — belum dievaluasi
evaluation-facts-header =
    📊 { $name } ({ $nip })
    { $position } • { $period }
    Realisasi SKP (disetujui):
evaluation-facts-no-skp = (belum ada SKP untuk tahun ini)
evaluation-facts-indicator = • { $code } { $indicator } [{ $kind }]: { $realisation }/{ $target } { $unit } ({ $percent }%)
evaluation-rhk-main = utama
evaluation-rhk-additional = tambahan
evaluation-facts-stats = Laporan periode ini: { $approved } disetujui, { $revised } diminta revisi, { $rejected } ditolak; rata-rata waktu persetujuan { $hours } jam.
evaluation-suggestion = 💡 Saran dari realisasi: hasil kerja { $rating }. Keputusan tetap pada Anda.
evaluation-suggestion-none = 💡 Belum ada indikator utama untuk dijadikan saran.
evaluation-ask-results = Rating hasil kerja { $name }?
evaluation-ask-behaviour = Rating perilaku kerja (BerAKHLAK) { $name }? Pilih satu rating keseluruhan, atau nilai per nilai BerAKHLAK.
evaluation-button-per-value = Nilai per nilai BerAKHLAK
evaluation-ask-value = { $value } ({ $n }/{ $of })?
evaluation-ask-behaviour-score = Tulis nilai perilaku kerja { $name } (0–100).
evaluation-score-invalid = Nilai perilaku harus angka 0 sampai 100, misalnya 85 atau 87,5.
evaluation-ask-feedback = Tulis umpan balik untuk { $name } ({ $min }–{ $max } karakter). Umpan balik ini dikirim kepada pegawai. Ketik /batal untuk berhenti; jawaban sejauh ini disimpan.
evaluation-feedback-too-short = Umpan balik terlalu pendek: tulis minimal { $min } karakter.
evaluation-feedback-too-long = Umpan balik terlalu panjang ({ $length } karakter): maksimal { $max } karakter.
evaluation-cancelled = Dihentikan. Jawaban sejauh ini disimpan; buka lagi dengan /evaluasi.
evaluation-summary-header = 📝 Ringkasan evaluasi { $name }:
evaluation-summary-results = Hasil kerja: { $rating }
evaluation-summary-behaviour = Perilaku kerja: { $rating }
evaluation-summary-predicate = Predikat kinerja: { $predicate }
evaluation-summary-legacy = Mode { $mode }: nilai SKP { $skp }, perilaku { $behaviour } → nilai akhir { $final } ({ $band })
evaluation-summary-feedback = Umpan balik: { $feedback }
evaluation-distribution-header = ⚠️ Sebaran predikat unit ini (hasil kerja organisasi: { $result }) menyimpang dari pedoman:
evaluation-distribution-max = • { $predicate }: { $actual }% (paling banyak { $limit }%)
evaluation-distribution-min = • { $predicate }: { $actual }% (paling sedikit { $limit }%)
evaluation-distribution-advisory = Ini hanya peringatan; Anda tetap dapat memfinalisasi.
evaluation-below-baik = di bawah Baik
evaluation-button-finalise = ✅ Finalisasi
evaluation-button-edit = ✏️ Ubah jawaban
evaluation-button-amend = ✏️ Ubah (admin)
evaluation-finalised = ✅ Evaluasi { $name } difinalisasi: { $outcome }. Pegawai diberi tahu.
evaluation-all-done = 🎉 Semua bawahan Anda sudah dievaluasi untuk { $period }.
evaluation-final-header = ✅ Evaluasi { $name } sudah difinalisasi oleh { $by } pada { $date }:
evaluation-notice = 📊 Evaluasi kinerja { $period } Anda sudah difinalisasi oleh { $by }: { $outcome }.
evaluation-notice-more = Lihat semua penilaian Anda dengan /nilai.
evaluation-already = Evaluasi ini sudah difinalisasi oleh { $name }. Hanya admin yang dapat mengubahnya.
evaluation-incomplete = Masih ada jawaban yang belum diisi.
evaluation-stale = Tombol atau pertanyaan ini sudah tidak berlaku. Buka lagi dengan /evaluasi.
evaluation-unknown = Evaluasi ini tidak dikenali.
evaluation-denied-own = Anda tidak dapat mengevaluasi diri sendiri.
evaluation-denied-not-evaluator = Anda tidak berwenang mengevaluasi pegawai ini: hanya atasan langsung, pelaksana yang ditunjuk admin, atau admin.
evaluation-amend-admin-only = Evaluasi yang sudah difinalisasi hanya dapat diubah oleh admin.
evaluation-reopened = Evaluasi { $name } dibuka untuk diubah. Nilai sebelumnya tercatat di log audit.

## /nilai
score-header = 📈 Penilaian kinerja — { $name }
score-none = Belum ada evaluasi periodik yang difinalisasi atasan Anda.
score-evaluation = • { $period }: { $predicate } (hasil kerja { $results }, perilaku { $behaviour }) — oleh { $by }, { $date }
score-evaluation-legacy = • { $period }: nilai { $final } ({ $band }, mode { $mode }) — oleh { $by }, { $date }
score-current = Periode berjalan: { $period }
score-suggestion = 💡 Saran hasil kerja dari realisasi sejauh ini: { $rating }. Atasan Anda yang memutuskan.
score-main-average = Rata-rata capaian { $count } indikator utama: { $percent }% dari target s.d. akhir periode.
score-stats = Laporan tahun { $year }: { $approved } disetujui, { $revised } diminta revisi, { $rejected } ditolak; rata-rata waktu persetujuan { $hours } jam.

# --- feedback (service counters, citizen survey, complaints) ---
poster-title = Survei Kepuasan Masyarakat
poster-instruction = Pindai kode QR ini dengan kamera ponsel Anda dan beri nilai layanan kami lewat Telegram — kurang dari satu menit, tanpa mendaftar.
survey-unknown = Kode layanan ini tidak dikenal. Pindai lagi kode QR di loket, atau tanyakan kepada petugas.
survey-throttled-counter = Terima kasih, Anda sudah menilai layanan ini hari ini. Silakan menilai lagi besok.
survey-throttled-day = Terima kasih, Anda sudah mengisi cukup banyak survei hari ini. Silakan kembali besok.
survey-question = Survei Kepuasan Masyarakat — { $counter }, { $unit }
    Pertanyaan { $number } dari 9: { $question }
survey-overall-question = Survei Kepuasan Masyarakat — { $counter }, { $unit }
    Secara keseluruhan, bagaimana layanan yang Anda terima?
survey-element-PERSYARATAN = Bagaimana kesesuaian persyaratan pelayanan dengan jenis pelayanannya?
survey-element-PROSEDUR = Bagaimana kemudahan sistem, mekanisme dan prosedur pelayanan?
survey-element-WAKTU = Bagaimana kecepatan waktu penyelesaian pelayanan?
survey-element-BIAYA = Bagaimana kewajaran biaya/tarif pelayanan (atau kesesuaiannya bila gratis)?
survey-element-PRODUK = Bagaimana kesesuaian produk pelayanan dengan spesifikasi jenis pelayanan yang dijanjikan?
survey-element-KOMPETENSI = Bagaimana kompetensi/kemampuan petugas pelayanan?
survey-element-PERILAKU = Bagaimana perilaku petugas (kesopanan dan keramahan)?
survey-element-PENGADUAN = Bagaimana penanganan pengaduan, saran dan masukan?
survey-element-SARANA = Bagaimana kualitas sarana dan prasarana?
survey-element-short-PERSYARATAN = persyaratan
survey-element-short-PROSEDUR = prosedur
survey-element-short-WAKTU = waktu penyelesaian
survey-element-short-BIAYA = biaya/tarif
survey-element-short-PRODUK = produk layanan
survey-element-short-KOMPETENSI = kompetensi pelaksana
survey-element-short-PERILAKU = perilaku pelaksana
survey-element-short-PENGADUAN = penanganan pengaduan
survey-element-short-SARANA = sarana dan prasarana
survey-score-1 = 1 Tidak baik
survey-score-2 = 2 Kurang baik
survey-score-3 = 3 Baik
survey-score-4 = 4 Sangat baik
survey-overall-only = ⏩ Nilai keseluruhan saja
survey-comment-question = Ada saran atau komentar? Ketik di sini (paling banyak 1.000 karakter), atau tekan Lewati.
survey-comment-skip = Lewati
survey-comment-too-long = Komentar paling banyak { $max } karakter. Mohon persingkat, lalu kirim lagi.
survey-complaint-question = Apakah ini sebuah pengaduan yang perlu ditindaklanjuti oleh kepala unit?
survey-complaint-yes = Ya, ini pengaduan
survey-complaint-no = Tidak
survey-thanks = Terima kasih atas penilaian Anda! Masukan Anda membantu kami memperbaiki layanan.
survey-thanks-complaint = Terima kasih. Pengaduan Anda kami terima dengan nomor { $number }. Tindak lanjutnya akan kami kirim ke percakapan ini.
survey-left = Survei dihentikan. Jawaban yang sudah Anda berikan tetap tersimpan.
complaint-card = 📣 Pengaduan { $number }
    { $unit } — { $counter }
    Diterima: { $received }
    Batas tindak lanjut: { $due }
    Nilai rendah: { $low }
    Nilai keseluruhan: { $overall }
    Komentar: { $comment }
complaint-button-follow-up = 📝 Ditindaklanjuti
complaint-button-done = ✅ Selesai
complaint-receipt = Pengaduan Anda tercatat dengan nomor { $number }.
complaint-follow-up-citizen = Tindak lanjut pengaduan { $number }:
    { $note }
complaint-not-allowed = Anda tidak berwenang menangani pengaduan ini.
complaint-ask-note = Ketik catatan tindak lanjut untuk warga (paling banyak 1.000 karakter).
complaint-note-length = Catatan tindak lanjut harus berisi 1 sampai { $max } karakter.
complaint-followed-up = Tindak lanjut pengaduan { $number } sudah dikirim kepada warga.
complaint-done = Pengaduan { $number } ditandai selesai.
complaint-closed = Pengaduan { $number } sudah selesai; tidak ada yang diubah.
complaint-remind = ⏰ Pengaduan { $number } ({ $unit }) belum ditindaklanjuti; batasnya { $due }. Mohon segera ditindaklanjuti.
complaint-escalate = ⚠️ Pengaduan { $number } di { $unit } belum ditindaklanjuti oleh kepala unit sampai batas { $due }.
summary-ikm = Indeks Kepuasan Masyarakat bulan ini: { $score } (mutu { $band })
