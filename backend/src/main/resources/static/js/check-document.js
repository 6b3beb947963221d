/* "Check a document": the SHA-256 of the chosen file is computed here, in the browser; only the hash is sent. */
'use strict';
(() => {
  const zone = document.getElementById('dropzone');
  const input = document.getElementById('file');
  const out = document.getElementById('doc-result');
  const msgs = document.getElementById('doc-messages').dataset;
  const say = (key, ...args) => args.reduce((s, a, i) => s.split('{' + i + '}').join(String(a)), msgs[key] || key);
  const kindNames = JSON.parse(document.getElementById('kind-names').textContent);

  async function check(file) {
    out.textContent = say('hashing', file.name);
    const digest = VaregMerkle.hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
    const res = await fetch('/documents/match?sha256=' + digest, { headers: { Accept: 'application/json' } });
    const body = await res.json();
    out.textContent = '';
    const p = document.createElement('p');
    p.innerHTML = '';
    p.append(say('hash', file.name), ' ');
    const code = document.createElement('code');
    code.id = 'doc-sha256';
    code.textContent = digest;
    p.appendChild(code);
    out.appendChild(p);
    const verdict = document.createElement('p');
    verdict.id = 'doc-verdict';
    verdict.className = 'notice ' + (body.matches.length ? 'ok' : 'bad');
    verdict.textContent = body.matches.length ? say('found', body.matches.length) : say('notFound');
    out.appendChild(verdict);
    if (body.matches.length) {
      const ul = document.createElement('ul');
      ul.id = 'doc-matches';
      for (const m of body.matches) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = '/register/' + encodeURIComponent(m.registrationNumber);
        a.textContent = m.registrationNumber;
        li.append(kindNames[m.kind] || m.kind, ' — ', a, m.fileName ? ' — ' + m.fileName : '');
        ul.appendChild(li);
      }
      out.appendChild(ul);
    }
  }
  input.addEventListener('change', () => { if (input.files[0]) check(input.files[0]); });
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer.files[0]) check(e.dataTransfer.files[0]);
  });
})();
