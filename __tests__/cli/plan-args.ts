/** The realistic LLaMA-7B plan as CLI arguments, shared by the estimate tests. */
export const PLAN: readonly string[] = [
  'estimate',
  '--params',
  '7e9',
  '--tokens',
  '2e12',
  '--gpu',
  'h100-sxm',
  '--gpus',
  '64',
  '--region',
  'SE'
]

/** PLAN with one flag's value replaced (a flag may be given only once). */
export function planWith(flag: string, value: string): string[] {
  const args = [...PLAN]
  const at = args.indexOf(flag)
  if (at === -1) return [...args, flag, value]
  args[at + 1] = value
  return args
}
