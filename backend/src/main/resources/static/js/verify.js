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
      add(null, say('sig'), 'check-signature');

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
