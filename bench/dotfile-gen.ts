// Big, realistic dotfiles for the scale benchmark: a gitconfig, a netrc and an ssh config of
// `lines` lines each, built from the shapes real ones have (per-host url/http/credential
// sections, one-line and multi-line netrc entries with comments, Host and Match blocks).

function fill(
  lines: number,
  header: string[],
  block: (i: number) => string[],
  footer: string[] = [],
): string {
  const out = [...header];
  for (let i = 0; out.length < lines - footer.length; i++) out.push(...block(i));
  out.length = Math.min(out.length, lines - footer.length);
  out.push(...footer);
  return `${out.join('\n')}\n`;
}

export function bigGitconfig(lines: number): string {
  return fill(
    lines,
    [
      '# ~/.gitconfig',
      '[user]',
      '\tname = Dev Eloper',
      '\temail = dev@corp.example',
      '[core]',
      '\teditor = vim',
    ],
    (i) => [
      `# team ${i}`,
      `[url "https://git${i}.corp.example/"]`,
      `\tinsteadOf = git@git${i}.corp.example:`,
      `[http "https://git${i}.corp.example/"]`,
      `\tsslCAInfo = /etc/ssl/corp/ca${i % 7}.pem`,
      `[credential "https://git${i}.corp.example"]`,
      `\tusername = dev${i}`,
      `[alias]`,
      `\tco${i} = checkout`,
      `\tst${i} = status -sb`,
    ],
  );
}

export function bigNetrc(lines: number): string {
  return fill(
    lines,
    ['# ~/.netrc'],
    (i) =>
      i % 3 === 0
        ? [`machine h${i}.corp.example login user${i} password tok${i}x${(i * 7919) % 10007}`]
        : i % 3 === 1
          ? [`# h${i}`, `machine h${i}.corp.example`, `  login user${i}`, `  password tok${i}y${i % 97}`]
          : [`machine h${i}.corp.example login user${i}`, `    password tok${i}z`, ''],
    ['default login anonymous password guest'],
  );
}

export function bigSshConfig(lines: number): string {
  return fill(
    lines,
    ['# ~/.ssh/config', 'ServerAliveInterval 30', 'AddKeysToAgent yes', ''],
    (i) =>
      i % 10 === 9
        ? [`Match host *.zone${i}.corp.example user git`, `    IdentityFile ~/.ssh/id_zone${i}`, '']
        : [
            `# host ${i}`,
            `Host box${i} box${i}.corp.example`,
            `    HostName 10.${(i >> 8) & 255}.${i & 255}.1`,
            `    User git`,
            `    Port ${22 + (i % 3)}`,
            `    IdentityFile ~/.ssh/id_${i % 11}`,
            `    IdentitiesOnly yes`,
            '',
          ],
    ['Host *', '    ForwardAgent no'],
  );
}
