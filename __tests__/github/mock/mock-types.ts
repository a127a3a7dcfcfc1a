/**
 * Shapes the mock GitHub server keeps and records. Field names follow the
 * GitHub REST API (snake_case) so handlers can return them as they are.
 */

/** Every route the mock answers; faults are programmed per route. */
export const MOCK_ROUTES = [
  'comments.list',
  'comments.create',
  'comments.get',
  'comments.update',
  'comments.delete',
  'checks.create',
  'checks.update',
  'checks.get',
  'checks.listForRef',
  'runs.list',
  'runs.listForWorkflow',
  'runs.get',
  'artifacts.listForRun',
  'artifacts.list',
  'artifacts.get',
  'artifacts.download',
  'blob.download',
  'pulls.list',
  'pulls.get',
  'pulls.forCommit',
  'users.me'
] as const
/** One of MOCK_ROUTES. */
export type MockRoute = (typeof MOCK_ROUTES)[number]

/** A programmed misbehaviour, served instead of (or into) the next answers. */
export type MockFault =
  | { kind: 'forbidden' }
  | { kind: 'secondary-rate-limit'; retryAfterS: number }
  | { kind: 'rate-limit'; status: 403 | 429; resetInS: number }
  | { kind: 'server-error'; status?: 500 | 502 | 503; message?: string }
  | { kind: 'unprocessable'; message?: string }
  | { kind: 'status'; status: number; message?: string }
  | { kind: 'drop-connection' }
  | { kind: 'mangle-body'; body?: string }

/** One request as the mock saw it. */
export interface RecordedRequest {
  method: string
  /** Path as sent, prefix included, without the query. */
  path: string
  route?: MockRoute
  query: Record<string, string>
  body: unknown
  /** An Authorization header was present (right or wrong). */
  authPresent: boolean
  /** Raw Authorization header, for masking assertions. */
  authorization?: string
  status?: number
}

/** A GitHub user or bot as embedded in objects. */
export interface MockUser {
  login: string
  id: number
  type: 'User' | 'Bot'
}

/** An issue or pull-request comment. */
export interface MockComment {
  id: number
  repo: string
  issueNumber: number
  body: string
  user: MockUser
  created_at: string
  updated_at: string
}

/** A check run. */
export interface MockCheckRun {
  id: number
  repo: string
  name: string
  head_sha: string
  external_id: string | null
  status: string
  conclusion: string | null
  details_url: string | null
  completed_at: string | null
  output: { title: string | null; summary: string | null; text: string | null }
}

/** A workflow run. */
export interface MockWorkflowRun {
  id: number
  repo: string
  name: string
  path: string
  workflow_id: number
  head_branch: string
  head_sha: string
  event: string
  status: string
  conclusion: string | null
  run_attempt: number
  head_repository: { full_name: string }
  created_at: string
}

/** A workflow artifact and its zip bytes. */
export interface MockArtifact {
  id: number
  repo: string
  name: string
  runId: number
  expired: boolean
  bytes: Uint8Array
  created_at: string
  expires_at: string
}

/** A pull request. */
export interface MockPull {
  number: number
  repo: string
  state: 'open' | 'closed'
  head: { ref: string; sha: string; repo: string }
  base: { ref: string; sha: string; repo: string }
  merge_commit_sha: string | null
}
