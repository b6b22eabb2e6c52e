// Small helpers shared by the command-line tools.

/** The value after `name` (`--out FILE` or `--out=FILE`), if given. */
export function argValue(name: string, argv = process.argv.slice(2)): string | undefined {
  const at = argv.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (at < 0) return undefined;
  return argv[at].includes('=') ? argv[at].slice(name.length + 1) : argv[at + 1];
}

/** The arguments that are neither flags nor a flag's value. */
export function positionalArgs(argv = process.argv.slice(2), flagsWithValue = ['--out']): string[] {
  const result: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (flagsWithValue.includes(arg)) index += 1;
    else if (!arg.startsWith('--')) result.push(arg);
  }
  return result;
}

/** 20261207-153000 in local time: sorts by time, safe in file names. */
export function stamp(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
