// No input stalls an instance (issue #36): what the readers of uploads and API bodies cost on
// hostile and on large honest files, and the longest the event loop is held meanwhile — the
// time during which the server answers nobody.
//
//   npx tsx --conditions=react-server bench/parsers.ts
import { strToU8 } from 'fflate';
import { readSiecleUpload } from '@/lib/administration/siecle/read';
import { siecleFile, type EleveDeTest } from '@/lib/administration/siecle/testing';
import { parseJsonWithin } from '@/lib/common/json';

const UAI = '0999001W';

async function measure(label: string, work: () => Promise<unknown> | unknown) {
  // The longest gap between two ticks of a 1 ms interval: how long nothing else could run.
  let last = performance.now();
  let longest = 0;
  const ticking = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  let outcome = 'lu';
  try {
    await work();
  } catch (error) {
    outcome = `refusé : ${(error as Error).message.slice(0, 70)}`;
  }
  const ms = performance.now() - started;
  // One more tick: a block that lasted the whole work is counted when the loop resumes.
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(ticking);
  console.log(`| ${label} | ${ms.toFixed(0)} ms | ${longest.toFixed(0)} ms | ${outcome} |`);
}

function nested(bytes: number): Uint8Array {
  const depth = Math.floor(bytes / 7);
  return strToU8(`<BEE_ELEVES>${'<A>'.repeat(depth)}${'</A>'.repeat(depth)}</BEE_ELEVES>`);
}

function pupils(n: number): EleveDeTest[] {
  return Array.from({ length: n }, (_, i) => ({
    eleveId: String(10_000 + i),
    ine: `${String(100_000_000 + i)}ZZ`,
    nom: `NOM${i}`,
    prenom: 'Prénom',
    mef: '24725517310',
    division: `D${i % 40}`,
  }));
}

console.log('| input | time | longest event-loop block | outcome |');
console.log('| --- | --- | --- | --- |');
await measure('SIECLE, 280 KB nested 40 000 deep', () => readSiecleUpload(nested(280_000), UAI));
await measure('SIECLE, 1.4 MB nested', () => readSiecleUpload(nested(1_400_000), UAI));
await measure('SIECLE, 20 MB nested', () => readSiecleUpload(nested(20 * 1024 * 1024 - 64), UAI));
for (const n of [4_000, 30_000]) {
  const file = siecleFile(UAI, 2026, pupils(n));
  await measure(`SIECLE, ${n} pupils (${(file.length / 1024 / 1024).toFixed(1)} MB)`, () =>
    readSiecleUpload(file, UAI),
  );
}
const deepJson = `${'['.repeat(10_000_000)}${']'.repeat(10_000_000)}`;
await measure('JSON, 20 MB nested (depth checked first)', () => parseJsonWithin(deepJson, 8));
await measure('JSON, 20 MB nested (JSON.parse alone)', () => JSON.parse(deepJson));
