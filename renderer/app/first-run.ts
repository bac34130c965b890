// First run opens the setup wizard; finishing or skipping it marks setup done on this machine.
const KEY = 'onramp.setupDone';

export function setupDone(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    return true; // no storage: do not trap the person in the wizard on every start
  }
}

export function markSetupDone(): void {
  try {
    window.localStorage.setItem(KEY, '1');
  } catch {
    /* see setupDone */
  }
}
