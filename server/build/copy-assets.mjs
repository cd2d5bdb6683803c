// After `tsc -p tsconfig.build.json`: the files the compiled server reads beside its modules
// (the tone model, the collocation list, the corpus for the scripts), copied from server/src to
// dist/server with the same layout. Plain JavaScript so the production build needs no tsx.
import { cpSync } from 'node:fs';

cpSync('server/src', 'dist/server', {
  recursive: true,
  filter: (source) => !source.endsWith('.ts') && !source.endsWith('.md'),
});
