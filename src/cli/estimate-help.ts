import { PLAN_PRESETS } from '../estimate/plan-presets.js'
import { PARAMETERISED_WHAT_IFS, WHAT_IFS } from '../estimate/plan-what-ifs.js'

/** `estimate --help`. */
export function estimateHelp(): string {
  return `Usage: node dist/cli.js estimate --params N --tokens N --gpu ID --gpus N [options]
       node dist/cli.js estimate --preset NAME [options]
       node dist/cli.js estimate --gpu-hours N --power-w W --intensity G [options]

Plans a run (time = FLOPs ÷ (GPUs × peak × MFU), energy by the grounded
model with host power and PUE, carbon from the region, every default named
with its source and bounds), or recomputes a footprint from the inputs papers
and model cards publish (energy = GPU-hours × W × PUE). The result is
ecocompute.estimate/v1, whose energy, carbon and cost blocks are those of the
audit JSON. The two modes do not mix.

Planning:
  --params N                    parameters (active parameters for MoE), e.g. 7e9
  --tokens N                    training tokens, or tokens per day for inference
  --gpu ID                      accelerator id or alias, e.g. h100-sxm, a100
  --gpus N                      number of GPUs
  --kind training|inference     default training (6 FLOPs per parameter per
                                token; inference 2)
  --days N                      inference: days of serving (default 1)
  --region R                    country (SE), grid zone (SE3) or cloud region
                                (aws:eu-north-1); default the world average
  --mfu X                       model-FLOPs utilisation, 0 < X ≤ 1 (default:
                                the preset for the GPU, with its range)
  --utilisation X               power utilisation 0–1 between idle and max
                                power (default from measured node power)
  --power-cap-w W               power cap per GPU (60–100 % of max power; no
                                effect at or above the planned power)
  --peak-tflops T               peak per GPU (default the dense BF16 figure)
  --node-profile ID|none        host power (default recognised from the GPU)
  --workload W                  workload class for α_w (default llm-training,
                                or inference)
  --intensity G                 gCO2e/kWh instead of the region's
  --preset NAME                 start from a preset; flags override its fields;
                                --preset list describes them
  --what-if ID[,ID]             estimate changes next to the baseline

Published inputs:
  --gpu-hours N                 device hours, summed over devices
  --power-w W                   average power per device in W, as published
                                (often the TDP)
  --intensity G                 grid carbon intensity in gCO2e/kWh

Both modes:
  --pue X                       facility energy ÷ IT energy. Planning: 1 to 5
                                (default the cloud provider's, else the
                                industry average). Published: 1 to 3 (default
                                1: energy at the devices only, as when a card's
                                power figure already includes PUE)
  --gpu-hour-price USD          price of one GPU-hour (no price, no cost)
  --electricity-price USD       price of one kWh of facility energy
  --format text|json|markdown   summary (default), the JSON result, or
                                Markdown tables with every source; with
                                --what-if, json is {baseline, what_ifs, skipped}
  --out FILE                    write there instead of standard output
  --case-study                  print docs/case-study-llama-7b.md (Markdown
                                with text or markdown; with json its figures:
                                {baseline, realistic, gap, what_ifs, skipped})

${presetList()}
Examples:
  node dist/cli.js estimate --params 7e9 --tokens 2e12 --gpu h100-sxm --gpus 64 --region SE
  node dist/cli.js estimate --preset llama-7b-realistic --what-if flash-attention-2,region=FR
  node dist/cli.js estimate --gpu-hours 82432 --power-w 400 --pue 1.1 --intensity 385

Exit codes: 0 done, 1 the output could not be written, 2 usage error.
`
}

/** `estimate --preset list`: the presets and the what-ifs, with sources. */
export function presetList(): string {
  const rows: [string, string][] = [
    ...PLAN_PRESETS.map((p): [string, string] => [p.id, p.title]),
    ...WHAT_IFS.map((w): [string, string] => [w.id, w.title]),
    ...PARAMETERISED_WHAT_IFS.map((w): [string, string] => [
      `${w.id}=VALUE`,
      w.parameter
    ])
  ]
  // Two spaces past the longest id, so no id runs into its title.
  const width = 2 + Math.max(...rows.map(([id]) => id.length)) + 2
  const line = ([id, text]: [string, string]): string =>
    `  ${id.padEnd(width - 2)}${wrap(text, width).trimStart()}`
  const presets = PLAN_PRESETS.map(
    p => `${line([p.id, p.title])}\n${wrap(p.source, width)}`
  )
  const whatIfs = rows.slice(PLAN_PRESETS.length).map(line)
  return `Presets (--preset NAME):
${presets.join('\n')}

What-ifs (--what-if ID[,ID]):
${whatIfs.join('\n')}
`
}

/** Words wrapped to 80 columns, indented. */
function wrap(text: string, indent: number): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && indent + line.length + word.length + 1 > 80) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  lines.push(line)
  return lines.map(l => `${' '.repeat(indent)}${l}`).join('\n')
}
