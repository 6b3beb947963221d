#!/usr/bin/env node
// Compiles the published third-party token contracts under contracts/thirdparty/<name>/ with exactly
// the compiler version and optimizer settings they were verified with (see each SOURCE.md). Each
// directory has a build.json: {solc, optimizer, sources, contracts, remappings?}; the compiler is the
// npm package alias "solc-<version>" of contracts/package.json, the EVM version that compiler's default.
// Writes <resources>/thirdparty/<name>/<Contract>.json ({contractName, compiler, abi, bytecode, ...}).
// Usage: node scripts/compile-thirdparty.js <resourcesDir>
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const thirdparty = path.join(root, 'thirdparty');
const resDir = path.resolve(process.argv[2] || path.join(root, 'target', 'classes', 'solidity'), 'thirdparty');

function compilerFor(version) {
  try {
    return require('solc-' + version);
  } catch (e) {
    console.error(`FAIL: compiler solc-${version} is not installed: run \`npm ci\` in contracts/`);
    process.exit(1);
  }
}

function compileStandard(solc, input, findImports) {
  const json = JSON.stringify(input);
  // solc-js before 0.5 exposes standard JSON as compileStandardWrapper(input, callback);
  // 0.5 takes compile(input, callback); 0.6 and later compile(input, {import: callback}).
  if (typeof solc.compileStandardWrapper === 'function') return solc.compileStandardWrapper(json, findImports);
  const major = Number(solc.version().split('.')[1]);
  return major >= 6 ? solc.compile(json, { import: findImports }) : solc.compile(json, findImports);
}

function newestInput(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((max, d) => {
    const p = path.join(dir, d.name);
    return Math.max(max, d.isDirectory() ? newestInput(p) : fs.statSync(p).mtimeMs);
  }, fs.statSync(path.join(root, 'package-lock.json')).mtimeMs);
}

// The old compilers take a minute to load: an output newer than every input is kept.
function upToDate(dir, out, contracts) {
  const files = contracts.map((c) => path.join(out, c + '.json'));
  if (!files.every((f) => fs.existsSync(f))) return false;
  const oldest = Math.min(...files.map((f) => fs.statSync(f).mtimeMs));
  return oldest > newestInput(dir);
}

let total = 0;
for (const name of fs.readdirSync(thirdparty).sort()) {
  const dir = path.join(thirdparty, name);
  const buildFile = path.join(dir, 'build.json');
  if (!fs.existsSync(buildFile)) continue;
  const build = JSON.parse(fs.readFileSync(buildFile, 'utf8'));
  const out = path.join(resDir, name);
  if (upToDate(dir, out, build.contracts)) {
    total += build.contracts.length;
    continue;
  }
  const solc = compilerFor(build.solc);
  const remappings = build.remappings || {};
  const sources = {};
  for (const s of build.sources) sources[s] = { content: fs.readFileSync(path.join(dir, s), 'utf8') };
  const findImports = (importPath) => {
    for (const [prefix, target] of Object.entries(remappings)) {
      if (importPath.startsWith(prefix)) {
        const file = path.join(root, target, importPath.substring(prefix.length));
        if (fs.existsSync(file)) return { contents: fs.readFileSync(file, 'utf8') };
      }
    }
    const local = path.join(dir, importPath);
    if (fs.existsSync(local)) return { contents: fs.readFileSync(local, 'utf8') };
    return { error: 'File not found: ' + importPath };
  };
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      optimizer: build.optimizer,
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.methodIdentifiers'] } },
    },
  };
  const output = JSON.parse(compileStandard(solc, input, findImports));
  const errors = (output.errors || []).filter((e) => e.severity === 'error');
  if (errors.length > 0) {
    for (const e of errors) console.error(e.formattedMessage.trim());
    console.error(`FAIL: ${name}: compilation with solc ${solc.version()} failed`);
    process.exit(1);
  }
  fs.mkdirSync(out, { recursive: true });
  for (const wanted of build.contracts) {
    const found = Object.entries(output.contracts).flatMap(([file, cs]) => (cs[wanted] ? [[file, cs[wanted]]] : []));
    if (found.length !== 1 || !found[0][1].evm.bytecode.object) {
      console.error(`FAIL: ${name}: contract ${wanted} not produced exactly once`);
      process.exit(1);
    }
    const [file, c] = found[0];
    fs.writeFileSync(path.join(out, wanted + '.json'), JSON.stringify({
      contractName: wanted,
      sourceName: 'thirdparty/' + name + '/' + file,
      compiler: 'solc ' + solc.version(),
      optimizer: build.optimizer,
      abi: c.abi,
      bytecode: '0x' + c.evm.bytecode.object,
      deployedBytecode: '0x' + c.evm.deployedBytecode.object,
      methodIdentifiers: c.evm.methodIdentifiers,
    }, null, 2));
    total++;
  }
}
console.log(`compiled ${total} third-party contract(s) into ${resDir}`);
