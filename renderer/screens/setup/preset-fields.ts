// Which answers a preset asks for. The list of presets comes from main (profile.presets); what
// each one leaves open (a server URL for self-hosted kinds, fingerprints for ssh to a server
// whose keys are not published) is read from the same definitions main uses.
import { presets, type PresetName } from '../../../main/common/profile/presets';

export interface PresetFields {
  url: boolean;
  /** SaaS presets scope GOPRIVATE to an org, so it is required there */
  orgRequired: boolean;
  /** ssh needs fingerprints the person supplies */
  fingerprints: boolean;
}

export function presetFields(name: string): PresetFields {
  const def = (presets as Record<string, (typeof presets)[PresetName] | undefined>)[name];
  if (!def) return { url: true, orgRequired: false, fingerprints: true };
  return { url: def.url === undefined, orgRequired: def.url !== undefined, fingerprints: !def.fingerprints };
}
