/** `data --help`. */
export function dataHelp(): string {
  return `Usage: node dist/cli.js data list [KIND] [--format text|json]
       node dist/cli.js data show ID [--format text|json]

Shows the calibration data bundled with EcoCompute, each record with its
source.

Commands:
  list [KIND]      one line per record: id, name, key numbers, source;
                   KIND is hardware, nodes, workloads, regions, prices or
                   equivalents (all when left out)
  show ID          one record in full, as JSON, with its source; ids are
                   as list prints them (h100-sxm, aws:us-east-1,
                   llm-training@hgx-h100-8gpu, pue:gcp, electricity:US)

Options:
  --format text|json   a table or record for people (default), or JSON
  -h, --help           this text

Examples:
  node dist/cli.js data list hardware
  node dist/cli.js data show mi300x
  node dist/cli.js data list prices --format json
`
}
