// The checks a verification run can contain, and the command line each one runs.
export type VerifyStep =
  | { kind: 'git-ls-remote'; url: string }
  | { kind: 'go-list-versions'; module: string }
  | { kind: 'go-mod-download'; module: string }
  | { kind: 'go-get'; module: string; dir: string }
  | { kind: 'ssh-test'; host: string; user?: string; port?: number }
  | { kind: 'go-get-probe'; importPath: string }
  | { kind: 'dns'; host: string }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'tls'; host: string; port: number; caFiles: string[]; view: 'go' | 'git' };

export interface StepCommand {
  command: string;
  args: string[];
}

/** The tool command a step runs, or null for in-process probes. */
export function commandFor(step: VerifyStep): StepCommand | null {
  switch (step.kind) {
    case 'git-ls-remote':
      return { command: 'git', args: ['ls-remote', '--', step.url] };
    case 'go-list-versions':
      return { command: 'go', args: ['list', '-m', '-versions', '-json', step.module] };
    case 'go-mod-download':
      return { command: 'go', args: ['mod', 'download', '-x', '-json', step.module] };
    case 'go-get':
      return { command: 'go', args: ['get', step.module] };
    case 'ssh-test': {
      const args = ['-T', '-o', 'BatchMode=yes', '-o', 'ControlMaster=no'];
      if (step.port) args.push('-p', String(step.port));
      args.push(`${step.user ?? 'git'}@${step.host}`);
      return { command: 'ssh', args };
    }
    default:
      return null;
  }
}

export function stepTitle(step: VerifyStep): string {
  const c = commandFor(step);
  if (c) return [c.command, ...c.args].join(' ');
  switch (step.kind) {
    case 'go-get-probe':
      return `GET https://${step.importPath}?go-get=1`;
    case 'dns':
      return `resolve ${step.host}`;
    case 'tcp':
      return `connect ${step.host}:${step.port}`;
    case 'tls':
      return `TLS ${step.host}:${step.port} as ${step.view} sees it`;
    default:
      return step.kind;
  }
}
