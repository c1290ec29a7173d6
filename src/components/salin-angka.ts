/**
 * Copy buttons (SalinAngka.astro, the "Salin kutipan" button of Kutipan.astro, the embed code):
 * a button is shown only when the clipboard API exists; the text stays selectable without it. `data-salin-angka` names the element whose text is copied;
 * `data-pesan` the status message (also used for the embed code on dataset pages).
 */
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-salin-angka]')) {
  const source = document.getElementById(button.dataset['salinAngka'] ?? '');
  const status = button.parentElement?.querySelector<HTMLElement>('.kutipan-status');
  if (!source || !status || !navigator.clipboard) continue;
  button.parentElement?.removeAttribute('hidden');
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(source.textContent?.trim() ?? '');
      status.textContent = button.dataset['pesan'] ?? 'Angka disalin.';
    } catch {
      status.textContent = 'Gagal menyalin. Pilih teksnya lalu salin secara manual.';
    }
  });
}
