#!/usr/bin/env node
// Compiles every contracts/src/**/*.sol with solc's JS API (standard JSON), optimizer on, for an
// EVM version the local dev node supports. Writes, per contract of ours:
//   <out>/<Name>.abi, <Name>.bin            (input of the web3j wrapper generator)
//   <resources>/<Name>.json                  ({contractName, abi, bytecode, deployedBytecode, ...})
// Usage: node scripts/compile.js <outDir> <resourcesDir>
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const srcDir = path.join(root, 'src');
const outDir = path.resolve(process.argv[2] || path.join(root, 'target', 'solidity'));
const resDir = path.resolve(process.argv[3] || path.join(root, 'target', 'classes', 'solidity'));
const EVM_VERSION = process.env.VAREG_EVM_VERSION || 'cancun';

let solc;
try {
  solc = require('solc');
} catch (e) {
  console.error('FAIL: solc is not installed: run `npm ci` in contracts/ (Node >= 20 required)');
  process.exit(1);
}

function listSol(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? listSol(p) : d.name.endsWith('.sol') ? [p] : [];
  });
}

const sources = {};
for (const file of listSol(srcDir)) {
  sources[path.relative(root, file).split(path.sep).join('/')] = { content: fs.readFileSync(file, 'utf8') };
}

function findImports(importPath) {
  const candidates = [path.join(root, 'node_modules', importPath), path.join(root, importPath)];
  for (const c of candidates) {
    if (fs.existsSync(c)) return { contents: fs.readFileSync(c, 'utf8') };
  }
  return { error: 'File not found: ' + importPath };
}

const input = {
  language: 'Solidity',
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: EVM_VERSION,
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.methodIdentifiers'] } },
  },
};

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const w of (output.errors || []).filter((e) => e.severity !== 'error')) {
  console.warn(w.formattedMessage.trim());
}
if (errors.length > 0) {
  for (const e of errors) console.error(e.formattedMessage.trim());
  console.error(`FAIL: Solidity compilation failed with ${errors.length} error(s)`);
  process.exit(1);
}

fs.mkdirSync(outDir, { recursive: true });
fs.mkdirSync(resDir, { recursive: true });
let count = 0;
for (const [file, contracts] of Object.entries(output.contracts)) {
  for (const [name, c] of Object.entries(contracts)) {
    const bytecode = c.evm.bytecode.object;
    if (!bytecode) continue; // interfaces and abstract contracts have no bytecode
    fs.writeFileSync(path.join(outDir, name + '.abi'), JSON.stringify(c.abi));
    fs.writeFileSync(path.join(outDir, name + '.bin'), bytecode);
    fs.writeFileSync(
      path.join(resDir, name + '.json'),
      JSON.stringify({
        contractName: name,
        sourceName: file,
        compiler: 'solc ' + solc.version(),
        evmVersion: EVM_VERSION,
        abi: c.abi,
        bytecode: '0x' + bytecode,
        deployedBytecode: '0x' + c.evm.deployedBytecode.object,
        methodIdentifiers: c.evm.methodIdentifiers,
      }, null, 2)
    );
    count++;
  }
}
console.log(`compiled ${count} contract(s) with solc ${solc.version()} (evmVersion ${EVM_VERSION}) into ${outDir}`);
