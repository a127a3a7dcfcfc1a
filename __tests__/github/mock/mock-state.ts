import { randomBytes } from 'node:crypto'
import type {
  MockArtifact,
  MockCheckRun,
  MockComment,
  MockPull,
  MockUser,
  MockWorkflowRun
} from './mock-types.js'

/** Everything the mock GitHub holds; tests seed and inspect it directly. */
export class MockState {
  comments: MockComment[] = []
  checkRuns: MockCheckRun[] = []
  workflowRuns: MockWorkflowRun[] = []
  artifacts: MockArtifact[] = []
  pulls: MockPull[] = []
  /** Secret of the mock's signed blob links. */
  readonly blobSecret = randomBytes(8).toString('hex')
  /** Mock clock in epoch ms; rate-limit resets are computed from it. */
  nowMs: number
  private nextId = 1000
  private readonly repoIds = new Map<string, number>()

  /** @param nowMs starting clock, epoch ms */
  constructor(nowMs: number) {
    this.nowMs = nowMs
  }

  /** A fresh id, increasing like GitHub's. */
  newId(): number {
    return ++this.nextId
  }

  /** The current mock time as ISO 8601. */
  isoNow(): string {
    return new Date(this.nowMs).toISOString()
  }

  /** The numeric id of `owner/name`, assigned on first use. */
  repoId(fullName: string): number {
    const known = this.repoIds.get(fullName.toLowerCase())
    if (known !== undefined) return known
    const id = 500 + this.repoIds.size
    this.repoIds.set(fullName.toLowerCase(), id)
    return id
  }

  /** `owner/name` of a repository id, for `/repositories/{id}` links. */
  repoName(id: number): string | undefined {
    for (const [name, known] of this.repoIds) if (known === id) return name
    return undefined
  }

  /** Seeds a comment by `login` (default a human) and returns it. */
  addComment(seed: {
    repo: string
    issueNumber: number
    body: string
    login?: string
  }): MockComment {
    const now = this.isoNow()
    const comment: MockComment = {
      id: this.newId(),
      repo: seed.repo,
      issueNumber: seed.issueNumber,
      body: seed.body,
      user: userFor(seed.login ?? 'octocat'),
      created_at: now,
      updated_at: now
    }
    this.comments.push(comment)
    return comment
  }

  /** Comments of one issue, oldest first. */
  commentsOf(repo: string, issueNumber: number): MockComment[] {
    return this.comments.filter(
      c => sameRepo(c.repo, repo) && c.issueNumber === issueNumber
    )
  }

  /** Seeds a workflow run; unspecified fields get plausible values. */
  addWorkflowRun(
    seed: Partial<MockWorkflowRun> & { repo: string }
  ): MockWorkflowRun {
    const run: MockWorkflowRun = {
      id: this.newId(),
      name: 'GPU audit',
      path: '.github/workflows/audit.yml',
      workflow_id: 77,
      head_branch: 'main',
      head_sha: 'a'.repeat(40),
      event: 'push',
      status: 'completed',
      conclusion: 'success',
      run_attempt: 1,
      head_repository: { full_name: seed.repo },
      created_at: this.isoNow(),
      ...seed
    }
    this.workflowRuns.push(run)
    return run
  }

  /** Seeds an artifact of a run with its zip bytes. */
  addArtifact(seed: {
    repo: string
    runId: number
    name: string
    bytes: Uint8Array
    expired?: boolean
  }): MockArtifact {
    const artifact: MockArtifact = {
      id: this.newId(),
      expired: false,
      created_at: this.isoNow(),
      expires_at: new Date(this.nowMs + 90 * 86_400_000).toISOString(),
      ...seed
    }
    this.artifacts.push(artifact)
    return artifact
  }

  /** Seeds a pull request. */
  addPull(
    seed: Omit<MockPull, 'merge_commit_sha' | 'state'> & Partial<MockPull>
  ): MockPull {
    const pull: MockPull = { state: 'open', merge_commit_sha: null, ...seed }
    this.pulls.push(pull)
    return pull
  }
}

/** The user object GitHub embeds for a login; `[bot]` logins are bots. */
export function userFor(login: string): MockUser {
  const bot = login.endsWith('[bot]')
  return { login, id: bot ? 41898282 : 583231, type: bot ? 'Bot' : 'User' }
}

/** GitHub treats owner and repository names case-insensitively. */
export function sameRepo(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}
