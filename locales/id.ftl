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
    <b>Selamat datang di Lapkin, bot laporan kinerja harian ASN.</b>

    Akun Telegram Anda belum terhubung. Untuk bergabung, buka tautan undangan pribadi yang Anda terima dari admin kepegawaian (BKPSDM) — tautan itu berbentuk t.me/…?start=inv_…

    Belum menerima tautan? Hubungi admin kepegawaian di instansi Anda.
menu =
    <b>Halo, { $name }! Apa yang ingin Anda lakukan?</b>

    { $commands }
menu-commands-employee =
    /lapor — laporkan kegiatan hari ini
    /riwayat — riwayat laporan Anda
    /skp — capaian SKP Anda
    /nilai — penilaian kinerja Anda
    /unduh — progres harian bulan ini untuk e-Kinerja (XLSX)
    /rekan — masukan BerAKHLAK untuk rekan kerja (tanpa nama)
    /bahasa — ganti bahasa
    /bantuan — bantuan
menu-commands-supervisor =
    /persetujuan — laporan bawahan yang menunggu persetujuan
    /tim — siapa yang sudah melapor hari ini
    /evaluasi — evaluasi kinerja bawahan
    /umpanbalik — umpan balik berkelanjutan untuk bawahan
    /rekan minta — minta tim Anda memberi masukan rekan sekarang
menu-commands-admin =
    /daftargrup — (di grup) hubungkan grup ke unit kerja
help =
    <b>Lapkin membantu Anda melaporkan kegiatan harian beserta foto bukti dukung, memantau capaian SKP, dan menerima penilaian dari atasan langsung.</b>

    { $commands }

    Ketik /batal kapan saja untuk membatalkan langkah yang sedang berjalan.
help-unlinked =
    Lapkin adalah bot laporan kinerja harian ASN. Untuk memakainya, buka tautan undangan pribadi dari admin kepegawaian Anda.

## Tautan undangan
invite-linked =
    <b>Selamat datang, { $name }! Akun Telegram Anda kini terhubung sebagai { $position } di { $unit }.</b>

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
lapor-draft-found = Anda masih punya draf laporan (tanggal <b>{ $date }</b>, { $answered } dari 6 isian terisi). Lanjutkan draf itu atau mulai baru?
lapor-button-resume = ▶️ Lanjutkan draf
lapor-button-start-over = 🆕 Mulai baru
lapor-resumed = Melanjutkan draf Anda.
lapor-idle = Sesi /lapor berakhir karena tidak ada jawaban selama { $minutes } menit. Jawaban Anda disimpan sebagai draf — ketik /lapor untuk melanjutkan.
lapor-in-progress = Anda sedang mengisi laporan. Jawab pertanyaan terakhir di atas, atau ketik /batal untuk membatalkan.
lapor-use-buttons = Silakan pilih dengan tombol di atas.
lapor-edit-ignored = Menyunting pesan yang sudah terkirim tidak mengubah laporan. Jawab pertanyaan terakhir di atas; isian yang sudah dikirim dapat diubah dengan tombol Ubah isian sebelum Kirim.
weekday = { $day ->
    [1] Senin
    [2] Selasa
    [3] Rabu
    [4] Kamis
    [5] Jumat
    [6] Sabtu
   *[7] Minggu
}
lapor-ask-date = Langkah 1/6 — Tanggal kegiatan. Hari ini <b>{ $today }</b>. Pilih tombol, atau ketik tanggal (mis. 23/11/2026).
lapor-button-today = Hari ini ({ $date })
lapor-button-other-day = Hari lain
lapor-button-other-date = Pilih tanggal lain
lapor-ask-date-other = Pilih tanggalnya. Laporan dapat dibuat paling lama { $days } hari kerja ke belakang (sejak <b>{ $earliest }</b>).
lapor-date-invalid = Tanggal tidak dikenali. Ketik seperti 23/11/2026, atau pilih tombol.
lapor-date-future = Tanggal itu belum tiba. Laporan hanya untuk hari ini (<b>{ $today }</b>) atau sebelumnya.
lapor-date-too-old = Tanggal itu terlalu lama. Laporan dapat dibuat paling lama { $days } hari kerja ke belakang, yaitu sejak <b>{ $earliest }</b>.
lapor-date-day-off = <b>{ $date }</b> adalah hari libur ({ $reason }). Tetap laporkan kegiatan pada tanggal ini?
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
lapor-ask-minutes = Langkah 5/6 — Kapan atau berapa lama? Ketik jam mulai dan selesai (mis. 08.00-10.30), atau lamanya dalam menit (mis. 90) atau jam:menit (mis. 1:30). Paling lama { $max } menit.
lapor-minutes-invalid = Waktu tidak dikenali. Ketik jam mulai dan selesai (mis. 08.00-10.30), menit (mis. 90) atau jam:menit (mis. 1:30).
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
    <b>Ringkasan laporan:</b>
    Tanggal: <b>{ $date }</b>
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
lapor-submitted = Laporan terkirim dengan nomor <b>{ $number }</b>.
lapor-resubmitted = Perbaikan laporan <b>{ $number }</b> terkirim.
lapor-supervisor-notified = Atasan langsung Anda sudah diberi tahu.
lapor-supervisor-not-linked = Laporan tercatat, tetapi atasan langsung Anda belum menghubungkan akun Telegram sehingga belum diberi tahu.
lapor-reused-evidence = Catatan: salah satu foto pernah dipakai pada laporan lain; atasan akan melihat tanda ini.
lapor-already-submitted = Laporan ini sudah terkirim (nomor <b>{ $number }</b>). Tidak ada yang dikirim dua kali.
lapor-incomplete = Laporan belum lengkap; lengkapi isiannya dulu.
lapor-revise-intro = Memperbaiki laporan <b>{ $number }</b>. Versi sebelumnya tetap tersimpan. Pilih isian yang ingin diubah, lalu kirim ulang.
review-request =
    <b>Laporan baru { $number } (versi { $version }) dari { $name }:</b>
    Tanggal: <b>{ $date }</b>
    Indikator: { $indicator }
    Kegiatan: { $description }
    Hasil: { $output }
    Waktu: { $duration }
    Foto: { $photos }
review-request-reused = ⚠️ Kemungkinan bukti dipakai ulang: salah satu foto sama dengan foto pada laporan lain.

## Riwayat (/riwayat)
history-empty = Anda belum punya laporan. Ketik /lapor untuk membuat laporan.
history-list =
    <b>Riwayat laporan (halaman { $page }/{ $pages }, total { $total }):</b>
    { $lines }
history-detail =
    <b>Laporan { $number } — { $status }</b>
    Tanggal: <b>{ $date }</b>
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
schedule-report-reminder = Halo { $name }, laporan kinerja harian untuk <b>{ $date }</b> belum ada. Kirim dengan /lapor sebelum jam kerja berakhir.
schedule-report-nudge = Pengingat kedua, { $name }: laporan harian <b>{ $date }</b> masih kosong. Kirim sekarang dengan /lapor.
schedule-approval-digest = Ada { $pending } laporan bawahan yang menunggu persetujuan Anda; { $overdue } di antaranya sudah lebih dari { $days } hari kerja. Buka /persetujuan.
schedule-deadline-skp-plan = SKP tahun { $year } Anda belum tercatat. Batas penetapan SKP: <b>{ $date }</b> ({ $days } hari lagi).
schedule-deadline-periodic-evaluation = Evaluasi kinerja periodik { $period } { $year } ditutup <b>{ $date }</b> ({ $days } hari lagi). { $pending } bawahan Anda belum dinilai — ketik /evaluasi.
schedule-deadline-annual-evaluation = Evaluasi kinerja tahunan { $year } paling lambat <b>{ $date }</b> ({ $days } hari lagi). { $pending } bawahan Anda belum dinilai — ketik /evaluasi.
summary-caption =
    <b>📊 { $unit } — pekan { $week }</b>
    Tingkat pelaporan: { $rate }%
    Disetujui { $approved } · Menunggu { $pending } · Perbaikan { $revision } · Ditolak { $rejected }
    Rata-rata waktu persetujuan: { $hours } jam
    Capaian SKP unit: { $skp }%
summary-recognition = 🌟 Kandidat apresiasi: { $names }
summary-chart-series = Tingkat pelaporan (%)
summary-head-missing =
    <b>Belum melapor pada hari kerja berikut:</b>
    { $list }
summary-head-none-missing = Semua pegawai melapor pada setiap hari kerja pekan ini.
summary-head-coaching =
    <b>Mungkin perlu pendampingan:</b>
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
    <b>📝 Laporan { $number } (versi { $version })</b>
    Pegawai: { $name }
    Unit: { $unit }
    Tanggal: <b>{ $date }</b>
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
review-notice-APPROVED = ✅ Laporan <b>{ $number }</b> tanggal <b>{ $date }</b> disetujui oleh { $reviewer } dengan penilaian { $rating }.
review-notice-REVISION_REQUESTED =
    ✏️ Laporan <b>{ $number }</b> tanggal <b>{ $date }</b> perlu diperbaiki. Catatan dari { $reviewer }:
    { $comment }
    Buka /riwayat untuk memperbaiki dan mengirim ulang.
review-notice-REJECTED =
    ❌ Laporan <b>{ $number }</b> tanggal <b>{ $date }</b> ditolak oleh { $reviewer }. Alasan:
    { $comment }
review-ask-REVISION_REQUESTED = Tulis catatan revisi untuk { $name } (laporan <b>{ $number }</b>). Catatan ini dikirim kepada pegawai. Ketik /batal untuk membatalkan.
review-ask-REJECTED = Tulis alasan penolakan laporan <b>{ $number }</b> dari { $name }. Alasan ini dikirim kepada pegawai. Ketik /batal untuk membatalkan.
review-comment-too-short = Catatan terlalu pendek: tulis minimal { $min } karakter, atau /batal.
review-comment-too-long = Catatan terlalu panjang ({ $length } karakter): paling banyak { $max } karakter. Kirim versi yang lebih ringkas, atau /batal.
review-comment-cancelled = Dibatalkan; laporan belum diputuskan.
review-done-APPROVED = Laporan <b>{ $number }</b> disetujui ({ $rating }). { $name } diberi tahu.
review-done-REVISION_REQUESTED = Permintaan revisi laporan <b>{ $number }</b> dikirim kepada { $name }.
review-done-REJECTED = Penolakan laporan <b>{ $number }</b> dikirim kepada { $name }.
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
    <b>Laporan menunggu keputusan (halaman { $page }/{ $pages }, total { $total }), yang terlama lebih dulu:</b>
    { $lines }
approvals-button-approve-all = ✅ Setujui semua yang tampil (sesuai ekspektasi)
approvals-confirm = Setujui { $count } laporan yang tampil dengan penilaian sesuai ekspektasi?
approvals-button-confirm = Ya, setujui semua
approvals-button-cancel = Batal
approvals-approved-all = { $approved } laporan disetujui (sesuai ekspektasi); { $skipped } dilewati karena sudah diputuskan atau bukan wewenang Anda.
approvals-not-reviewer = Perintah ini untuk atasan: Anda tidak memiliki bawahan atau penugasan sebagai pelaksana.
team-header = <b>Tim Anda hari ini, { $date }:</b>
team-reported = <b>✅ Sudah melapor:</b>
team-missing = <b>⏳ Belum melapor:</b>
team-off = <b>🏖 Tidak bertugas hari ini:</b>
team-none = (tidak ada)
team-waiting = Laporan menunggu keputusan Anda: { $count }. Buka /persetujuan.
team-off-weekend = bukan hari kerja
team-off-leave-CUTI = cuti
team-off-leave-DINAS_LUAR = dinas luar
escalation-remind = ⏰ Laporan <b>{ $number }</b> dari { $name } (tanggal <b>{ $date }</b>) sudah { $days } hari kerja menunggu keputusan Anda. Buka /persetujuan.
escalation-escalate = ⏰ Laporan <b>{ $number }</b> dari { $name } (tanggal <b>{ $date }</b>) sudah { $days } hari kerja belum diputuskan oleh atasannya, { $supervisor }.

## Capaian SKP (/skp)
skp-none = Anda belum memiliki SKP untuk tahun { $year }, jadi belum ada capaian yang dapat ditampilkan. Hubungi admin kepegawaian agar SKP Anda diimpor.
skp-header = <b>📊 Capaian SKP { $year } — { $name }</b>
skp-period = Periode penilaian: { $period } (berakhir <b>{ $end }</b>); sisa { $days } hari, { $workdays } hari kerja.
skp-period-quarter = Triwulan { $quarter } { $year }
skp-rhk-main = <b>🎯 RHK utama: { $rhk }</b>
skp-rhk-additional = <b>➕ RHK tambahan: { $rhk }</b>
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
admin-digest-title = <b>⚠️ { $count } pesan gagal terkirim sejak ringkasan sebelumnya. Hubungi pegawai/grup berikut agar membuka kembali chat dengan bot:</b>
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
evaluation-no-subordinates = Anda tidak memiliki bawahan untuk dievaluasi. Admin dapat membuka evaluasi seorang pegawai dengan /evaluasi &lt;NIP&gt;.
evaluation-admin-usage = Tulis /evaluasi &lt;NIP&gt; untuk membuka evaluasi seorang pegawai.
evaluation-unknown-nip = Tidak ada pegawai dengan NIP { $nip }.
evaluation-list-header = <b>📋 Evaluasi kinerja { $period } (batas { $closes }) — { $done } dari { $total } selesai:</b>
evaluation-list-done = ✅ { $name } — { $outcome }
evaluation-list-todo = ⏳ { $name } — belum dievaluasi
evaluation-list-page = <i>Pegawai { $from }–{ $to } dari { $total }:</i>
evaluation-facts-header =
    <b>📊 { $name } ({ $nip })</b>
    { $position } • { $period }
    Realisasi SKP (disetujui):
evaluation-facts-no-skp = (belum ada SKP untuk tahun ini)
evaluation-facts-indicator = • { $code } { $indicator } [{ $kind }]: { $realisation }/{ $target } { $unit } ({ $percent }%)
evaluation-rhk-main = utama
evaluation-rhk-additional = tambahan
evaluation-facts-stats = Laporan periode ini: { $approved } disetujui, { $revised } diminta revisi, { $rejected } ditolak; rata-rata waktu persetujuan { $hours } jam.
evaluation-suggestion = 💡 Saran dari realisasi: hasil kerja { $rating }. Keputusan tetap pada Anda.
evaluation-suggestion-none = 💡 Belum ada indikator utama untuk dijadikan saran.
evaluation-service-header = <b>🏪 Layanan kepada masyarakat</b> (bahan pertimbangan, tidak menentukan nilai):
evaluation-service-counter = • { $name } ({ $unit }): IKM { $ikm }
evaluation-service-unit = • Seluruh unit { $name }: IKM { $ikm }
evaluation-service-ikm = { $score } (mutu { $band }), { $respondents } responden
evaluation-service-no-answers = belum ada responden
evaluation-service-unrepresentative = — belum representatif
evaluation-service-complaints = { "  " }Pengaduan: { $total } ({ $open } belum selesai, { $overdue } lewat batas): { $numbers }{ $more ->
        [0] {""}
       *[other] , dan { $more } lainnya
    }
evaluation-service-complaints-none = { "  " }Pengaduan: tidak ada
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
evaluation-summary-header = <b>📝 Ringkasan evaluasi { $name }:</b>
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
evaluation-final-header = <b>✅ Evaluasi { $name } sudah difinalisasi oleh { $by } pada { $date }:</b>
evaluation-notice = 📊 Evaluasi kinerja { $period } Anda sudah difinalisasi oleh { $by }: <b>{ $outcome }</b>.
evaluation-notice-more = Lihat semua penilaian Anda dengan /nilai.
evaluation-already = Evaluasi ini sudah difinalisasi oleh { $name }. Hanya admin yang dapat mengubahnya.
evaluation-incomplete = Masih ada jawaban yang belum diisi.
evaluation-stale = Tombol atau pertanyaan ini sudah tidak berlaku. Buka lagi dengan /evaluasi.
evaluation-unknown = Evaluasi ini tidak dikenali.
evaluation-period-not-ended = Periode ini belum berakhir, jadi belum dapat dievaluasi.
evaluation-denied-own = Anda tidak dapat mengevaluasi diri sendiri.
evaluation-denied-not-evaluator = Anda tidak berwenang mengevaluasi pegawai ini: hanya atasan langsung, pelaksana yang ditunjuk admin, atau admin.
evaluation-amend-admin-only = Evaluasi yang sudah difinalisasi hanya dapat diubah oleh admin.
evaluation-reopened = Evaluasi { $name } dibuka untuk diubah. Nilai sebelumnya tercatat di log audit.

## /nilai
score-header = <b>📈 Penilaian kinerja — { $name }</b>
score-none = Belum ada evaluasi periodik yang difinalisasi atasan Anda.
score-evaluation = • { $period }: { $predicate } (hasil kerja { $results }, perilaku { $behaviour }) — oleh { $by }, <b>{ $date }</b>
score-evaluation-legacy = • { $period }: nilai { $final } ({ $band }, mode { $mode }) — oleh { $by }, <b>{ $date }</b>
score-current = Periode berjalan: { $period }
score-suggestion = 💡 Saran hasil kerja dari realisasi sejauh ini: { $rating }. Atasan Anda yang memutuskan.
score-main-average = Rata-rata capaian { $count } indikator utama: { $percent }% dari target s.d. akhir periode.
score-stats = Laporan tahun { $year }: { $approved } disetujui, { $revised } diminta revisi, { $rejected } ditolak; rata-rata waktu persetujuan { $hours } jam.

# --- dashboard (issue 15) ---
command-dasbor = Buka dasbor web
dasbor-off = Dasbor web belum diaktifkan di server ini. Hubungi admin kepegawaian.
dasbor-link = Tautan masuk dasbor Anda (sekali pakai, berlaku { $minutes } menit):
    { $url }
    Jangan bagikan tautan ini kepada siapa pun.
dasbor-title = Dasbor Lapkin
dasbor-login-throttled = Terlalu banyak percobaan masuk yang gagal dari alamat ini. Tunggu beberapa menit, lalu minta tautan baru dengan /dasbor di bot.
dasbor-login-invalid = Tautan masuk ini tidak berlaku (sudah dipakai, kedaluwarsa, atau salah). Minta tautan baru dengan /dasbor di bot.
dasbor-logged-out = Anda sudah keluar. Untuk masuk lagi, kirim /dasbor di bot.
dasbor-signed-out = Sesi Anda sudah berakhir atau belum masuk. Kirim /dasbor di bot untuk mendapatkan tautan masuk.
dasbor-csrf = Formulir ini sudah tidak berlaku. Muat ulang halaman, lalu coba lagi.
dasbor-bad-text = Isian ini memuat karakter NUL yang tidak dapat disimpan. Hapus karakter itu, lalu coba lagi.
dasbor-nav-me = Saya
dasbor-nav-team = Tim
dasbor-nav-unit = Unit
dasbor-nav-admin = Admin
dasbor-logout = Keluar
dasbor-prev = Sebelumnya
dasbor-next = Berikutnya
dasbor-page = Halaman { $page } dari { $pages } ({ $total } baris)
dasbor-csv = Unduh CSV
dasbor-forbidden-title = Akses ditolak
dasbor-forbidden = Anda tidak berhak membuka halaman ini.
dasbor-me-title = Kinerja saya
dasbor-reports = Laporan harian
dasbor-filter-from = Dari
dasbor-filter-to = Sampai
dasbor-filter-status = Status
dasbor-filter-indicator = Indikator
dasbor-filter-apply = Terapkan
dasbor-all = Semua
dasbor-none = Belum ada data.
dasbor-col-date = Tanggal
dasbor-col-number = Nomor
dasbor-col-indicator = Indikator
dasbor-col-description = Uraian
dasbor-col-output = Output
dasbor-col-status = Status
dasbor-col-evidence = Bukti
dasbor-col-target = Target s.d. periode
dasbor-col-realisation = Realisasi
dasbor-col-period = Periode
dasbor-col-results = Hasil kerja
dasbor-col-behaviour = Perilaku kerja
dasbor-col-predicate = Predikat
dasbor-col-feedback = Umpan balik
dasbor-col-name = Nama
dasbor-col-unit = Unit
dasbor-col-today = Hari ini
dasbor-skp = Capaian SKP
dasbor-no-skp = Belum ada SKP untuk tahun ini.
dasbor-ratings = Penilaian per periode
dasbor-evidence-missing = Berkas bukti tidak ditemukan.
dasbor-decision-APPROVED = Laporan disetujui; pegawai sudah diberi tahu.
dasbor-decision-REVISION_REQUESTED = Permintaan perbaikan terkirim ke pegawai.
dasbor-decision-REJECTED = Laporan ditolak; pegawai sudah diberi tahu.
dasbor-decision-stale = Laporan ini sudah diputuskan, ditarik, atau diganti versi baru.
dasbor-decision-denied = Anda tidak berhak memutuskan laporan ini.
dasbor-decision-unknown = Laporan tidak ditemukan.
dasbor-decision-comment = Pilih penilaian untuk persetujuan, atau tulis catatan 5–1000 karakter untuk perbaikan atau penolakan.
dasbor-team-title = Tim saya
dasbor-team-today = Laporan hari ini
dasbor-day-off = Libur / cuti
dasbor-reported = { $count } laporan
dasbor-not-reported = Belum melapor
dasbor-pending = Menunggu persetujuan ({ $count })
dasbor-rating = Penilaian
dasbor-note = Catatan
dasbor-admin-title = Admin kepegawaian
dasbor-download = Unduh
dasbor-export-title = Ekspor e-Kinerja
dasbor-export-period = Bulan atau triwulan
dasbor-export-bad-period = Tulis periode sebagai bulan (2026-10) atau triwulan (2026-Q3).
dasbor-export-bad-unit = Kode unit tidak dikenal.
dasbor-invites-title = Undangan
dasbor-invites-issue = Terbitkan undangan dan unduh CSV
dasbor-invites-no-bot = Nama bot belum diketahui; terbitkan undangan dengan lapkin invites.
dasbor-policy-title = Kebijakan yang berlaku
dasbor-policy-key = Kunci
dasbor-policy-value = Nilai
dasbor-policy-source = Asal
dasbor-policy-default = bawaan
dasbor-policy-import = impor (bawaan { $value })
dasbor-audit-title = Log audit
dasbor-audit-at = Waktu
dasbor-audit-actor = Pelaku
dasbor-audit-action = Aksi
dasbor-audit-entity = Entitas
dasbor-audit-change = Perubahan
dasbor-import-title = Impor data
dasbor-import-file = Berkas CSV atau XLSX
dasbor-import-check = Periksa
dasbor-import-run = Impor
dasbor-import-bad-file = Pilih satu berkas .csv atau .xlsx (paling besar 20 MB).
dasbor-import-refused = Berkas ditolak: { $count } masalah. Tidak ada yang ditulis. Perbaiki baris berikut lalu unggah lagi.
dasbor-import-checked = Berkas lolos pemeriksaan. Belum ada yang ditulis; tekan Impor untuk menyimpan.
dasbor-import-done = Impor selesai.
dasbor-import-failed = Impor gagal; tidak ada yang ditulis. Unggah lagi untuk melihat masalahnya.
dasbor-import-gone = Unggahan ini sudah tidak ada. Unggah berkas lagi.
dasbor-import-created = Baru
dasbor-import-updated = Diubah
dasbor-import-unchanged = Tetap
dasbor-import-units = Unit
dasbor-import-employees = Pegawai
dasbor-import-indicators = Indikator SKP
dasbor-import-leave = Cuti
dasbor-unit-title = Unit kerja
dasbor-unit-all = Semua unit (seluruh instansi)
dasbor-unit-headcount = { $count } pegawai aktif.
dasbor-unit-rate = Tingkat pelaporan per hari kerja
dasbor-unit-reporters = Pegawai melapor
dasbor-unit-approvals = Persetujuan
dasbor-unit-approval-stats = Menunggu: { $pending } (lewat { $days } hari kerja: { $overdue }). Diputuskan dalam rentang ini: { $decided }, rata-rata { $hours } jam sejak dikirim.
dasbor-unit-skp = { $plans } SKP dengan indikator utama berjalan: rata-rata capaian { $percent }% dari target s.d. periode; { $onTarget } sudah mencapai 100%.
dasbor-unit-evaluations = Predikat kinerja
dasbor-unit-spread = { $total } penilaian final. Hasil kerja organisasi: { $result }.
dasbor-spread-max = Perhatian: { $predicate } { $actual }, melebihi batas { $limit }.
dasbor-spread-min = Perhatian: { $predicate } { $actual }, kurang dari { $limit } yang diharapkan.
dasbor-below-baik = di bawah Baik
dasbor-unit-people = Pelaporan per pegawai
dasbor-unit-days = Hari melapor
dasbor-result-ISTIMEWA = Istimewa
dasbor-result-BAIK = Baik
dasbor-result-BUTUH_PERBAIKAN = Butuh Perbaikan
dasbor-result-KURANG = Kurang
dasbor-result-SANGAT_KURANG = Sangat Kurang
# --- e-Kinerja progress ---
lapor-time-outside-day = Jam harus antara 00.00 dan 24.00 (menit 00–59), misalnya 08.00-10.30.
lapor-time-end-not-after-start = Jam selesai harus setelah jam mulai, misalnya 08.00-10.30.
lapor-time-overlap-confirm = Waktu ini bertumpang tindih dengan laporan lain pada hari yang sama ({ $start }–{ $end }). Tetap simpan?
lapor-summary-range = { $start }–{ $end }, { $duration }
lapor-ask-action-plan = Langkah 2/6 — Rencana aksi mana untuk indikator "{ $indicator }"?
lapor-action-plan-use-buttons = Pilih rencana aksi dengan tombol di atas.
lapor-summary-action-plan = { $indicator } — rencana aksi: { $plan }
lapor-output-fraction = Catatan: e-Kinerja hanya menerima bilangan bulat. Realisasi ini diekspor sebagai { $whole }, dan "({ $exact } { $unit })" ditambahkan di akhir uraian kegiatan.
command-unduh = Unduh progres harian (e-Kinerja)
unduh-queued = File progres harian { $month } untuk e-Kinerja sedang disiapkan dan akan segera dikirim ke sini.
unduh-already-queued = File progres harian { $month } sudah sedang disiapkan; tunggu sebentar.
unduh-bad-month = Bulan tidak dikenali. Ketik /unduh untuk bulan ini ({ $month }), atau /unduh TAHUN-BULAN, mis. /unduh 2026-11.
unduh-future = Bulan itu belum tiba. Ketik /unduh untuk bulan ini ({ $month }).
unduh-none = Tidak ada laporan yang disetujui pada { $month }, jadi tidak ada file untuk e-Kinerja.
unduh-caption = Progres harian { $month } ({ $count } kegiatan), dalam kolom impor e-Kinerja.
unduh-no-links = Kolom Bukti Dukung kosong: alamat publik Lapkin (PUBLIC_URL) belum diatur oleh admin.
# --- oversight: continuous feedback, assessment team, /kalibrasi, /rekap ---
command-umpanbalik = Umpan balik berkelanjutan untuk bawahan
command-kalibrasi = Kalibrasi penilaian unit (tim penilai)
command-rekap = Kandidat penghargaan dan pembinaan
feedback-button = 💬 Umpan balik
feedback-not-supervisor = Umpan balik berkelanjutan hanya dapat diberikan atasan kepada bawahan langsungnya.
feedback-not-found = Tidak ada bawahan langsung Anda dengan NIP atau nama "{ $query }".
feedback-choose = Kepada siapa umpan balik ini? Pilih bawahan Anda, atau ketik /umpanbalik &lt;NIP atau nama&gt;.
feedback-not-subordinate = Pegawai ini bukan bawahan langsung Anda.
feedback-ask-note = Tulis umpan balik untuk { $name } ({ $min }–{ $max } karakter). Ketik /batal untuk berhenti.
feedback-too-short = Terlalu pendek: tulis minimal { $min } karakter.
feedback-too-long = Terlalu panjang ({ $length } karakter): maksimal { $max } karakter.
feedback-cancelled = Dihentikan; tidak ada yang dikirim.
feedback-sent = ✅ Umpan balik terkirim dan tercatat untuk periode ini.
feedback-notice =
    💬 Umpan balik dari { $by }:
    { $text }
feedback-button-reply = ↩️ Balas
feedback-ask-reply = Tulis balasan Anda (satu kali, paling banyak { $max } karakter).
feedback-reply-sent = ✅ Balasan Anda terkirim.
feedback-reply-already = Umpan balik ini sudah Anda balas.
feedback-unknown = Umpan balik ini tidak dikenali.
feedback-reply-notice =
    ↩️ Balasan { $name } atas umpan balik Anda:
    { $text }
feedback-section = 💬 Umpan balik berkelanjutan { $period }:
feedback-line = • { $date }, { $by }: { $text }
feedback-line-reply =   ↩️ { $reply }
feedback-none = 💬 Belum ada umpan balik periode ini.
menu-commands-team =
    /kalibrasi — kalibrasi penilaian unit (tim penilai, admin)
    /rekap — kandidat penghargaan dan daftar pembinaan
calibration-not-member = /kalibrasi hanya untuk anggota tim penilai kinerja dan admin.
calibration-choose-unit = ⚖️ Kalibrasi { $period }: pilih unit.
calibration-out-of-scope = Unit atau evaluasi ini di luar cakupan tim penilai Anda.
calibration-conflict = Anda tidak dapat menilai evaluasi ini: benturan kepentingan (diri sendiri atau atasan Anda). Penolakan ini dicatat.
calibration-unknown = Tombol ini tidak dikenali atau sudah tidak berlaku.
calibration-not-final = Evaluasi ini belum difinalisasi.
calibration-member-only = Hanya anggota tim penilai dengan data pegawai yang dapat menandai evaluasi.
calibration-unit-header = ⚖️ { $unit } — { $period } (hasil kerja organisasi: { $result })
calibration-counts = Evaluasi: { $finalised } final, { $draft } draf, { $missing } belum dibuat.
calibration-distribution = Sebaran predikat:
calibration-distribution-ok = ✅ Sesuai batas pedoman (PermenPANRB 6/2022).
calibration-supervisors = Per atasan (kemungkinan terlalu longgar di atas):
calibration-supervisor = • { $name }: { $count } dinilai, { $top } Sangat Baik; realisasi tim { $realisation }%
calibration-supervisor-lenient = • ⚠️ { $name }: { $count } dinilai, { $top } Sangat Baik; realisasi tim { $realisation }% — kemungkinan terlalu longgar
calibration-open-flags = 🚩 Tanda terbuka: { $names }
calibration-button-nine-box = 🔲 9-box
calibration-evaluations-page = ⚖️ { $unit } — { $period }: evaluasi final { $from }–{ $to } dari { $total }.
calibration-nine-box-results = Hasil kerja
calibration-nine-box-behaviour = Perilaku kerja
calibration-nine-box-caption = 9-box { $unit }, { $period }. Ketuk sel untuk melihat nama.
calibration-cell = Hasil kerja { $results } × perilaku { $behaviour }:
calibration-evaluation-header =
    📄 { $name } ({ $nip }) — { $period }
    Dinilai oleh { $by }. Realisasi yang dilihat atasan:
calibration-button-flag = 🚩 Tandai
calibration-button-close = ✅ Tutup tanda
calibration-button-keep = ✔️ Pertahankan (dengan alasan)
calibration-button-amend = ✏️ Ubah penilaian
calibration-button-rate-again = ✏️ Nilai ulang
calibration-ask-reason = Tulis alasan penandaan ({ $min }–{ $max } karakter). Atasan penilai akan menerimanya; pegawai tidak. Ketik /batal untuk berhenti.
calibration-ask-justification = Tulis alasan mempertahankan penilaian ({ $min }–{ $max } karakter).
calibration-too-short = Terlalu pendek: tulis minimal { $min } karakter.
calibration-too-long = Terlalu panjang ({ $length } karakter): maksimal { $max } karakter.
calibration-cancelled = Dihentikan; tidak ada yang disimpan.
calibration-flag-raised = 🚩 Tanda tercatat dan dikirim kepada atasan penilai.
calibration-flag-not-final = Evaluasi ini belum difinalisasi.
calibration-flag-already-open = Evaluasi ini sudah memiliki tanda yang belum ditutup.
calibration-flag-notice =
    🚩 Tim penilai kinerja menandai penilaian Anda atas { $name }:
    { $reason }
    Pertahankan penilaian dengan alasan, atau ubah penilaian.
calibration-kept = ✔️ Penilaian { $name } dipertahankan; tim penilai diberi tahu.
calibration-kept-notice =
    ✔️ Penilaian { $name } dipertahankan atasan dengan alasan:
    { $text }
calibration-reopened = Evaluasi { $name } dibuka kembali untuk Anda. Nilai ulang lalu finalisasi; tim penilai diberi tahu hasilnya.
calibration-amended-notice = ✏️ Penilaian { $name } telah diubah atasan setelah tanda Anda: { $before } → { $after }. Tutup tanda di /kalibrasi.
calibration-answer-unknown = Tanda ini tidak dikenali.
calibration-answer-denied = Anda bukan atasan penilai evaluasi ini.
calibration-answer-answered = Tanda ini sudah dijawab.
calibration-answer-not-final = Evaluasi ini sedang dibuka kembali oleh admin; jawab tanda setelah evaluasi difinalisasi lagi.
calibration-close-closed = ✅ Tanda ditutup.
calibration-close-unknown = Tanda ini tidak dikenali.
calibration-close-not-yours = Hanya anggota tim yang membuat tanda ini yang dapat menutupnya.
calibration-close-pending = Atasan sedang menilai ulang; tanda dapat ditutup setelah evaluasi difinalisasi lagi.
calibration-flag-line = 🚩 Tanda dari { $by }: { $reason }
calibration-flag-status-OPEN = Status: menunggu jawaban atasan.
calibration-flag-status-KEPT = Status: penilaian dipertahankan.
calibration-flag-status-AMENDING = Status: sedang dinilai ulang.
calibration-flag-status-AMENDED = Status: penilaian diubah.
calibration-flag-status-CLOSED = Status: ditutup.
calibration-flag-justification = Alasan atasan: { $text }
recap-not-allowed = /rekap hanya untuk kepala unit, anggota tim penilai kinerja, dan admin.
recap-header = 🏅 Rekap { $period } (rahasia; jangan diteruskan ke grup)
recap-awards = Kandidat penghargaan (predikat Sangat Baik, paling banyak { $count }), menurut realisasi indikator utama, lalu jumlah laporan disetujui, lalu nilai IKM loket yang dilayani, lalu nilai masukan rekan tentang BerAKHLAK (1–3):
recap-award-line = { $rank }. { $name } ({ $unit }) — realisasi indikator utama { $realisation }%, { $approved } laporan disetujui, nilai IKM loket { $citizen }, nilai masukan rekan { $peer }
recap-coaching = Daftar pembinaan:
recap-coaching-line = • { $name } ({ $unit }): { $reasons }
recap-reason-predicate = predikat { $predicate }
recap-reason-results-below-twice = hasil kerja di bawah ekspektasi dua periode berturut-turut
recap-reason-low-reporting = melapor hanya pada { $reported } dari { $expected } hari kerja (kurang dari separuh)
recap-none = (tidak ada)
recap-more = … dan { $count } lainnya (daftar lengkap di dasbor web)
# --- demo ---
demo-title = Lapkin — Demo
demo-subtitle = Coba seluruh alur Lapkin di peramban: pilih peran, lalu bicara dengan bot seperti di Telegram.
demo-personas = Peran
demo-role-pegawai = pegawai
demo-role-atasan = atasan
demo-role-kepala = kepala unit
demo-role-penilai = tim penilai
demo-role-admin = admin
demo-role-masyarakat = masyarakat
demo-role-grup = grup unit
demo-not-linked = belum terhubung
demo-placeholder = Tulis pesan…
demo-send = Kirim
demo-attach = Lampirkan
demo-as-document = Kirim sebagai dokumen
demo-samples = Foto contoh
demo-caption = Keterangan (opsional)
demo-send-files = Kirim berkas
demo-cancel = Batal
demo-menu = Menu
demo-edited = disunting
demo-clock = Jam demo
demo-next-day = Hari kerja berikutnya
demo-jobs = Tugas terjadwal
demo-run = Jalankan
demo-job-report-reminder = Pengingat laporan
demo-job-report-nudge = Pengingat kedua
demo-job-approval-digest = Ringkasan persetujuan
demo-job-skp-deadlines = Tenggat SKP
demo-job-weekly-summary = Ringkasan mingguan grup
demo-job-oversight-digest = Ringkasan tim penilai kinerja
demo-job-complaint-escalation = Eskalasi pengaduan warga
demo-job-peer-round = Putaran masukan rekan
demo-job-command-menus = Menu perintah setelah delegasi berakhir
demo-job-ran = { $job } dijalankan untuk { $count } unit.
demo-tour = Tur terpandu
demo-tour-go = Lakukan
demo-tour-done = ✓ selesai
demo-tour-invite-title = Hubungkan akun dari undangan
demo-tour-invite-body = Fajar belum terhubung. Buka tautan undangannya: bot menautkan akun Telegram-nya ke data kepegawaian.
demo-tour-report-title = Lapor kegiatan dengan foto
demo-tour-report-body = Sebagai Fajar, ketik /lapor, jawab pertanyaannya, lampirkan foto bukti, lalu tekan Kirim.
demo-tour-approve-title = Setujui sebagai atasan
demo-tour-approve-body = Ganti ke Rina Marlina. Kartu laporan Fajar sudah masuk: setujui dengan penilaian.
demo-tour-skp-title = Lihat /skp bergerak
demo-tour-skp-body = Kembali ke Fajar dan buka /skp: laporan yang disetujui menambah realisasi indikatornya.
demo-tour-summary-title = Kirim ringkasan mingguan
demo-tour-summary-body = Jalankan ringkasan mingguan sekarang: grup unit menerima grafik minggu ini.
demo-sending-as = Mengirim sebagai { $name }
demo-language-switch = English
demo-invite-link = Tautan undangan
demo-failed = Gagal: { $reason }
demo-alert-close = Tutup
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
complaint-note-cancelled = Dibatalkan; tidak ada yang dikirim kepada warga.
complaint-note-length = Catatan tindak lanjut harus berisi 1 sampai { $max } karakter.
complaint-followed-up = Tindak lanjut pengaduan { $number } sudah dikirim kepada warga.
complaint-done = Pengaduan { $number } ditandai selesai.
complaint-closed = Pengaduan { $number } sudah selesai; tidak ada yang diubah.
complaint-remind = ⏰ Pengaduan { $number } ({ $unit }) belum ditindaklanjuti; batasnya { $due }. Mohon segera ditindaklanjuti.
complaint-escalate = ⚠️ Pengaduan { $number } di { $unit } belum ditindaklanjuti oleh kepala unit sampai batas { $due }.
summary-ikm = Indeks Kepuasan Masyarakat bulan ini: { $score } (mutu { $band })
# --- demo tour: citizen survey and dashboard ---
demo-tour-survey-title = Nilai loket layanan sebagai warga
demo-tour-survey-body = Sebagai Warga, buka tautan loket (seperti pindai kode QR di poster loket), lalu jawab survei kepuasan sampai selesai.
demo-tour-dashboard-title = Buka dasbor
demo-tour-dashboard-body = Sebagai Rina Marlina, kirim /dasbor lalu buka tautan masuknya: dasbor web terbuka di tab baru.

# --- oversight digest ---
oversight-digest-title = 📋 Batas penilaian { $period } berakhir hari ini. Untuk ditinjau tim penilai:
oversight-digest-units = Unit dengan distribusi predikat di luar batas pedoman:
oversight-digest-unit-line = • { $unit }
oversight-digest-flags = Tanda kalibrasi yang belum ditutup lebih dari { $days } hari kerja:
oversight-digest-flag-line = • #{ $id } { $name } ({ $unit }), sejak { $since }
oversight-digest-more = … dan { $count } lainnya
oversight-digest-hint = Buka /kalibrasi untuk meninjau.
# --- dashboard: assessment-team scope, award and coaching lists ---
dasbor-recap-title = Penghargaan dan pembinaan — { $period }
dasbor-recap-private = Rahasia: hanya untuk kepala unit, tim penilai kinerja, dan admin; jangan diteruskan ke grup.
# --- peer feedback (/rekan) ---
command-rekan = Masukan rekan kerja (BerAKHLAK)
peer-request-round =
    <b>👥 Masukan rekan { $period }</b>
    Mohon beri masukan tentang nilai BerAKHLAK rekan berikut. Jawaban Anda rahasia: yang dinilai dan atasannya hanya melihat rekapitulasi dari beberapa rekan, tanpa nama.
    { $names }
    Buka /rekan untuk mulai.
peer-request-supervisor =
    <b>👥 Masukan rekan { $period }</b>
    Atasan Anda meminta masukan tentang nilai BerAKHLAK rekan berikut. Jawaban Anda rahasia: yang dinilai dan atasannya hanya melihat rekapitulasi dari beberapa rekan, tanpa nama.
    { $names }
    Buka /rekan untuk mulai.
peer-open = <b>👥 Masukan rekan</b>: { $count } permintaan menunggu jawaban Anda. Pilih rekan, atau pilih sendiri rekan lain.
peer-none-open = <b>👥 Masukan rekan</b>: tidak ada permintaan yang menunggu. Anda boleh memilih sendiri rekan untuk diberi masukan.
peer-button-pick = ➕ Pilih rekan
peer-pick = Pilih rekan satu unit yang ingin Anda beri masukan:
peer-pick-none = Tidak ada rekan lain yang dapat Anda beri masukan pada periode ini.
peer-not-allowed = Anda tidak dapat memberi masukan rekan kepada pegawai ini (diri sendiri, atasan, bawahan, atau bukan rekan satu unit).
peer-unknown = Permintaan masukan ini tidak dikenali.
peer-closed = Permintaan masukan ini sudah dijawab atau sudah ditutup.
peer-ask-not-supervisor = Hanya atasan yang dapat meminta masukan rekan untuk timnya.
peer-asked = ✅ { $count } permintaan masukan rekan { $period } dibuka untuk tim Anda; anggota tim diberi tahu.
peer-ask-value = Masukan untuk <b>{ $name }</b> ({ $n }/{ $of }): <b>{ $value }</b>
peer-answer-A = Di atas ekspektasi
peer-answer-M = Sesuai ekspektasi
peer-answer-B = Di bawah ekspektasi
peer-answer-X = Tidak tahu
peer-ask-note = Terima kasih. Ingin menambah catatan singkat (paling banyak { $max } karakter)? Catatan dibaca atasan rekan Anda tanpa nama Anda. Ketik sekarang, atau tekan Lewati.
peer-button-skip-note = Lewati
peer-note-too-long = Terlalu panjang ({ $length } karakter): maksimal { $max } karakter.
peer-note-saved = ✅ Catatan tersimpan. Terima kasih atas masukan Anda.
peer-note-skipped = ✅ Masukan Anda tersimpan. Terima kasih.
peer-section = <b>👥 Masukan rekan { $period }</b>
peer-summary-header = 👥 Masukan rekan tentang BerAKHLAK, dari { $respondents } rekan:
peer-summary-value = • { $value }: { $above } di atas, { $meets } sesuai, { $below } di bawah ekspektasi
peer-summary-notes = Catatan rekan (tanpa nama):
peer-summary-note = – { $note }
peer-summary-hidden = 👥 Masukan rekan: belum cukup untuk ditampilkan (paling sedikit { $min } rekan), demi kerahasiaan.
# --- import problems ---
# `lapkin import` prints these in English; the dashboard's import page in the viewer's language.
# A problem follows its file and row; the cell's value and the columns keep their names in the file.
import-refused = Impor ditolak: { $problems } masalah di { $files } berkas; tidak ada yang ditulis.
import-path-missing = { $path } tidak ada.
import-path-not-importable = { $path } bukan berkas .csv atau .xlsx.
import-folder-empty = { $path } tidak berisi berkas .csv atau .xlsx.
import-deactivate-needs-employees = --deactivate-missing memerlukan berkas pegawai: tanpa berkas itu, semua pegawai akan dinonaktifkan.
import-problem-in-file = { $file }: { $problem }
import-problem-at-row = { $file } baris { $row }: { $problem }
import-unreadable = tidak dapat dibaca: { $reason }
import-not-a-workbook = tidak dapat dibaca: berkas ini bukan buku kerja Excel (.xlsx) yang sah. Simpan ulang dari Excel atau LibreOffice sebagai .xlsx, atau ekspor lembarnya sebagai CSV.
import-file-missing = tidak ditemukan; periksa nama dan foldernya
import-file-forbidden = tidak boleh dibaca oleh Lapkin; periksa izin berkasnya
import-file-is-folder = adalah folder, bukan berkas
import-number-too-long = angka { $number } terlalu panjang untuk sel angka sehingga digit terakhirnya hilang; ubah format kolom menjadi Teks lalu ketik ulang
import-file-empty = kosong
import-column-repeated = memuat kolom { $columns } lebih dari sekali
import-layout-unknown = tidak cocok dengan format mana pun: baris pertama harus berisi nama kolom unit ({ $units }), pegawai ({ $employees }), SKP ({ $skp }), cuti ({ $leave }), kebijakan ({ $policy }), atau loket layanan ({ $counters })
import-layout-incomplete = tampaknya berformat { $layout }, tetapi tidak memuat kolom { $columns }
import-layout-units = unit
import-layout-employees = pegawai
import-layout-skp = SKP
import-layout-leave = cuti
import-layout-policy = kebijakan
import-layout-counters = loket layanan
import-missing = { $column } belum diisi
import-not-one-of = { $column } "{ $value }" tidak dikenal; isi salah satu dari: { $allowed }
import-leave-kinds = cuti, dinas_luar (atau dinas luar, DL)
import-timezone-unknown = zona waktu "{ $value }" tidak dikenal; isi salah satu dari: { $zones } (atau WIB, WITA, WIT)
import-working-days-invalid = hari kerja "{ $value }" harus berupa nomor hari ISO 1–7 (1 = Senin), ditulis seperti 1-5, 1-6 atau 1,2,3,4,5
import-target-not-a-number = target "{ $value }" bukan angka
import-target-not-positive = target { $value } harus lebih dari 0
import-target-decimals = target { $value } memiliki lebih dari dua angka desimal (tulis seribu sebagai 1000)
import-target-too-large = target { $value } terlalu besar
import-period-invalid = periode "{ $value }" tidak dikenal; isi salah satu dari: tahunan, Q1–Q4, M01–M12
import-year-invalid = tahun "{ $value }" bukan tahun seperti 2026
import-date-invalid = tanggal "{ $value }" tidak dikenal; tulis sebagai TTTT-BB-HH (misalnya 2026-12-31) atau HH/BB/TTTT (misalnya 31/12/2026)
import-action-plan-too-long = rencana_aksi "{ $start }…" lebih dari { $max } karakter
import-leave-ends-before-start = tanggal sampai ({ $to }) lebih awal daripada tanggal dari ({ $from })
import-row-too-many-cells = berisi lebih banyak sel daripada kolom di baris judul: apit nilai yang memuat tanda pemisah dengan tanda kutip
import-nip-invalid = NIP { $kind } { $nip }: { $problem }
import-nip-invalid-maybe-pppk = NIP { $kind } { $nip }: { $problem } (jika ini nomor PPPK, isi jenis dengan PPPK)
import-nip-format = harus tepat 18 angka
import-nip-birth-date = tanggal lahir { $birthDate } (digit 1–8) bukan tanggal yang ada
import-nip-start-date = tahun dan bulan pengangkatan { $start } (digit 9–14) bukan bulan yang ada
import-nip-start-too-early = pengangkatan { $start } kurang dari { $minAge } tahun setelah lahir pada { $birthDate }
import-nip-appointment-year = tahun pengangkatan { $year } (digit 9–12) kurang dari { $minAge } tahun setelah tahun lahir { $birthYear }
import-nip-sex-digit = digit ke-15 harus 1 (laki-laki) atau 2 (perempuan), bukan { $digit }
import-policy-key-unknown = kunci "{ $value }" bukan kunci kebijakan (perintah lapkin policy menampilkan daftarnya)
import-policy-value-invalid = { $key } "{ $value }" tidak sah; isi dengan { $expected }
import-policy-expected-whole = bilangan bulat dari { $min } sampai { $max }
import-policy-expected-percent = persentase di atas 0 dan paling banyak 1000
import-policy-expected-yes-no = true atau false (ya atau tidak)
import-policy-expected-time = jam setempat JJ:mm, misalnya 15:00
import-policy-expected-month-day = tanggal BB-HH (bulan dahulu, misalnya 01-31) atau HH/BB (misalnya 31/01)
import-policy-expected-one-of = salah satu dari { $values }
import-policy-expected-days = bilangan bulat dari 0 sampai 90 yang dipisah titik koma, misalnya 7;3;1
import-policy-not-above = { $first } ({ $low }) tidak boleh lebih dari { $second } ({ $high })
import-policy-not-earlier = { $first } ({ $low }) harus lebih awal daripada { $second } ({ $high })
import-duplicate-unit = kode unit { $code } tercantum lebih dari sekali (pertama di { $firstFile } baris { $firstRow })
import-duplicate-employee = NIP { $nip } tercantum lebih dari sekali (pertama di { $firstFile } baris { $firstRow })
import-duplicate-indicator = indikator { $code } NIP { $nip } tahun { $year } tercantum lebih dari sekali (pertama di { $firstFile } baris { $firstRow })
import-duplicate-leave = cuti NIP { $nip } dari { $from } sampai { $to } tercantum lebih dari sekali (pertama di { $firstFile } baris { $firstRow })
import-duplicate-policy = kunci kebijakan { $key } tercantum lebih dari sekali (pertama di { $firstFile } baris { $firstRow })
import-duplicate-counter = kode loket { $code } tercantum lebih dari sekali (pertama di { $firstFile } baris { $firstRow })
import-parent-unknown = induk { $code } tidak ada di berkas unit maupun di basis data
import-unit-own-parent = unit { $code } menjadi induknya sendiri
import-unit-cycle = induk unit membentuk lingkaran: { $cycle }
import-unit-unknown = unit { $code } tidak ada di berkas unit maupun di basis data
import-assessor-unit-unknown = unit_penilai { $code } tidak ada di berkas unit maupun di basis data
import-in-column = { $column }: { $problem }
import-nip-unknown = NIP { $nip } tidak ada di berkas pegawai maupun di basis data
import-nip-deactivated = NIP { $nip } tidak ada di berkas pegawai dan akan dinonaktifkan oleh --deactivate-missing
import-own-supervisor = NIP { $nip } menjadi atasannya sendiri (nip_atasan)
import-supervisor-cycle = rantai atasan membentuk lingkaran: { $cycle }
