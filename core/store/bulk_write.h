#pragma once

// How the store is tuned while a bulk writer (an import, a live feed) adds
// positions batch after batch, and set back when it is done. On SQLite:
// - every page a batch changes stays in the cache until the commit (a page
//   spilled to the log mid-transaction and changed again would be written
//   twice; a batch of time-ordered rows from thousands of vessels changes
//   each vessel's last leaf, so the cache must hold them all);
// - the log is copied into the database by a second connection
//   (wal_checkpointer.h) instead of by the writing thread.
// A server tunes itself: nothing is changed there.

#include "core/store/database.h"
#include "core/store/wal_checkpointer.h"

#include <memory>
#include <optional>

namespace wake::store {

class BulkWriteTuning
{
public:
    explicit BulkWriteTuning(Database& db);
    ~BulkWriteTuning();
    BulkWriteTuning(const BulkWriteTuning&) = delete;
    BulkWriteTuning& operator=(const BulkWriteTuning&) = delete;

    // After each commit: the log's pages can be copied now.
    void committed();

    static constexpr int kCacheKiB = 384 * 1024;

private:
    Database& m_db;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    std::optional<int> m_previousCacheSize;
};

} // namespace wake::store
