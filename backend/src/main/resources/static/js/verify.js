/* "Verify in your browser": recomputes an emission's log entry, its inclusion proof and the checkpoint root with
   WebCrypto, and - only when the visitor ticks the box - asks the anchor contract over JSON-RPC (eth_call).
   Says plainly what was checked and what was not. */
'use strict';
(() => {
  const section = document.getElementById('verify');
  if (!section) return;
  const button = document.getElementById('verify-button');
  const out = document.getElementById('verify-result');
  const msgs = document.getElementById('verify-messages').dataset;
  const M = VaregMerkle;
  const say = (key, ...args) => args.reduce((s, a, i) => s.split('{' + i + '}').join(String(a)), msgs[key] || key);

  const list = document.createElement('ol');
  list.className = 'checks';
  const add = (ok, text, id) => {
    const li = document.createElement('li');
    li.className = ok === true ? 'pass' : ok === false ? 'fail' : 'skip-check';
    li.textContent = (ok === true ? '✔ ' : ok === false ? '✘ ' : '– ') + text;
    if (id) li.id = id;
    list.appendChild(li);
    return ok;
  };

  const word = (n) => BigInt(n).toString(16).padStart(64, '0');
  const rpc = async (url, to, data) => {
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_call', params: [{ to, data }, 'latest'] }) });
    const body = await res.json();
    if (body.error) throw new Error(body.error.message || 'eth_call failed');
    return body.result;
  };

  const utf8 = new TextEncoder();
  // c2sp.org/signed-note key id: SHA-256(name || 0x0A || 0x01 || public key)[:4], recomputed here so a published key
  // cannot carry another key's id.
  const keyIdOf = async (name, pub) => M.hex(new Uint8Array(await crypto.subtle.digest('SHA-256',
    new Uint8Array([...utf8.encode(name), 0x0a, 0x01, ...pub]))).slice(0, 4));

  /* Checks the note's Ed25519 signature with WebCrypto against the verifier keys the register publishes.
     Returns {ok: true|false|null, key: 'message key', args: [...]} (null = could not be checked in this browser). */
  async function checkSignature(note, origin) {
    const sep = note.indexOf('\n\n');
    if (sep < 0) return { ok: false, key: 'sigNoKey', args: [] };
    const text = utf8.encode(note.slice(0, sep + 1));
    const sigs = note.slice(sep + 2).split('\n').filter((l) => l.startsWith('\u2014 ')).map((l) => {
      const [name, b64] = l.slice(2).split(' ');
      const blob = M.b64(b64 || '');
      return { name, id: M.hex(blob.slice(0, 4)), sig: blob.slice(4) };
    });
    const res = await fetch('/api/v1/public/log/verifier-keys', { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error('verifier keys: HTTP ' + res.status);
    const keys = ((await res.json()).keys || []).filter((k) => k.name === origin);
    for (const k of keys) {
      // name+keyid+base64: split at the first two '+' only (base64 itself may contain '+')
      const p1 = k.verifierKey.indexOf('+');
      const p2 = k.verifierKey.indexOf('+', p1 + 1);
      if (p1 < 0 || p2 < 0) continue;
      const name = k.verifierKey.slice(0, p1);
      const id = k.verifierKey.slice(p1 + 1, p2);
      const b64 = k.verifierKey.slice(p2 + 1);
      const raw = M.b64(b64 || '');
      if (name !== origin || raw.length !== 33 || raw[0] !== 1) continue;
      const pub = raw.slice(1);
      if (await keyIdOf(name, pub) !== id) continue; // inconsistent published key: not used
      const line = sigs.find((s) => s.name === name && s.id === id);
      if (!line) continue;
      let key;
      try {
        key = await crypto.subtle.importKey('raw', pub, { name: 'Ed25519' }, false, ['verify']);
      } catch (e) {
        return { ok: null, key: 'sigUnsupported', args: [e.message] };
      }
      const valid = await crypto.subtle.verify({ name: 'Ed25519' }, key, line.sig, text);
      return { ok: valid, key: valid ? 'sig' : 'sigBad', args: [name, id], id };
    }
    return { ok: false, key: 'sigNoKey', args: [origin] };
  }

  async function run() {
    button.disabled = true;
    out.textContent = say('fetching');
    list.textContent = '';
    let allOk = true;
    try {
      const index = section.dataset.leafIndex;
      const res = await fetch('/api/v1/public/log/entries/' + encodeURIComponent(index), { headers: { Accept: 'application/json' } });
      if (!res.ok) throw new Error('HTTP ' + res.status);
      const entry = await res.json();
      const bytes = M.b64(entry.canonical);
      const record = JSON.parse(new TextDecoder().decode(bytes));
      const emissionId = document.getElementById('emission-id').value;
      allOk &= add(record.subject && record.subject.emission === emissionId,
        say(record.subject && record.subject.emission === emissionId ? 'subject' : 'subjectBad', entry.leafIndex, record.type), 'check-subject');
      const leaf = await M.leafHash(bytes);
      const leafOk = M.hex(leaf) === entry.leafHash;
      allOk &= add(leafOk, say(leafOk ? 'leaf' : 'leafBad', M.hex(leaf)), 'check-leaf');
      if (!entry.anchored || !entry.inclusionProof || !entry.checkpoint) {
        add(null, say('notAnchored'), 'check-anchored');
        out.textContent = '';
        out.appendChild(list);
        return;
      }
      const proof = entry.inclusionProof;
      const path = proof.inclusionPath.map(M.unhex);
      const root = await M.rootFromInclusion(Number(proof.leafIndex), Number(proof.treeSize), leaf, path);
      const rootHex = root ? M.hex(root) : '';
      const rootOk = root !== null && rootHex === entry.checkpoint.rootHash;
      allOk &= add(rootOk, say(rootOk ? 'root' : 'rootBad', proof.treeSize, rootHex || '—'), 'check-root');
      // The checkpoint note carries origin, size and base64 root (C2SP tlog-checkpoint); they must be the ones checked.
      const lines = (entry.checkpoint.signedNote || '').split('\n');
      const noteRoot = lines[2] ? M.hex(M.b64(lines[2])) : '';
      const cpOk = lines[1] === String(entry.checkpoint.treeSize) && noteRoot === entry.checkpoint.rootHash
        && Number(proof.treeSize) === Number(entry.checkpoint.treeSize);
      allOk &= add(cpOk, say(cpOk ? 'cp' : 'cpBad', lines[0] || '', entry.checkpoint.treeSize), 'check-checkpoint');
      const sig = await checkSignature(entry.checkpoint.signedNote || '', lines[0] || '');
      if (sig.ok === null) add(null, say(sig.key, ...sig.args), 'check-signature');
      else allOk &= add(sig.ok, say(sig.key, ...sig.args), 'check-signature');
      // The key itself comes from this same website: say plainly that its authenticity is not checked here.
      add(null, say('keyTrust', sig.id || '—'), 'check-key-trust');

      const allowChain = document.getElementById('verify-chain').checked;
      const url = section.dataset.rpcUrl;
      const anchor = (entry.checkpoint.anchor && entry.checkpoint.anchor.contractAddress) || section.dataset.anchor;
      if (!allowChain || !url || !anchor) {
        add(null, say('chainSkipped'), 'check-chain');
      } else {
        try {
          const size = BigInt(proof.treeSize);
          const onChainRoot = await rpc(url, anchor, section.dataset.selRoot + word(size));
          const chainRootOk = onChainRoot && onChainRoot.slice(2).toLowerCase() === entry.checkpoint.rootHash;
          allOk &= add(chainRootOk, say(chainRootOk ? 'chainRoot' : 'chainRootBad', anchor, proof.treeSize), 'check-chain-root');
          let data = section.dataset.selVerify + M.hex(leaf).padStart(64, '0') + word(proof.leafIndex) + word(size)
            + word(128) + word(path.length) + path.map((p) => M.hex(p)).join('');
          const incl = await rpc(url, anchor, data);
          const inclOk = BigInt(incl) === 1n;
          allOk &= add(inclOk, say(inclOk ? 'chainIncl' : 'chainInclBad', anchor), 'check-chain-inclusion');
        } catch (e) {
          allOk = false;
          add(false, say('chainError', e.message), 'check-chain');
        }
      }
      const summary = document.createElement('p');
      summary.id = 'verify-summary';
      summary.className = 'notice ' + (allOk ? 'ok' : 'bad');
      summary.textContent = say(allOk ? 'ok' : 'fail');
      out.textContent = '';
      out.appendChild(summary);
      out.appendChild(list);
    } catch (e) {
      out.textContent = say('error', e.message);
    } finally {
      button.disabled = false;
    }
  }
  button.addEventListener('click', run);
})();
