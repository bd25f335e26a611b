/** `jtgov ais …`: to be implemented with packages/ais. */
export async function run(args: readonly string[]): Promise<number> {
  console.error(`jtgov ais: not implemented yet (${args.join(' ')})`);
  return 2;
}
