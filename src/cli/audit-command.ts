import { runAudit } from '../audit/run-audit.js'
import type { AuditResult } from '../audit/audit-schema.js'
import { renderMarkdown } from '../report/render-markdown.js'
import { renderText } from '../report/render-text.js'
import { type OutputFormat, parseAuditArgs } from './audit-flags.js'
import { EXIT } from './exit-codes.js'
import { auditHelp } from './help.js'
import { writeOutput } from './write-output.js'

/** `audit FILE|DIR...`: the main job. */
export async function runAuditCommand(args: string[]): Promise<number> {
  const command = parseAuditArgs(args)
  if (command.help) {
    process.stdout.write(auditHelp())
    return EXIT.ok
  }
  const result = await runAudit(command.paths, command.options)
  await writeOutput(renderResult(result, command.format), command.out)
  return EXIT.ok
}

/**
 * An audit result in the chosen output format; `text` defaults to the
 * terminal summary (`compare` passes its own).
 */
export function renderResult(
  result: AuditResult,
  format: OutputFormat,
  text: (result: AuditResult) => string = renderText
): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(result, null, 2)}\n`
    case 'markdown':
      return renderMarkdown(result)
    case 'text':
      return text(result)
  }
}
