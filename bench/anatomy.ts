// What holds a process's RSS, read from /proc/self/smaps (Linux; elsewhere every figure is null): mapped files (the
// node binary with its ICU data, native addons, other files), glibc malloc — the main arena ([heap]) and the 64 MB
// arenas glibc gives other threads — and the rest of the anonymous memory: the V8 heaps of every isolate (the main
// one and each worker thread's), thread stacks and large buffers. The main isolate's own heap is V8's figure, so
// "other anon minus main heap" is, near enough, what the worker threads' isolates hold.
import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';

export interface Anatomy {
  node_binary_mb: number | null;
  addons_mb: number | null;
  other_files_mb: number | null;
  malloc_main_mb: number | null;
  malloc_arenas_mb: number | null;
  malloc_arenas: number | null;
  other_anon_mb: number | null;
  main_heap_mb: number;
  threads: number | null;
}

const ARENA = 64 * 2 ** 20; // glibc's HEAP_MAX_SIZE on 64-bit: each thread arena is one aligned 64 MB reservation
const mb = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;

interface Mapping {
  start: number;
  end: number;
  perms: string;
  path: string;
  rss: number;
}

function mappings(): Mapping[] {
  const out: Mapping[] = [];
  let cur: Mapping | undefined;
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      cur = {
        start: Number.parseInt(head[1]!, 16),
        end: Number.parseInt(head[2]!, 16),
        perms: head[3]!,
        path: head[4]!,
        rss: 0,
      };
      out.push(cur);
    } else if (cur && line.startsWith('Rss:')) cur.rss = Number(/(\d+)/.exec(line)![1]) * 1024;
  }
  return out;
}

/** RSS by holder, now. */
export function anatomy(): Anatomy {
  const mainHeap = mb(getHeapStatistics().total_physical_size);
  let maps: Mapping[];
  let threads: number | null = null;
  try {
    maps = mappings();
    threads = Number(/^Threads:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
  } catch {
    const none = null;
    return {
      node_binary_mb: none,
      addons_mb: none,
      other_files_mb: none,
      malloc_main_mb: none,
      malloc_arenas_mb: none,
      malloc_arenas: none,
      other_anon_mb: none,
      main_heap_mb: mainHeap,
      threads,
    };
  }
  const exe = process.execPath;
  let nodeBinary = 0;
  let addons = 0;
  let files = 0;
  let mallocMain = 0;
  let arenas = 0;
  let arenaCount = 0;
  let otherAnon = 0;
  for (let i = 0; i < maps.length; i++) {
    const m = maps[i]!;
    if (m.path.startsWith('/')) {
      if (m.path === exe) nodeBinary += m.rss;
      else if (m.path.endsWith('.node') || m.path.includes('.so')) addons += m.rss;
      else files += m.rss;
    } else if (m.path === '[heap]') mallocMain += m.rss;
    else if (m.path === '' && m.start % ARENA === 0) {
      // An arena: its used part (rw) then the rest of the 64 MB reserved (---p), back to back, nothing else.
      let end = m.end;
      let rss = m.rss;
      let j = i + 1;
      while (end < m.start + ARENA && maps[j] && maps[j]!.start === end && maps[j]!.path === '') {
        end = maps[j]!.end;
        rss += maps[j]!.rss;
        j++;
      }
      if (end === m.start + ARENA && m.perms.startsWith('rw')) {
        arenas += rss;
        arenaCount++;
        i = j - 1;
      } else otherAnon += m.rss;
    } else if (m.path === '' || m.path.startsWith('[anon') || m.path === '[stack]') otherAnon += m.rss;
  }
  return {
    node_binary_mb: mb(nodeBinary),
    addons_mb: mb(addons),
    other_files_mb: mb(files),
    malloc_main_mb: mb(mallocMain),
    malloc_arenas_mb: mb(arenas),
    malloc_arenas: arenaCount,
    other_anon_mb: mb(otherAnon),
    main_heap_mb: mainHeap,
    threads,
  };
}
