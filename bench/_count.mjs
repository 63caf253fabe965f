export async function resolve(spec, ctx, next) { const r = await next(spec, ctx); globalThis.__n = (globalThis.__n||0)+1; if (process.env.SHOW) console.error('R', r.url); return r; }
