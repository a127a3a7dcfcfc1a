import {
  DEFAULT_INTERVAL_MS,
  INTERVAL_LIMITS_MS
} from '../collect/collect-config.js'
import { QUERY_TIMEOUT_MS } from '../collect/run-tool.js'

/** `collect --help`. */
export function collectHelp(): string {
  return `Usage: node dist/cli.js collect [options] -- COMMAND [ARGS...]

Runs COMMAND and records the node's power telemetry for its lifetime
(Linux): GPUs through one long-running nvidia-smi (and dcgmi dmon, for the
GPU energy counter, when it is on PATH), the CPU through RAPL energy
counters when readable, else its utilisation from /proc/stat (kept in
raw/ only when GPUs are sampled: the audit's host model covers it). Writes
ecocompute.telemetry/v1 JSON Lines, named after the node, which
"node dist/cli.js audit DIR" reads; the tools' raw output is kept under
DIR/raw/, which the audit skips.

Options:
  --interval-ms N     sampling interval, ${INTERVAL_LIMITS_MS.min} to ${INTERVAL_LIMITS_MS.max} (default ${DEFAULT_INTERVAL_MS})
  --out DIR           output folder (default ecocompute-telemetry); one
                      shared folder serves every node of a cluster job
  --name NAME         file name prefix (default telemetry): NAME-NODE.jsonl
  --gpus WHICH        auto (default: CUDA_VISIBLE_DEVICES when set, else
                      all), all, none, or nvidia-smi indices / GPU UUIDs
                      separated by commas; one nvidia-smi does not list
                      is an error (exit 125) naming the GPUs there are
  --fields F,G        more nvidia-smi --query-gpu fields for the raw
                      output; one the driver refuses is left out with a
                      warning

The node name is ECOCOMPUTE_HOST, else Slurm's SLURMD_NODENAME, else the
hostname. Without a GPU (none there, no permission to query it, nvidia-smi
silent for ${QUERY_TIMEOUT_MS / 1000} s, or CUDA_VISIBLE_DEVICES selecting none) a warning
says why and the CPU is recorded alone.

Examples:
  node dist/cli.js collect -- python train.py --epochs 1
  srun node dist/cli.js collect --out /shared/run42 -- python train.py
  node dist/cli.js audit ecocompute-telemetry --region SE

Exit code: the command's own, or 128 + N when signal N ended it (SIGINT,
SIGTERM and SIGHUP are passed on to it; one that comes while collect is
starting stops it at once, writes what was recorded, and the command is
not run); 125 when collect itself failed (a bad option, an output folder
it cannot make, a --gpus id that names no GPU, telemetry not written),
126 when the command could not be run, 127 when it was not found.
`
}
