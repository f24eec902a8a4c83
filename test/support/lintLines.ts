import { ESLint } from 'eslint';

/** The lines where the project's lint config reports a message starting with `prefix`, for `code` as if it lived at `filePath`. */
export async function lintLines(code: string, filePath: string, prefix: string): Promise<number[]> {
  const [result] = await new ESLint({ cwd: process.cwd() }).lintText(`${code}\n`, { filePath });
  return result!.messages.filter((message) => message.message.startsWith(prefix)).map((message) => message.line);
}
