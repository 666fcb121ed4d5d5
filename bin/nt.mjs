#!/usr/bin/env node
// The `nt` command: runs the TypeScript CLI through tsx, so that it needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
