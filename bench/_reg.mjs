import { register } from 'node:module';
register('./_count.mjs', import.meta.url);
