/* RFC 9162 hashing with WebCrypto SHA-256, shared by the verification pages. No dependencies. */
'use strict';
const VaregMerkle = (() => {
  const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
  const unhex = (h) => {
    const s = h.startsWith('0x') ? h.slice(2) : h;
    if (!/^([0-9a-fA-F]{2})*$/.test(s)) throw new Error('not hex: ' + h);
    const out = new Uint8Array(s.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = parseInt(s.substr(i * 2, 2), 16);
    return out;
  };
  const concat = (...parts) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) { out.set(p, o); o += p.length; }
    return out;
  };
  const sha256 = async (bytes) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  /** leaf = SHA-256(0x00 || entry) */
  const leafHash = (entry) => sha256(concat(new Uint8Array([0]), entry));
  /** node = SHA-256(0x01 || left || right) */
  const nodeHash = (l, r) => sha256(concat(new Uint8Array([1]), l, r));
  /** RFC 9162 §2.1.3.2: the root an inclusion proof leads to, or null when the proof cannot be valid. */
  const rootFromInclusion = async (index, size, leaf, path) => {
    if (!(index >= 0) || !(size > 0) || index >= size) return null;
    let fn = BigInt(index), sn = BigInt(size) - 1n, r = leaf;
    for (const p of path) {
      if (sn === 0n) return null;
      if ((fn & 1n) === 1n || fn === sn) {
        r = await nodeHash(p, r);
        if ((fn & 1n) === 0n) { while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; } }
      } else {
        r = await nodeHash(r, p);
      }
      fn >>= 1n; sn >>= 1n;
    }
    return sn === 0n ? r : null;
  };
  const b64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  return { hex, unhex, concat, sha256, leafHash, nodeHash, rootFromInclusion, b64 };
})();
