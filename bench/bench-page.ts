import '../src/define.js';
import { measureStorageWrites } from './measure-storage.js';

/** Entry point the bench runner calls in the page: one result object per measurement. */
async function runBench(sizes: number[]) {
  const container = document.getElementById('bench-area')!;
  const results = [];
  for (const paragraphs of sizes) results.push(await measureStorageWrites(paragraphs, container));
  return results;
}

Object.assign(window, { runBench });
