// Times an npm Dockerfile linter in process on a list of files, as EngineTimer times our engine:
// each file is read and linted alone, PASSES times after warm-up passes of at least 1 s, and the
// median wall-clock and processor time of a pass are printed. Usage: node peers-timer.js dockerfile-utils|dockerfilelint LIST [PASSES]
// The linters are resolved through NODE_PATH, which compare-peers.sh points at its temporary install.
'use strict';

const fs = require('fs');
const os = require('os');

const [peer, listPath, passesText] = process.argv.slice(2);
const passes = Number(passesText || 5);
const linters = {
  'dockerfile-utils': () => {
    const utils = require('dockerfile-utils');
    return (text) => utils.validate(text).length;
  },
  dockerfilelint: () => {
    const lint = require('dockerfilelint');
    // An empty folder has no .dockerfilelintrc, so the linter runs every check with its defaults.
    const configDir = fs.mkdtempSync(`${os.tmpdir()}/dockerfilelint-config-`);
    return (text) => lint.run(configDir, text).length;
  },
};

if (!linters[peer] || !listPath || !(passes >= 1)) {
  console.error('Usage: node peers-timer.js dockerfile-utils|dockerfilelint LIST [PASSES]');
  process.exit(2);
}

const lintText = linters[peer]();
const paths = fs.readFileSync(listPath, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
const totalBytes = paths.reduce((sum, path) => sum + fs.statSync(path).size, 0);
const walls = [];
const cpus = [];
let checksum = 0;
// dockerfilelint 1.8.0 throws a TypeError in its HEALTHCHECK check on one of the dotnet-docker
// Dockerfiles. A file that throws counts as linted, and the script prints how many files threw.
const failed = new Set();
const lintAll = () => {
  for (const path of paths) {
    try {
      checksum += lintText(fs.readFileSync(path, 'utf8'));
    } catch (error) {
      failed.add(path);
    }
  }
};

const warmUpStart = process.hrtime.bigint();
do {
  lintAll();
} while (Number(process.hrtime.bigint() - warmUpStart) < 1e9);

for (let pass = 0; pass < passes; pass++) {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  lintAll();
  walls.push(Number(process.hrtime.bigint() - start) / 1e6);
  const cpu = process.cpuUsage(cpuStart);
  cpus.push((cpu.user + cpu.system) / 1e3);
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const wall = median(walls);
const cpu = median(cpus);
console.log(`${paths.length} files, ${totalBytes} bytes, median of ${passes} passes after warm-up passes of at least 1 s, ${checksum} problems in all passes, ${failed.size} files threw`);
console.log(`${peer.padEnd(34)} wall ${wall.toFixed(2).padStart(9)} ms/pass  cpu ${cpu.toFixed(2).padStart(9)} ms/pass ${(cpu * 1000 / paths.length).toFixed(1).padStart(9)} us/file (cpu) ${(totalBytes / 1e6 / (cpu / 1000)).toFixed(1).padStart(7)} MB/s (cpu)`);
