#pragma once

// Copies committed pages from SQLite's write-ahead log into the database on a
// second connection while an import goes on, instead of all at once when the
// database is closed. Best effort: a checkpoint that cannot run now runs
// later, and SQLite's own close still finishes the job.

#include "core/store/sql_connection.h"

#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace wake::store {

class WalCheckpointer
{
public:
    explicit WalCheckpointer(const QString& path);
    ~WalCheckpointer();
    // Asks for a checkpoint (after a commit); returns at once.
    void request();

private:
    void run(Connection connection);
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_pending = false;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace wake::store
