/** `jtgov jt808 …`: to be implemented with packages/jt808. */
export async function run(args: readonly string[]): Promise<number> {
  console.error(`jtgov jt808: not implemented yet (${args.join(' ')})`);
  return 2;
}
