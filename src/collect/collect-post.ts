import { runCollectPost } from './action-post.js'

/** Entry point of dist/collect-post.js (collect/action.yml `post`). */
await runCollectPost()
