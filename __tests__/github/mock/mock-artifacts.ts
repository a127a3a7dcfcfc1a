import { createHash } from 'node:crypto'
import {
  type MockContext,
  type MockReply,
  type MockRouteDef,
  getRoute,
  json,
  notFound,
  paginate,
  repoOf
} from './mock-http.js'
import { sameRepo } from './mock-state.js'
import type { MockArtifact } from './mock-types.js'

const REPO = '/repos/([^/]+)/([^/]+)'

/** Path of the signed blob links, outside the API prefix like a CDN. */
export const BLOB_PATH = /^\/_blob\/artifacts\/(\d+)$/

/** Artifact routes: lists, one artifact, and the zip redirect. */
export const artifactRoutes: MockRouteDef[] = [
  getRoute(
    'artifacts.listForRun',
    `${REPO}/actions/runs/(\\d+)/artifacts`,
    ctx => listArtifacts(ctx, a => a.runId === Number(ctx.params[2]))
  ),
  getRoute('artifacts.list', `${REPO}/actions/artifacts`, ctx =>
    listArtifacts(ctx, () => true)
  ),
  getRoute('artifacts.get', `${REPO}/actions/artifacts/(\\d+)`, getArtifact),
  getRoute(
    'artifacts.download',
    `${REPO}/actions/artifacts/(\\d+)/zip`,
    redirectToBlob
  )
]

/** GET …/actions/artifacts/{id}. */
function getArtifact(ctx: MockContext): MockReply {
  const artifact = findArtifact(ctx)
  return artifact ? json(200, artifactJson(ctx, artifact)) : notFound()
}

/** Artifacts newest first, with the `name` filter. */
function listArtifacts(
  ctx: MockContext,
  keep: (a: MockArtifact) => boolean
): MockReply {
  const name = ctx.query.get('name')
  const items = ctx.state.artifacts
    .filter(a => sameRepo(a.repo, repoOf(ctx)) && keep(a))
    .filter(a => name === null || a.name === name)
    .sort((a, b) => b.id - a.id)
    .map(a => artifactJson(ctx, a))
  return paginate(ctx, items, (page, total) => ({
    total_count: total,
    artifacts: page
  }))
}

/** 302 to a signed blob link; 410 once the artifact has expired. */
function redirectToBlob(ctx: MockContext): MockReply {
  const artifact = findArtifact(ctx)
  if (!artifact) return notFound()
  if (artifact.expired) {
    return json(410, {
      message: 'Artifact has expired',
      documentation_url:
        'https://docs.github.com/rest/actions/artifacts#download-an-artifact',
      status: '410'
    })
  }
  const sig = blobSignature(ctx.state.blobSecret, artifact.id)
  const location = `${ctx.origin}/_blob/artifacts/${artifact.id}?sig=${sig}`
  return { status: 302, headers: { location } }
}

/** The blob: bytes for a correctly signed link, else 403 like storage. */
export function serveBlob(ctx: MockContext, id: number): MockReply {
  const artifact = ctx.state.artifacts.find(a => a.id === id)
  const sig = ctx.query.get('sig')
  if (!artifact || sig !== blobSignature(ctx.state.blobSecret, id)) {
    return { status: 403, raw: Buffer.from('AuthenticationFailed') }
  }
  return {
    status: 200,
    raw: artifact.bytes,
    headers: { 'content-type': 'application/zip' }
  }
}

/** Signature of a blob link. */
function blobSignature(secret: string, id: number): string {
  return createHash('sha256')
    .update(`${secret}:${id}`)
    .digest('hex')
    .slice(0, 32)
}

/** The artifact of the path, if in this repository. */
function findArtifact(ctx: MockContext): MockArtifact | undefined {
  const id = Number(ctx.params[2])
  return ctx.state.artifacts.find(
    a => a.id === id && sameRepo(a.repo, repoOf(ctx))
  )
}

/** An artifact as the API returns it. */
function artifactJson(ctx: MockContext, a: MockArtifact): object {
  const api = `${ctx.apiUrl}/repos/${a.repo}/actions/artifacts/${a.id}`
  const run = ctx.state.workflowRuns.find(r => r.id === a.runId)
  return {
    id: a.id,
    node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
    name: a.name,
    size_in_bytes: a.bytes.length,
    url: api,
    archive_download_url: `${api}/zip`,
    expired: a.expired,
    created_at: a.created_at,
    updated_at: a.created_at,
    expires_at: a.expires_at,
    digest: `sha256:${createHash('sha256').update(a.bytes).digest('hex')}`,
    workflow_run: {
      id: a.runId,
      repository_id: ctx.state.repoId(a.repo),
      head_repository_id: ctx.state.repoId(
        run?.head_repository.full_name ?? a.repo
      ),
      head_branch: run?.head_branch ?? null,
      head_sha: run?.head_sha ?? null
    }
  }
}
