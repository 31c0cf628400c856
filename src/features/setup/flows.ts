// The walk-through has no flow of its own: each step is its area's own conversation (with its own flow), and where
// the admin is in the walk-through is read from the steps themselves (the first one not done), so nothing of it can
// be lost or go stale across a restart.
export {};
