import { GitHubApiError } from './github-errors.js'
import type { GitHubRestClient, PageList } from './rest-client.js'

/** The fields of an issue comment this layer reads. */
export interface IssueComment {
  id: number
  body?: string | null
  user?: { login: string } | null
  html_url?: string
  created_at?: string
  updated_at?: string
}

/** An issue or pull request: comments live on the issue side of both. */
export interface IssueRef {
  owner: string
  repo: string
  issueNumber: number
}

/** `/repos/{owner}/{repo}` with both parts encoded. */
export function repoPath(owner: string, repo: string): string {
  return `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`
}

/** Every comment of an issue, oldest first, across all pages. */
export function listIssueComments(
  client: GitHubRestClient,
  ref: IssueRef
): Promise<PageList<IssueComment>> {
  const path = `${repoPath(ref.owner, ref.repo)}/issues/${ref.issueNumber}/comments`
  return client.paginate<IssueComment>(path)
}

/** Posts a new comment. */
export async function createIssueComment(
  client: GitHubRestClient,
  ref: IssueRef,
  body: string
): Promise<IssueComment> {
  const path = `${repoPath(ref.owner, ref.repo)}/issues/${ref.issueNumber}/comments`
  const response = await client.request<IssueComment>({
    method: 'POST',
    path,
    body: { body }
  })
  return response.data
}

/** Replaces a comment's body. */
export async function updateIssueComment(
  client: GitHubRestClient,
  ref: IssueRef,
  commentId: number,
  body: string
): Promise<IssueComment> {
  const response = await client.request<IssueComment>({
    method: 'PATCH',
    path: `${repoPath(ref.owner, ref.repo)}/issues/comments/${commentId}`,
    body: { body }
  })
  return response.data
}

/** One comment, or undefined when it no longer exists (404). */
export async function getIssueComment(
  client: GitHubRestClient,
  ref: IssueRef,
  commentId: number
): Promise<IssueComment | undefined> {
  try {
    const response = await client.request<IssueComment>({
      method: 'GET',
      path: `${repoPath(ref.owner, ref.repo)}/issues/comments/${commentId}`
    })
    return response.data
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 404) {
      return undefined
    }
    throw error
  }
}

/** Deletes a comment; false when it was already gone (404). */
export async function deleteIssueComment(
  client: GitHubRestClient,
  ref: IssueRef,
  commentId: number
): Promise<boolean> {
  try {
    await client.request({
      method: 'DELETE',
      path: `${repoPath(ref.owner, ref.repo)}/issues/comments/${commentId}`
    })
    return true
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 404) return false
    throw error
  }
}
