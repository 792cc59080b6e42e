// Types of redis-process.mjs for the TypeScript tests (e2e/team-sync.spec.ts).
export const redisServerPath: string;
export function hasRedis(): boolean;
export function freePort(): Promise<number>;
export function startRedis(): Promise<{ url: string; stop(): Promise<void> }>;
