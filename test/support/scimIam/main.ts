import { startScimIam } from './startScimIam';

/**
 * The test IAM as its own process: `npx tsx test/support/scimIam/main.ts --port N --token T
 * [--seed-users N]` (N Users `u-<i>`, externalId `H<i>`, for benchmarks). Prints its address.
 */
const argument = (name: string) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
};
const port = Number(argument('--port') ?? '0');
const token = argument('--token');
const seedUsers = Number(argument('--seed-users') ?? '0');
const users = Array.from({ length: seedUsers }, (_, index) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  id: `u-${index}`,
  userName: `user${index}`,
  externalId: `H${index}`,
  name: { familyName: `NOM${index}`, givenName: `Prénom${index}` },
  emails: [{ value: `user${index}@chu.example`, type: 'work' }],
}));
const iam = await startScimIam({ port, users, trustedSeed: true, ...(token === undefined ? {} : { token }) });
console.log(`SCIM IAM ready: ${iam.url}`);
process.on('SIGTERM', () => void iam.stop().then(() => process.exit(0)));
