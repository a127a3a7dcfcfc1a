/** `estimate --help`. */
export function estimateHelp(): string {
  return `Usage: node dist/cli.js estimate --gpu-hours N --power-w W --intensity G [options]

Recomputes a footprint from the inputs papers and model cards publish:
energy = GPU-hours × W × PUE, carbon = energy × intensity. The result is
ecocompute.estimate/v1, whose energy, carbon and cost blocks are those of the
audit JSON. The planning mode (--params, --tokens, --gpu) is not available
yet.

Published inputs:
  --gpu-hours N                 device hours, summed over devices
  --power-w W                   average power per device in W, as published
                                (often the TDP)
  --pue X                       facility energy ÷ IT energy, 1 to 3 (default 1:
                                energy at the devices only, as when a card's
                                power figure already includes PUE)
  --intensity G                 grid carbon intensity in gCO2e/kWh

Cost (null unless given):
  --gpu-hour-price USD          price of one GPU-hour
  --electricity-price USD       price of one kWh of facility energy

Output:
  --format text|json|markdown   summary (default), the JSON result, or a
                                Markdown table
  --out FILE                    write there instead of standard output

Examples:
  node dist/cli.js estimate --gpu-hours 82432 --power-w 400 --pue 1.1 --intensity 385
  node dist/cli.js estimate --gpu-hours 1082990 --power-w 400 --intensity 57 --format json

Exit codes: 0 done, 1 the output could not be written, 2 usage error.
`
}
