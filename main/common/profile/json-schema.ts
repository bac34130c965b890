// The published JSON Schema (schema/onramp-profile.v1.schema.json) is generated from the zod
// schema, so the two cannot drift; test/profile/schema-file.test.ts fails when the file is stale
// and rewrites it with ONRAMP_WRITE_SCHEMA=1. Rules JSON Schema cannot express (URL parsing, Go
// pattern syntax, cross-field checks, duplicate keys) are enforced only by Onramp; the
// description says so.
import { z } from 'zod';
import { PROFILE_SIG_NAMESPACE } from './signature';
import { profileSchema } from './schema';

export const PROFILE_SCHEMA_ID = 'urn:onramp:schema:profile:v1';

export function profileJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(profileSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: PROFILE_SCHEMA_ID,
    title: 'Onramp team profile, version 1',
    description:
      'What an organisation publishes so developer machines and CI jobs can fetch its private Go modules. ' +
      'Onramp also checks what JSON Schema cannot: URLs must parse as https without credentials, module ' +
      'patterns must be valid Go globs, ssh hosts must publish host keys or fingerprints, keys must not ' +
      `repeat. Sign a profile with: ssh-keygen -Y sign -f KEY -n ${PROFILE_SIG_NAMESPACE} profile.json`,
    ...rest,
  };
}
