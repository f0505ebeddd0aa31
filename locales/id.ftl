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
