/**
 * UI strings of the site (Indonesian), in one place with flat dotted keys.
 * Page text written by editors lives in content/; this file holds the words of the
 * templates: navigation, labels, notices.
 */
export const STRINGS = {
  'site.nama': 'RTW Pasuruan',
  'site.namaLengkap': 'Return To Work Pasuruan — informasi publik dan transparansi klaim',
  'site.deskripsi':
    'Informasi kemitraan BPJS Ketenagakerjaan Cabang Pasuruan dan BLK Provinsi Jawa Timur di Pandaan: program Return To Work, pelatihan, kepesertaan BPU, dan data klaim yang bisa dicek.',
  'site.bukanResmi':
    'Situs informasi publik independen. Bukan situs resmi BPJS Ketenagakerjaan atau Disnakertrans Jawa Timur.',
  'nav.label': 'Menu utama',
  'nav.beranda': 'Beranda',
  'nav.kemitraan': 'Kemitraan & RTW',
  'nav.pelatihan': 'Pelatihan',
  'nav.bpu': 'Ikut BPU',
  'nav.transparansi': 'Data klaim',
  'nav.berita': 'Berita',
  'nav.tentang': 'Tentang',
  'skip': 'Langsung ke isi',
  'cari.label': 'Cari di situs ini',
  'cari.tombol': 'Cari',
  'cari.placeholder': 'mis. pelatihan elektro',
  'sumber.judul': 'Sumber',
  'sumber.ditinjau': 'Terakhir ditinjau',
  'sumber.keyakinan.V': 'terverifikasi di dokumen sumber',
  'sumber.keyakinan.M': 'beberapa sumber sepakat',
  'sumber.keyakinan.U': 'satu sumber, belum pasti',
  'umum.belumDiketahui': 'Belum diketahui',
  'umum.tidakDilaporkan': 'tidak dilaporkan',
  'pelatihan.status.dibuka': 'Pendaftaran dibuka',
  'pelatihan.status.ditutup': 'Pendaftaran ditutup',
  'pelatihan.status.belum-diketahui': 'Jadwal belum diketahui',
  'footer.lapor': 'Menemukan kesalahan? Lihat cara melapor di halaman Tentang.',
  'footer.lisensi': 'Teks dan data olahan: CC BY 4.0. Artikel sumber tetap milik penerbitnya.',
  'footer.rss': 'Berita (RSS)',
  'footer.laporkan': 'Laporkan kesalahan',
  'sunting.halaman': 'Sunting halaman ini',
  'sunting.data': 'Sunting data ini',
} as const;

export type StringKey = keyof typeof STRINGS;

/** Look up a UI string by key. */
export function t(key: StringKey): string {
  return STRINGS[key];
}
