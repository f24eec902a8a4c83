import { startScimIam } from './startScimIam';

/** The test IAM as its own process: `npx tsx test/support/scimIam/main.ts --port N --token T`. */
const argument = (name: string) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
};
const port = Number(argument('--port') ?? '0');
const token = argument('--token');
const iam = await startScimIam({ port, ...(token === undefined ? {} : { token }) });
console.log(`SCIM IAM ready: ${iam.url}`);
process.on('SIGTERM', () => void iam.stop().then(() => process.exit(0)));
