import { gzipSync } from 'node:zlib';
import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/*
 * Prints, after each build, the JavaScript the dashboard's first page loads (its entry and every chunk
 * the entry imports statically), gzipped, and the chunks fetched later (charts, GraphiQL). The issue's
 * budget is 350 kB gzip for the first page; Vite's own table lists every font file and is silenced.
 */
export function bundleSizes(): Plugin {
  return {
    name: 'vssid-bundle-sizes',
    apply: 'build',
    writeBundle(_options, bundle: OutputBundle) {
      const chunks = Object.values(bundle).filter((item): item is OutputChunk => item.type === 'chunk');
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const kB = (chunk: OutputChunk) => gzipSync(chunk.code).length / 1000;
      const firstPage = new Set<string>();
      const visit = (fileName: string) => {
        if (firstPage.has(fileName)) return;
        firstPage.add(fileName);
        for (const imported of byName.get(fileName)?.imports ?? []) visit(imported);
      };
      for (const chunk of chunks) if (chunk.isEntry && chunk.name === 'main') visit(chunk.fileName);
      const sized = (names: Iterable<string>) =>
        [...names].map((name) => byName.get(name) as OutputChunk).sort((a, b) => kB(b) - kB(a));
      const line = (chunk: OutputChunk) => `${chunk.name} ${kB(chunk).toFixed(1)}`;
      const first = sized(firstPage);
      const total = first.reduce((sum, chunk) => sum + kB(chunk), 0);
      console.log(`First page JavaScript: ${total.toFixed(1)} kB gzip (${first.map(line).join(', ')})`);
      const later = sized(chunks.map((c) => c.fileName).filter((name) => !firstPage.has(name)));
      console.log(`Loaded when needed (kB gzip): ${later.map(line).join(', ')}`);
    },
  };
}
