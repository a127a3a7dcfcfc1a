import { listNodeProfiles, WORKLOAD_NAMES } from '../calibration/index.js'
import { FORMATS } from '../telemetry/formats/index.js'

/** `--help` of the whole CLI. */
export function mainHelp(): string {
  return `EcoCompute: energy, carbon and cost of GPU workloads from real telemetry.

Usage: node dist/cli.js COMMAND [options]

Commands:
  audit FILE|DIR...     audit telemetry files (every telemetry file of a DIR)
  collect -- CMD ARGS   run CMD and record the node's GPU and CPU telemetry
  compare BASE HEAD     compare two audit results and apply the carbon gates
  data list|show        the calibration records (GPUs, nodes, workloads, regions,
                        prices) and their sources
  estimate              plan a run (time, energy, carbon, cost, what-ifs) or recompute a published footprint
                        (--gpu-hours, --power-w, --pue, --intensity)
  validate FILE...      check files: detected format, devices, time span, problems

Run "node dist/cli.js COMMAND --help" for a command's options.
Exit codes: 0 ok (warnings and rejected rows included), 1 no usable data or
unreadable input, 2 usage error, 3 a compare gate failed.
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
                                recognised from GPU model and count); one of:
                                ${listNodeProfiles()
                                  .map(p => p.id)
                                  .join(', ')}
  --workload W                  workload class for α_w (default generic); one of:
                                ${WORKLOAD_NAMES.join(', ')}
  --pue X                       facility PUE from 1 to 3 (default: the cloud
                                provider's, else the industry average; named
                                in the output)
  --region R                    country (SE), grid zone (SE3, US-CAL-CISO) or
                                cloud region (aws:eu-north-1); default: the
                                file's country, else the world average

Cost (no price, no cost; never a guessed one):
  --electricity-price USD_PER_KWH   price of facility energy, 0 to 100
  --gpu-hour-price USD              price of one GPU-hour, 0 to 10000

Examples:
  node dist/cli.js audit examples/h100x2-smoke-train.csv --region SE
  node dist/cli.js audit run.csv --columns timestamp=0,power.draw=6
  node dist/cli.js audit dmon.txt --interval-ms 50 --gpu h100-sxm --format json
  node dist/cli.js audit logs/ --format markdown --out report.md

Exit codes: 0 ok (warnings and rejected rows included), 1 no usable data or
unreadable input, 2 usage error. GPU model ids are listed when --gpu names
an unknown one.
`
}

/** `validate --help`. */
export function validateHelp(): string {
  return `Usage: node dist/cli.js validate FILE... [--input-format NAME]
                                 [--timezone ZONE] [--interval-ms N] [--columns MAP]
                                 [--format text|json]

Reads each file and reports its detected format, devices, time span, rejected
rows and warnings, without computing energy totals. Exit code 1 when any file
is not usable. Formats:
${formatList()}
`
}

/** One line per format for the help texts. */
function formatList(): string {
  return FORMATS.map(
    format => `      ${format.name.padEnd(18)} ${format.description}`
  ).join('\n')
}
