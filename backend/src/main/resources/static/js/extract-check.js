/* Compares a PDF extract the visitor holds with the SHA-256 the journal recorded; the file stays in the browser. */
'use strict';
(() => {
  const zone = document.getElementById('extract-drop');
  const input = document.getElementById('extract-file');
  const out = document.getElementById('extract-compare');
  const compare = async (file) => {
    const h = VaregMerkle.hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
    const ok = h === zone.dataset.expected;
    out.className = 'notice ' + (ok ? 'ok' : 'bad');
    out.textContent = (ok ? out.dataset.match : out.dataset.mismatch) + ' (' + h + ')';
  };
  input.addEventListener('change', () => input.files[0] && compare(input.files[0]));
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => { e.preventDefault(); zone.classList.remove('over'); if (e.dataTransfer.files[0]) compare(e.dataTransfer.files[0]); });
})();
