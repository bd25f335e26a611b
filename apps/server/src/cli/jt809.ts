/** `jtgov jt809 …`: to be implemented with packages/jt809. */
export async function run(args: readonly string[]): Promise<number> {
  console.error(`jtgov jt809: not implemented yet (${args.join(' ')})`);
  return 2;
}
