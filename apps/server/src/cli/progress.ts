/** A one-line progress bar on stderr for long CLI work; silent when stderr is not a terminal. */
export function progressBar(label: string): { update(done: number, total: number): void; done(): void } {
  const tty = process.stderr.isTTY === true;
  let last = -1;
  return {
    update(done, total) {
      if (!tty) return;
      const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
      if (pct === last) return;
      last = pct;
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% (${done}/${total})`,
      );
    },
    done() {
      if (tty && last >= 0) process.stderr.write('\n');
    },
  };
}
