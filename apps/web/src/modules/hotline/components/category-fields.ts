/** The category's fields as entered, without empty ones. */
export function cleanFields(fields: Record<string, string | undefined> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields ?? {})) if (v?.trim()) out[k] = v.trim();
  return out;
}
