/* Counts heap allocations of a process, for the performance guard.
   Built as a shared library and loaded with LD_PRELOAD; prints
   "plansite-allocations: N" to standard error when the process exits.
   The count depends on the work done, not on the machine's speed, so a
   guard on it is free of timing noise. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static atomic_ulong count;
static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static int (*real_posix_memalign)(void **, size_t, size_t);

/* dlsym itself may call calloc before the real one is known. */
static char bootstrap[4096];
static size_t bootstrap_used;

static void *bootstrap_alloc(size_t size) {
  size = (size + 15) & ~(size_t)15;
  if (bootstrap_used + size > sizeof bootstrap) return NULL;
  void *p = bootstrap + bootstrap_used;
  bootstrap_used += size;
  return p;
}

static void resolve(void) {
  if (!real_malloc) real_malloc = dlsym(RTLD_NEXT, "malloc");
  if (!real_calloc) real_calloc = dlsym(RTLD_NEXT, "calloc");
  if (!real_realloc) real_realloc = dlsym(RTLD_NEXT, "realloc");
  if (!real_posix_memalign) real_posix_memalign = dlsym(RTLD_NEXT, "posix_memalign");
}

void *malloc(size_t size) {
  if (!real_malloc) resolve();
  atomic_fetch_add_explicit(&count, 1, memory_order_relaxed);
  return real_malloc(size);
}

void *calloc(size_t n, size_t size) {
  if (!real_calloc) {
    static int resolving;
    if (resolving) return bootstrap_alloc(n * size);
    resolving = 1;
    resolve();
    resolving = 0;
  }
  atomic_fetch_add_explicit(&count, 1, memory_order_relaxed);
  return real_calloc(n, size);
}

void *realloc(void *p, size_t size) {
  if (!real_realloc) resolve();
  atomic_fetch_add_explicit(&count, 1, memory_order_relaxed);
  return real_realloc(p, size);
}

int posix_memalign(void **p, size_t alignment, size_t size) {
  if (!real_posix_memalign) resolve();
  atomic_fetch_add_explicit(&count, 1, memory_order_relaxed);
  return real_posix_memalign(p, alignment, size);
}

void free(void *p) {
  static void (*real_free)(void *);
  if ((char *)p >= bootstrap && (char *)p < bootstrap + sizeof bootstrap) return;
  if (!real_free) real_free = dlsym(RTLD_NEXT, "free");
  real_free(p);
}

__attribute__((destructor)) static void report(void) {
  char line[64];
  int n = snprintf(line, sizeof line, "plansite-allocations: %lu\n", atomic_load(&count));
  if (n > 0) { ssize_t ignored = write(2, line, (size_t)n); (void)ignored; }
}
