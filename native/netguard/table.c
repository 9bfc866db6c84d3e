/*
 * The refusal table: a file the host made (header filled in, entries zeroed) and this
 * process maps shared, so every refusal is in the file as soon as it is counted, also if
 * the supervisor is killed, and a flood of refusals takes no more memory than the file.
 * Little-endian, native alignment; src/engine/vm-process/refused-table.ts reads the same layout.
 */
#include "netguard.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#define TABLE_MAGIC       "KRNGTAB1"
#define TABLE_MAX_ENTRIES 4096

struct table_entry {
    uint8_t family;
    uint8_t protocol;
    uint16_t port;
    uint32_t reserved;
    uint8_t address[16];
    uint64_t count;
};

struct table {
    char magic[8];
    uint32_t capacity;
    uint32_t used;
    /* Every refusal, and those not itemized because the entries were full. */
    uint64_t total;
    uint64_t unlisted;
    struct table_entry entries[];
};

_Static_assert(sizeof(struct table) == 32, "the header is 32 bytes");
_Static_assert(sizeof(struct table_entry) == 32, "an entry is 32 bytes");

struct table *table_map(int fd)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < (off_t)sizeof(struct table))
        return NULL;
    struct table *table = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (table == MAP_FAILED)
        return NULL;
    if (memcmp(table->magic, TABLE_MAGIC, 8) != 0 || table->capacity > TABLE_MAX_ENTRIES ||
        (off_t)(sizeof *table + table->capacity * sizeof(struct table_entry)) != st.st_size ||
        table->used != 0) {
        munmap(table, (size_t)st.st_size);
        return NULL;
    }
    return table;
}

void table_record(struct table *table, const struct destination *to)
{
    table->total++;
    for (uint32_t i = 0; i < table->used; i++) {
        struct table_entry *entry = &table->entries[i];
        if (entry->family == to->family && entry->protocol == to->protocol &&
            entry->port == to->port && memcmp(entry->address, to->address, 16) == 0) {
            entry->count++;
            return;
        }
    }
    if (table->used == table->capacity) {
        table->unlisted++;
        return;
    }
    struct table_entry *entry = &table->entries[table->used];
    entry->family = to->family;
    entry->protocol = to->protocol;
    entry->port = to->port;
    memcpy(entry->address, to->address, 16);
    entry->count = 1;
    /* The entry is whole before it is counted in `used`, for a reader at any moment. */
    __atomic_store_n(&table->used, table->used + 1, __ATOMIC_RELEASE);
}
