// Swift has no prefetch of its own. A lookup in a table bigger than the
// caches waits on memory; asking for the next lookups' lines early lets
// those waits overlap.
#ifndef RACEDASH_CPREFETCH_H
#define RACEDASH_CPREFETCH_H

static inline void racedash_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
