// Prints the gzip size of the JavaScript a citizen's browser loads to show the board (the entry
// chunk, the board page's chunk and everything they import statically), from Vite's manifest.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  ManifestChunk
>;

export function chunksFor(keys: string[], chunks: Record<string, ManifestChunk>): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = chunks[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  keys.forEach(visit);
  return files;
}

const files = chunksFor(['index.html', 'src/dialogue/BoardPage.vue'], manifest);
let raw = 0;
let gzip = 0;
for (const file of files) {
  const content = readFileSync(path.join(dist, file));
  raw += content.length;
  gzip += gzipSync(content, { level: 9 }).length;
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
console.log(`board page JavaScript: ${files.size} files, ${kb(raw)} raw, ${kb(gzip)} gzip`);
