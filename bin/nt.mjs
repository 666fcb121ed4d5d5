#!/usr/bin/env node
// The `nt` command: runs the TypeScript CLI through tsx, so that it needs no build step. The project's own
// tsconfig is named, so the command works from any folder (JSX is hono's, not React's).
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/cli/index.ts');
