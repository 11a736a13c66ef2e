import { z } from 'zod';

/**
 * zod compiles object parsers with `new Function` when it may; the renderer's CSP
 * forbids eval, and probing it alone reports a violation. Interpreted parsing is
 * fast enough for requests of a few hundred bytes.
 */
z.config({ jitless: true });
