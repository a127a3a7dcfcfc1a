/** `compare --help`. */
export function compareHelp(): string {
  return `Usage: node dist/cli.js compare BASE.json HEAD.json [options]

Compares two ecocompute.audit/v1 results (from audit --format json) and
applies the same gates as the action. Only the worse direction fails. Carbon
is compared; when base and head used different regions it is energy, and
when they used different PUE values it is IT energy before PUE. Different
GPU models or counts, or a different workload, are not comparable: neutral.

Gates (all off unless given):
  --max-increase P              fail when the change is above P percent
                                (10% or 10)
  --carbon-budget-kg X          fail when the head's carbon is above X kg CO2e,
                                unless the base was already above it and the
                                head is no worse
  --min-change FLOOR            noise floor: a change within it passes;
                                2%, 0.1kg or both (2%,0.1kg); a bare number is
                                a percentage
  --on-missing-baseline WHAT    neutral (default), fail or pass when BASE is
                                "none", does not exist or is empty

Output:
  --format text|json|markdown   short summary (default), the HEAD result with
                                its comparison filled in, or the Markdown report
  --out FILE                    write there instead of standard output

Examples:
  node dist/cli.js compare main.json pr.json --max-increase 10%
  node dist/cli.js compare main.json pr.json --carbon-budget-kg 2 --min-change 2%,0.05kg
  node dist/cli.js compare none pr.json --on-missing-baseline fail

Exit codes: 0 pass or neutral, 1 unreadable or invalid input (each schema
problem on its own line), 2 usage error, 3 a gate failed. Files above 10 MiB
are refused.
`
}
