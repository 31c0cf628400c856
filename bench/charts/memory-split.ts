import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { chartThreadMemory } from '../../src/charts/thread-pool';

// Where the process's memory sits, so that growth over many pictures can be pinned on its cause: the V8 heaps of
// the main thread and of the chart thread (resident pages), memory V8 counts outside its heaps (external: buffers,
// resvg's PNGs), the files mapped (code, the fonts), and native memory outside V8 (RSS minus all of those: resvg's
// pixmaps, glibc's arenas, thread stacks). glibc's arenas are read from /proc/self/smaps: the main arena is [heap],
// each other arena a 64 MB-aligned anonymous block of its own.

const ARENA = 64n << 20n;

/** Resident bytes in glibc's malloc arenas, and how many arenas there are. */
function arenas(): { bytes: number; count: number } {
  let bytes = 0;
  let inArena = false;
  const bases = new Set<bigint>();
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const m = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (m) {
      const start = BigInt(`0x${m[1]}`);
      const size = BigInt(`0x${m[2]}`) - start;
      const name = m[4] ?? '';
      const base = start - (start % ARENA);
      // An arena's heap starts on a 64 MB boundary; the rest of its 64 MB follows as further mappings.
      if (!name && start % ARENA === 0n && size <= ARENA && m[3]!.startsWith('rw')) bases.add(base);
      inArena = name === '[heap]' || (!name && bases.has(base));
      continue;
    }
    const rss = inArena && /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) bytes += Number(rss[1]) * 1024;
  }
  return { bytes, count: bases.size + 1 };
}

const statusKb = (field: string) =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;

export interface MemorySplit {
  rss: number;
  mainHeap: number;
  threadHeap: number;
  threadHeapUsed: number;
  /** Counted by V8 outside its heaps, both threads. */
  external: number;
  files: number;
  /** RSS outside V8 and outside mapped files. */
  native: number;
  arenas: number;
  arenaCount: number;
}

/** The process's memory, split; the chart thread must be running. */
export async function memorySplit(): Promise<MemorySplit> {
  const t = await chartThreadMemory();
  if (!t) throw new Error('memorySplit: no chart thread');
  const m = process.memoryUsage();
  const mainHeap = getHeapStatistics().total_physical_size;
  const files = statusKb('RssFile') + statusKb('RssShmem');
  const external = m.external + t.external;
  const a = arenas();
  return {
    rss: m.rss,
    mainHeap,
    threadHeap: t.heapPhysical,
    threadHeapUsed: t.heapUsed,
    external,
    files,
    native: m.rss - mainHeap - t.heapPhysical - external - files,
    arenas: a.bytes,
    arenaCount: a.count,
  };
}
