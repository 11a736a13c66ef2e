import { SIDES } from './sides';

/** Runs one side of one comparison and prints its figures (with this process's peak RSS) as one JSON line. */
async function main(): Promise<void> {
  const [name, json] = process.argv.slice(2);
  const load = name ? SIDES[name] : undefined;
  if (!load) throw new Error(`unknown side ${name}; use one of ${Object.keys(SIDES).join(', ')}`);
  const side = await load();
  const result = await side(JSON.parse(json ?? '{}'));
  process.stdout.write(JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
