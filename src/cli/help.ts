import { FORMATS } from '../telemetry/formats/index.js'

/** `--help` of the whole CLI. */
export function mainHelp(): string {
  return `EcoCompute: energy, carbon and cost of GPU workloads from real telemetry.

Usage: node dist/cli.js COMMAND [options]

Commands:
  audit FILE|DIR...     audit telemetry files (every telemetry file of a DIR)
  validate FILE...      check files: detected format, devices, time span, problems

Run "node dist/cli.js COMMAND --help" for a command's options.
Exit codes: 0 ok (warnings and rejected rows included), 1 no usable data or
unreadable input, 2 usage error.
`
}

/** `audit --help`. */
export function auditHelp(): string {
  return `Usage: node dist/cli.js audit FILE|DIR... [options]

Output:
  --format text|json|markdown   terminal summary (default), ecocompute.audit/v1
                                JSON, or the Markdown report
  --out FILE                    write there instead of standard output

Reading the files:
  --input-format NAME           skip auto-detection; one of:
${formatList()}
  --timezone ZONE               IANA zone of timestamps without an offset
                                (default UTC), e.g. America/Los_Angeles
  --interval-ms N               sampling interval for files without timestamps
                                (dcgmi dmon -d N, nvidia-smi dmon -d N)
  --columns MAP                 map fields to header names or 0-based positions,
                                e.g. timestamp=0,power.draw=6,gpu=gpu_id

Model:
  --gpu MODEL                   accelerator model for files that do not name it
                                (e.g. h100-sxm, a100-sxm4-80gb)
  --node-profile ID             node profile for the L3 model (default:
                                recognised from GPU model and count)
  --workload W                  workload class for α_w (default generic)
  --pue X                       facility PUE (default: provider or industry
                                average, named in the output)
  --region R                    country (SE), grid zone (SE3, US-CAL-CISO) or
                                cloud region (aws:eu-north-1); default: the
                                file's country, else the world average

Cost:
  --electricity-price USD_PER_KWH
  --gpu-hour-price USD
`
}

/** `validate --help`. */
export function validateHelp(): string {
  return `Usage: node dist/cli.js validate FILE... [--input-format NAME]
                                 [--timezone ZONE] [--interval-ms N] [--columns MAP]
                                 [--format text|json]

Reads each file and reports its detected format, devices, time span, rejected
rows and warnings, without computing energy totals. Formats:
${formatList()}`
}

/** One line per format for the help texts. */
function formatList(): string {
  return FORMATS.map(
    format => `      ${format.name.padEnd(18)} ${format.description}`
  ).join('\n')
}
